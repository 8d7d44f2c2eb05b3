package dev.simplij.match;

import dev.simplij.expr.Expr;

/**
 * The left sides of all patterns of an index, compiled for matching into flat token arrays laid
 * out back to back, read left to right against a subject with an explicit stack instead of
 * recursion. Trying a candidate then reads a few adjacent array slots rather than a pattern object
 * and four arrays of its own: with thousands of rules, each try is otherwise a handful of cache
 * misses. A placeholder seen for the second time matches only a subtree equal to its first binding
 * (hash first, then verified by the subject).
 */
final class PatternTable {
    /** Token i of pattern p is at {@code start[p] + i}; {@code start[count]} is the total. */
    private final int[] start;
    /** {@code code << 2 | arity} per token (codes of leaves are negative; the shift keeps the sign). */
    private final int[] tokens;
    private final long[] payloads;
    /** Variable names, null for other tokens. */
    private final String[] names;
    private final int[] placeholders;

    PatternTable(Pattern[] patterns) {
        start = new int[patterns.length + 1];
        placeholders = new int[patterns.length];
        int total = 0;
        for (int p = 0; p < patterns.length; p++) {
            start[p] = total;
            total += patterns[p].size();
            placeholders[p] = patterns[p].placeholderCount();
        }
        start[patterns.length] = total;
        tokens = new int[total];
        payloads = new long[total];
        names = new String[total];
        for (int p = 0; p < patterns.length; p++) {
            Expr lhs = patterns[p].lhs();
            for (int i = 0, at = start[p]; i < lhs.size(); i++, at++) {
                int code = lhs.code(i);
                tokens[at] = code << 2 | lhs.arity(i);
                payloads[at] = lhs.payload(i);
                names[at] = code == Expr.VARIABLE ? lhs.variable(i) : null;
            }
        }
    }

    /**
     * Matches pattern {@code p} at {@code node}, filling {@code bindings[k]} with the subject node
     * bound to {@code _k}.
     *
     * @param stack scratch space of at least the pattern's size + 1 ints
     */
    boolean match(int p, Subject s, int node, int[] bindings, int[] stack) {
        for (int k = placeholders[p] - 1; k >= 0; k--) {
            bindings[k] = -1;
        }
        int top = 0;
        stack[top++] = node;
        for (int i = start[p], end = start[p + 1]; i < end; i++) {
            int t = stack[--top];
            int token = tokens[i];
            int code = token >> 2;
            if (code == Expr.PLACEHOLDER) {
                int k = (int) payloads[i];
                if (bindings[k] < 0) {
                    bindings[k] = t;
                } else if (s.hash(bindings[k]) != s.hash(t) || !s.sameSubtree(bindings[k], t)) {
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
            for (int k = (token & 3) - 1; k >= 0; k--) {
                stack[top++] = s.child(t, k);
            }
        }
        return true;
    }
}
