package dev.simplij.reliability;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.function.Function;

/**
 * Rigorous enclosures of the elementary functions on {@link Enclosure}s, built only from
 * outward-rounded arithmetic and series whose truncation error is bounded explicitly: no library
 * function's accuracy is taken on trust (the JDK's {@code Math.pow(x, 0.2)} is not a fifth root,
 * and {@code BigDecimal.sqrt} is checked by squaring). Monotone functions are enclosed by their
 * values at the two ends; sine and cosine by the value at the midpoint widened by the half-width
 * (their slope is at most 1). Immutable and thread-safe.
 */
final class ElementaryFunctions {
    /** Digits carried beyond the requested precision, for the squarings of exp and the series. */
    private static final int GUARD = 25;
    /** exp of arguments beyond this (about 10^434294) is not computed: unknown. */
    private static final BigDecimal EXP_LIMIT = BigDecimal.valueOf(1_000_000);
    /** sin, cos and tan of arguments with more digits before the point than this are not computed. */
    private static final int MAX_TRIG_INTEGER_DIGITS = 2_000;
    private static final BigDecimal HALF = new BigDecimal("0.5");
    private static final BigDecimal TWO = BigDecimal.valueOf(2);
    /** pi to {@link #piDigits} decimals, within 10^-piDigits; grown on demand. */
    private static BigDecimal piDecimals = BigDecimal.ZERO;
    private static int piDigits;
    /** Enclosures of log 2 and log 10, computed with more digits whenever a caller needs more. */
    private static Enclosure ln2 = Enclosure.of(BigDecimal.ZERO, BigDecimal.ONE);
    private static Enclosure ln10 = Enclosure.of(BigDecimal.ONE, BigDecimal.TEN);

    private final IntervalArithmetic work;
    /** Series stop once a term is below this. */
    private final BigDecimal negligible;
    /** An upper bound on one rounding error of a number below 2 at the working precision. */
    private final BigDecimal roundingUnit;
    private final Enclosure e;

    ElementaryFunctions(int digits) {
        work = new IntervalArithmetic(digits + GUARD);
        negligible = BigDecimal.ONE.movePointLeft(work.digits + 2);
        roundingUnit = BigDecimal.ONE.movePointLeft(work.digits - 1);
        e = expPoint(BigDecimal.ONE);
    }

    IntervalArithmetic arithmetic() {
        return work;
    }

    Enclosure pi() {
        return pi(work.digits);
    }

    Enclosure e() {
        return e;
    }

    /**
     * An increasing function over a certain interval: its value at a point, or the hull of its
     * values at the two ends.
     */
    private static Enclosure increasing(Enclosure x, Function<BigDecimal, Enclosure> f) {
        return x.isPoint() ? f.apply(x.lo()) : hull(f.apply(x.lo()), f.apply(x.hi()));
    }

    /** The enclosure of an increasing function from enclosures of its values at the two ends. */
    private static Enclosure hull(Enclosure atLo, Enclosure atHi) {
        return atLo.certain() && atHi.certain() ? Enclosure.of(atLo.lo(), atHi.hi()) : Enclosure.UNKNOWN;
    }

    // ---- exp, log, roots, hyperbolic functions ----

    Enclosure exp(Enclosure x) {
        return x.certain() ? increasing(x, this::expPoint) : x;
    }

    /**
     * exp at a point: halve the argument until it is below 2^-10, sum the Taylor series with every
     * term rounded down (lower end) or up (upper end, plus the last term as a bound on the tail),
     * then square back with the same rounding; a negative argument is the reciprocal.
     */
    private Enclosure expPoint(BigDecimal x) {
        if (x.signum() == 0) {
            return Enclosure.ONE;
        }
        if (x.abs().compareTo(EXP_LIMIT) > 0) {
            return Enclosure.UNKNOWN;
        }
        if (x.signum() < 0) {
            return work.divide(Enclosure.ONE, expPoint(x.negate()));
        }
        int integerDigits = Math.max(0, x.precision() - x.scale());
        // Halving beyond 2^-10, by about the square root of the digits, trades series terms (a
        // division each) for squarings (a product each); 2^-65 at most, far inside the guard digits.
        int halvings = (int) Math.ceil(integerDigits * 3.33) + 10 + (int) Math.sqrt(2.0 * work.digits);
        BigDecimal y = x.multiply(HALF.pow(halvings));
        BigDecimal lo = expSeries(y.round(work.down), work.down, false);
        BigDecimal hi = expSeries(y.round(work.up), work.up, true);
        for (int k = 0; k < halvings; k++) {
            lo = lo.multiply(lo, work.down);
            hi = hi.multiply(hi, work.up);
        }
        return Enclosure.of(lo, hi);
    }

    /**
     * Taylor sum of exp(y) for 0 < y <= 2^-10, every term rounded in {@code mc}'s direction (all
     * terms are positive). The tail after term k is below term k times 2y/(k+1), so adding the last
     * term once more bounds it from above.
     */
    private BigDecimal expSeries(BigDecimal y, MathContext mc, boolean upper) {
        BigDecimal sum = BigDecimal.ONE;
        BigDecimal term = BigDecimal.ONE;
        for (int k = 1; term.compareTo(negligible) >= 0; k++) {
            term = term.multiply(y, mc).divide(BigDecimal.valueOf(k), mc);
            sum = sum.add(term, mc);
        }
        return upper ? sum.add(term, mc) : sum;
    }

    /** Natural logarithm; undefined at or below 0, unknown for an interval that reaches 0. */
    Enclosure log(Enclosure x) {
        if (!x.certain()) {
            return x;
        }
        if (x.hi().signum() <= 0) {
            return Enclosure.UNDEFINED;
        }
        if (x.lo().signum() <= 0) {
            return Enclosure.UNKNOWN;
        }
        return increasing(x, this::logPoint);
    }

    /** log at a point {@code x > 0}: x = d 10^e with 1 <= d < 10, log x = log d + e log 10. */
    private Enclosure logPoint(BigDecimal x) {
        if (x.compareTo(BigDecimal.ONE) == 0) {
            return Enclosure.ZERO;
        }
        int exponent = x.precision() - x.scale() - 1;
        Enclosure digits = logModerate(x.movePointLeft(exponent));
        return exponent == 0 ? digits
                : work.add(digits, work.multiply(Enclosure.point(BigDecimal.valueOf(exponent)), ln10(work.digits)));
    }

    /**
     * log of a moderate {@code d > 0}: d = m 2^k with k the nearest integer to log2 d, so m is within
     * a factor sqrt 2 of 1, and log d = k log 2 + 2 atanh((m - 1)/(m + 1)), the series increasing in
     * its argument, |argument| < 0.18.
     */
    private Enclosure logModerate(BigDecimal d) {
        long k = Math.round(Math.log(d.doubleValue()) / Math.log(2));
        BigDecimal m = k >= 0 ? d.multiply(HALF.pow((int) k)) : d.multiply(TWO.pow((int) -k));
        Enclosure mantissa = Enclosure.of(m.round(work.down), m.round(work.up));
        Enclosure z = work.divide(work.subtract(mantissa, Enclosure.ONE), work.add(mantissa, Enclosure.ONE));
        Enclosure logMantissa = work.multiply(hull(atanhSeries(z.lo()), atanhSeries(z.hi())), Enclosure.point(TWO));
        return k == 0 ? logMantissa
                : work.add(work.multiply(Enclosure.point(BigDecimal.valueOf(k)), ln2(work.digits)), logMantissa);
    }

    /**
     * atanh ({@code alternating} false) or atan (true) as z + (-)z^3/3 + z^5/5 ... for |z| <= 0.2:
     * the terms shrink by z^2 <= 0.04, so the tail is below twice the last term either way;
     * roundings are bounded like the sine series'.
     */
    private Enclosure oddPowerSeries(BigDecimal z, boolean alternating) {
        MathContext mc = work.nearest;
        BigDecimal square = z.multiply(z, mc);
        BigDecimal power = z;
        BigDecimal term = z;
        BigDecimal sum = z;
        int terms = 1;
        for (int k = 1; term.abs().compareTo(negligible) >= 0; k++, terms++) {
            power = power.multiply(square, mc);
            if (alternating) {
                power = power.negate();
            }
            term = power.divide(BigDecimal.valueOf(2L * k + 1), mc);
            sum = sum.add(term, mc);
        }
        BigDecimal error = term.abs().multiply(TWO).add(roundingUnit.multiply(BigDecimal.valueOf(4L * terms * terms)));
        return Enclosure.of(sum.subtract(error, work.down), sum.add(error, work.up));
    }

    private Enclosure atanhSeries(BigDecimal z) {
        return oddPowerSeries(z, false);
    }

    /** log 2 = 2 atanh(1/3) within 10^-digits, computed once per size. */
    private static synchronized Enclosure ln2(int digits) {
        if (ln2.lo().precision() < digits + GUARD) {
            ElementaryFunctions fine = new ElementaryFunctions(2 * digits + 50);
            Enclosure third = fine.work.divide(Enclosure.ONE, Enclosure.point(BigDecimal.valueOf(3)));
            ln2 = fine.work.multiply(hull(fine.atanhSeries(third.lo()), fine.atanhSeries(third.hi())),
                    Enclosure.point(TWO));
        }
        return ln2;
    }

    /** log 10 = 3 log 2 + log 1.25, computed once per size. */
    private static synchronized Enclosure ln10(int digits) {
        if (ln10.lo().precision() < digits + GUARD) {
            ln10 = new ElementaryFunctions(2 * digits + 50).logModerate(BigDecimal.TEN);
        }
        return ln10;
    }

    /** Real odd root ({@code n} = 3 or 5): defined everywhere, increasing, odd. */
    Enclosure oddRoot(Enclosure x, int n) {
        return x.certain() ? increasing(x, v -> oddRootPoint(v, n)) : x;
    }

    /**
     * The n-th root of a point: Newton's method from the double estimate, then bounds 1000 units of
     * the last digit either side, each proved by raising it to the n-th power exactly.
     */
    private Enclosure oddRootPoint(BigDecimal x, int n) {
        if (x.signum() == 0) {
            return Enclosure.ZERO;
        }
        if (x.signum() < 0) {
            return work.negate(oddRootPoint(x.negate(), n));
        }
        int exponent = Math.floorDiv(x.precision() - x.scale() - 1, n);
        double leading = x.movePointLeft(exponent * n).doubleValue();
        BigDecimal root = new BigDecimal(Math.pow(leading, 1.0 / n)).movePointRight(exponent);
        BigDecimal degree = BigDecimal.valueOf(n);
        for (int step = 0; step < 12; step++) {
            BigDecimal below = root.pow(n - 1, work.nearest);
            BigDecimal correction = root.multiply(below, work.nearest).subtract(x, work.nearest)
                    .divide(degree.multiply(below), work.nearest);
            root = root.subtract(correction, work.nearest);
            if (correction.abs().compareTo(root.movePointLeft(work.digits - 2)) < 0) {
                break;
            }
        }
        BigDecimal margin = root.movePointLeft(work.digits - 3);
        BigDecimal lo = root.subtract(margin);
        BigDecimal hi = root.add(margin);
        boolean proved = lo.signum() > 0 && lo.pow(n).compareTo(x) <= 0 && hi.pow(n).compareTo(x) >= 0;
        return proved ? Enclosure.of(lo, hi) : Enclosure.UNKNOWN;
    }

    Enclosure sinh(Enclosure x) {
        return x.certain() ? increasing(x, this::sinhPoint) : x;
    }

    private Enclosure sinhPoint(BigDecimal x) {
        Enclosure up = expPoint(x);
        return work.multiply(work.subtract(up, work.divide(Enclosure.ONE, up)), Enclosure.point(HALF));
    }

    /** cosh is even and increasing in |x|. */
    Enclosure cosh(Enclosure x) {
        if (!x.certain()) {
            return x;
        }
        Enclosure magnitude = work.abs(x);
        Enclosure atLo = coshPoint(magnitude.lo());
        Enclosure atHi = coshPoint(magnitude.hi());
        if (!atLo.certain() || !atHi.certain()) {
            return Enclosure.UNKNOWN;
        }
        return Enclosure.of(atLo.lo().max(BigDecimal.ONE), atHi.hi());
    }

    private Enclosure coshPoint(BigDecimal x) {
        Enclosure up = expPoint(x);
        return work.multiply(work.add(up, work.divide(Enclosure.ONE, up)), Enclosure.point(HALF));
    }

    Enclosure tanh(Enclosure x) {
        return x.certain() ? increasing(x, this::tanhPoint) : x;
    }

    /**
     * tanh(x) = (e^2x - 1)/(e^2x + 1); beyond |x| = 2 * digits, 1 - |tanh x| < 2e^-2|x| is below
     * one unit of the working precision, so the enclosure is [1 - unit, 1] with x's sign.
     */
    private Enclosure tanhPoint(BigDecimal x) {
        if (x.abs().compareTo(BigDecimal.valueOf(2L * work.digits)) > 0) {
            Enclosure positive = Enclosure.of(BigDecimal.ONE.subtract(roundingUnit), BigDecimal.ONE);
            return x.signum() > 0 ? positive : work.negate(positive);
        }
        Enclosure e2 = expPoint(x.multiply(TWO));
        Enclosure quotient = work.divide(work.subtract(e2, Enclosure.ONE), work.add(e2, Enclosure.ONE));
        return quotient.certain() ? Enclosure.of(quotient.lo().max(BigDecimal.ONE.negate()),
                quotient.hi().min(BigDecimal.ONE)) : quotient;
    }

    // ---- pi, sin, cos, tan ----

    /** pi within 10^-digits; Machin's formula with bounded rounding, computed once per size. */
    private static synchronized Enclosure pi(int digits) {
        if (piDigits < digits) {
            int target = Math.max(2 * piDigits, digits + 50);
            piDecimals = machinPi(target);
            piDigits = target;
        }
        BigDecimal error = BigDecimal.ONE.movePointLeft(piDigits);
        return Enclosure.of(piDecimals.subtract(error), piDecimals.add(error));
    }

    /**
     * pi = 16 atan(1/5) - 4 atan(1/239) carried to digits + 10 decimals: each series term takes 3
     * roundings of at most 10^-(digits+10), so the total is far below 10^-digits for any size that
     * fits in memory.
     */
    private static BigDecimal machinPi(int digits) {
        MathContext mc = new MathContext(digits + 10, RoundingMode.HALF_EVEN);
        BigDecimal sum = inverseArctangent(5, mc).multiply(BigDecimal.valueOf(16))
                .subtract(inverseArctangent(239, mc).multiply(BigDecimal.valueOf(4)));
        return sum.setScale(digits + 5, RoundingMode.HALF_EVEN);
    }

    private static BigDecimal inverseArctangent(int n, MathContext mc) {
        BigDecimal limit = BigDecimal.ONE.movePointLeft(mc.getPrecision() + 2);
        BigDecimal nSquared = BigDecimal.valueOf((long) n * n);
        BigDecimal power = BigDecimal.ONE.divide(BigDecimal.valueOf(n), mc);
        BigDecimal sum = power;
        for (int k = 1; power.compareTo(limit) >= 0; k++) {
            power = power.divide(nSquared, mc);
            BigDecimal term = power.divide(BigDecimal.valueOf(2L * k + 1), mc);
            sum = (k % 2 == 0 ? sum.add(term, mc) : sum.subtract(term, mc));
        }
        return sum;
    }

    Enclosure sin(Enclosure x) {
        return periodic(x, false);
    }

    Enclosure cos(Enclosure x) {
        return periodic(x, true);
    }

    /** sin or cos over an interval: the midpoint's enclosure widened by the half-width, within [-1, 1]. */
    private Enclosure periodic(Enclosure x, boolean cosine) {
        if (!x.certain()) {
            return x;
        }
        BigDecimal mid = x.lo().add(x.hi()).multiply(HALF);
        BigDecimal radius = x.hi().subtract(x.lo()).multiply(HALF);
        Enclosure atMid = trigPoint(mid, cosine);
        if (!atMid.certain()) {
            return atMid;
        }
        return Enclosure.of(atMid.lo().subtract(radius, work.down).max(BigDecimal.ONE.negate()),
                atMid.hi().add(radius, work.up).min(BigDecimal.ONE));
    }

    /** tan: unknown when cos may vanish in the interval (|cos(mid)| not above the half-width), else increasing. */
    Enclosure tan(Enclosure x) {
        if (!x.certain()) {
            return x;
        }
        if (x.isPoint()) {
            return tanPoint(x.lo());
        }
        BigDecimal radius = x.hi().subtract(x.lo()).multiply(HALF);
        Enclosure cosMid = trigPoint(x.lo().add(x.hi()).multiply(HALF), true);
        if (!cosMid.certain() || (cosMid.lo().compareTo(radius) <= 0 && cosMid.hi().compareTo(radius.negate()) >= 0)) {
            return Enclosure.UNKNOWN;
        }
        return increasing(x, this::tanPoint);
    }

    private Enclosure tanPoint(BigDecimal x) {
        return work.divide(trigPoint(x, false), trigPoint(x, true));
    }

    /**
     * sin or cos at a point: subtract the nearest multiple k of pi/2 (pi carried to as many more
     * decimals as x has digits before the point), then the series on the remainder r, |r| <= 0.8,
     * in the quadrant k mod 4 (cos x = sin(x + pi/2)).
     */
    private Enclosure trigPoint(BigDecimal x, boolean cosine) {
        int integerDigits = Math.max(0, x.precision() - x.scale());
        if (integerDigits > MAX_TRIG_INTEGER_DIGITS) {
            return Enclosure.UNKNOWN;
        }
        IntervalArithmetic reduction = new IntervalArithmetic(work.digits + integerDigits + 5);
        Enclosure halfPi = reduction.multiply(pi(work.digits + integerDigits + 5), Enclosure.point(HALF));
        BigInteger k = x.divide(halfPi.lo(), new MathContext(integerDigits + 5, RoundingMode.HALF_EVEN))
                .setScale(0, RoundingMode.HALF_EVEN).toBigIntegerExact();
        Enclosure r = reduction.subtract(Enclosure.point(x), reduction.multiply(Enclosure.point(new BigDecimal(k)), halfPi));
        int quadrant = (k.mod(BigInteger.valueOf(4)).intValue() + (cosine ? 1 : 0)) % 4;
        return switch (quadrant) {
            case 0 -> reducedSin(r);
            case 1 -> reducedCos(r);
            case 2 -> work.negate(reducedSin(r));
            default -> work.negate(reducedCos(r));
        };
    }

    /** sin on |r| <= 0.8, where it is increasing. */
    private Enclosure reducedSin(Enclosure r) {
        return hull(alternatingSeries(r.lo(), 1), alternatingSeries(r.hi(), 1));
    }

    /** cos on |r| <= 0.8: even and decreasing in |r|. */
    private Enclosure reducedCos(Enclosure r) {
        Enclosure magnitude = work.abs(r);
        Enclosure atFar = alternatingSeries(magnitude.hi(), 0);
        Enclosure atNear = alternatingSeries(magnitude.lo(), 0);
        return Enclosure.of(atFar.lo(), atNear.hi().min(BigDecimal.ONE));
    }

    /**
     * The sine ({@code first} = 1) or cosine ({@code first} = 0) series at |t| <= 1: its terms
     * alternate and shrink, so the tail is below the last term summed; each term carries at most
     * 3n roundings of numbers below 1, bounded by n^2 units in all.
     */
    private Enclosure alternatingSeries(BigDecimal t, int first) {
        MathContext mc = work.nearest;
        BigDecimal square = t.multiply(t, mc);
        BigDecimal term = first == 1 ? t.round(mc) : BigDecimal.ONE;
        BigDecimal sum = term;
        int terms = 1;
        for (int n = first; term.abs().compareTo(negligible) >= 0; n += 2, terms++) {
            term = term.multiply(square, mc).divide(BigDecimal.valueOf(-(long) (n + 1) * (n + 2)), mc);
            sum = sum.add(term, mc);
        }
        BigDecimal error = term.abs().add(roundingUnit.multiply(BigDecimal.valueOf(4L * terms * terms)));
        return Enclosure.of(sum.subtract(error, work.down), sum.add(error, work.up));
    }

    // ---- atan, asin, acos ----

    Enclosure atan(Enclosure x) {
        return x.certain() ? increasing(x, this::atanPoint) : x;
    }

    /**
     * atan at a point: odd; atan x = pi/2 - atan(1/x) above 1; then twice the half-angle step
     * t -> t/(1 + sqrt(1 + t^2)) brings t below tan(pi/16) < 0.2, where the series converges fast.
     */
    private Enclosure atanPoint(BigDecimal x) {
        if (x.signum() == 0) {
            return Enclosure.ZERO;
        }
        if (x.signum() < 0) {
            return work.negate(atanPoint(x.negate()));
        }
        if (x.compareTo(BigDecimal.ONE) > 0) {
            Enclosure halfPi = work.multiply(pi(), Enclosure.point(HALF));
            return work.subtract(halfPi, atan(work.divide(Enclosure.ONE, Enclosure.point(x))));
        }
        Enclosure t = Enclosure.point(x);
        for (int step = 0; step < 2; step++) {
            Enclosure root = work.sqrt(work.add(Enclosure.ONE, work.multiply(t, t)));
            t = work.divide(t, work.add(Enclosure.ONE, root));
        }
        if (!t.certain()) {
            return Enclosure.UNKNOWN;
        }
        Enclosure reduced = hull(atanSeries(t.lo()), atanSeries(t.hi()));
        return work.multiply(reduced, Enclosure.point(BigDecimal.valueOf(4)));
    }

    private Enclosure atanSeries(BigDecimal t) {
        return oddPowerSeries(t, true);
    }

    /** asin: undefined outside [-1, 1], unknown when the interval crosses ±1, else increasing. */
    Enclosure asin(Enclosure x) {
        if (!x.certain()) {
            return x;
        }
        BigDecimal one = BigDecimal.ONE;
        if (x.hi().compareTo(one.negate()) < 0 || x.lo().compareTo(one) > 0) {
            return Enclosure.UNDEFINED;
        }
        if (x.lo().compareTo(one.negate()) < 0 || x.hi().compareTo(one) > 0) {
            return Enclosure.UNKNOWN;
        }
        return increasing(x, this::asinPoint);
    }

    Enclosure acos(Enclosure x) {
        return work.subtract(work.multiply(pi(), Enclosure.point(HALF)), asin(x));
    }

    /** asin x = atan(x / sqrt(1 - x^2)) inside (-1, 1); ±pi/2 at ±1. */
    private Enclosure asinPoint(BigDecimal x) {
        if (x.abs().compareTo(BigDecimal.ONE) == 0) {
            Enclosure halfPi = work.multiply(pi(), Enclosure.point(HALF));
            return x.signum() > 0 ? halfPi : work.negate(halfPi);
        }
        Enclosure p = Enclosure.point(x);
        Enclosure cosine = work.sqrt(work.subtract(Enclosure.ONE, work.multiply(p, p)));
        return atan(work.divide(p, cosine));
    }
}
