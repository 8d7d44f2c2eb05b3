package dev.simplij.jmh;

import dev.simplij.expr.Expr;
import dev.simplij.rules.Rule;
import dev.simplij.simplify.Simplifier;
import java.util.List;

/**
 * Not a JMH benchmark: what each step of the simplifier costs. Times the same stream of distinct
 * inputs (thread CPU time, as {@link SimplifyCpuTime}'s last column) through simplifiers with steps
 * switched off one after another, from everything on down to converting in and out only. Three
 * rounds in turns; the last one is printed, so every configuration is warm and saw the same load. Each
 * line also gives what the configuration yields for that time: the mean result length on the same
 * inputs, and the share of results longer than with every step.
 *
 * <pre>{@code java -cp jmh/target/benchmarks.jar dev.simplij.jmh.StepCosts [RULESET] [TOKENS]}</pre>
 */
public final class StepCosts {
    private static final int ROUNDS = 3;

    private StepCosts() {
    }

    private record Configuration(String name, Simplifier simplifier) {
    }

    public static void main(String[] args) {
        String ruleset = args.length > 0 ? args[0] : "default";
        int tokens = args.length > 1 ? Integer.parseInt(args[1]) : 15;
        List<Rule> rules = BenchmarkRules.load(ruleset);
        List<Configuration> configurations = List.of(
                new Configuration("every step", Simplifier.builder().rules(rules).build()),
                new Configuration("no like terms", Simplifier.builder().rules(rules).likeTerms(false).build()),
                new Configuration("rules only", Simplifier.builder().rules(rules).likeTerms(false).folding(false).build()),
                new Configuration("built-in steps, no rules", Simplifier.builder().build()),
                new Configuration("operand order only", Simplifier.builder().likeTerms(false).folding(false).build()),
                new Configuration("nothing (convert in and out)",
                        Simplifier.builder().likeTerms(false).folding(false).canonicalOrder(false).build()));
        double[] micros = new double[configurations.size()];
        for (int round = 0; round < ROUNDS; round++) {
            for (int k = 0; k < micros.length; k++) {
                micros[k] = SimplifyCpuTime.distinctInputsMicros(configurations.get(k).simplifier(), tokens, 20);
            }
        }
        // what each configuration gives for that time: its mean result length, and how often it is
        // longer than with every step
        Expr[] inputs = SimplifyCpuTime.distinctInputs(tokens);
        int[] everyStep = new int[inputs.length];
        System.out.printf("%d-token inputs, rule set %s: CPU us per call, 4,096 distinct inputs, median of 9 passes;"
                + " mean result tokens; results longer than with every step%n", tokens, ruleset);
        for (int k = 0; k < micros.length; k++) {
            Simplifier simplifier = configurations.get(k).simplifier();
            long sum = 0;
            int longer = 0;
            for (int i = 0; i < inputs.length; i++) {
                int size = simplifier.simplify(inputs[i]).size();
                if (k == 0) {
                    everyStep[i] = size;
                }
                sum += size;
                longer += size > everyStep[i] ? 1 : 0;
            }
            System.out.printf("%-30s %7.2f %7.2f %6.1f%%%n", configurations.get(k).name(), micros[k],
                    sum / (double) inputs.length, 100.0 * longer / inputs.length);
        }
        System.out.printf("(result tokens, summed: %d)%n", SimplifyCpuTime.resultTokens);
    }
}
