package dev.simplij.simplify;

import dev.simplij.expr.Literals;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;

/**
 * An exact rational {@code num/den} in lowest terms ({@code den > 0}), of any size up to
 * {@value #MAX_BITS} bits a part. Longs hold the parts whenever they fit, and the arithmetic on them
 * stays on longs (the hot path: nearly every coefficient and exponent is small); a result that
 * overflows a long is computed again in {@link BigInteger}s. Each value has one form (longs when
 * both parts fit, {@code Long.MIN_VALUE} excluded), so {@link #equals} compares forms. Only a part
 * beyond {@value #MAX_BITS} bits throws {@link ArithmeticException}, and callers then leave the
 * expression as it is: the simplifier never replaces an exact value by a rounded one.
 */
final class Fraction {
    /** Integers from {@code -SMALL} to {@code SMALL} are shared instances: most coefficients and exponents are. */
    private static final int SMALL = 64;
    private static final Fraction[] SMALL_INTEGERS = new Fraction[2 * SMALL + 1];
    /**
     * Larger parts are refused: they would only cost time, as no literal holds them (a literal is
     * within the double range, 2^1024, and at most 400 characters: 400 digits are 1,329 bits).
     */
    static final int MAX_BITS = 1400;

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

    /**
     * The parts when they fit in longs; {@code den == 0} marks a fraction held in {@link #big}. One
     * reference for both big parts keeps the object as small as two longs alone (32 bytes with
     * compressed references): most fractions are allocated on the hot path, none of them big.
     */
    private final long num;
    private final long den;
    private final Big big;

    private record Big(BigInteger num, BigInteger den) {
    }

    private Fraction(long num, long den) {
        this.num = num;
        this.den = den;
        this.big = null;
    }

    private Fraction(BigInteger num, BigInteger den) {
        this.num = 1; // not 0: num == 0 is zero, tested first on the hot path
        this.den = 0;
        this.big = new Big(num, den);
    }

    /** The numerator; an ArithmeticException when it does not fit in a long. */
    long num() {
        if (den == 0) {
            throw new ArithmeticException("overflow");
        }
        return num;
    }

    /** The denominator; an ArithmeticException when it does not fit in a long. */
    long den() {
        if (den == 0) {
            throw new ArithmeticException("overflow");
        }
        return den;
    }

    /** The numerator as a fraction. */
    Fraction numerator() {
        return den == 1 ? this : den != 0 ? of(num) : of(big.num, BigInteger.ONE);
    }

    /** The denominator as a fraction. */
    Fraction denominator() {
        return den == 1 ? ONE : den != 0 ? of(den) : of(big.den, BigInteger.ONE);
    }

    BigInteger bigNum() {
        return den == 0 ? big.num : BigInteger.valueOf(num);
    }

    BigInteger bigDen() {
        return den == 0 ? big.den : BigInteger.valueOf(den);
    }

    @Override
    public boolean equals(Object o) {
        return this == o || o instanceof Fraction f && num == f.num && den == f.den
                && (den != 0 || big.equals(f.big));
    }

    @Override
    public int hashCode() {
        return den != 0 ? Long.hashCode(num * 31 + den) : big.hashCode();
    }

    @Override
    public String toString() {
        return den == 1 ? Long.toString(num) : den != 0 ? num + "/" + den
                : big.den.equals(BigInteger.ONE) ? big.num.toString() : big.num + "/" + big.den;
    }

    static Fraction of(long num, long den) {
        if (den == 1 && num != Long.MIN_VALUE) {
            return of(num);
        }
        if (den == 0) {
            throw new ArithmeticException("division by zero");
        }
        if (num == Long.MIN_VALUE || den == Long.MIN_VALUE) {
            return of(BigInteger.valueOf(num), BigInteger.valueOf(den));
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

    /** num/den known to be in lowest terms with den positive. */
    private static Fraction inLowestTerms(long num, long den) {
        return den == 1 ? of(num) : new Fraction(num, den);
    }

    static Fraction of(long integer) {
        if (integer == Long.MIN_VALUE) {
            return new Fraction(BigInteger.valueOf(integer), BigInteger.ONE);
        }
        return integer >= -SMALL && integer <= SMALL ? SMALL_INTEGERS[(int) integer + SMALL] : new Fraction(integer, 1);
    }

    /** num/den in lowest terms, in longs when both parts fit. */
    static Fraction of(BigInteger num, BigInteger den) {
        if (den.signum() == 0) {
            throw new ArithmeticException("division by zero");
        }
        BigInteger g = num.gcd(den);
        if (!g.equals(BigInteger.ONE) && g.signum() != 0) {
            num = num.divide(g);
            den = den.divide(g);
        }
        if (den.signum() < 0) {
            num = num.negate();
            den = den.negate();
        }
        if (num.bitLength() < Long.SIZE && den.bitLength() < Long.SIZE && num.longValue() != Long.MIN_VALUE) {
            return of(num.longValue(), den.longValue());
        }
        if (num.bitLength() > MAX_BITS || den.bitLength() > MAX_BITS) {
            throw new ArithmeticException("overflow");
        }
        return new Fraction(num, den);
    }

    /** The exact value of a decimal. */
    static Fraction of(BigDecimal value) {
        BigInteger unscaled = value.unscaledValue();
        int scale = value.scale();
        return scale <= 0 ? of(unscaled.multiply(BigInteger.TEN.pow(-scale)), BigInteger.ONE)
                : of(unscaled, BigInteger.TEN.pow(scale));
    }

    /** The exact value a double stands for as a literal ({@link Literals#exact}: {@code 0.1} is 1/10). */
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
        if (Double.isNaN(value)) { // a pooled literal (TermStore#numberValue)
            return false;
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
        return of(Literals.exact(value));
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
        if (den != 0 && o.den != 0) {
            try {
                if (den == 1 && o.den == 1) {
                    return of(Math.addExact(num, o.num));
                }
                return of(Math.addExact(Math.multiplyExact(num, o.den), Math.multiplyExact(o.num, den)),
                        Math.multiplyExact(den, o.den));
            } catch (ArithmeticException overflow) {
                // beyond longs: below
            }
        }
        return bigSum(this, o);
    }

    /** The slow paths stand apart, so that the long paths stay small enough to be inlined. */
    private static Fraction bigSum(Fraction a, Fraction b) {
        return of(a.bigNum().multiply(b.bigDen()).add(b.bigNum().multiply(a.bigDen())), a.bigDen().multiply(b.bigDen()));
    }

    private static Fraction bigProduct(Fraction a, Fraction b) {
        return of(a.bigNum().multiply(b.bigNum()), a.bigDen().multiply(b.bigDen()));
    }

    private static Fraction bigQuotient(Fraction a, Fraction b) {
        return of(a.bigNum().multiply(b.bigDen()), a.bigDen().multiply(b.bigNum()));
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
        // signs are flipped this way often (a sum's negation, its unit): no common factor to look for
        if (o == MINUS_ONE) {
            return negate();
        }
        if (this == MINUS_ONE) {
            return o.negate();
        }
        if (den != 0 && o.den != 0) {
            try {
                if (den == 1 && o.den == 1) {
                    return of(Math.multiplyExact(num, o.num));
                }
                return of(Math.multiplyExact(num, o.num), Math.multiplyExact(den, o.den));
            } catch (ArithmeticException overflow) {
                // beyond longs: below
            }
        }
        return bigProduct(this, o);
    }

    Fraction divide(Fraction o) {
        if (o.isZero()) {
            throw new ArithmeticException("division by zero");
        }
        if (this == ONE && o.den != 0) {
            // the reciprocal of a fraction in lowest terms is in lowest terms: no gcd
            return o.num < 0 ? inLowestTerms(-o.den, -o.num) : inLowestTerms(o.den, o.num);
        }
        if (den != 0 && o.den != 0) {
            try {
                return of(Math.multiplyExact(num, o.den), Math.multiplyExact(den, o.num));
            } catch (ArithmeticException overflow) {
                // beyond longs: below
            }
        }
        return bigQuotient(this, o);
    }

    /**
     * The greatest positive rational that divides both into integers (the content of a sum's
     * coefficients): {@code gcd(numerators)/lcm(denominators)}; the other's magnitude when this is zero.
     */
    Fraction gcd(Fraction o) {
        if (den != 0 && o.den != 0) {
            try {
                long n = gcd(Math.abs(num), Math.abs(o.num));
                long d = Math.multiplyExact(den / gcd(den, o.den), o.den);
                return of(n, d);
            } catch (ArithmeticException overflow) {
                // beyond longs: below
            }
        }
        BigInteger d = bigDen().divide(bigDen().gcd(o.bigDen())).multiply(o.bigDen());
        return of(bigNum().gcd(o.bigNum()), d);
    }

    Fraction negate() {
        if (den == 0) {
            return of(big.num.negate(), big.den);
        }
        // a long part is never Long.MIN_VALUE, so its negation fits
        return den == 1 ? of(-num) : new Fraction(-num, den);
    }

    Fraction abs() {
        return signum() < 0 ? negate() : this;
    }

    /**
     * {@code this^k} for any integer k; throws for {@code 0^k}, k < 0, and when a part of the
     * result would exceed {@value #MAX_BITS} bits.
     */
    Fraction pow(long k) {
        if (k < 0) {
            return ONE.divide(pow(-k));
        }
        // a part of b bits has at least (b - 1) * k + 1 bits to the power k: refuse before computing
        int bits = den != 0 ? 64 - Long.numberOfLeadingZeros(Math.max(Math.abs(num), den))
                : Math.max(big.num.bitLength(), big.den.bitLength());
        if ((bits - 1) * (double) k > MAX_BITS) {
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
        if (signum() < 0 && k % 2 == 0) {
            return null;
        }
        if (den == 0) {
            BigInteger n = integerRoot(big.num.abs(), k);
            BigInteger d = n == null ? null : integerRoot(big.den, k);
            return d == null ? null : of(signum() < 0 ? n.negate() : n, d);
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
            Fraction power = of(r).pow(k);
            if (power.den == 1 && power.num == x) {
                return r;
            }
        }
        return -1;
    }

    /** The integer k-th root of x >= 0, or null when x is no k-th power (Newton's method from above). */
    private static BigInteger integerRoot(BigInteger x, int k) {
        if (x.signum() == 0) {
            return x;
        }
        BigInteger degree = BigInteger.valueOf(k);
        BigInteger below = BigInteger.valueOf(k - 1L);
        BigInteger r = BigInteger.ONE.shiftLeft(x.bitLength() / k + 1);
        while (true) {
            BigInteger next = r.multiply(below).add(x.divide(r.pow(k - 1))).divide(degree);
            if (next.compareTo(r) >= 0) {
                break;
            }
            r = next;
        }
        return r.pow(k).equals(x) ? r : null;
    }

    int signum() {
        return den != 0 ? Long.signum(num) : big.num.signum();
    }

    boolean isZero() {
        return num == 0;
    }

    boolean isOne() {
        return num == 1 && den == 1;
    }

    boolean isInteger() {
        return den == 1 || den == 0 && big.den.equals(BigInteger.ONE);
    }

    /**
     * Whether this is a whole number of at most {@code bound} in magnitude; false for one beyond a
     * long, whose {@link #num()} would throw ({@code pow _0 pow5 pow5 pow5 2} is a mined left side).
     */
    boolean isIntegerWithin(long bound) {
        return den == 1 && -bound <= num && num <= bound;
    }

    /**
     * The exact value as a decimal when it terminates (the denominator has no prime factor but 2
     * and 5), else null.
     */
    BigDecimal decimalValue() {
        BigInteger d = bigDen();
        d = d.shiftRight(d.getLowestSetBit());
        BigInteger five = BigInteger.valueOf(5);
        while (d.compareTo(BigInteger.ONE) > 0) {
            BigInteger[] qr = d.divideAndRemainder(five);
            if (qr[1].signum() != 0) {
                return null;
            }
            d = qr[0];
        }
        return new BigDecimal(bigNum()).divide(new BigDecimal(bigDen()));
    }

    /**
     * The literal for this value when its shortest decimal form is exact (integers, terminating
     * decimals that a double holds exactly), else NaN.
     */
    double literalValue() {
        if (den == 0) {
            return Double.NaN;
        }
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
        return den != 0 && Math.abs(num) <= EXACT_DOUBLE && den <= EXACT_DOUBLE;
    }
}
