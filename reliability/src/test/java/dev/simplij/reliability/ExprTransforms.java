package dev.simplij.reliability;

import dev.simplij.expr.Expr;
import dev.simplij.expr.Operator;
import org.apache.commons.rng.UniformRandomProvider;

import java.util.Map;

/** Rewritings of an expression that must not change what the simplifier makes of it. */
final class ExprTransforms {
    private ExprTransforms() {
    }

    /** Swaps the operands of a random choice of {@code +} and {@code *} nodes. */
    static Expr permuteCommutative(Expr e, UniformRandomProvider rng) {
        Expr.Builder b = Expr.builder();
        permute(e, 0, rng, b);
        return b.build();
    }

    private static void permute(Expr e, int node, UniformRandomProvider rng, Expr.Builder b) {
        Operator op = e.operator(node);
        b.token(e, node);
        if (op == null || op.arity() == 0) {
            return;
        }
        if (op.arity() == 1) {
            permute(e, node + 1, rng, b);
            return;
        }
        int left = e.child(node, 0);
        int right = e.child(node, 1);
        boolean swap = op.isCommutative() && rng.nextBoolean();
        permute(e, swap ? right : left, rng, b);
        permute(e, swap ? left : right, rng, b);
    }

    /** Infix that reads back to exactly this tree (modulo the parser's spellings): every operand in parentheses. */
    static String treeInfix(Expr e) {
        StringBuilder out = new StringBuilder();
        appendTree(e, 0, out);
        return out.toString();
    }

    private static void appendTree(Expr e, int node, StringBuilder out) {
        Operator op = e.operator(node);
        if (op == null || op.arity() == 0) {
            out.append(op == null ? e.token(node) : op.notation().template());
            return;
        }
        String[] pieces = op.notation().template().split("\\{[01]}", -1);
        for (int k = 0; k < pieces.length; k++) {
            out.append(pieces[k]);
            if (k < op.arity()) {
                out.append('(');
                appendTree(e, e.child(node, k), out);
                out.append(')');
            }
        }
    }

    /** Renames variables; names not in the map stay. */
    static Expr rename(Expr e, Map<String, String> names) {
        Expr.Builder b = Expr.builder();
        for (int i = 0; i < e.size(); i++) {
            if (e.kind(i) == dev.simplij.expr.NodeKind.VARIABLE) {
                b.variable(names.getOrDefault(e.variable(i), e.variable(i)));
            } else {
                b.token(e, i);
            }
        }
        return b.build();
    }
}
