package dev.simplij.match;

import dev.simplij.expr.Expr;
import dev.simplij.rules.Rule;

/**
 * A rule matched at a node of an {@link Expr}: {@code bindings[k]} is the node bound to {@code _k}
 * (-1 for a placeholder number the rule does not use).
 */
public record Match(Rule rule, int ruleNumber, int[] bindings) {
    public Match {
        bindings = bindings.clone();
    }

    @Override
    public int[] bindings() {
        return bindings.clone();
    }

    /** The rule's right side with each placeholder replaced by the subtree of {@code e} it is bound to. */
    public Expr apply(Expr e) {
        return Matcher.instantiate(rule.rhs(), e, bindings);
    }
}
