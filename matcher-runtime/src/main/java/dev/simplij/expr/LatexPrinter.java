package dev.simplij.expr;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Prints an expression as LaTeX for papers and notebooks, in the reading order of the infix printer
 * ({@link ReadingOrder}, SymPy's): sums flat with subtraction ({@code x^{2} - 2 x + 1}), products flat,
 * numbers first, a denominator gathered into one {@code \frac} ({@code \frac{3 x}{4}},
 * {@code \frac{q_{1} q_{2}}{4 \pi \epsilon r^{2}}}); {@code \sqrt} for roots, {@code e^{x}} for
 * {@code exp}, Greek letters for variables named after them, numbers in scientific notation as
 * {@code 1.5 \cdot 10^{-8}}. Parentheses follow the precedence the reader sees: a quotient or a
 * function as the base of a power is parenthesized, and so is a sum among other factors.
 *
 * <p>Iterative and linear in the output: an explicit stack of texts and nodes walks the tree, so deep
 * trees print without stack overflow or quadratic copying. Stateless and thread-safe.
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

    /** A node to print; {@code magnitude}: without its sign, which is printed already. */
    private record Task(int node, boolean magnitude) {
    }

    /** The LaTeX of {@code e}; free constants print as {@code c}, placeholders as {@code \_k}. */
    public static String print(Expr e) {
        return new Printer(e).run();
    }

    /** One printing: the tree, its reading order and the stack of what is still to print. */
    private static final class Printer {
        private final Expr e;
        private final ReadingOrder reading;
        private final ReadingOrder.Factors factors = new ReadingOrder.Factors();
        private final ReadingOrder.Terms terms;
        private final StringBuilder out;
        /** Strings to append and {@link Task}s, the next on top. */
        private final Deque<Object> stack = new ArrayDeque<>();
        /** What the node being expanded prints, in order (pushed reversed). */
        private final List<Object> items = new ArrayList<>();

        Printer(Expr e) {
            this.e = e;
            this.reading = new ReadingOrder(e);
            this.terms = reading.newTerms();
            this.out = new StringBuilder(e.size() * 6);
        }

        String run() {
            stack.push(new Task(0, false));
            while (!stack.isEmpty()) {
                Object top = stack.pop();
                if (top instanceof String text) {
                    out.append(text);
                } else {
                    expand((Task) top);
                }
            }
            return out.toString();
        }

        private void expand(Task task) {
            int node = task.node();
            Operator op = e.operator(node);
            if (op == null || op.arity() == 0) {
                String text = leafText(e, node, op);
                out.append(task.magnitude() && text.startsWith("-") ? text.substring(1) : text);
                return;
            }
            if (ReadingOrder.isSum(op)) {
                sum(node);
            } else if (ReadingOrder.readsAsProduct(e, node)) {
                reading.product(node, factors);
                if (factors.negative && !task.magnitude()) {
                    items.add("-");
                }
                factors(factors.nodes, factors.flags, 0, factors.numerator, factors.denominator);
            } else {
                Layout layout = layout(op);
                items.add(layout.before);
                operand(e.child(node, 0), layout.floor0);
                if (op.arity() == 2) {
                    items.add(layout.between);
                    operand(e.child(node, 1), layout.floor1);
                }
                items.add(layout.after);
            }
            for (int i = items.size() - 1; i >= 0; i--) {
                stack.push(items.get(i));
            }
            items.clear();
        }

        private void sum(int node) {
            ReadingOrder.Terms t = terms;
            reading.sum(node, t);
            for (int k = 0; k < t.count; k++) {
                boolean negative = t.negative(k);
                items.add(k > 0 ? (negative ? " - " : " + ") : negative ? "-" : "");
                if (t.isProduct(k)) {
                    int index = t.order[k];
                    int start = t.factorStart[index];
                    int numerator = t.numerators[index];
                    factors(t.factorNodes, t.factorFlags, start, numerator,
                            t.factorStart[index + 1] - start - numerator);
                } else {
                    items.add(new Task(t.node(k), true));
                }
            }
        }

        /** A product's factors: juxtaposed, or {@code \frac{numerator}{denominator}}. */
        private void factors(int[] nodes, int[] flags, int from, int numerator, int denominator) {
            if (denominator > 0) {
                items.add("\\frac{");
                part(nodes, flags, from, numerator, true);
                items.add("}{");
                part(nodes, flags, from + numerator, denominator, true);
                items.add("}");
            } else {
                part(nodes, flags, from, numerator, false);
            }
        }

        /** Factors side by side, {@code \cdot} where two numbers would run together; {@code 1} for none. */
        private void part(int[] nodes, int[] flags, int from, int count, boolean inFraction) {
            if (count == 0) {
                items.add("1");
                return;
            }
            for (int i = from; i < from + count; i++) {
                int node = nodes[i];
                int flag = flags[i];
                if (i > from) {
                    items.add(startsWithDigit(node, flag) ? " \\cdot " : " ");
                }
                if ((flag & ReadingOrder.ABS_LITERAL) != 0) {
                    items.add(new Task(node, true));
                } else if ((flag & ReadingOrder.POSITIVE_POWER) != 0) {
                    operand(node + 1, ATOM);
                    items.add("^{");
                    items.add(new Task(e.child(node, 1), true));
                    items.add("}");
                } else {
                    // Alone in a \frac part a sum needs no parentheses; beside other factors or a sign it does.
                    operand(node, count > 1 || !inFraction ? PRODUCT : NONE);
                }
            }
        }

        private void operand(int node, int floor) {
            if (precedence(node) < floor) {
                items.add(OPEN);
                items.add(new Task(node, false));
                items.add(CLOSE);
            } else {
                items.add(new Task(node, false));
            }
        }

        /** True when the factor's text starts with a digit: a number, or a power of one. */
        private boolean startsWithDigit(int node, int flag) {
            if ((flag & ReadingOrder.ABS_LITERAL) != 0) {
                return true;
            }
            int first = (flag & ReadingOrder.POSITIVE_POWER) != 0 ? node + 1 : node;
            while (true) {
                Operator op = e.operator(first);
                if (op == null) {
                    return e.code(first) == Expr.NUMBER && !e.token(first).startsWith("-");
                }
                switch (op) {
                    case POW, POW2, POW3, POW4, POW5 -> {
                        if (precedence(first + 1) < ATOM) {
                            return false;
                        }
                        first = first + 1;
                    }
                    default -> {
                        return false;
                    }
                }
            }
        }

        /** How tightly node's printed text binds. */
        private int precedence(int node) {
            Operator op = e.operator(node);
            if (op == null) {
                if (e.code(node) != Expr.NUMBER) {
                    return ATOM;
                }
                String token = e.token(node);
                return token.startsWith("-") ? UNARY_MINUS : token.indexOf('E') >= 0 ? PRODUCT : ATOM;
            }
            if (ReadingOrder.isSum(op)) {
                return SUM;
            }
            if (ReadingOrder.readsAsProduct(e, node)) {
                ReadingOrder.Factors f = new ReadingOrder.Factors();
                reading.product(node, f);
                return f.negative ? UNARY_MINUS : f.denominator > 0 ? DELIMITED
                        : f.numerator == 1 && f.flags[0] == 0 ? precedence(f.nodes[0]) : PRODUCT;
            }
            return switch (op) {
                case POW, POW2, POW3, POW4, POW5, EXP -> POWER;
                case POW1_2, POW1_3, POW1_4, POW1_5, LOG, SIN, COS, TAN, SINH, COSH, TANH, ASIN, ACOS, ATAN -> DELIMITED;
                default -> ATOM;
            };
        }
    }

    private static Layout layout(Operator op) {
        return switch (op) {
            case POW -> new Layout("", "^{", "}", ATOM, NONE);
            case ABS -> Layout.unary("\\left|", "\\right|", NONE);
            case POW2, POW3, POW4, POW5 -> Layout.unary("", "^{" + op.token().substring(3) + "}", ATOM);
            case POW1_2 -> Layout.unary("\\sqrt{", "}", NONE);
            case POW1_3, POW1_4, POW1_5 -> Layout.unary("\\sqrt[" + op.token().substring(5) + "]{", "}", NONE);
            case EXP -> Layout.unary("e^{", "}", NONE);
            case LOG -> Layout.function("\\log");
            case SIN, COS, TAN, SINH, COSH, TANH -> Layout.function("\\" + op.token());
            case ASIN, ACOS, ATAN -> Layout.function("\\operatorname{" + op.token() + "}");
            default -> throw new IllegalArgumentException("no LaTeX layout for " + op);
        };
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
