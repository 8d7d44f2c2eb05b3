package dev.simplij.match;

import dev.simplij.expr.Expr;
import dev.simplij.expr.Operator;
import dev.simplij.rules.Rule;

import java.util.ArrayDeque;
import java.util.LinkedHashMap;
import java.util.List;

/**
 * A rule's left side, or one commuted variant of it, as the index holds it: the rule, its number and
 * the left side as matched. Its tokens are compiled into the index's {@link PatternTable}.
 */
public final class Pattern {
    private final Rule rule;
    private final int ruleNumber;
    private final Expr lhs;
    private final int placeholders;

    Pattern(Rule rule, int ruleNumber, Expr lhs) {
        this.rule = rule;
        this.ruleNumber = ruleNumber;
        this.lhs = lhs;
        placeholders = lhs.placeholderCount();
    }

    /** The rule this pattern belongs to. */
    public Rule rule() {
        return rule;
    }

    /** Position of the rule in the list the index was built from. */
    public int ruleNumber() {
        return ruleNumber;
    }

    /** The left side as matched: the rule's, or a variant with commutative operands swapped. */
    public Expr lhs() {
        return lhs;
    }

    /** Number of binding slots a match fills ({@code _0} to {@code _(n-1)}). */
    public int placeholderCount() {
        return placeholders;
    }

    int size() {
        return lhs.size();
    }

    boolean isGround() {
        return placeholders == 0;
    }

    /** The variants of {@code lhs} under swapping operands of commutative operators, deduplicated, original first. */
    public static List<Expr> commutedVariants(Expr lhs, int limit) {
        LinkedHashMap<String, Expr> seen = new LinkedHashMap<>();
        seen.put(lhs.toPrefix(), lhs);
        ArrayDeque<Expr> work = new ArrayDeque<>();
        work.add(lhs);
        while (!work.isEmpty() && seen.size() < limit) {
            Expr e = work.poll();
            for (int i = 0; i < e.size() && seen.size() < limit; i++) {
                Operator op = e.operator(i);
                if (op != null && op.isCommutative()) {
                    Expr swapped = swapOperands(e, i);
                    if (seen.putIfAbsent(swapped.toPrefix(), swapped) == null) {
                        work.add(swapped);
                    }
                }
            }
        }
        return List.copyOf(seen.values());
    }

    private static Expr swapOperands(Expr e, int node) {
        int first = node + 1;
        int second = e.end(first);
        Expr.Builder b = Expr.builder();
        for (int i = 0; i < node; i++) {
            b.token(e, i);
        }
        b.token(e, node);
        b.subtree(e, second);
        b.subtree(e, first);
        for (int i = e.end(node); i < e.size(); i++) {
            b.token(e, i);
        }
        return b.build();
    }

    @Override
    public String toString() {
        return lhs + " (rule " + ruleNumber + ": " + rule + ")";
    }
}
