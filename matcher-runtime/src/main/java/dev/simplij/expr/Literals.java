package dev.simplij.expr;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * The exact values of numeric literals, and how a node holds one.
 *
 * <p>A literal is an exact terminating decimal of any size. Most are held inline, as the bits of a
 * double whose {@linkplain #exact(double) exact value} they are: the double {@code d} stands for
 * its shortest decimal form ({@code 0.1} is one tenth, not the binary fraction nearest to it), and
 * an integer below 2<sup>53</sup> for itself. A literal no double stands for in that sense
 * ({@code 9007199254740993}, {@code 0.1000000000000000000001}) is <em>pooled</em>: its node's
 * payload is {@link #pooled(int) a reference} into a pool of {@link BigDecimal}s kept beside the
 * tokens. Which form holds a value is decided by the value alone ({@link #inline(BigDecimal)}), so
 * equal values have equal forms, and pooled payloads are compared by the values they refer to.
 *
 * <p>Every literal's value is within the double range and a nonzero one is not rounded to zero as a
 * double: {@link Expr#number} (the nearest double, for evaluation) is then finite and has the
 * literal's sign.
 */
public final class Literals {
    /** Payload bits of a pooled literal: a NaN pattern, which no finite double has. */
    private static final long POOLED = 0x7FF8_0000_0000_0000L;
    private static final long TAG_MASK = 0xFFF8_0000_0000_0000L;
    /** Integers of smaller magnitude are held as themselves by a double. */
    private static final long EXACT_DOUBLE = 1L << 53;
    private static final long NUMBER_TOKEN = Hashing.mix(Expr.NUMBER * 0x9E3779B97F4A7C15L + 0x632BE59BD9B4E019L);

    private Literals() {
    }

    /** True when a number node's payload refers to a pooled value rather than holding double bits. */
    public static boolean isPooled(long payload) {
        return (payload & TAG_MASK) == POOLED;
    }

    /** The payload of the pooled value at {@code index}. */
    public static long pooled(int index) {
        return POOLED | index;
    }

    /** The pool index a pooled payload refers to. */
    public static int poolIndex(long payload) {
        return (int) payload;
    }

    /**
     * The exact value a double stands for as a literal: itself for an integer below 2<sup>53</sup>,
     * else its shortest decimal form (of the decimals with fewest digits that read back as d, the
     * nearest to d); without trailing zeros.
     */
    public static BigDecimal exact(double d) {
        if (Math.abs(d) < EXACT_DOUBLE && d == (long) d) {
            return BigDecimal.valueOf((long) d);
        }
        BigDecimal toString = new BigDecimal(Double.toString(d)).stripTrailingZeros();
        if (toString.precision() <= 15 && Math.abs(d) >= Double.MIN_NORMAL) {
            // at most 15 digits tell every two normal doubles apart, so no other decimal that short reads as d
            return toString;
        }
        // Java 17's Double.toString is not always shortest (2.82879384806159E17 prints 18 digits):
        // round d's binary value to ever more digits until it reads back
        BigDecimal binary = new BigDecimal(d);
        for (int digits = Math.abs(d) >= Double.MIN_NORMAL ? 15 : 1; digits < 17; digits++) {
            BigDecimal rounded = binary.round(new MathContext(digits, RoundingMode.HALF_EVEN));
            if (rounded.doubleValue() == d) {
                return rounded.stripTrailingZeros();
            }
        }
        return binary.round(new MathContext(17, RoundingMode.HALF_EVEN)).stripTrailingZeros();
    }

    /**
     * The double that stands for {@code value} (its {@link #exact} value is {@code value}), or NaN
     * when none does and the value is to be pooled.
     */
    public static double inline(BigDecimal value) {
        if (value.signum() == 0) {
            return 0.0;
        }
        if (value.precision() > 20 && value.stripTrailingZeros().precision() > 20) {
            return Double.NaN; // no double's decimal form has that many digits (17, 18 in Java 17's corner cases)
        }
        double d = value.doubleValue();
        if (!Double.isFinite(d) || d == 0) {
            return Double.NaN;
        }
        if (Math.abs(d) < EXACT_DOUBLE && d == (long) d) {
            // such a double stands for that integer, which the value must then be
            return value.compareTo(BigDecimal.valueOf((long) d)) == 0 ? d : Double.NaN;
        }
        return exact(d).compareTo(value) == 0 ? d : Double.NaN;
    }

    /**
     * True when a value may be a literal: its nearest double is finite, and not zero unless the
     * value is ({@link Expr#number} keeps the literal's sign), and it prints in at most
     * {@link Numbers#MAX_LITERAL_LENGTH} characters.
     */
    public static boolean fits(BigDecimal value) {
        if (value.signum() == 0) {
            return true;
        }
        BigDecimal v = value.stripTrailingZeros();
        long exponent = (long) v.precision() - v.scale() - 1; // 10^exponent <= |v| < 10^(exponent + 1)
        if (exponent > 308 || exponent < -324) {
            return false;
        }
        if (exponent >= 308 || exponent <= -323) { // near the ends of the double range: ask the double
            double d = v.doubleValue();
            if (!Double.isFinite(d) || d == 0) {
                return false;
            }
        }
        return Numbers.formattedLength(v) <= Numbers.MAX_LITERAL_LENGTH;
    }

    /** The token hash ({@link StructuralHash#token}) of a literal of this exact value that is pooled. */
    public static long pooledTokenHash(BigDecimal value) {
        BigDecimal v = value.stripTrailingZeros();
        return Hashing.mix(NUMBER_TOKEN ^ Hashing.mix(v.unscaledValue().hashCode() * 0x9E3779B97F4A7C15L + v.scale()));
    }

    /** The literal's text (see {@link Numbers#formatExact}). */
    public static String format(BigDecimal value) {
        return Numbers.formatExact(value);
    }
}
