package dev.simplij.match;

import dev.simplij.expr.Expr;

/** An {@link Expr} as a {@link Subject}: node numbers are prefix positions. */
record ExprSubject(Expr expr) implements Subject {
    @Override
    public int code(int node) {
        return expr.code(node);
    }

    @Override
    public long payload(int node) {
        return expr.payload(node);
    }

    @Override
    public String variableName(int node) {
        return expr.variable(node);
    }

    @Override
    public int child(int node, int k) {
        return expr.child(node, k);
    }

    @Override
    public long hash(int node) {
        return expr.hash(node);
    }

    @Override
    public boolean sameSubtree(int a, int b) {
        return (a == b || expr.subtreeEquals(a, expr, b)) && !containsConstant(a);
    }

    /** Each {@code <constant>} is its own unknown: subtrees holding one are never equal to another. */
    private boolean containsConstant(int node) {
        for (int i = node, end = expr.end(node); i < end; i++) {
            if (expr.code(i) == Expr.CONSTANT) {
                return true;
            }
        }
        return false;
    }
}
