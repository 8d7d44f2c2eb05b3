package dev.simplij.testing;

import dev.simplij.expr.Expr;
import dev.simplij.expr.Operator;

/**
 * Infix that reads back to exactly the printed tree, modulo the infix parser's spellings: every
 * operand of every operator in parentheses, nothing flattened or reordered. {@link Expr#toInfix}
 * reads back to the same value only; tests of the parser's spellings need the same tree.
 * Recursive: for the short expressions of tests.
 */
public final class TreeInfix {
    private TreeInfix() {
    }

    public static String of(Expr e) {
        StringBuilder out = new StringBuilder(e.size() * 6);
        append(e, 0, out);
        return out.toString();
    }

    private static void append(Expr e, int node, StringBuilder out) {
        Operator op = e.operator(node);
        if (op == null || op.arity() == 0) {
            out.append(op == null ? e.token(node) : op.notation().template());
            return;
        }
        String template = op.notation().template();
        for (int i = 0; i < template.length(); i++) {
            char c = template.charAt(i);
            if (c == '{') {
                out.append('(');
                append(e, e.child(node, template.charAt(i + 1) - '0'), out);
                out.append(')');
                i += 2;
            } else {
                out.append(c);
            }
        }
    }
}
