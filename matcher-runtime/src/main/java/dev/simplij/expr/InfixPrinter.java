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
    /** By operator ordinal: the precedence of its printed form; {@code POW_PRECEDENCE} for {@code pow} (maybe {@code 1/b}). */
    private static final int[] PRECEDENCE = precedences();
    private static final int POW_PRECEDENCE = -1;

    /** Expressions up to this size print with a per-thread printer, reused with its scratch space. */
    private static final int REUSED_UP_TO = 4096;
    private static final ThreadLocal<InfixPrinter> REUSED = ThreadLocal.withInitial(InfixPrinter::new);

    private Expr e;
    private final ReadingOrder reading = new ReadingOrder(null);
    private final ReadingOrder.Factors factors = new ReadingOrder.Factors();
    private final ReadingOrder.Terms terms = reading.newTerms();
    private StringBuilder out;

    /** Tasks still to run, the next on top. */
    private final TaskList stack = new TaskList();

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

    private InfixPrinter() {
    }

    static String print(Expr e) {
        boolean reused = e.size() <= REUSED_UP_TO;
        InfixPrinter printer = reused ? REUSED.get() : new InfixPrinter();
        printer.e = e;
        printer.reading.reset(e);
        if (!reused || printer.out == null) {
            printer.out = new StringBuilder(e.size() * 8);
        }
        printer.out.setLength(0);
        try {
            return printer.run();
        } finally {
            printer.e = null;
            printer.reading.reset(null);
            printer.stack.size = 0;
        }
    }

    private static int[] precedences() {
        Operator[] ops = Operator.values();
        int[] p = new int[ops.length];
        for (Operator op : ops) {
            p[op.ordinal()] = ReadingOrder.isSum(op) ? Operator.Precedence.SUM
                    : ReadingOrder.isProduct(op) ? Operator.Precedence.PRODUCT
                    : op == Operator.POW ? POW_PRECEDENCE : op.notation().precedence();
        }
        return p;
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
            texts[base + 1] = "";
            texts[base + 2] = "";
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
        first(NODE, 0);
        while (tasks.size > 0) {
            int top = --tasks.size;
            int packed = tasks.modes[top];
            int node = tasks.nodes[top];
            int before = (packed >> 2) - 1;
            if (before >= 0) {
                out.append(TEXTS[before]);
            }
            switch (packed & 3) {
                case TEXT -> out.append(TEXTS[node]);
                case POSITIVE_POWER -> positivePower(node);
                default -> node(node, (packed & 3) == MAGNITUDE);
            }
        }
        return out.toString();
    }

    private void node(int node, boolean magnitude) {
        Operator op = e.operator(node);
        if (op == null || op.arity() == 0) {
            leaf(node, op, magnitude);
        } else if (ReadingOrder.isSum(op)) {
            sum(node);
        } else if (ReadingOrder.readsAsProduct(e, node)) {
            product(node, magnitude);
        } else {
            operator(node, op);
        }
    }

    private void leaf(int node, Operator namedConstant, boolean magnitude) {
        if (namedConstant != null) {
            out.append(TEXTS[OPERATOR_TEXT + 3 * namedConstant.ordinal()]);
            return;
        }
        String token = e.token(node);
        if (magnitude && token.charAt(0) == '-') {
            out.append(token, 1, token.length());
        } else {
            out.append(token);
        }
    }

    // Each expansion pushes its tasks last first, so that they run first to last; what comes before
    // all of them is appended at once, and so is its first item when it is a leaf.

    /** The first item of an expansion: a leaf is printed at once, anything else pushed. */
    private void first(int mode, int node) {
        Operator op = e.operator(node);
        if (op == null || op.arity() == 0) {
            leaf(node, op, mode == MAGNITUDE);
        } else {
            push(mode, node, -1);
        }
    }

    private void sum(int node) {
        ReadingOrder.Terms t = terms;
        reading.sum(node, t);
        for (int k = t.count - 1; k > 0; k--) {
            term(t, k, t.negative(k) ? MINUS : PLUS);
        }
        if (t.negative(0)) {
            out.append('-');
        }
        term(t, 0, -1);
    }

    /** A term without its sign, after {@code before} (-1: first, printed at once when it can be). */
    private void term(ReadingOrder.Terms t, int k, int before) {
        if (t.isProduct(k)) {
            int index = t.order[k];
            int start = t.factorStart[index];
            int numerator = t.numerators[index];
            factors(t.factorNodes, t.factorFlags, start, numerator, t.factorStart[index + 1] - start - numerator,
                    before);
        } else if (before < 0) {
            first(MAGNITUDE, t.node(k));
        } else {
            push(MAGNITUDE, t.node(k), before);
        }
    }

    private void product(int node, boolean magnitude) {
        ReadingOrder.Factors f = factors;
        reading.product(node, f);
        if (f.negative && !magnitude) {
            out.append('-');
        }
        factors(f.nodes, f.flags, 0, f.numerator, f.denominator, -1);
    }

    /**
     * A product's factors from {@code nodes[from, ...)}: the numerator ({@code 1} when empty), then
     * {@code /} and the denominator, parenthesized when it has several factors; after {@code before}
     * (-1: printed first, at once when it can be).
     */
    private void factors(int[] nodes, int[] flags, int from, int numerator, int denominator, int before) {
        int den = from + numerator;
        if (denominator == 1) {
            factor(nodes[den], flags[den], OVER);
        } else if (denominator > 1) {
            push(TEXT, CLOSE, -1);
            for (int i = den + denominator - 1; i >= den; i--) {
                factor(nodes[i], flags[i], i > den ? TIMES : OVER_OPEN);
            }
        }
        for (int i = den - 1; i > from; i--) {
            factor(nodes[i], flags[i], TIMES);
        }
        if (numerator == 0) {
            if (before < 0) {
                out.append('1');
            } else {
                push(TEXT, ONE, before);
            }
        } else if (before < 0 && flags[from] == 0 && precedence(nodes[from]) > Operator.Precedence.PRODUCT) {
            first(NODE, nodes[from]);
        } else {
            factor(nodes[from], flags[from], before);
        }
    }

    /**
     * One factor of a product after the text {@code before}, parenthesized when it binds no tighter
     * than a product (SymPy: {@code <= Mul}).
     */
    private void factor(int node, int flags, int before) {
        if ((flags & ReadingOrder.ABS_LITERAL) != 0) {
            push(MAGNITUDE, node, before);
        } else if ((flags & ReadingOrder.POSITIVE_POWER) != 0) {
            push(POSITIVE_POWER, node, before);
        } else if (precedence(node) <= Operator.Precedence.PRODUCT) {
            parenthesized(node, before);
        } else {
            push(NODE, node, before);
        }
    }

    private void positivePower(int node) {
        push(MAGNITUDE, e.child(node, 1), POWER);
        operand(node + 1, -1);
    }

    /** An operator printed from its template: powers, roots, functions. */
    private void operator(int node, Operator op) {
        int text = OPERATOR_TEXT + 3 * op.ordinal();
        if (!TEXTS[text + 2].isEmpty()) {
            push(TEXT, text + 2, -1);
        }
        if (op.arity() == 2) {
            operand(e.child(node, 1), text + 1);
        }
        out.append(TEXTS[text]);
        if (op.notation().operandFloor() == Operator.Precedence.NONE) {
            first(NODE, node + 1); // a call: its parentheses delimit the operand
        } else {
            operand(node + 1, -1);
        }
    }

    /** A base or exponent of a power after {@code before}: parenthesized unless an atom or a call (SymPy: {@code <= Pow}). */
    private void operand(int node, int before) {
        if (precedence(node) < Operator.Precedence.ATOM) {
            parenthesized(node, before);
        } else if (before < 0) {
            first(NODE, node);
        } else {
            push(NODE, node, before);
        }
    }

    private void parenthesized(int node, int before) {
        push(TEXT, CLOSE, -1);
        push(NODE, node, OPEN);
        if (before >= 0) {
            push(TEXT, before, -1);
        }
    }

    /** How tightly the printed text of a node binds. */
    static int precedence(Expr e, int node) {
        int code = e.code(node);
        if (code < 0) {
            return code == Expr.NUMBER && e.number(node) < 0 ? Operator.Precedence.SUM : Operator.Precedence.ATOM;
        }
        int p = PRECEDENCE[code];
        if (p == POW_PRECEDENCE) {
            return ReadingOrder.readsAsProduct(e, node) ? Operator.Precedence.PRODUCT : Operator.Precedence.POWER;
        }
        return p;
    }

    private int precedence(int node) {
        return precedence(e, node);
    }

    /** Pushes a task that prints {@code TEXTS[before]} (unless -1) and then runs. */
    private void push(int mode, int node, int before) {
        stack.add(mode | (before + 1) << 2, node);
    }
}
