package dev.simplij.match;

import dev.simplij.expr.Expr;
import dev.simplij.expr.Operator;
import dev.simplij.rules.Rule;

import java.util.ArrayDeque;
import java.util.LinkedHashMap;
import java.util.List;

/**
 * A rule's left side (or one commuted variant of it) compiled for matching: flat token arrays read
 * left to right against a subject, with an explicit stack instead of recursion. A placeholder seen
 * for the second time matches only a subtree equal to its first binding (hash first, then verified
 * by the subject).
 */
public final class Pattern {
    private final Rule rule;
    private final int ruleNumber;
    private final Expr lhs;
    private final int[] codes;
    private final long[] payloads;
    private final String[] names;
    private final int[] arities;
    private final int placeholders;

    Pattern(Rule rule, int ruleNumber, Expr lhs) {
        this.rule = rule;
        this.ruleNumber = ruleNumber;
        this.lhs = lhs;
        int n = lhs.size();
        codes = new int[n];
        payloads = new long[n];
        names = new String[n];
        arities = new int[n];
        for (int i = 0; i < n; i++) {
            codes[i] = lhs.code(i);
            payloads[i] = lhs.payload(i);
            names[i] = codes[i] == Expr.VARIABLE ? lhs.variable(i) : null;
            arities[i] = lhs.arity(i);
        }
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
        return codes.length;
    }

    boolean isGround() {
        return placeholders == 0;
    }

    /**
     * Matches at {@code node}, filling {@code bindings[k]} with the subject node bound to {@code _k}.
     *
     * @param stack scratch space of at least {@link #size()} + 1 ints
     */
    boolean match(Subject s, int node, int[] bindings, int[] stack) {
        for (int k = 0; k < placeholders; k++) {
            bindings[k] = -1; // a plain loop: patterns have few placeholders, a fill call costs more
        }
        int top = 0;
        stack[top++] = node;
        for (int i = 0; i < codes.length; i++) {
            int t = stack[--top];
            int code = codes[i];
            if (code == Expr.PLACEHOLDER) {
                int p = (int) payloads[i];
                if (bindings[p] < 0) {
                    bindings[p] = t;
                } else if (s.hash(bindings[p]) != s.hash(t) || !s.sameSubtree(bindings[p], t)) {
                    return false;
                }
                continue;
            }
            if (s.code(t) != code) {
                return false;
            }
            if (code == Expr.NUMBER && s.payload(t) != payloads[i]) {
                return false;
            }
            if (code == Expr.VARIABLE && !names[i].equals(s.variableName(t))) {
                return false;
            }
            for (int k = arities[i] - 1; k >= 0; k--) {
                stack[top++] = s.child(t, k);
            }
        }
        return true;
    }

    /** The variants of {@code lhs} under swapping operands of commutative operators, deduplicated, original first. */
    static List<Expr> commutedVariants(Expr lhs, int limit) {
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
