package dev.simplij.expr;

import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.DoubleBinaryOperator;
import java.util.function.DoubleUnaryOperator;

/**
 * The one operator table of SimpliJ: every parser, printer, evaluator, the rule miner and the matcher
 * read it, so adding an operator is adding one row here.
 *
 * <p>Evaluation follows real-number semantics: a result that is not a finite real number
 * (a pole, a logarithm of a negative number, an even root of a negative number, an overflow) is
 * {@code NaN}, meaning "undefined at this point".
 *
 * <p>Infix templates use SymPy syntax, so printed infix can be read by {@code sympify}; {@code {0}}
 * and {@code {1}} stand for the operands.
 */
public enum Operator {
    ADD("+", 2, Notation.infix("{0} + {1}", Precedence.SUM), Flags.COMMUTATIVE | Flags.ASSOCIATIVE,
            null, (a, b) -> a + b),
    SUB("-", 2, Notation.infix("{0} - {1}", Precedence.SUM), 0, null, (a, b) -> a - b),
    MUL("*", 2, Notation.infix("{0}*{1}", Precedence.PRODUCT), Flags.COMMUTATIVE | Flags.ASSOCIATIVE,
            null, (a, b) -> a * b),
    DIV("/", 2, Notation.infix("{0}/{1}", Precedence.PRODUCT), 0, null, (a, b) -> b == 0 ? Double.NaN : a / b),
    POW("pow", 2, Notation.infix("{0}**{1}", Precedence.POWER), 0, null, Operator::realPow),

    NEG("neg", 1, Notation.prefixMinus(), Flags.ODD, a -> -a, null),
    INV("inv", 1, Notation.of("1/{0}", Precedence.PRODUCT, Precedence.POWER), Flags.ODD,
            a -> a == 0 ? Double.NaN : 1 / a, null),
    ABS("abs", 1, Notation.function("Abs"), Flags.EVEN, Math::abs, null, "Abs"),
    POW2("pow2", 1, Notation.power("2"), Flags.EVEN, a -> a * a, null, "square"),
    POW3("pow3", 1, Notation.power("3"), Flags.ODD, a -> a * a * a, null, "cube"),
    POW4("pow4", 1, Notation.power("4"), Flags.EVEN, a -> (a * a) * (a * a), null),
    POW5("pow5", 1, Notation.power("5"), Flags.ODD, a -> (a * a) * (a * a) * a, null),
    POW1_2("pow1_2", 1, Notation.function("sqrt"), 0, a -> a < 0 ? Double.NaN : Math.sqrt(a), null, "sqrt"),
    POW1_3("pow1_3", 1, Notation.of("real_root({0}, 3)", Precedence.ATOM, Precedence.NONE), Flags.ODD, Math::cbrt, null),
    POW1_4("pow1_4", 1, Notation.power("(1/4)"), 0, a -> a < 0 ? Double.NaN : Math.sqrt(Math.sqrt(a)), null),
    POW1_5("pow1_5", 1, Notation.of("real_root({0}, 5)", Precedence.ATOM, Precedence.NONE), Flags.ODD,
            a -> Math.copySign(Math.pow(Math.abs(a), 0.2), a), null),
    EXP("exp", 1, Notation.function("exp"), 0, Math::exp, null),
    LOG("log", 1, Notation.function("log"), 0, a -> a <= 0 ? Double.NaN : Math.log(a), null, "ln"),
    SIN("sin", 1, Notation.function("sin"), Flags.ODD, Math::sin, null),
    COS("cos", 1, Notation.function("cos"), Flags.EVEN, Math::cos, null),
    TAN("tan", 1, Notation.function("tan"), Flags.ODD, Math::tan, null),
    ASIN("asin", 1, Notation.function("asin"), Flags.ODD, Math::asin, null, "arcsin"),
    ACOS("acos", 1, Notation.function("acos"), 0, Math::acos, null, "arccos"),
    ATAN("atan", 1, Notation.function("atan"), Flags.ODD, Math::atan, null, "arctan"),
    SINH("sinh", 1, Notation.function("sinh"), Flags.ODD, Math::sinh, null),
    COSH("cosh", 1, Notation.function("cosh"), Flags.EVEN, Math::cosh, null),
    TANH("tanh", 1, Notation.function("tanh"), Flags.ODD, Math::tanh, null),

    PI("pi", 0, Notation.of("pi", Precedence.ATOM, Precedence.NONE), 0, null, null),
    EULER("E", 0, Notation.of("E", Precedence.ATOM, Precedence.NONE), 0, null, null);

    /** Operator precedences of the infix notation, as in Python. */
    public static final class Precedence {
        public static final int NONE = 0;
        public static final int SUM = 10;
        public static final int PRODUCT = 20;
        public static final int UNARY_MINUS = 30;
        public static final int POWER = 40;
        public static final int ATOM = 50;

        private Precedence() {
        }
    }

    /** Algebraic flags the simplifier relies on. */
    static final class Flags {
        static final int COMMUTATIVE = 1;
        static final int ASSOCIATIVE = 2;
        static final int ODD = 4;
        static final int EVEN = 8;

        private Flags() {
        }
    }

    /**
     * How an operator is written in infix.
     *
     * @param template      the text with {@code {0}}, {@code {1}} for operands
     * @param precedence    the precedence of the whole printed form
     * @param operandFloor  an operand of lower precedence than this is parenthesized
     *                      ({@link Precedence#NONE} when operands are already delimited, as in a call)
     */
    public record Notation(String template, int precedence, int operandFloor) {
        static Notation of(String template, int precedence, int operandFloor) {
            return new Notation(template, precedence, operandFloor);
        }

        static Notation infix(String template, int precedence) {
            return new Notation(template, precedence, precedence);
        }

        static Notation function(String name) {
            return new Notation(name + "({0})", Precedence.ATOM, Precedence.NONE);
        }

        static Notation power(String exponent) {
            return new Notation("{0}**" + exponent, Precedence.POWER, Precedence.ATOM);
        }

        static Notation prefixMinus() {
            return new Notation("-{0}", Precedence.UNARY_MINUS, Precedence.UNARY_MINUS + 1);
        }
    }

    private static final Operator[] VALUES = values();
    private static final Map<String, Operator> BY_TOKEN;

    static {
        Map<String, Operator> byToken = new HashMap<>();
        for (Operator op : VALUES) {
            byToken.put(op.token, op);
            for (String alias : op.aliases) {
                byToken.put(alias, op);
            }
        }
        BY_TOKEN = Collections.unmodifiableMap(byToken);
    }

    private final String token;
    private final int arity;
    private final Notation notation;
    private final int flags;
    private final DoubleUnaryOperator unary;
    private final DoubleBinaryOperator binary;
    private final List<String> aliases;

    Operator(String token, int arity, Notation notation, int flags, DoubleUnaryOperator unary,
             DoubleBinaryOperator binary, String... aliases) {
        this.token = token;
        this.arity = arity;
        this.notation = notation;
        this.flags = flags;
        this.unary = unary;
        this.binary = binary;
        this.aliases = List.of(aliases);
    }

    /** The prefix token, as in rule files ({@code +}, {@code pow1_2}, {@code sin}, {@code pi}). */
    public String token() {
        return token;
    }

    /** Number of operands: 2, 1, or 0 for the named constants {@code pi} and {@code E}. */
    public int arity() {
        return arity;
    }

    /** Other names accepted by the parsers. */
    public List<String> aliases() {
        return aliases;
    }

    public Notation notation() {
        return notation;
    }

    public boolean isCommutative() {
        return (flags & Flags.COMMUTATIVE) != 0;
    }

    public boolean isAssociative() {
        return (flags & Flags.ASSOCIATIVE) != 0;
    }

    /**
     * The integer power a unary operator raises its operand to: 2 to 5 for {@code pow2} to
     * {@code pow5}, -1 for {@code inv}; 0 for every other operator.
     */
    public int integerPower() {
        return switch (this) {
            case POW2 -> 2;
            case POW3 -> 3;
            case POW4 -> 4;
            case POW5 -> 5;
            case INV -> -1;
            default -> 0;
        };
    }

    /**
     * n for the real n-th root {@code pow1_n} (2 to 5), else 0: its n-th power is its operand
     * wherever the root is defined ({@code real_root(x, 3)**3 = x}, {@code sqrt(x)**2 = x} for x >= 0).
     */
    public int rootDegree() {
        return switch (this) {
            case POW1_2 -> 2;
            case POW1_3 -> 3;
            case POW1_4 -> 4;
            case POW1_5 -> 5;
            default -> 0;
        };
    }

    /** The operator {@code powK} for k from 2 to 5 ({@link #integerPower} k), else null. */
    public static Operator ofIntegerPower(long k) {
        return k >= 2 && k <= 5 ? VALUES[POW2.ordinal() + (int) k - 2] : null;
    }

    /** A unary operator with {@code f(-x) = -f(x)} wherever either side is defined ({@code sin}, {@code pow3}). */
    public boolean isOdd() {
        return (flags & Flags.ODD) != 0;
    }

    /** A unary operator with {@code f(-x) = f(x)} wherever either side is defined ({@code cos}, {@code abs}). */
    public boolean isEven() {
        return (flags & Flags.EVEN) != 0;
    }

    /** The operator with this ordinal; the flat expression encoding stores ordinals. */
    public static Operator ofOrdinal(int ordinal) {
        return VALUES[ordinal];
    }

    public static int count() {
        return VALUES.length;
    }

    /** The operator whose token or alias this is (case-sensitive, as in rule files), or null. */
    public static Operator byToken(String token) {
        return BY_TOKEN.get(token);
    }

    /** The operator for a name in either notation, trying the lower-cased name too ({@code Abs}). */
    static Operator byName(String name) {
        Operator op = BY_TOKEN.get(name);
        return op != null ? op : BY_TOKEN.get(name.toLowerCase(Locale.ROOT));
    }

    /** The value of a named constant ({@code pi}, {@code E}). */
    public double constantValue() {
        return switch (this) {
            case PI -> Math.PI;
            case EULER -> Math.E;
            default -> throw new IllegalStateException(token + " is not a named constant");
        };
    }

    /** Applies a unary operator; NaN where it is undefined on the reals. */
    public double apply(double a) {
        double r = unary.applyAsDouble(a);
        return Double.isFinite(r) ? r : Double.NaN;
    }

    /** Applies a binary operator; NaN where it is undefined on the reals. */
    public double apply(double a, double b) {
        double r = binary.applyAsDouble(a, b);
        return Double.isFinite(r) ? r : Double.NaN;
    }

    /** Applies a unary operator to every element: {@code out[i] = op(a[i])}. */
    public void applyAll(double[] a, double[] out) {
        for (int i = 0; i < out.length; i++) {
            double r = unary.applyAsDouble(a[i]);
            out[i] = Double.isFinite(r) ? r : Double.NaN;
        }
    }

    /** Applies a binary operator to every pair: {@code out[i] = op(a[i], b[i])}. */
    public void applyAll(double[] a, double[] b, double[] out) {
        for (int i = 0; i < out.length; i++) {
            double r = binary.applyAsDouble(a[i], b[i]);
            out[i] = Double.isFinite(r) ? r : Double.NaN;
        }
    }

    /** {@code out[i] = op(a[i], b)}: a vector and a scalar right operand. */
    void applyAll(double[] a, double b, double[] out) {
        for (int i = 0; i < out.length; i++) {
            double r = binary.applyAsDouble(a[i], b);
            out[i] = Double.isFinite(r) ? r : Double.NaN;
        }
    }

    /** {@code out[i] = op(a, b[i])}: a scalar left operand and a vector. */
    void applyAll(double a, double[] b, double[] out) {
        for (int i = 0; i < out.length; i++) {
            double r = binary.applyAsDouble(a, b[i]);
            out[i] = Double.isFinite(r) ? r : Double.NaN;
        }
    }

    /**
     * Real power: defined for a negative base only with an integer exponent, and {@code 0^b} only
     * for {@code b >= 0} ({@code 0^0 = 1}, as in SymPy and IEEE).
     */
    private static double realPow(double base, double exponent) {
        if (base < 0 && exponent != Math.rint(exponent)) {
            return Double.NaN;
        }
        if (base == 0 && exponent < 0) {
            return Double.NaN;
        }
        return Math.pow(base, exponent);
    }
}
