package dev.simplij.reliability;

import dev.simplij.expr.Expr;
import dev.simplij.expr.NodeKind;
import dev.simplij.expr.Operator;

import java.util.List;

/**
 * The second, high-precision opinion of the soundness check: evaluates an expression at a point in
 * outward-rounded interval arithmetic, so the true real value is inside the result, and says whether
 * the expression is certainly defined there, certainly undefined, or cannot tell.
 *
 * <p>Exact operations (sums, products and quotients whose {@code fma} residual is zero) keep
 * point intervals, so {@code x**(1+1)} still has an integer exponent; inexact ones widen by an ulp
 * on each side, library functions by {@link #LIBRARY_ULPS} ulps (the JDK promises 1 to 2.5).
 * Iterative over the flat prefix encoding, so any depth is fine.
 */
public final class IntervalEvaluator {
    static final int LIBRARY_ULPS = 3;

    /** Whether the expression is defined on the reals at the point. */
    public enum Definedness { DEFINED, UNKNOWN, UNDEFINED }

    /** An interval that holds the real value, or marks it unknown or undefined. */
    public record Interval(double lo, double hi, Definedness definedness) {
        static final Interval UNDEFINED = new Interval(Double.NaN, Double.NaN, Definedness.UNDEFINED);
        static final Interval UNKNOWN = new Interval(Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY,
                Definedness.UNKNOWN);

        static Interval of(double lo, double hi) {
            if (!(lo <= hi) || Double.isInfinite(lo) || Double.isInfinite(hi)) {
                return UNKNOWN; // overflow or a lost bound: nothing certain
            }
            return new Interval(lo, hi, Definedness.DEFINED);
        }

        static Interval point(double v) {
            return of(v, v);
        }

        public boolean certain() {
            return definedness == Definedness.DEFINED;
        }

        /** Distance between two certain intervals, 0 when they overlap. */
        public double gap(Interval o) {
            return Math.max(0, Math.max(lo - o.hi, o.lo - hi));
        }

        boolean contains(double v) {
            return lo <= v && v <= hi;
        }

        boolean isPoint() {
            return lo == hi;
        }

        @Override
        public String toString() {
            return switch (definedness) {
                case DEFINED -> "[" + lo + ", " + hi + "]";
                case UNKNOWN -> "[unknown]";
                case UNDEFINED -> "[undefined]";
            };
        }
    }

    private IntervalEvaluator() {
    }

    /** The interval value of {@code e} at {@code point}, whose coordinates follow {@code columns}. */
    public static Interval evaluate(Expr e, List<String> columns, double[] point) {
        int n = e.size();
        Interval[] stack = new Interval[n];
        int top = 0;
        for (int i = n - 1; i >= 0; i--) {
            NodeKind kind = e.kind(i);
            Interval v;
            if (kind == NodeKind.VARIABLE) {
                v = Interval.point(point[columns.indexOf(e.variable(i))]);
            } else if (kind == NodeKind.NUMBER) {
                v = Interval.point(e.number(i));
            } else if (kind != NodeKind.OPERATOR) {
                throw new IllegalArgumentException("cannot evaluate a " + kind + " at a point: " + e.token(i));
            } else {
                Operator op = e.operator(i);
                if (op.arity() == 0) {
                    double c = op.constantValue();
                    v = Interval.of(Math.nextDown(c), Math.nextUp(c));
                } else if (op.arity() == 1) {
                    v = propagate(stack[--top], null, op);
                } else {
                    Interval a = stack[--top];
                    Interval b = stack[--top];
                    v = propagate(a, b, op);
                }
            }
            stack[top++] = v;
        }
        return stack[0];
    }

    private static Interval propagate(Interval a, Interval b, Operator op) {
        if (a.definedness() == Definedness.UNDEFINED || (b != null && b.definedness() == Definedness.UNDEFINED)) {
            return Interval.UNDEFINED;
        }
        if (a.definedness() == Definedness.UNKNOWN || (b != null && b.definedness() == Definedness.UNKNOWN)) {
            return Interval.UNKNOWN;
        }
        return b == null ? unary(op, a) : binary(op, a, b);
    }

    private static Interval binary(Operator op, Interval a, Interval b) {
        return switch (op) {
            case ADD -> sum(a.lo, b.lo, a.hi, b.hi);
            case SUB -> sum(a.lo, -b.hi, a.hi, -b.lo);
            case MUL -> product(a, b);
            case DIV -> divide(a, b);
            case POW -> power(a, b);
            default -> throw new IllegalStateException(op + " is not binary");
        };
    }

    private static Interval sum(double lo1, double lo2, double hi1, double hi2) {
        return Interval.of(downSum(lo1, lo2), upSum(hi1, hi2));
    }

    private static double downSum(double x, double y) {
        double s = x + y;
        return twoSumError(x, y, s) < 0 ? Math.nextDown(s) : s;
    }

    private static double upSum(double x, double y) {
        double s = x + y;
        return twoSumError(x, y, s) > 0 ? Math.nextUp(s) : s;
    }

    /** The exact error {@code (x + y) - s} of a rounded sum (Knuth's TwoSum). */
    private static double twoSumError(double x, double y, double s) {
        double bb = s - x;
        return (x - (s - bb)) + (y - bb);
    }

    private static Interval product(Interval a, Interval b) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double x : new double[] {a.lo, a.hi}) {
            for (double y : new double[] {b.lo, b.hi}) {
                double p = x * y;
                double residual = Math.fma(x, y, -p);
                // Below MIN_NORMAL the residual itself can underflow to 0: treat as inexact.
                boolean tiny = x != 0 && y != 0 && Math.abs(p) < Double.MIN_NORMAL;
                lo = Math.min(lo, residual < 0 || tiny ? Math.nextDown(p) : p);
                hi = Math.max(hi, residual > 0 || tiny ? Math.nextUp(p) : p);
            }
        }
        return Interval.of(lo, hi);
    }

    private static Interval divide(Interval a, Interval b) {
        if (b.lo == 0 && b.hi == 0) {
            return Interval.UNDEFINED;
        }
        if (b.contains(0)) {
            return Interval.UNKNOWN;
        }
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double x : new double[] {a.lo, a.hi}) {
            for (double y : new double[] {b.lo, b.hi}) {
                double q = x / y;
                // q*y - x has the sign of (q - x/y) times the sign of y.
                double residual = Math.fma(q, y, -x) * Math.signum(y);
                boolean tiny = x != 0 && Math.abs(q) < Double.MIN_NORMAL;
                lo = Math.min(lo, residual > 0 || tiny ? Math.nextDown(q) : q);
                hi = Math.max(hi, residual < 0 || tiny ? Math.nextUp(q) : q);
            }
        }
        return Interval.of(lo, hi);
    }

    /** Real power: integer exponents for any base but a zero one with a negative exponent; else a positive base. */
    private static Interval power(Interval a, Interval b) {
        if (b.isPoint() && b.lo == Math.rint(b.lo) && Math.abs(b.lo) < 1e9) {
            int n = (int) b.lo;
            if (n >= 0) {
                return integerPower(a, n);
            }
            if (a.lo == 0 && a.hi == 0) {
                return Interval.UNDEFINED;
            }
            if (a.contains(0)) {
                return Interval.UNKNOWN;
            }
            return divide(Interval.point(1), integerPower(a, -n));
        }
        if (a.lo > 0) {
            double lo = Double.POSITIVE_INFINITY;
            double hi = Double.NEGATIVE_INFINITY;
            for (double x : new double[] {a.lo, a.hi}) {
                for (double y : new double[] {b.lo, b.hi}) {
                    double p = Math.pow(x, y);
                    lo = Math.min(lo, p);
                    hi = Math.max(hi, p);
                }
            }
            return library(lo, hi);
        }
        if (b.isPoint() && a.hi < 0) {
            return Interval.UNDEFINED; // negative base, non-integer exponent
        }
        if (a.lo == 0 && a.hi == 0 && b.lo > 0) {
            return Interval.point(0);
        }
        return Interval.UNKNOWN;
    }

    private static Interval integerPower(Interval a, int n) {
        if (n == 0) {
            return Interval.point(1);
        }
        if (n > 8) {
            // Math.pow of an integer exponent is monotone on each side of 0 and within 1 ulp.
            double pl = Math.pow(a.lo, n);
            double ph = Math.pow(a.hi, n);
            if (n % 2 == 1) {
                return library(pl, ph);
            }
            return a.contains(0) ? library(0, Math.max(pl, ph)) : library(Math.min(pl, ph), Math.max(pl, ph));
        }
        Interval r = a;
        for (int k = 1; k < n; k++) {
            r = product(r, a);
        }
        if (n % 2 == 0 && a.contains(0)) {
            return Interval.of(0, r.hi); // an even power over a sign change has its minimum 0 inside
        }
        return r;
    }

    private static Interval unary(Operator op, Interval a) {
        double lo = a.lo;
        double hi = a.hi;
        return switch (op) {
            case NEG -> Interval.of(-hi, -lo);
            case INV -> divide(Interval.point(1), a);
            case ABS -> a.contains(0) ? Interval.of(0, Math.max(-lo, hi))
                    : lo > 0 ? a : Interval.of(-hi, -lo);
            case POW2 -> integerPower(a, 2);
            case POW3 -> integerPower(a, 3);
            case POW4 -> integerPower(a, 4);
            case POW5 -> integerPower(a, 5);
            case POW1_2 -> root(a, Math::sqrt);
            case POW1_4 -> root(a, x -> Math.sqrt(Math.sqrt(x)));
            case POW1_3 -> library(Math.cbrt(lo), Math.cbrt(hi));
            case POW1_5 -> library(fifthRoot(lo), fifthRoot(hi));
            case EXP -> library(Math.exp(lo), Math.exp(hi));
            case LOG -> hi <= 0 ? Interval.UNDEFINED : lo <= 0 ? Interval.UNKNOWN : library(Math.log(lo), Math.log(hi));
            case SIN -> periodic(a, Math::sin, 0.5);
            case COS -> periodic(a, Math::cos, 0.0);
            case TAN -> tan(a);
            case ASIN -> inUnitRange(a) ? library(Math.asin(lo), Math.asin(hi)) : outsideUnitRange(a);
            case ACOS -> inUnitRange(a) ? library(Math.acos(hi), Math.acos(lo)) : outsideUnitRange(a);
            case ATAN -> library(Math.atan(lo), Math.atan(hi));
            case SINH -> library(Math.sinh(lo), Math.sinh(hi));
            case COSH -> a.contains(0) ? library(1, Math.max(Math.cosh(lo), Math.cosh(hi)))
                    : library(Math.min(Math.cosh(lo), Math.cosh(hi)), Math.max(Math.cosh(lo), Math.cosh(hi)));
            case TANH -> library(Math.tanh(lo), Math.tanh(hi));
            default -> throw new IllegalStateException(op + " is not unary");
        };
    }

    private static double fifthRoot(double x) {
        return Math.copySign(Math.pow(Math.abs(x), 0.2), x);
    }

    private static Interval root(Interval a, java.util.function.DoubleUnaryOperator f) {
        if (a.hi < 0) {
            return Interval.UNDEFINED;
        }
        if (a.lo < 0) {
            return Interval.UNKNOWN;
        }
        return library(f.applyAsDouble(a.lo), f.applyAsDouble(a.hi));
    }

    private static boolean inUnitRange(Interval a) {
        return a.lo >= -1 && a.hi <= 1;
    }

    private static Interval outsideUnitRange(Interval a) {
        return a.hi < -1 || a.lo > 1 ? Interval.UNDEFINED : Interval.UNKNOWN;
    }

    /** A library result widened by {@link #LIBRARY_ULPS} ulps each way. */
    private static Interval library(double lo, double hi) {
        double l = lo;
        double h = hi;
        for (int k = 0; k < LIBRARY_ULPS; k++) {
            l = Math.nextDown(l);
            h = Math.nextUp(h);
        }
        return Interval.of(l, h);
    }

    /**
     * sin or cos over an interval: the end values, plus +-1 wherever an extremum may lie inside.
     * Extrema of sin sit at (k + 1/2)*pi, of cos at k*pi ({@code phase} 0.5 or 0); a generous margin
     * in k keeps the test conservative where x/pi is inexact.
     */
    private static Interval periodic(Interval a, java.util.function.DoubleUnaryOperator f, double phase) {
        if (a.hi - a.lo >= 2 * Math.PI) {
            return Interval.of(-1, 1);
        }
        double fl = f.applyAsDouble(a.lo);
        double fh = f.applyAsDouble(a.hi);
        double lo = Math.min(fl, fh);
        double hi = Math.max(fl, fh);
        double margin = 1e-9 + 1e-15 * Math.max(Math.abs(a.lo), Math.abs(a.hi));
        long kFirst = (long) Math.ceil(a.lo / Math.PI - phase - margin);
        long kLast = (long) Math.floor(a.hi / Math.PI - phase + margin);
        for (long k = kFirst; k <= kLast && k <= kFirst + 3; k++) {
            // At (k + phase)*pi the function is +1 for even k and -1 for odd k (sin and cos alike).
            if (Math.floorMod(k, 2) == 0) {
                hi = 1;
            } else {
                lo = -1;
            }
        }
        Interval r = library(lo, hi);
        return r.certain() ? Interval.of(Math.max(-1, r.lo()), Math.min(1, r.hi())) : r;
    }

    private static Interval tan(Interval a) {
        if (a.hi - a.lo >= Math.PI) {
            return Interval.UNKNOWN;
        }
        double margin = 1e-9 + 1e-15 * Math.max(Math.abs(a.lo), Math.abs(a.hi));
        long kFirst = (long) Math.ceil(a.lo / Math.PI - 0.5 - margin);
        long kLast = (long) Math.floor(a.hi / Math.PI - 0.5 + margin);
        if (kFirst <= kLast) {
            return Interval.UNKNOWN; // a pole may be inside
        }
        return library(Math.tan(a.lo), Math.tan(a.hi));
    }
}
