package dev.simplij.expr;

import java.util.Arrays;

/**
 * Prints SymPy-syntax infix as SymPy's own printer writes it ({@code sympy/printing/str.py}): sums
 * flat, in SymPy's term order, with subtraction for negative terms ({@code x**2 - 2*x + 1}); products
 * flat, numbers first, the denominator gathered after one {@code /} ({@code 3*x/4},
 * {@code q1*q2/(4*pi*epsilon*r**2)}); parentheses where SymPy puts them ({@code (x + 1)**2},
 * {@code 2**(x**2)}, {@code x**(-2)}). The order is {@link ReadingOrder}'s; operators other than
 * sums and products print from their {@link Operator.Notation} template.
 *
 * <p>The text reads back, with {@link Expr#parseInfix} and with SymPy's {@code sympify}, to an
 * expression of the same value, not always to the same tree ({@code 2*x1*x2} reads as
 * {@code (2*x1)*x2}). Iterative: an explicit stack of print tasks replaces recursion.
 */
final class InfixPrinter {
    /** Print a node as it stands, sign included. */
    private static final int NODE = 0;
    /** Print a node without its sign: a sum term or factor whose sign is printed already. */
    private static final int MAGNITUDE = 1;
    /** Print {@code TEXT[node]}. */
    private static final int TEXT = 2;
    /** Print {@code pow b -k} as {@code b**k}. */
    private static final int POSITIVE_POWER = 3;

    private static final int OPEN = 0;
    private static final int CLOSE = 1;
    private static final int PLUS = 2;
    private static final int MINUS = 3;
    private static final int LEADING_MINUS = 4;
    private static final int TIMES = 5;
    private static final int OVER = 6;
    private static final int OVER_OPEN = 7;
    private static final int ONE = 8;
    private static final int POWER = 9;
    /** Template pieces of operator {@code op}: {@code OPERATOR_TEXT + 3 * op.ordinal() + piece}. */
    private static final int OPERATOR_TEXT = 10;
    private static final String[] TEXTS = texts();

    private final Expr e;
    private final ReadingOrder reading;
    private ReadingOrder.Factors factors;
    private ReadingOrder.Terms terms;
    private final StringBuilder out;

    /** Tasks still to run, the next on top. */
    private final TaskList stack = new TaskList();
    /** The tasks of the node being expanded, in print order (pushed reversed). */
    private final TaskList sequence = new TaskList();

    /** Print tasks: a mode and a node each. */
    private static final class TaskList {
        int[] modes = new int[16];
        int[] nodes = new int[16];
        int size;

        void add(int mode, int node) {
            if (size == modes.length) {
                modes = Arrays.copyOf(modes, size * 2);
                nodes = Arrays.copyOf(nodes, size * 2);
            }
            modes[size] = mode;
            nodes[size] = node;
            size++;
        }
    }

    private InfixPrinter(Expr e) {
        this.e = e;
        this.reading = new ReadingOrder(e);
        this.out = new StringBuilder(e.size() * 5);
    }

    static String print(Expr e) {
        return new InfixPrinter(e).run();
    }

    private static String[] texts() {
        Operator[] ops = Operator.values();
        String[] texts = new String[OPERATOR_TEXT + 3 * ops.length];
        String[] fixed = {"(", ")", " + ", " - ", "-", "*", "/", "/(", "1", "**"};
        System.arraycopy(fixed, 0, texts, 0, fixed.length);
        for (Operator op : ops) {
            String template = op.notation().template();
            int first = template.indexOf("{0}");
            int second = template.indexOf("{1}");
            int base = OPERATOR_TEXT + 3 * op.ordinal();
            if (first < 0) {
                texts[base] = template;
                continue;
            }
            texts[base] = template.substring(0, first);
            if (second < 0) {
                texts[base + 2] = template.substring(first + 3);
            } else {
                texts[base + 1] = template.substring(first + 3, second);
                texts[base + 2] = template.substring(second + 3);
            }
        }
        return texts;
    }

    private String run() {
        TaskList tasks = stack;
        tasks.add(NODE, 0);
        while (tasks.size > 0) {
            int top = --tasks.size;
            int mode = tasks.modes[top];
            int node = tasks.nodes[top];
            switch (mode) {
                case TEXT -> out.append(TEXTS[node]);
                case POSITIVE_POWER -> positivePower(node);
                default -> node(node, mode == MAGNITUDE);
            }
        }
        return out.toString();
    }

    private void node(int node, boolean magnitude) {
        Operator op = e.operator(node);
        if (op == null) {
            String token = e.token(node);
            out.append(token, magnitude && token.startsWith("-") ? 1 : 0, token.length());
            return;
        }
        if (op.arity() == 0) {
            out.append(TEXTS[OPERATOR_TEXT + 3 * op.ordinal()]);
            return;
        }
        if (ReadingOrder.isSum(op)) {
            sum(node);
        } else if (ReadingOrder.readsAsProduct(e, node)) {
            product(node, magnitude);
        } else {
            operator(node, op);
        }
    }

    private void sum(int node) {
        if (terms == null) {
            terms = reading.newTerms();
        }
        ReadingOrder.Terms t = terms;
        reading.sum(node, t);
        for (int k = 0; k < t.count; k++) {
            boolean negative = t.negative(k);
            if (k > 0) {
                add(TEXT, negative ? MINUS : PLUS);
            } else if (negative) {
                add(TEXT, LEADING_MINUS);
            }
            add(MAGNITUDE, t.node(k));
        }
        flush();
    }

    private void product(int node, boolean magnitude) {
        if (factors == null) {
            factors = new ReadingOrder.Factors();
        }
        ReadingOrder.Factors f = factors;
        reading.product(node, f);
        if (f.negative && !magnitude) {
            add(TEXT, LEADING_MINUS);
        }
        if (f.numerator == 0) {
            add(TEXT, ONE);
        }
        for (int i = 0; i < f.numerator; i++) {
            if (i > 0) {
                add(TEXT, TIMES);
            }
            factor(f.nodes[i], f.flags[i]);
        }
        if (f.denominator == 1) {
            add(TEXT, OVER);
            factor(f.nodes[f.numerator], f.flags[f.numerator]);
        } else if (f.denominator > 1) {
            add(TEXT, OVER_OPEN);
            for (int i = f.numerator, end = f.count(); i < end; i++) {
                if (i > f.numerator) {
                    add(TEXT, TIMES);
                }
                factor(f.nodes[i], f.flags[i]);
            }
            add(TEXT, CLOSE);
        }
        flush();
    }

    /** One factor of a product, parenthesized when it binds no tighter than a product (SymPy: {@code <= Mul}). */
    private void factor(int node, int flags) {
        if ((flags & ReadingOrder.ABS_LITERAL) != 0) {
            add(MAGNITUDE, node);
        } else if ((flags & ReadingOrder.POSITIVE_POWER) != 0) {
            add(POSITIVE_POWER, node);
        } else if (precedence(node) <= Operator.Precedence.PRODUCT) {
            add(TEXT, OPEN);
            add(NODE, node);
            add(TEXT, CLOSE);
        } else {
            add(NODE, node);
        }
    }

    private void positivePower(int node) {
        operand(node + 1);
        add(TEXT, POWER);
        add(MAGNITUDE, e.child(node, 1));
        flush();
    }

    /** An operator printed from its template: powers, roots, functions. */
    private void operator(int node, Operator op) {
        int text = OPERATOR_TEXT + 3 * op.ordinal();
        add(TEXT, text);
        if (op.notation().operandFloor() == Operator.Precedence.NONE) {
            add(NODE, node + 1); // a call: its parentheses delimit the operand
        } else {
            operand(node + 1);
        }
        if (op.arity() == 2) {
            add(TEXT, text + 1);
            operand(e.child(node, 1));
        }
        add(TEXT, text + 2);
        flush();
    }

    /** A base or exponent of a power: parenthesized unless an atom or a call (SymPy: {@code <= Pow}). */
    private void operand(int node) {
        if (precedence(node) < Operator.Precedence.ATOM) {
            add(TEXT, OPEN);
            add(NODE, node);
            add(TEXT, CLOSE);
        } else {
            add(NODE, node);
        }
    }

    /** How tightly the printed text of a node binds. */
    static int precedence(Expr e, int node) {
        Operator op = e.operator(node);
        if (op == null) {
            return e.kind(node) == NodeKind.NUMBER && e.number(node) < 0 ? Operator.Precedence.SUM
                    : Operator.Precedence.ATOM;
        }
        if (ReadingOrder.isSum(op)) {
            return Operator.Precedence.SUM;
        }
        if (ReadingOrder.readsAsProduct(e, node)) {
            return Operator.Precedence.PRODUCT;
        }
        return op.notation().precedence();
    }

    private int precedence(int node) {
        return precedence(e, node);
    }

    private void add(int mode, int node) {
        sequence.add(mode, node);
    }

    /** Pushes the collected tasks so that they run in the order they were added. */
    private void flush() {
        TaskList seq = sequence;
        for (int i = seq.size - 1; i >= 0; i--) {
            stack.add(seq.modes[i], seq.nodes[i]);
        }
        seq.size = 0;
    }
}
