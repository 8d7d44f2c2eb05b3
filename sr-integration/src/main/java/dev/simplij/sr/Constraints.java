package dev.simplij.sr;

import dev.simplij.expr.Expr;
import dev.simplij.expr.Operator;
import java.util.EnumMap;
import java.util.Map;

/**
 * Limits on the candidates a search may build: maximum complexity, maximum depth, and how often one
 * operator may occur nested inside another (PySR's {@code nested_constraints}: {@code sin} inside
 * {@code sin} at most 0 times forbids {@code sin(x + sin(x))}). Immutable.
 */
public final class Constraints {
    private final int maxComplexity;
    private final int maxDepth;
    private final Map<Operator, Map<Operator, Integer>> nesting;

    private Constraints(int maxComplexity, int maxDepth, Map<Operator, Map<Operator, Integer>> nesting) {
        this.maxComplexity = maxComplexity;
        this.maxDepth = maxDepth;
        this.nesting = nesting;
    }

    /** Complexity at most {@code maxComplexity}, depth at most {@code maxDepth}, no nesting limits. */
    public static Constraints of(int maxComplexity, int maxDepth) {
        if (maxComplexity < 1 || maxDepth < 1) {
            throw new IllegalArgumentException("limits must be >= 1, got complexity " + maxComplexity + ", depth " + maxDepth);
        }
        return new Constraints(maxComplexity, maxDepth, Map.of());
    }

    /** These limits plus: {@code inner} may occur at most {@code times} times on a path below {@code outer}. */
    public Constraints nesting(Operator outer, Operator inner, int times) {
        if (times < 0) {
            throw new IllegalArgumentException("nesting count must be >= 0, got " + times);
        }
        Map<Operator, Map<Operator, Integer>> copy = new EnumMap<>(Operator.class);
        nesting.forEach((k, v) -> copy.put(k, new EnumMap<>(v)));
        copy.computeIfAbsent(outer, k -> new EnumMap<>(Operator.class)).put(inner, times);
        return new Constraints(maxComplexity, maxDepth, copy);
    }

    /**
     * These limits plus the nesting limits written {@code outer:inner=N}, comma-separated, as PySR's
     * {@code nested_constraints={"sin": {"sin": 0, "cos": 0}}} is {@code sin:sin=0,sin:cos=0}.
     *
     * @throws IllegalArgumentException naming the entry that is not of that form or names no operator
     */
    public Constraints nesting(String spec) {
        Constraints c = this;
        for (String entry : spec.split(",")) {
            String e = entry.trim();
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("([^:=\\s]+):([^:=\\s]+)=(\\d+)").matcher(e);
            if (!m.matches()) {
                throw new IllegalArgumentException("nesting limit '" + e + "' is not outer:inner=N (as sin:sin=0)");
            }
            c = c.nesting(operator(m.group(1), e), operator(m.group(2), e), Integer.parseInt(m.group(3)));
        }
        return c;
    }

    private static Operator operator(String token, String entry) {
        Operator op = Operator.byToken(token);
        if (op == null || op.arity() == 0) {
            throw new IllegalArgumentException("nesting limit '" + entry + "': '" + token + "' is not an operator");
        }
        return op;
    }

    /** PySR-style defaults for the given unary operators: none of them inside itself. */
    public Constraints noSelfNesting(Iterable<Operator> operators) {
        Constraints c = this;
        for (Operator op : operators) {
            if (op.arity() == 1) {
                c = c.nesting(op, op, 0);
            }
        }
        return c;
    }

    public int maxComplexity() {
        return maxComplexity;
    }

    public int maxDepth() {
        return maxDepth;
    }

    /** True when {@code e} (of complexity {@code complexity}) respects every limit. */
    boolean admits(Expr e, int complexity) {
        if (complexity > maxComplexity) {
            return false;
        }
        int[] depth = new int[e.size()];
        for (int i = e.size() - 1; i >= 0; i--) {
            int d = 0;
            for (int k = 0; k < e.arity(i); k++) {
                d = Math.max(d, depth[e.child(i, k)]);
            }
            depth[i] = d + 1;
        }
        if (depth[0] > maxDepth) {
            return false;
        }
        if (nesting.isEmpty()) {
            return true;
        }
        for (int i = 0; i < e.size(); i++) {
            Map<Operator, Integer> limits = e.operator(i) == null ? null : nesting.get(e.operator(i));
            if (limits != null) {
                for (Map.Entry<Operator, Integer> l : limits.entrySet()) {
                    for (int k = 0; k < e.arity(i); k++) {
                        if (maxOnPath(e, e.child(i, k), l.getKey()) > l.getValue()) {
                            return false;
                        }
                    }
                }
            }
        }
        return true;
    }

    /** Most occurrences of {@code op} on one root-to-leaf path of the subtree at {@code node}. */
    private static int maxOnPath(Expr e, int node, Operator op) {
        int end = e.end(node);
        int[] count = new int[end - node];
        for (int i = end - 1; i >= node; i--) {
            int c = 0;
            for (int k = 0; k < e.arity(i); k++) {
                c = Math.max(c, count[e.child(i, k) - node]);
            }
            count[i - node] = c + (e.operator(i) == op ? 1 : 0);
        }
        return count[0];
    }
}
