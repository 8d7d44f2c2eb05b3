package dev.simplij.expr;

/**
 * The one place that decides when a binary node is written as a unary operator of the table:
 * {@code x**2 .. x**5} as {@code pow2 .. pow5}, {@code x**0.5} and {@code x**(1/2)} as
 * {@code pow1_2}, {@code x**0.25} and {@code x**(1/4)} as {@code pow1_4}, {@code x**(-1)} and
 * {@code 1/x} as {@code inv}. The infix parser spells what it reads with it, and the simplifier
 * spells prefix input the same way, so both notations of one formula simplify alike.
 *
 * <p>Every spelling is shorter, and has the same value wherever the binary form is defined (same
 * domain: {@code pow(x, 0.5)} and {@code pow1_2 x} are both undefined for {@code x < 0}). With
 * {@code widening}, odd roots are spelled too: {@code pow(x, 1/3)} is undefined for {@code x < 0},
 * {@code pow1_3 x} is the real cube root there, so the spelling is defined at more points and equal
 * wherever the input is defined: right for the simplifier, wrong for a parser, which must read
 * exactly what was written. The literal {@code 0.2} counts as {@code 1/5}, as in constant folding
 * (literals stand for their shortest decimal form). The reverse directions would shrink the domain and are never taken.
 */
public final class Spelling {
    private Spelling() {
    }

    /**
     * The unary operator that writes {@code op(left, right)} shorter, or null. It applies to the
     * left operand for {@code pow} and to the right one for {@code /} (see {@link #overRight}).
     *
     * @param left         the left operand's value when it is a numeric literal, else NaN
     * @param right        the right operand's value when it is a numeric literal, else NaN
     * @param rightInverse {@code d} when the right operand is {@code inv d} with {@code d} a literal, else NaN
     * @param widening     also spellings defined at more points than the binary form (odd roots)
     */
    public static Operator unary(Operator op, double left, double right, double rightInverse, boolean widening) {
        if (op == Operator.DIV) {
            return left == 1 ? Operator.INV : null;
        }
        if (op != Operator.POW) {
            return null;
        }
        if (right == 2) {
            return Operator.POW2;
        }
        if (right == 3) {
            return Operator.POW3;
        }
        if (right == 4) {
            return Operator.POW4;
        }
        if (right == 5) {
            return Operator.POW5;
        }
        if (right == 0.5 || rightInverse == 2) {
            return Operator.POW1_2;
        }
        if (right == 0.25 || rightInverse == 4) {
            return Operator.POW1_4;
        }
        if (right == -1) {
            return Operator.INV;
        }
        if (widening && rightInverse == 3) {
            return Operator.POW1_3;
        }
        if (widening && (rightInverse == 5 || right == 0.2)) {
            return Operator.POW1_5;
        }
        return null;
    }

    /** True when the spelling of {@code op} applies to its right operand ({@code 1/x -> inv x}). */
    public static boolean overRight(Operator op) {
        return op == Operator.DIV;
    }
}
