package dev.simplij.miner;

import dev.simplij.expr.Expr;
import dev.simplij.expr.Operator;
import org.hipparchus.dfp.Dfp;
import org.hipparchus.dfp.DfpField;
import org.hipparchus.dfp.DfpMath;

/**
 * Evaluates an expression in 60-digit (and, to settle doubtful differences, 120-digit) decimal floating point ({@link Dfp}) at one point, with
 * {@code pi} and {@code E} exact to that precision. Used only where double arithmetic is not
 * conclusive: a candidate rule whose sides differ by more than rounding could explain at some
 * point is decided here, so that no accepted rule rests on rounding luck (and {@code sin pi -> 0}
 * is accepted although {@code Math.sin(Math.PI)} is not 0).
 *
 * <p>Returns null where the expression is undefined on the reals, with the same domain rules as
 * {@link Operator}. Not thread-safe: one instance per thread.
 */
final class PreciseEvaluator {
    static final int DIGITS = 60;

    /** Relative agreement that needs no second look: no false identity comes this close by chance. */
    private static final double RELATIVE_AGREEMENT = 1e-50;
    /**
     * How much a rounding difference must shrink when the precision doubles: rounding noise shrinks
     * by about {@code 10^-DIGITS}, a true difference not at all.
     */
    private static final double NOISE_SHRINK = 1e-30;

    private final int digits;
    private final DfpField field;
    private PreciseEvaluator finer;
    private final Dfp zero;
    private final Dfp one;
    private final Dfp two;
    private final Dfp third;
    private final Dfp fifth;
    private final Dfp halfPi;
    /**
     * Divisors and cosines smaller than this are taken as poles: a pole of the exact expression
     * ({@code tan acos 0}, {@code inv sin pi}) leaves a remainder of about {@code 10^-digits}, and no
     * sample point comes this close to a pole by chance.
     */
    private final Dfp poleThreshold;
    private double magnitude;
    private double cancellation;

    PreciseEvaluator() {
        this(DIGITS);
    }

    private PreciseEvaluator(int digits) {
        this.digits = digits;
        field = new DfpField(digits);
        zero = field.getZero();
        one = field.getOne();
        two = field.newDfp(2);
        third = one.divide(3);
        fifth = one.divide(5);
        halfPi = field.getPi().divide(2);
        poleThreshold = one.divide(DfpMath.pow(field.newDfp(10), digits / 2));
    }

    /**
     * Outcome of {@link #compare}: UNDECIDED where the source is undefined, or where cancellation of
     * huge subterms leaves less than the difference in question even at twice the precision.
     */
    enum Verdict { AGREE, DISAGREE, UNDECIDED }

    /**
     * Whether {@code target} equals {@code source} at a point. Equal values, or values equal to
     * {@link #RELATIVE_AGREEMENT}, agree. Any other difference must be rounding noise of cancelling
     * or ill-conditioned steps, so it is recomputed at twice the precision and must shrink by
     * {@link #NOISE_SHRINK}: a tolerance scaled by the size of the subterms instead would take
     * {@code 2/exp(e^4) = 3.6e-24} for 0, since {@code exp(e^4)} is 5.5e23. A difference below the
     * rounding of the largest term that was cancelled (an addend, or what sinh, cosh, sin, cos and
     * tan cancel inside) even at twice the precision is UNDECIDED (the point says nothing either
     * way), not a disagreement; products and quotients lose no absolute accuracy and never count.
     */
    Verdict compare(Expr source, Expr target, double[] point, double[] constants) {
        Dfp s = evaluate(source, point, constants);
        if (s == null) {
            return Verdict.UNDECIDED;
        }
        Dfp t = evaluate(target, point, constants);
        if (t == null) {
            return Verdict.DISAGREE;
        }
        Dfp difference = s.subtract(t).abs();
        if (difference.isZero()) {
            return Verdict.AGREE;
        }
        Dfp size = s.abs().greaterThan(t.abs()) ? s.abs() : t.abs();
        if (difference.lessThan(size.multiply(field.newDfp(RELATIVE_AGREEMENT)))) {
            return Verdict.AGREE;
        }
        if (finer == null) {
            finer = new PreciseEvaluator(2 * digits);
        }
        Dfp fineSource = finer.evaluate(source, point, constants);
        double cancelling = finer.cancellation;
        Dfp fineTarget = finer.evaluate(target, point, constants);
        if (fineSource == null) {
            return Verdict.UNDECIDED;
        }
        if (fineTarget == null) {
            return Verdict.DISAGREE;
        }
        cancelling = Math.max(cancelling, finer.cancellation);
        double fineDifference = fineSource.subtract(fineTarget).abs().toDouble();
        if (fineDifference <= difference.toDouble() * NOISE_SHRINK) {
            return Verdict.AGREE;
        }
        double scale = Math.max(cancelling, Math.max(Math.abs(fineSource.toDouble()), Math.abs(fineTarget.toDouble())));
        double roundingBound = scale * Math.pow(10, -(finer.digits - 10));
        return fineDifference <= roundingBound ? Verdict.UNDECIDED : Verdict.DISAGREE;
    }

    /** The largest absolute value of any subterm in the last {@link #evaluate} call (at least 1). */
    double lastMagnitude() {
        return magnitude;
    }

    /**
     * The value at a point; {@code point[k]} is the value of placeholder {@code _k}; constants are
     * read from {@code constants} in order of occurrence. Null where undefined.
     */
    Dfp evaluate(Expr e, double[] point, double[] constants) {
        magnitude = 1;
        cancellation = 0;
        int n = e.size();
        Dfp[] stack = new Dfp[n];
        int top = 0;
        int constant = e.constantCount();
        for (int i = n - 1; i >= 0; i--) {
            Dfp v;
            switch (e.kind(i)) {
                case PLACEHOLDER -> v = field.newDfp(point[e.placeholder(i)]);
                case NUMBER -> v = field.newDfp(e.number(i));
                case CONSTANT -> v = field.newDfp(constants[--constant]);
                case OPERATOR -> {
                    Operator op = e.operator(i);
                    if (op.arity() == 0) {
                        v = op == Operator.PI ? field.getPi() : field.getE();
                    } else if (op.arity() == 1) {
                        Dfp a = stack[--top];
                        v = a == null ? null : unary(op, a);
                    } else {
                        Dfp a = stack[--top];
                        Dfp b = stack[--top];
                        v = a == null || b == null ? null : binary(op, a, b);
                    }
                }
                default -> throw new IllegalArgumentException("cannot evaluate " + e.token(i) + " in " + e);
            }
            if (v != null && (v.isNaN() || v.isInfinite())) {
                v = null;
            }
            if (v != null) {
                magnitude = Math.max(magnitude, Math.abs(v.toDouble()));
            }
            stack[top++] = v;
        }
        return stack[0];
    }

    private Dfp binary(Operator op, Dfp a, Dfp b) {
        return switch (op) {
            case ADD -> cancelling(a.add(b), a, b);
            case SUB -> cancelling(a.subtract(b), a, b);
            case MUL -> a.multiply(b);
            case DIV -> nearPole(b) ? null : a.divide(b);
            case POW -> pow(a, b);
            default -> throw new IllegalArgumentException("not binary: " + op);
        };
    }

    private Dfp pow(Dfp base, Dfp exponent) {
        boolean integer = exponent.equals(exponent.rint());
        if (base.isZero()) {
            if (exponent.negativeOrNull() && !exponent.isZero()) {
                return null;
            }
            return exponent.isZero() ? one : zero;
        }
        if (base.negativeOrNull()) {
            if (!integer) {
                return null;
            }
            Dfp r = DfpMath.pow(base.negate(), exponent);
            boolean odd = !exponent.divide(2).equals(exponent.divide(2).rint());
            return odd ? r.negate() : r;
        }
        return DfpMath.pow(base, exponent);
    }

    private Dfp unary(Operator op, Dfp a) {
        return switch (op) {
            case NEG -> a.negate();
            case INV -> nearPole(a) ? null : one.divide(a);
            case ABS -> a.abs();
            case POW2 -> a.multiply(a);
            case POW3 -> a.multiply(a).multiply(a);
            case POW4 -> a.multiply(a).multiply(a.multiply(a));
            case POW5 -> a.multiply(a).multiply(a.multiply(a)).multiply(a);
            case POW1_2 -> a.negativeOrNull() && !a.isZero() ? null : a.sqrt();
            case POW1_3 -> oddRoot(a, third);
            case POW1_4 -> a.negativeOrNull() && !a.isZero() ? null : a.sqrt().sqrt();
            case POW1_5 -> oddRoot(a, fifth);
            case EXP -> huge(a) ? null : DfpMath.exp(a);
            case LOG -> a.negativeOrNull() ? null : DfpMath.log(a);
            case SIN -> cancelling(DfpMath.sin(a), a, a);
            case COS -> cancelling(DfpMath.cos(a), a, a);
            case TAN -> nearPole(DfpMath.cos(a)) ? null : cancelling(DfpMath.tan(a), a, a);
            case ASIN -> a.abs().greaterThan(one) ? null : asin(a);
            case ACOS -> a.abs().greaterThan(one) ? null : halfPi.subtract(asin(a));
            case ATAN -> atan(a);
            case SINH -> huge(a) ? null : hyperbolic(a, true);
            case COSH -> huge(a) ? null : hyperbolic(a, false);
            case TANH -> tanh(a);
            default -> throw new IllegalArgumentException("not unary: " + op);
        };
    }

    /**
     * A result whose operands may have cancelled: when it is much smaller than the larger operand,
     * remembers that operand's size (a sum of like signs, as in cosh, cancels nothing).
     */
    private Dfp cancelling(Dfp result, Dfp a, Dfp b) {
        double larger = Math.max(Math.abs(a.toDouble()), Math.abs(b.toDouble()));
        if (Math.abs(result.toDouble()) < 0.5 * larger) {
            cancellation = Math.max(cancellation, larger);
        }
        return result;
    }

    private Dfp hyperbolic(Dfp a, boolean sinh) {
        Dfp up = DfpMath.exp(a);
        Dfp down = DfpMath.exp(a.negate());
        return cancelling(sinh ? up.subtract(down) : up.add(down), up, down).divide(two);
    }

    private Dfp asin(Dfp a) {
        if (a.abs().equals(one)) {
            return a.negativeOrNull() ? halfPi.negate() : halfPi;
        }
        return atan(a.divide(one.subtract(a.multiply(a)).sqrt()));
    }

    /**
     * Arc tangent to the field's full precision. DfpMath's inverse trigonometric functions are
     * accurate to about 37 digits whatever the precision, which would hide or fake a difference;
     * sin and cos are exact to the last digit, so this solves {@code sin y - a cos y = 0} by
     * Newton's method from the double-precision arc tangent (the digits double per step).
     */
    private Dfp atan(Dfp a) {
        Dfp y = field.newDfp(Math.atan(a.toDouble()));
        for (int step = 0, correct = 15; step < 12 && correct < 2 * digits; step++, correct *= 2) {
            Dfp sin = DfpMath.sin(y);
            Dfp cos = DfpMath.cos(y);
            y = y.subtract(sin.subtract(a.multiply(cos)).divide(cos.add(a.multiply(sin))));
        }
        return y;
    }

    private boolean nearPole(Dfp divisor) {
        return divisor.abs().lessThan(poleThreshold);
    }

    /**
     * Beyond the double range of exp: doubles already say undefined there, and DfpMath.exp of a
     * huge argument takes seconds.
     */
    private static boolean huge(Dfp a) {
        return Math.abs(a.toDouble()) > 800;
    }

    private Dfp tanh(Dfp a) {
        if (Math.abs(a.toDouble()) > 100) {
            return a.negativeOrNull() ? one.negate() : one; // 1 - tanh < 1e-86
        }
        Dfp e2 = DfpMath.exp(a.abs().multiply(2).negate());
        Dfp r = one.subtract(e2).divide(one.add(e2));
        return a.negativeOrNull() ? r.negate() : r;
    }

    private Dfp oddRoot(Dfp a, Dfp exponent) {
        if (a.isZero()) {
            return zero;
        }
        Dfp r = DfpMath.pow(a.abs(), exponent);
        return a.negativeOrNull() ? r.negate() : r;
    }
}
