package dev.simplij.reliability;

import dev.simplij.expr.Expr;

import java.math.BigDecimal;
import java.util.List;

/**
 * Double-precision ends of the rigorous enclosure of {@link DecimalIntervalEvaluator} at 40 digits,
 * rounded outward, for callers that work in doubles (the bench's value check). The true real value
 * is inside; a value beyond the double range is {@link Definedness#UNKNOWN}.
 */
public final class IntervalEvaluator {
    private static final DecimalIntervalEvaluator DIGITS_40 = new DecimalIntervalEvaluator(40);

    /** Whether the expression is defined on the reals at the point. */
    public enum Definedness { DEFINED, UNKNOWN, UNDEFINED }

    /** An interval with double ends that holds the real value, or marks it unknown or undefined. */
    public record Interval(double lo, double hi, Definedness definedness) {
        static final Interval UNDEFINED = new Interval(Double.NaN, Double.NaN, Definedness.UNDEFINED);
        static final Interval UNKNOWN = new Interval(Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY,
                Definedness.UNKNOWN);

        public boolean certain() {
            return definedness == Definedness.DEFINED;
        }

        /** Distance between two certain intervals, 0 when they overlap. */
        public double gap(Interval o) {
            return Math.max(0, Math.max(lo - o.hi, o.lo - hi));
        }
    }

    private IntervalEvaluator() {
    }

    /** The interval value of {@code e} at {@code point}, whose coordinates follow {@code columns}. */
    public static Interval evaluate(Expr e, List<String> columns, double[] point) {
        Enclosure exact = DIGITS_40.evaluate(e, columns, point);
        if (exact.definedness() != Definedness.DEFINED) {
            return exact.definedness() == Definedness.UNDEFINED ? Interval.UNDEFINED : Interval.UNKNOWN;
        }
        double lo = below(exact.lo());
        double hi = above(exact.hi());
        return Double.isInfinite(lo) || Double.isInfinite(hi) ? Interval.UNKNOWN
                : new Interval(lo, hi, Definedness.DEFINED);
    }

    /** The largest double not above {@code v}. */
    private static double below(BigDecimal v) {
        double d = v.doubleValue();
        return new BigDecimal(d).compareTo(v) > 0 ? Math.nextDown(d) : d;
    }

    private static double above(BigDecimal v) {
        double d = v.doubleValue();
        return new BigDecimal(d).compareTo(v) < 0 ? Math.nextUp(d) : d;
    }
}
