package dev.simplij.sr.data;

import dev.simplij.expr.Expr;
import dev.simplij.expr.NodeKind;
import dev.simplij.expr.Operator;

/** Moving between formulas and skeletons: numbers to {@code <constant>} and fitted values back. */
final class Skeletons {
    private Skeletons() {
    }

    /** The formula with every number, {@code pi} and {@code E} replaced by {@code <constant>}. */
    static Expr withFreeNumbers(Expr formula) {
        return rewriteLeaves(formula, null);
    }

    /** The skeleton with its {@code <constant>} occurrences replaced by {@code values}, in prefix order. */
    static Expr substitute(Expr skeleton, double[] values) {
        if (values.length != skeleton.constantCount()) {
            throw new IllegalArgumentException(skeleton + " has " + skeleton.constantCount() + " constants, got "
                    + values.length + " values");
        }
        return rewriteLeaves(skeleton, values);
    }

    /** With {@code values} null, free every number; else fill the constants with the values. */
    private static Expr rewriteLeaves(Expr e, double[] values) {
        Expr.Builder b = Expr.builder();
        int k = 0;
        for (int i = 0, n = e.size(); i < n; i++) {
            NodeKind kind = e.kind(i);
            Operator op = e.operator(i);
            boolean number = kind == NodeKind.NUMBER || (op != null && op.arity() == 0);
            if (values == null && (number || kind == NodeKind.CONSTANT)) {
                b.constant();
            } else if (values != null && kind == NodeKind.CONSTANT) {
                b.number(values[k++]);
            } else if (op != null) {
                b.operator(op);
            } else {
                switch (kind) {
                    case VARIABLE -> b.variable(e.variable(i));
                    case NUMBER -> b.number(e.number(i));
                    default -> b.placeholder(e.placeholder(i));
                }
            }
        }
        return b.build();
    }
}
