package dev.simplij.expr;

import java.math.BigDecimal;

/** Reading and writing numeric literals. */
final class Numbers {
    /** Longer literals are refused rather than parsed: no real formula needs them. */
    static final int MAX_LITERAL_LENGTH = 400;
    /** Integers of smaller magnitude are held as themselves by a double. */
    private static final long EXACT_DOUBLE = 1L << 53;

    private Numbers() {
    }

    /**
     * The text of the literal a double stands for ({@link Literals#exact}): see {@link #formatExact}.
     * Integers below 2<sup>53</sup> and plain {@link Double#toString} forms are written directly.
     */
    static String format(double value) {
        if (Math.abs(value) < EXACT_DOUBLE && value == (long) value) { // an integer (cheaper than rint)
            return Long.toString((long) value);
        }
        String shortest = Double.toString(value);
        // plain (1e-3 <= |value| < 1e7) with at most 15 digits: the text of Literals.exact(value) itself
        return shortest.indexOf('E') < 0 && shortest.length() <= (value < 0 ? 17 : 16) ? shortest
                : formatExact(Literals.exact(value));
    }

    /**
     * The text of an exact value, as the parsers and SymPy's {@code sympify} read it back: plain
     * notation ({@code 9007199254740993}, {@code 0.00000000006674} for {@code 6.674e-11}) whenever
     * that is at most {@link #MAX_LITERAL_LENGTH} characters, the longest literal a parser accepts;
     * only a value whose plain text would be longer, which the input must therefore have written
     * with an exponent, is written as {@code 1.5e-400} (a lower-case {@code e}, as Python writes).
     * Every integer a literal can hold fits the plain form (the double range ends near 1.8e308).
     */
    static String formatExact(BigDecimal value) {
        BigDecimal v = value.signum() == 0 ? BigDecimal.ZERO : value.stripTrailingZeros();
        int precision = v.precision();
        int scale = v.scale();
        if (plainLength(v) <= MAX_LITERAL_LENGTH) {
            return v.toPlainString();
        }
        String digits = v.unscaledValue().abs().toString();
        StringBuilder sb = new StringBuilder(digits.length() + 16);
        if (v.signum() < 0) {
            sb.append('-');
        }
        sb.append(digits.charAt(0));
        if (digits.length() > 1) {
            sb.append('.').append(digits, 1, digits.length());
        }
        return sb.append('e').append((long) precision - scale - 1).toString();
    }

    /** The length of {@link #formatExact}'s text for a value without trailing zeros, without writing it. */
    static long formattedLength(BigDecimal v) {
        long plain = plainLength(v);
        if (plain <= MAX_LITERAL_LENGTH) {
            return plain;
        }
        int precision = v.precision();
        long exponent = (long) precision - v.scale() - 1;
        return (v.signum() < 0 ? 1 : 0) + precision + (precision > 1 ? 1 : 0) + 1 + Long.toString(exponent).length();
    }

    private static long plainLength(BigDecimal v) {
        int precision = v.precision();
        int scale = v.scale();
        return (v.signum() < 0 ? 1 : 0)
                + (scale <= 0 ? (long) precision - scale : scale >= precision ? scale + 2L : precision + 1L);
    }

    /** True when {@code text} is an unsigned or negative decimal literal (digits, '.', exponent). */
    static boolean looksNumeric(String text) {
        int i = text.startsWith("-") ? 1 : 0;
        if (i >= text.length()) {
            return false;
        }
        char c = text.charAt(i);
        return (c >= '0' && c <= '9') || (c == '.' && i + 1 < text.length() && isAsciiDigit(text.charAt(i + 1)));
    }

    /**
     * Length of the unsigned decimal literal starting at {@code start} in {@code text}
     * ({@code 12}, {@code 1.5}, {@code .5}, {@code 2e-3}), 0 when none starts there.
     */
    static int literalLength(CharSequence text, int start) {
        int i = start;
        int n = text.length();
        int digits = 0;
        while (i < n && isAsciiDigit(text.charAt(i))) {
            i++;
            digits++;
        }
        if (i < n && text.charAt(i) == '.') {
            i++;
            while (i < n && isAsciiDigit(text.charAt(i))) {
                i++;
                digits++;
            }
        }
        if (digits == 0) {
            return 0;
        }
        if (i < n && (text.charAt(i) == 'e' || text.charAt(i) == 'E')) {
            int j = i + 1;
            if (j < n && (text.charAt(j) == '+' || text.charAt(j) == '-')) {
                j++;
            }
            int expStart = j;
            while (j < n && isAsciiDigit(text.charAt(j))) {
                j++;
            }
            if (j > expStart) {
                i = j;
            }
        }
        return i - start;
    }

    /**
     * Parses a whole literal exactly. Returns the double that stands for it ({@link Literals#inline});
     * NaN either when the literal is to be pooled, its value then in {@code pooled[0]}, or when it is
     * refused, with {@code problem[0]} saying why (malformed, too long, outside the double range).
     */
    static double parse(String literal, String[] problem, BigDecimal[] pooled) {
        problem[0] = null;
        pooled[0] = null;
        if (literal.length() > MAX_LITERAL_LENGTH) {
            problem[0] = "numeric literal of " + literal.length() + " characters is longer than "
                    + MAX_LITERAL_LENGTH;
            return Double.NaN;
        }
        int unsignedStart = literal.startsWith("-") ? 1 : 0;
        int length = literalLength(literal, unsignedStart);
        if (length != literal.length() - unsignedStart) {
            problem[0] = "malformed numeric literal '" + literal + "'";
            return Double.NaN;
        }
        if (length <= 15 && isDigits(literal, unsignedStart)) {
            // the usual literal: an integer below 2^53, its own double
            long integer = Long.parseLong(literal, unsignedStart, literal.length(), 10);
            return unsignedStart == 0 ? integer : -(double) integer + 0.0;
        }
        if (length <= 16 && isPlainDecimal(literal, unsignedStart)) {
            // at most 15 digits and no exponent (0.5, 3.14159): the double nearest to it stands for it
            return Double.parseDouble(literal) + 0.0;
        }
        BigDecimal value;
        try {
            value = new BigDecimal(literal);
        } catch (NumberFormatException e) { // an exponent beyond the int range
            value = null;
        }
        if (value == null || !Literals.fits(value)) {
            problem[0] = "numeric literal '" + abbreviate(literal) + "' is out of the double range";
            return Double.NaN;
        }
        double inline = Literals.inline(value);
        if (Double.isNaN(inline)) {
            pooled[0] = value.stripTrailingZeros();
        }
        return inline;
    }

    /** Digits and a point, no exponent (of a literal {@link #literalLength} has read whole). */
    private static boolean isPlainDecimal(String text, int from) {
        boolean point = false;
        for (int i = from; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '.') {
                point = true;
            } else if (!isAsciiDigit(c)) {
                return false;
            }
        }
        return point;
    }

    private static boolean isDigits(String text, int from) {
        for (int i = from; i < text.length(); i++) {
            if (!isAsciiDigit(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** Only ASCII digits: {@link Character#isDigit} accepts other scripts' digits, which {@link Double#parseDouble} refuses. */
    static boolean isAsciiDigit(char c) {
        return c >= '0' && c <= '9';
    }

    static String abbreviate(String text) {
        return text.length() <= 40 ? text : text.substring(0, 37) + "...";
    }
}
