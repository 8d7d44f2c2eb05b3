package dev.simplij.reliability;

import dev.simplij.reliability.IntervalEvaluator.Definedness;

import java.math.BigDecimal;
import java.math.MathContext;

/**
 * A closed interval with exact decimal ends that certainly holds a real value, or the mark that the
 * value is certainly undefined on the reals, or that the evaluation could not tell (a divisor or a
 * domain bound inside the interval, or a magnitude beyond what is worth computing).
 */
public record Enclosure(BigDecimal lo, BigDecimal hi, Definedness definedness) {

    static final Enclosure UNDEFINED = new Enclosure(null, null, Definedness.UNDEFINED);
    static final Enclosure UNKNOWN = new Enclosure(null, null, Definedness.UNKNOWN);
    static final Enclosure ZERO = point(BigDecimal.ZERO);
    static final Enclosure ONE = point(BigDecimal.ONE);

    public Enclosure {
        if (definedness == Definedness.DEFINED && lo.compareTo(hi) > 0) {
            throw new IllegalArgumentException("empty interval [" + lo + ", " + hi + "]");
        }
    }

    static Enclosure of(BigDecimal lo, BigDecimal hi) {
        return new Enclosure(lo, hi, Definedness.DEFINED);
    }

    static Enclosure point(BigDecimal v) {
        return of(v, v);
    }

    /** The exact value of a double: every finite double is a terminating decimal. */
    static Enclosure point(double v) {
        return point(new BigDecimal(v));
    }

    public boolean certain() {
        return definedness == Definedness.DEFINED;
    }

    boolean isPoint() {
        return lo.compareTo(hi) == 0;
    }

    boolean contains(BigDecimal v) {
        return lo.compareTo(v) <= 0 && v.compareTo(hi) <= 0;
    }

    /** Whether two certain intervals share no point, so the values they hold certainly differ. */
    public boolean disjoint(Enclosure o) {
        return hi.compareTo(o.lo) < 0 || o.hi.compareTo(lo) < 0;
    }

    /**
     * Whether the width is at most 10^-decimals times the largest end's magnitude: relative to the
     * value itself, not to 1, so that [0, 1.5e-61] is not taken as a narrow enclosure of 0.
     */
    boolean narrowerThan(int decimals) {
        BigDecimal scale = lo.abs().max(hi.abs());
        return hi.subtract(lo).compareTo(scale.movePointLeft(decimals)) <= 0;
    }

    /** The first common undefined or unknown mark of the operands, or null when all are certain. */
    static Enclosure uncertainOf(Enclosure a, Enclosure b) {
        if (a.definedness == Definedness.UNDEFINED || b.definedness == Definedness.UNDEFINED) {
            return UNDEFINED;
        }
        return a.certain() && b.certain() ? null : UNKNOWN;
    }

    @Override
    public String toString() {
        return switch (definedness) {
            case DEFINED -> isPoint() ? "[" + lo.round(MathContext.DECIMAL64) + "]"
                    : "[" + lo.round(new MathContext(25, java.math.RoundingMode.FLOOR)) + ", "
                    + hi.round(new MathContext(25, java.math.RoundingMode.CEILING)) + "]";
            case UNKNOWN -> "[unknown]";
            case UNDEFINED -> "[undefined]";
        };
    }
}
