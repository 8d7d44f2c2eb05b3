package dev.simplij.expr;

import java.util.Arrays;

/**
 * Prints SymPy-syntax infix from each operator's {@link Operator.Notation}, adding the parentheses
 * that Python's precedence needs and those that make the text read back to the same tree.
 * Iterative: an explicit stack of template positions replaces recursion.
 */
final class InfixPrinter {
    private InfixPrinter() {
    }

    static String print(Expr e) {
        StringBuilder out = new StringBuilder(e.size() * 4);
        int capacity = 16;
        int[] nodes = new int[capacity];
        int[] cursor = new int[capacity];
        boolean[] closes = new boolean[capacity];
        int top = 0;
        nodes[top] = 0;
        cursor[top] = 0;
        closes[top] = false;
        top++;
        while (top > 0) {
            int f = top - 1;
            int node = nodes[f];
            Operator op = e.operator(node);
            if (op == null || op.arity() == 0) {
                out.append(leaf(e, node, op));
                top = pop(out, closes, f);
                continue;
            }
            String template = op.notation().template();
            int i = cursor[f];
            while (i < template.length() && template.charAt(i) != '{') {
                out.append(template.charAt(i++));
            }
            if (i >= template.length()) {
                top = pop(out, closes, f);
                continue;
            }
            int operand = template.charAt(i + 1) - '0';
            cursor[f] = i + 3;
            int child = e.child(node, operand);
            boolean parens = needsParentheses(e, op, operand, child);
            if (parens) {
                out.append('(');
            }
            if (top == capacity) {
                capacity *= 2;
                nodes = Arrays.copyOf(nodes, capacity);
                cursor = Arrays.copyOf(cursor, capacity);
                closes = Arrays.copyOf(closes, capacity);
            }
            nodes[top] = child;
            cursor[top] = 0;
            closes[top] = parens;
            top++;
        }
        return out.toString();
    }

    private static int pop(StringBuilder out, boolean[] closes, int frame) {
        if (closes[frame]) {
            out.append(')');
        }
        return frame;
    }

    private static String leaf(Expr e, int node, Operator namedConstant) {
        if (namedConstant != null) {
            return namedConstant.notation().template();
        }
        return e.token(node);
    }

    static int precedence(Expr e, int node) {
        Operator op = e.operator(node);
        if (op != null) {
            return op.notation().precedence();
        }
        if (e.kind(node) == NodeKind.NUMBER && e.number(node) < 0) {
            return Operator.Precedence.UNARY_MINUS;
        }
        return Operator.Precedence.ATOM;
    }

    private static boolean needsParentheses(Expr e, Operator op, int operand, int child) {
        if (op == Operator.NEG && e.kind(child) == NodeKind.NUMBER) {
            return true; // "-2" would read back as the literal -2, not as neg 2
        }
        int childPrecedence = precedence(e, child);
        Operator.Notation notation = op.notation();
        if (childPrecedence < notation.operandFloor()) {
            return true;
        }
        if (op.arity() == 2 && childPrecedence == notation.precedence()) {
            // Python's ** groups to the right, every other binary operator to the left.
            return (op == Operator.POW) == (operand == 0);
        }
        return false;
    }
}
