package dev.simplij.expr;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Prints an expression as LaTeX for papers and notebooks: {@code \frac} for quotients, {@code \sqrt}
 * for roots, {@code e^{x}} for {@code exp}, Greek letters for variables named after them, numbers in
 * scientific notation as {@code 1.5 \cdot 10^{-8}}. Parentheses follow the precedence the reader
 * sees, not the tree alone: a quotient or a function as the base of a power is parenthesized, and so
 * is a negative factor on the right of a product.
 *
 * <p>Iterative and linear in the output: each node is a layout (text before, between and after its
 * operands) and an explicit stack walks the tree, as in the infix printer, so deep trees print
 * without stack overflow or quadratic copying. Stateless and thread-safe.
 */
public final class LatexPrinter {
    // How tightly a printed node binds, from loosest to tightest.
    private static final int NONE = 0;
    private static final int SUM = 1;
    private static final int PRODUCT = 2;
    private static final int UNARY_MINUS = 3;
    private static final int POWER = 4;
    /** Self-delimiting, but not a safe base for a superscript: {@code \frac}, functions, roots. */
    private static final int DELIMITED = 5;
    private static final int ATOM = 6;

    private static final String OPEN = "\\left(";
    private static final String CLOSE = "\\right)";

    private LatexPrinter() {
    }

    /**
     * The text around an operator's operands ({@code between} only for binary operators) and the
     * least precedence each operand may have without parentheses.
     */
    private record Layout(String before, String between, String after, int floor0, int floor1) {
        static Layout unary(String before, String after, int floor) {
            return new Layout(before, null, after, floor, NONE);
        }

        static Layout function(String name) {
            return unary(name + "{" + OPEN, CLOSE + "}", NONE);
        }
    }

    /** A node being printed: how many of its operands are done, and whether it is parenthesized. */
    private static final class Frame {
        final int node;
        final boolean wrapped;
        int stage;

        Frame(int node, boolean wrapped) {
            this.node = node;
            this.wrapped = wrapped;
        }
    }

    /** The LaTeX of {@code e}; free constants print as {@code c}, placeholders as {@code \_k}. */
    public static String print(Expr e) {
        boolean[] startsWithDigit = startsWithDigit(e);
        StringBuilder out = new StringBuilder(e.size() * 6);
        Deque<Frame> stack = new ArrayDeque<>();
        stack.push(new Frame(0, false));
        while (!stack.isEmpty()) {
            Frame f = stack.peek();
            Operator op = e.operator(f.node);
            if (op == null || op.arity() == 0) {
                out.append(leafText(e, f.node, op));
                finish(out, stack);
                continue;
            }
            Layout layout = layout(op, e, f.node, startsWithDigit);
            int operand = f.stage++;
            if (operand == 0) {
                out.append(layout.before);
            } else if (operand == 1 && op.arity() == 2) {
                out.append(layout.between);
            } else {
                out.append(layout.after);
                finish(out, stack);
                continue;
            }
            int child = e.child(f.node, operand);
            boolean parens = precedence(e, child) < (operand == 0 ? layout.floor0 : layout.floor1);
            if (parens) {
                out.append(OPEN);
            }
            stack.push(new Frame(child, parens));
        }
        return out.toString();
    }

    private static void finish(StringBuilder out, Deque<Frame> stack) {
        if (stack.pop().wrapped) {
            out.append(CLOSE);
        }
    }

    private static Layout layout(Operator op, Expr e, int node, boolean[] startsWithDigit) {
        return switch (op) {
            case ADD -> new Layout("", " + ", "", NONE, SUM);
            case SUB -> new Layout("", " - ", "", NONE, SUM + 1);
            // Juxtaposition, except where two numbers would run together (2 \cdot 3, x \cdot 2).
            case MUL -> new Layout("", rightStartsWithDigit(e, node, startsWithDigit) ? " \\cdot " : " ", "",
                    PRODUCT, POWER);
            case DIV -> new Layout("\\frac{", "}{", "}", NONE, NONE);
            case POW -> new Layout("", "^{", "}", ATOM, NONE);
            case NEG -> Layout.unary("-", "", POWER);
            case INV -> Layout.unary("\\frac{1}{", "}", NONE);
            case ABS -> Layout.unary("\\left|", "\\right|", NONE);
            case POW2, POW3, POW4, POW5 -> Layout.unary("", "^{" + op.token().substring(3) + "}", ATOM);
            case POW1_2 -> Layout.unary("\\sqrt{", "}", NONE);
            case POW1_3, POW1_4, POW1_5 -> Layout.unary("\\sqrt[" + op.token().substring(5) + "]{", "}", NONE);
            case EXP -> Layout.unary("e^{", "}", NONE);
            case LOG -> Layout.function("\\log");
            case SIN, COS, TAN, SINH, COSH, TANH -> Layout.function("\\" + op.token());
            case ASIN, ACOS, ATAN -> Layout.function("\\operatorname{" + op.token() + "}");
            default -> throw new IllegalArgumentException("no LaTeX for " + op);
        };
    }

    private static boolean rightStartsWithDigit(Expr e, int node, boolean[] startsWithDigit) {
        int right = e.child(node, 1);
        return precedence(e, right) >= POWER && startsWithDigit[right];
    }

    /** How tightly node's printed text binds. */
    private static int precedence(Expr e, int node) {
        Operator op = e.operator(node);
        if (op == null) {
            if (e.kind(node) != NodeKind.NUMBER) {
                return ATOM;
            }
            String token = e.token(node);
            return token.startsWith("-") ? UNARY_MINUS : token.indexOf('E') >= 0 ? PRODUCT : ATOM;
        }
        return switch (op) {
            case ADD, SUB -> SUM;
            case MUL -> PRODUCT;
            case NEG -> UNARY_MINUS;
            case POW, POW2, POW3, POW4, POW5, EXP -> POWER;
            case DIV, INV, POW1_2, POW1_3, POW1_4, POW1_5, LOG, SIN, COS, TAN, SINH, COSH, TANH, ASIN, ACOS, ATAN ->
                    DELIMITED;
            default -> ATOM;
        };
    }

    /**
     * Per node, whether its text starts with a digit: a non-negative number, or a node that prints
     * its unparenthesized first operand first. Filled in reverse prefix order, operands first.
     */
    private static boolean[] startsWithDigit(Expr e) {
        boolean[] digit = new boolean[e.size()];
        for (int node = e.size() - 1; node >= 0; node--) {
            Operator op = e.operator(node);
            if (op == null) {
                digit[node] = e.kind(node) == NodeKind.NUMBER && !e.token(node).startsWith("-");
            } else if (op.arity() > 0) {
                Layout layout = switch (op) {
                    case ADD, SUB, MUL, POW, POW2, POW3, POW4, POW5 -> layout(op, e, node, digit);
                    default -> null;
                };
                int first = node + 1;
                digit[node] = layout != null && digit[first] && precedence(e, first) >= layout.floor0;
            }
        }
        return digit;
    }

    private static String leafText(Expr e, int node, Operator namedConstant) {
        if (namedConstant != null) {
            return namedConstant == Operator.PI ? "\\pi" : "e";
        }
        return switch (e.kind(node)) {
            case VARIABLE -> variable(e.variable(node));
            case NUMBER -> number(e.token(node));
            case CONSTANT -> "c";
            case PLACEHOLDER -> "\\_" + e.placeholder(node);
            case OPERATOR -> throw new AssertionError("operator leaf " + e.token(node));
        };
    }

    /** {@code 1.5E-8} as {@code 1.5 \cdot 10^{-8}}. */
    private static String number(String token) {
        int exponent = token.indexOf('E');
        return exponent < 0 ? token : token.substring(0, exponent) + " \\cdot 10^{" + token.substring(exponent + 1) + "}";
    }

    /** {@code x1} as {@code x_{1}}, {@code theta} as {@code \theta}; other names as upright text. */
    private static String variable(String name) {
        int split = name.length();
        while (split > 0 && Character.isDigit(name.charAt(split - 1))) {
            split--;
        }
        String stem = name.substring(0, split);
        String index = name.substring(split);
        String greek = switch (stem) {
            case "alpha", "beta", "gamma", "delta", "epsilon", "theta", "lambda", "mu", "nu", "rho", "sigma",
                 "tau", "phi", "omega", "Gamma", "Delta", "Theta", "Lambda", "Sigma", "Phi", "Omega" -> "\\" + stem;
            default -> null;
        };
        String base = greek != null ? greek : stem.length() <= 1 ? stem : "\\mathrm{" + stem.replace("_", "\\_") + "}";
        return index.isEmpty() ? base : base + "_{" + index + "}";
    }
}
