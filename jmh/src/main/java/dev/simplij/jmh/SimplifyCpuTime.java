package dev.simplij.jmh;

import dev.simplij.expr.Expr;
import dev.simplij.simplify.Simplifier;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;

/**
 * A cross-check of the simplify benchmarks for a shared, loaded machine, not a JMH benchmark: the
 * thread's CPU time per call, which time spent descheduled does not inflate, unlike JMH's wall
 * clock. Each input is simplified many times in a row and timed as a block (a CPU-time reading
 * costs about a microsecond), so its branches and caches are warm: read the figures as a lower
 * bound beside the JMH medians. Prints the median over 64 inputs per size, and per token. The last
 * column streams 4,096 distinct inputs instead (each simplified once per pass, as a batch of real
 * formulas would be): the CPU time of a pass divided by its inputs, median of 9 passes.
 *
 * <pre>{@code java -cp jmh/target/benchmarks.jar dev.simplij.jmh.SimplifyCpuTime [RULESET] [TOKENS ...]}</pre>
 */
public final class SimplifyCpuTime {
    private static final int INPUTS = 64;
    private static final int DISTINCT_INPUTS = 4096;
    private static final int PASSES = 9;

    private SimplifyCpuTime() {
    }

    public static void main(String[] args) {
        String ruleset = args.length > 0 ? args[0] : "default";
        int[] sizes = args.length > 1
                ? Arrays.stream(args, 1, args.length).mapToInt(Integer::parseInt).toArray()
                : new int[] {5, 15, 40, 100, 300, 1000};
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        Simplifier simplifier = BenchmarkRules.simplifier(ruleset);
        System.out.printf("%s%n%7s %16s %12s %22s%n", simplifier, "tokens", "median CPU us", "us/token",
                "distinct inputs CPU us");
        for (int tokens : sizes) {
            Expr[] pool = RandomExpressions.pool(RandomExpressions.DEFAULT_SEED, INPUTS, tokens);
            int reps = Math.max(10, 20_000 / tokens);
            for (int warm = 0; warm < 3; warm++) {
                for (Expr e : pool) {
                    for (int r = 0; r < reps; r++) {
                        simplifier.simplify(e);
                    }
                }
            }
            long[] nanos = new long[INPUTS];
            for (int i = 0; i < INPUTS; i++) {
                long start = threads.getCurrentThreadCpuTime();
                for (int r = 0; r < reps; r++) {
                    resultTokens += simplifier.simplify(pool[i]).size();
                }
                nanos[i] = (threads.getCurrentThreadCpuTime() - start) / reps;
            }
            Arrays.sort(nanos);
            double median = nanos[INPUTS / 2] / 1e3;
            System.out.printf("%7d %16.2f %12.3f %22.2f%n", tokens, median, median / tokens,
                    distinctInputsMicros(simplifier, tokens, 1));
        }
        System.out.printf("(result tokens, summed: %d)%n", resultTokens);
    }

    /** Sink of the results' lengths, so that the JIT cannot drop the timed calls. */
    static long resultTokens;

    /**
     * CPU microseconds per call over a stream of 4,096 distinct inputs of {@code tokens} tokens,
     * each simplified once per pass: the median of 9 passes, after {@code warmPasses} untimed ones.
     */
    /** The stream {@link #distinctInputsMicros} times: 4,096 seeded inputs of {@code tokens} tokens. */
    static Expr[] distinctInputs(int tokens) {
        return RandomExpressions.pool(RandomExpressions.DEFAULT_SEED + 1, DISTINCT_INPUTS, tokens);
    }

    static double distinctInputsMicros(Simplifier simplifier, int tokens, int warmPasses) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        Expr[] distinct = distinctInputs(tokens);
        long[] passNanos = new long[PASSES];
        for (int pass = -warmPasses; pass < PASSES; pass++) {
            long start = threads.getCurrentThreadCpuTime();
            for (Expr e : distinct) {
                resultTokens += simplifier.simplify(e).size();
            }
            if (pass >= 0) {
                passNanos[pass] = (threads.getCurrentThreadCpuTime() - start) / DISTINCT_INPUTS;
            }
        }
        Arrays.sort(passNanos);
        return passNanos[PASSES / 2] / 1e3;
    }
}
