package dev.simplij.reliability;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Outward-rounded interval arithmetic on exact decimals at a fixed number of significant digits:
 * every lower end is rounded toward minus infinity and every upper end toward plus infinity, so
 * the exact result of the operation on any values inside the operands lies inside the result.
 * Immutable and thread-safe.
 */
final class IntervalArithmetic {
    /** Powers whose result would have more decimal digits before the point than this are not computed. */
    private static final double MAX_DECIMAL_EXPONENT = 1e6;

    final int digits;
    final MathContext down;
    final MathContext up;
    final MathContext nearest;

    IntervalArithmetic(int digits) {
        this.digits = digits;
        down = new MathContext(digits, RoundingMode.FLOOR);
        up = new MathContext(digits, RoundingMode.CEILING);
        nearest = new MathContext(digits, RoundingMode.HALF_EVEN);
    }

    Enclosure add(Enclosure a, Enclosure b) {
        Enclosure uncertain = Enclosure.uncertainOf(a, b);
        return uncertain != null ? uncertain : Enclosure.of(a.lo().add(b.lo(), down), a.hi().add(b.hi(), up));
    }

    Enclosure subtract(Enclosure a, Enclosure b) {
        Enclosure uncertain = Enclosure.uncertainOf(a, b);
        return uncertain != null ? uncertain
                : Enclosure.of(a.lo().subtract(b.hi(), down), a.hi().subtract(b.lo(), up));
    }

    Enclosure negate(Enclosure a) {
        return a.certain() ? Enclosure.of(a.hi().negate(), a.lo().negate()) : a;
    }

    Enclosure multiply(Enclosure a, Enclosure b) {
        Enclosure uncertain = Enclosure.uncertainOf(a, b);
        if (uncertain != null) {
            return uncertain;
        }
        return corners(a, b, BigDecimal::multiply);
    }

    /** Quotient; undefined for a divisor that is exactly 0, unknown for one whose interval holds 0. */
    Enclosure divide(Enclosure a, Enclosure b) {
        Enclosure uncertain = Enclosure.uncertainOf(a, b);
        if (uncertain != null) {
            return uncertain;
        }
        if (b.contains(BigDecimal.ZERO)) {
            return b.isPoint() ? Enclosure.UNDEFINED : Enclosure.UNKNOWN;
        }
        return corners(a, b, BigDecimal::divide);
    }

    /** An operation rounded in a given direction. */
    private interface Rounded {
        BigDecimal apply(BigDecimal x, BigDecimal y, MathContext mc);
    }

    /**
     * Products and quotients are monotone in each operand on each side of 0, so their extremes over
     * two intervals (a divisor without 0) lie at the four corners.
     */
    private Enclosure corners(Enclosure a, Enclosure b, Rounded op) {
        BigDecimal lo = null;
        BigDecimal hi = null;
        for (BigDecimal x : new BigDecimal[] {a.lo(), a.hi()}) {
            for (BigDecimal y : new BigDecimal[] {b.lo(), b.hi()}) {
                BigDecimal l = op.apply(x, y, down);
                BigDecimal h = op.apply(x, y, up);
                lo = lo == null ? l : lo.min(l);
                hi = hi == null ? h : hi.max(h);
            }
        }
        return Enclosure.of(lo, hi);
    }

    Enclosure abs(Enclosure a) {
        if (!a.certain()) {
            return a;
        }
        if (a.contains(BigDecimal.ZERO)) {
            return Enclosure.of(BigDecimal.ZERO, a.lo().negate().max(a.hi()));
        }
        return a.lo().signum() > 0 ? a : negate(a);
    }

    /** {@code a} to the power {@code n >= 0}; {@code 0^0 = 1} as in {@code Math.pow}. */
    Enclosure power(Enclosure a, long n) {
        if (!a.certain()) {
            return a;
        }
        if (n == 0) {
            return Enclosure.ONE;
        }
        BigDecimal largest = a.lo().abs().max(a.hi().abs());
        if (largest.compareTo(BigDecimal.ONE) > 0
                && (largest.precision() - largest.scale()) * (double) n > MAX_DECIMAL_EXPONENT) {
            return Enclosure.UNKNOWN;
        }
        if (n % 2 == 0) {
            if (a.contains(BigDecimal.ZERO)) {
                return Enclosure.of(BigDecimal.ZERO, magnitudePower(largest, n, up));
            }
            BigDecimal smallest = a.lo().abs().min(a.hi().abs());
            return Enclosure.of(magnitudePower(smallest, n, down), magnitudePower(largest, n, up));
        }
        return Enclosure.of(oddPower(a.lo(), n, true), oddPower(a.hi(), n, false));
    }

    /** {@code a} to an integer power of either sign; a negative power of an interval holding 0 is unknown. */
    Enclosure integerPower(Enclosure a, long n) {
        if (n >= 0) {
            return power(a, n);
        }
        return divide(Enclosure.ONE, power(a, -n));
    }

    private BigDecimal oddPower(BigDecimal x, long n, boolean lowerEnd) {
        if (x.signum() >= 0) {
            return magnitudePower(x, n, lowerEnd ? down : up);
        }
        return magnitudePower(x.negate(), n, lowerEnd ? up : down).negate();
    }

    /**
     * {@code x^n} for {@code x >= 0} by repeated squaring, each step rounded the same way: every
     * factor is non-negative, so rounding each one down (up) gives a lower (upper) bound.
     */
    private static BigDecimal magnitudePower(BigDecimal x, long n, MathContext mc) {
        BigDecimal result = BigDecimal.ONE;
        BigDecimal square = x;
        for (long k = n; k > 0; k >>= 1) {
            if ((k & 1) == 1) {
                result = result.multiply(square, mc);
            }
            if (k > 1) {
                square = square.multiply(square, mc);
            }
        }
        return result;
    }

    /** Square root; undefined below 0, unknown for an interval that reaches below 0. */
    Enclosure sqrt(Enclosure a) {
        if (!a.certain()) {
            return a;
        }
        if (a.hi().signum() < 0) {
            return Enclosure.UNDEFINED;
        }
        if (a.lo().signum() < 0) {
            return Enclosure.UNKNOWN;
        }
        BigDecimal lo = sqrtBound(a.lo(), true);
        BigDecimal hi = sqrtBound(a.hi(), false);
        return lo == null || hi == null ? Enclosure.UNKNOWN : Enclosure.of(lo, hi);
    }

    /**
     * A bound on the square root of {@code x >= 0}: the library root nudged by 2 units of the last
     * carried digit, then checked by squaring exactly, so the bound does not rest on the library's accuracy.
     */
    private BigDecimal sqrtBound(BigDecimal x, boolean lower) {
        if (x.signum() == 0) {
            return BigDecimal.ZERO;
        }
        BigDecimal root = x.sqrt(nearest);
        BigDecimal nudge = root.multiply(BigDecimal.valueOf(2).movePointLeft(digits - 1), up);
        BigDecimal bound = lower ? root.subtract(nudge).max(BigDecimal.ZERO) : root.add(nudge);
        int side = bound.multiply(bound).compareTo(x);
        return (lower ? side <= 0 : side >= 0) ? bound : null;
    }
}
