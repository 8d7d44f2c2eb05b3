package dev.simplij.jmh;

import dev.simplij.expr.Expr;
import dev.simplij.rules.Rule;
import dev.simplij.rules.RuleSet;
import dev.simplij.simplify.Simplifier;
import java.util.List;

/** The rules a benchmark runs with, chosen by its {@code ruleset} parameter. */
final class BenchmarkRules {
    /** The {@code ruleset} value for no rules at all: folding and like-term collection only. */
    static final String NONE = "none";

    private BenchmarkRules() {
    }

    /** A shipped rule set by name ({@code default}), a rule file by path, or no rules for {@value #NONE}. */
    static List<Rule> load(String ruleset) {
        return NONE.equals(ruleset) ? List.of() : RuleSet.load(ruleset).rules();
    }

    /** A simplifier with every step on and the given rules. */
    static Simplifier simplifier(String ruleset) {
        return Simplifier.builder().rules(load(ruleset)).build();
    }

    /**
     * One line saying what the simplifier does to the inputs (mean length before and after, how
     * many got shorter), printed at set-up so a fast figure cannot hide a simplifier doing nothing.
     */
    static String effect(Simplifier simplifier, Expr[] inputs) {
        long before = 0;
        long after = 0;
        int shorter = 0;
        for (Expr e : inputs) {
            int out = simplifier.simplify(e).size();
            before += e.size();
            after += out;
            shorter += out < e.size() ? 1 : 0;
        }
        return String.format("%n%s: %d inputs, mean %.1f -> %.1f tokens, %d shortened%n", simplifier, inputs.length,
                (double) before / inputs.length, (double) after / inputs.length, shorter);
    }
}
