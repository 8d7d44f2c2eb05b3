package dev.simplij.reliability;

import dev.simplij.expr.Expr;
import dev.simplij.expr.NodeKind;
import dev.simplij.expr.Operator;

import java.math.BigDecimal;
import java.util.List;

/**
 * The second, high-precision opinion of the soundness check: evaluates an expression at a point in
 * outward-rounded decimal interval arithmetic ({@link IntervalArithmetic}, {@link
 * ElementaryFunctions}) at a chosen number of significant digits, so the exact real value is
 * certainly inside the result, and says whether the expression is certainly defined there,
 * certainly undefined, or cannot tell. The point's coordinates are taken as the exact values of
 * their doubles; a number literal as the decimal it prints as, the value a reader of the printed
 * expression (SymPy) gives it: folding {@code x/10} to {@code 0.1*x} is exact, although the
 * double 0.1 is not 1/10. Iterative over the flat prefix encoding, so any depth is fine; immutable
 * and thread-safe.
 */
public final class DecimalIntervalEvaluator {
    private final IntervalArithmetic arithmetic;
    private final ElementaryFunctions functions;

    /** An evaluator carrying {@code digits} significant decimal digits (at least 10). */
    public DecimalIntervalEvaluator(int digits) {
        if (digits < 10) {
            throw new IllegalArgumentException("need at least 10 digits, got " + digits);
        }
        arithmetic = new IntervalArithmetic(digits);
        functions = new ElementaryFunctions(digits);
    }

    public int digits() {
        return arithmetic.digits;
    }

    /**
     * The interval value of {@code e} at {@code point}: variables follow {@code columns}, placeholder
     * {@code _k} is {@code point[k]}.
     */
    public Enclosure evaluate(Expr e, List<String> columns, double[] point) {
        try {
            return walk(e, columns, point);
        } catch (ArithmeticException tooLarge) {
            return Enclosure.UNKNOWN; // a decimal exponent beyond BigDecimal's range
        }
    }

    private Enclosure walk(Expr e, List<String> columns, double[] point) {
        int n = e.size();
        Enclosure[] stack = new Enclosure[n];
        int top = 0;
        for (int i = n - 1; i >= 0; i--) {
            NodeKind kind = e.kind(i);
            Enclosure v;
            if (kind == NodeKind.VARIABLE) {
                v = Enclosure.point(point[columns.indexOf(e.variable(i))]);
            } else if (kind == NodeKind.PLACEHOLDER) {
                v = Enclosure.point(point[e.placeholder(i)]);
            } else if (kind == NodeKind.NUMBER) {
                v = Enclosure.point(e.exactNumber(i)); // the value the simplifier folds with, at any size
            } else if (kind != NodeKind.OPERATOR) {
                throw new IllegalArgumentException("cannot evaluate a " + kind + " at a point: " + e.token(i));
            } else {
                Operator op = e.operator(i);
                if (op.arity() == 0) {
                    v = op == Operator.PI ? functions.pi() : functions.e();
                } else if (op.arity() == 1) {
                    v = unary(op, stack[--top]);
                } else {
                    Enclosure a = stack[--top];
                    Enclosure b = stack[--top];
                    v = binary(op, a, b);
                }
            }
            stack[top++] = v;
        }
        return stack[0];
    }

    private Enclosure binary(Operator op, Enclosure a, Enclosure b) {
        return switch (op) {
            case ADD -> arithmetic.add(a, b);
            case SUB -> arithmetic.subtract(a, b);
            case MUL -> arithmetic.multiply(a, b);
            case DIV -> arithmetic.divide(a, b);
            case POW -> power(a, b);
            default -> throw new IllegalStateException(op + " is not binary");
        };
    }

    /**
     * Real power as {@link Operator#POW} defines it: an integer exponent for any base (0^0 = 1, 0 to
     * a negative power undefined), otherwise a positive base (exp(b log a)) or a zero base with a
     * positive exponent; a negative base with a non-integer exponent is undefined.
     */
    private Enclosure power(Enclosure a, Enclosure b) {
        Enclosure uncertain = Enclosure.uncertainOf(a, b);
        if (uncertain != null) {
            return uncertain;
        }
        if (b.isPoint() && isInteger(b.lo()) && b.lo().abs().compareTo(BigDecimal.valueOf(Long.MAX_VALUE / 2)) < 0) {
            return arithmetic.integerPower(a, b.lo().longValueExact());
        }
        if (a.lo().signum() > 0) {
            return functions.exp(arithmetic.multiply(b, functions.log(a)));
        }
        if (a.isPoint() && a.lo().signum() == 0) {
            return b.lo().signum() > 0 ? Enclosure.ZERO : b.hi().signum() < 0 ? Enclosure.UNDEFINED : Enclosure.UNKNOWN;
        }
        if (a.hi().signum() < 0 && b.isPoint()) {
            return Enclosure.UNDEFINED; // a negative base, a non-integer exponent
        }
        return Enclosure.UNKNOWN;
    }

    private static boolean isInteger(BigDecimal v) {
        return v.signum() == 0 || v.stripTrailingZeros().scale() <= 0;
    }

    private Enclosure unary(Operator op, Enclosure a) {
        return switch (op) {
            case NEG -> arithmetic.negate(a);
            case INV -> arithmetic.divide(Enclosure.ONE, a);
            case ABS -> arithmetic.abs(a);
            case POW2 -> arithmetic.power(a, 2);
            case POW3 -> arithmetic.power(a, 3);
            case POW4 -> arithmetic.power(a, 4);
            case POW5 -> arithmetic.power(a, 5);
            case POW1_2 -> arithmetic.sqrt(a);
            case POW1_4 -> arithmetic.sqrt(arithmetic.sqrt(a));
            case POW1_3 -> functions.oddRoot(a, 3);
            case POW1_5 -> functions.oddRoot(a, 5);
            case EXP -> functions.exp(a);
            case LOG -> functions.log(a);
            case SIN -> functions.sin(a);
            case COS -> functions.cos(a);
            case TAN -> functions.tan(a);
            case ASIN -> functions.asin(a);
            case ACOS -> functions.acos(a);
            case ATAN -> functions.atan(a);
            case SINH -> functions.sinh(a);
            case COSH -> functions.cosh(a);
            case TANH -> functions.tanh(a);
            default -> throw new IllegalStateException(op + " is not unary");
        };
    }
}
