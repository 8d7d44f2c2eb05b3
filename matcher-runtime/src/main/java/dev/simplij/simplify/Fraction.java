package dev.simplij.simplify;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;

/**
 * An exact rational {@code num/den} in lowest terms on longs ({@code den > 0}). Every operation is
 * exact or throws {@link ArithmeticException} on overflow, and callers then leave the expression as
 * it is: the simplifier never replaces an exact value by a rounded one.
 */
record Fraction(long num, long den) {
    /** Integers from {@code -SMALL} to {@code SMALL} are shared instances: most coefficients and exponents are. */
    private static final int SMALL = 64;
    private static final Fraction[] SMALL_INTEGERS = new Fraction[2 * SMALL + 1];

    static {
        for (int i = -SMALL; i <= SMALL; i++) {
            SMALL_INTEGERS[i + SMALL] = new Fraction(i, 1);
        }
    }

    static final Fraction ZERO = of(0);
    static final Fraction ONE = of(1);
    static final Fraction MINUS_ONE = of(-1);
    /** Largest integer every double represents exactly, and its neighbours. */
    private static final long EXACT_DOUBLE = 1L << 53;

    static Fraction of(long num, long den) {
        if (den == 1 && num != Long.MIN_VALUE) {
            return of(num);
        }
        if (den == 0) {
            throw new ArithmeticException("division by zero");
        }
        if (num == Long.MIN_VALUE || den == Long.MIN_VALUE) {
            throw new ArithmeticException("overflow");
        }
        long g = gcd(Math.abs(num), Math.abs(den));
        if (g > 1) {
            num /= g;
            den /= g;
        }
        if (den < 0) {
            num = -num;
            den = -den;
        }
        return den == 1 ? of(num) : new Fraction(num, den);
    }

    static Fraction of(long integer) {
        return integer >= -SMALL && integer <= SMALL ? SMALL_INTEGERS[(int) integer + SMALL] : new Fraction(integer, 1);
    }

    /** The exact value of a literal's shortest decimal form ({@code 0.1} is 1/10), or null if too long. */
    static Fraction ofLiteral(double value) {
        if (Math.abs(value) < EXACT_DOUBLE && value == (long) value) { // an integer (cheaper than rint)
            return of((long) value);
        }
        // Decimal conversion is slow and the same few literals recur: a small shared cache of results.
        return cachedLiteral(value).value;
    }

    /**
     * True when {@link #literalValue} of {@link #ofLiteral} gives this very literal back: folding then
     * writes the literal as it was.
     */
    static boolean roundTrips(double value) {
        if (Math.abs(value) < EXACT_DOUBLE && value == (long) value) { // an integer (cheaper than rint)
            return true;
        }
        return cachedLiteral(value).roundTrips;
    }

    private static CachedLiteral cachedLiteral(double value) {
        long bits = Double.doubleToLongBits(value);
        // every bit counts, the sign too: short decimals differ only in their top bits, and x and -x recur together
        int slot = (int) ((bits ^ (bits >>> 32)) * 0x9E3779B97F4A7C15L >>> (64 - LITERAL_CACHE_BITS));
        CachedLiteral cached = LITERAL_CACHE[slot];
        if (cached != null && cached.bits == bits) {
            LITERAL_HITS.increment();
            return cached;
        }
        Fraction f = decimalValue(value);
        double back = f == null ? Double.NaN : f.literalValue();
        cached = new CachedLiteral(bits, f, !Double.isNaN(back) && Double.doubleToLongBits(back) == bits);
        LITERAL_CACHE[slot] = cached;
        LITERAL_MISSES.increment();
        return cached;
    }

    private static final int LITERAL_CACHE_BITS = 8;
    private static final int LITERAL_CACHE_SIZE = 1 << LITERAL_CACHE_BITS;
    /** Racy by design: entries are immutable, so a reader sees a whole entry or an older one. */
    private static final CachedLiteral[] LITERAL_CACHE = new CachedLiteral[LITERAL_CACHE_SIZE];
    private static final LongAdder LITERAL_HITS = new LongAdder();
    private static final LongAdder LITERAL_MISSES = new LongAdder();
    private static final LongAdder DECIMAL_HITS = new LongAdder();
    private static final LongAdder DECIMAL_MISSES = new LongAdder();

    /** The two literal caches' counters: the only state the simplifier keeps across calls. */
    static List<CacheStatistics> cacheStatistics() {
        return List.of(
                new CacheStatistics("literal values", LITERAL_CACHE_SIZE, LITERAL_HITS.sum(), LITERAL_MISSES.sum()),
                new CacheStatistics("decimal literals", LITERAL_CACHE_SIZE, DECIMAL_HITS.sum(), DECIMAL_MISSES.sum()));
    }

    private record CachedLiteral(long bits, Fraction value, boolean roundTrips) {
    }

    private static Fraction decimalValue(double value) {
        BigDecimal d = new BigDecimal(Double.toString(value)).stripTrailingZeros();
        BigInteger unscaled = d.unscaledValue();
        int scale = d.scale();
        if (scale < 0 || scale > 18 || unscaled.bitLength() > 62) {
            return null;
        }
        return of(unscaled.longValue(), BigInteger.TEN.pow(scale).longValueExact());
    }

    /** Binary GCD of two non-negative longs (no division on the hot path). */
    private static long gcd(long a, long b) {
        if (a == 0) {
            return b;
        }
        if (b == 0) {
            return a;
        }
        if (a == 1 || b == 1) {
            return 1;
        }
        int shift = Long.numberOfTrailingZeros(a | b);
        a >>>= Long.numberOfTrailingZeros(a);
        while (b != 0) {
            b >>>= Long.numberOfTrailingZeros(b);
            if (a > b) {
                long t = b;
                b = a;
                a = t;
            }
            b -= a;
        }
        return a << shift;
    }

    Fraction add(Fraction o) {
        if (o.num == 0) {
            return this;
        }
        if (num == 0) {
            return o;
        }
        if (den == 1 && o.den == 1) {
            return of(Math.addExact(num, o.num));
        }
        return of(Math.addExact(Math.multiplyExact(num, o.den), Math.multiplyExact(o.num, den)),
                Math.multiplyExact(den, o.den));
    }

    Fraction subtract(Fraction o) {
        return add(o.negate());
    }

    Fraction multiply(Fraction o) {
        if (o == ONE) {
            return this;
        }
        if (this == ONE) {
            return o;
        }
        if (den == 1 && o.den == 1) {
            return of(Math.multiplyExact(num, o.num));
        }
        return of(Math.multiplyExact(num, o.num), Math.multiplyExact(den, o.den));
    }

    Fraction divide(Fraction o) {
        return of(Math.multiplyExact(num, o.den), Math.multiplyExact(den, o.num));
    }

    Fraction negate() {
        return den == 1 ? of(Math.negateExact(num)) : new Fraction(Math.negateExact(num), den);
    }

    Fraction abs() {
        return num < 0 ? negate() : this;
    }

    /** {@code this^k} for any integer k; throws for {@code 0^k}, k < 0. */
    Fraction pow(long k) {
        if (k < 0) {
            return ONE.divide(pow(-k));
        }
        if (k > 64 && Math.abs(num) > 1 && den == 1) {
            throw new ArithmeticException("overflow");
        }
        Fraction r = ONE;
        Fraction b = this;
        long e = k;
        while (e > 0) {
            if ((e & 1) == 1) {
                r = r.multiply(b);
            }
            e >>= 1;
            if (e > 0) {
                b = b.multiply(b);
            }
        }
        return r;
    }

    /** The exact real k-th root, or null when it is not rational (or not real). */
    Fraction root(int k) {
        if (num < 0 && k % 2 == 0) {
            return null;
        }
        long n = exactRoot(Math.abs(num), k);
        long d = exactRoot(den, k);
        if (n < 0 || d < 0) {
            return null;
        }
        return of(num < 0 ? -n : n, d);
    }

    private static long exactRoot(long x, int k) {
        long guess = Math.round(Math.pow(x, 1.0 / k));
        for (long r = Math.max(0, guess - 1); r <= guess + 1; r++) {
            try {
                if (of(r).pow(k).num == x) {
                    return r;
                }
            } catch (ArithmeticException e) {
                return -1;
            }
        }
        return -1;
    }

    int signum() {
        return Long.signum(num);
    }

    boolean isZero() {
        return num == 0;
    }

    boolean isOne() {
        return num == 1 && den == 1;
    }

    boolean isInteger() {
        return den == 1;
    }

    /**
     * The literal for this value when its shortest decimal form is exact (integers, terminating
     * decimals that a double holds exactly), else NaN.
     */
    double literalValue() {
        if (den == 1) {
            return Math.abs(num) <= EXACT_DOUBLE ? (double) num : Double.NaN;
        }
        long d = den;
        while (d % 2 == 0) {
            d /= 2;
        }
        while (d % 5 == 0) {
            d /= 5;
        }
        if (d != 1) {
            return Double.NaN;
        }
        // Decimal conversion is slow and the same few values recur: a small shared cache of results.
        int slot = (int) (((num * 0x9E3779B97F4A7C15L) ^ den) * 0xBF58476D1CE4E5B9L >>> (64 - LITERAL_CACHE_BITS));
        DecimalLiteral cached = DECIMAL_LITERAL_CACHE[slot];
        if (cached == null || cached.num != num || cached.den != den) {
            cached = new DecimalLiteral(num, den, decimalLiteral(num, den));
            DECIMAL_LITERAL_CACHE[slot] = cached;
            DECIMAL_MISSES.increment();
        } else {
            DECIMAL_HITS.increment();
        }
        return cached.value;
    }

    private static double decimalLiteral(long num, long den) {
        BigDecimal exact = BigDecimal.valueOf(num).divide(BigDecimal.valueOf(den));
        double value = exact.doubleValue();
        return Double.isFinite(value) && new BigDecimal(Double.toString(value)).compareTo(exact) == 0 ? value : Double.NaN;
    }

    /** Racy by design, as {@link #LITERAL_CACHE}. */
    private static final DecimalLiteral[] DECIMAL_LITERAL_CACHE = new DecimalLiteral[LITERAL_CACHE_SIZE];

    private record DecimalLiteral(long num, long den, double value) {
    }

    /** True when numerator and denominator are literals a double holds exactly. */
    boolean hasExactParts() {
        return Math.abs(num) <= EXACT_DOUBLE && den <= EXACT_DOUBLE;
    }
}
