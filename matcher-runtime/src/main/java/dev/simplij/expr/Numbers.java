package dev.simplij.expr;

/** Reading and writing numeric literals. */
final class Numbers {
    /** Longer literals are refused rather than parsed: no real formula needs them. */
    static final int MAX_LITERAL_LENGTH = 400;

    private Numbers() {
    }

    /** Integers print without a decimal point; others in the shortest form that reads back exactly. */
    static String format(double value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value);
        }
        return Double.toString(value);
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
     * Parses a whole literal; null when it is not a finite double, with {@code problem[0]} saying why.
     */
    static Double parse(String literal, String[] problem) {
        if (literal.length() > MAX_LITERAL_LENGTH) {
            problem[0] = "numeric literal of " + literal.length() + " characters is longer than "
                    + MAX_LITERAL_LENGTH;
            return null;
        }
        int unsignedStart = literal.startsWith("-") ? 1 : 0;
        if (literalLength(literal, unsignedStart) != literal.length() - unsignedStart) {
            problem[0] = "malformed numeric literal '" + literal + "'";
            return null;
        }
        double value = Double.parseDouble(literal);
        if (!Double.isFinite(value)) {
            problem[0] = "numeric literal '" + abbreviate(literal) + "' is out of the double range";
            return null;
        }
        return value;
    }

    /** Only ASCII digits: {@link Character#isDigit} accepts other scripts' digits, which {@link Double#parseDouble} refuses. */
    static boolean isAsciiDigit(char c) {
        return c >= '0' && c <= '9';
    }

    static String abbreviate(String text) {
        return text.length() <= 40 ? text : text.substring(0, 37) + "...";
    }
}
