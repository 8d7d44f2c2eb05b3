package dev.simplij.match;

import dev.simplij.expr.Expr;
import dev.simplij.expr.Operator;
import dev.simplij.rules.Rule;

import java.util.ArrayDeque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.function.Consumer;

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
        return variants(lhs, limit, false);
    }

    /**
     * The variants of {@code lhs} under swapping operands of commutative operators and, with
     * {@code regrouped}, regrouping chains of associative ones ({@code + + a b c} and
     * {@code + a + b c}), deduplicated, original first. Both keep the value wherever the left side
     * is defined on the reals (a chain is defined where all its operands are, in any grouping).
     */
    public static List<Expr> variants(Expr lhs, int limit, boolean regrouped) {
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
                // one direction suffices: with the swaps, (a b) c -> a (b c) reaches every grouping
                if (regrouped && op != null && op.isAssociative() && e.operator(i + 1) == op
                        && seen.size() < limit) {
                    Expr rotated = rotated(e, i);
                    if (seen.putIfAbsent(rotated.toPrefix(), rotated) == null) {
                        work.add(rotated);
                    }
                }
            }
        }
        return List.copyOf(seen.values());
    }

    /** {@code op (op a b) c} at {@code node} rewritten as {@code op a (op b c)}. */
    private static Expr rotated(Expr e, int node) {
        int a = node + 2;
        int b = e.end(a);
        int c = e.end(node + 1);
        return rewrittenAt(e, node, out -> out.token(e, node).subtree(e, a).token(e, node).subtree(e, b)
                .subtree(e, c));
    }

    private static Expr swapOperands(Expr e, int node) {
        int first = node + 1;
        int second = e.end(first);
        return rewrittenAt(e, node, out -> out.token(e, node).subtree(e, second).subtree(e, first));
    }

    /** {@code e} with the subtree at {@code node} replaced by what {@code subtree} writes. */
    private static Expr rewrittenAt(Expr e, int node, Consumer<Expr.Builder> subtree) {
        Expr.Builder out = Expr.builder();
        for (int i = 0; i < node; i++) {
            out.token(e, i);
        }
        subtree.accept(out);
        for (int i = e.end(node); i < e.size(); i++) {
            out.token(e, i);
        }
        return out.build();
    }

    @Override
    public String toString() {
        return lhs + " (rule " + ruleNumber + ": " + rule + ")";
    }
}
