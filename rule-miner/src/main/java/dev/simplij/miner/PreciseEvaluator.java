package dev.simplij.miner;

import dev.simplij.expr.Expr;
import dev.simplij.expr.Operator;
import org.hipparchus.dfp.Dfp;
import org.hipparchus.dfp.DfpField;
import org.hipparchus.dfp.DfpMath;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Evaluates an expression in 60-digit (and, to settle doubtful differences, 120-digit) decimal floating point ({@link Dfp}) at one point, with
 * {@code pi} and {@code E} exact to that precision. Used only where double arithmetic is not
 * conclusive: a candidate rule whose sides differ by more than rounding could explain at some
 * point is decided here, so that no accepted rule rests on rounding luck (and {@code sin pi -> 0}
 * is accepted although {@code Math.sin(Math.PI)} is not 0).
 *
 * <p>Returns null where the expression is undefined on the reals, with the same domain rules as
 * {@link Operator}, and also where a subterm is out of this evaluator's range ({@code exp} of more
 * than 800); {@link #outOfRange()} tells the two apart, because an expression too large to evaluate
 * is still defined, and a target that is merely large must not count as undefined.
 *
 * <p>Alongside each value it carries a first-order bound on its absolute rounding error (in units
 * of the last digit), propagated through each operation by its derivative. A divisor, a cosine
 * under {@code tan} or a logarithm's argument that is zero within that bound is a pole: the exact
 * expression there is undefined ({@code inv sin pi}, {@code tan acos 0}), while a value that is
 * merely tiny ({@code inv exp -117}) is not. Not thread-safe: one instance per thread.
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
    /**
     * How far beyond their first-order error bounds two ground values may be and still agree, in
     * log10: each step's own rounding is taken as 10 units, and DfpMath's functions at 120 digits are
     * off by up to about 5,000 (cosh(pi)^2 - sinh(pi)^2 is 1 - 5e-116).
     */
    private static final double LOG_GROUND_SLACK = 5;
    /** log10 of one operation's own rounding, in units of the last digit (DfpMath is within a few). */
    private static final double LOG_OWN_ROUNDING = 1;
    private static final double LOG10_2 = Math.log10(2);
    private static final double LOG10_E = Math.log10(Math.E);

    /**
     * How many evaluations {@link #remembered} holds before it starts over. The same pairs come back:
     * a ground source near a common value (1, pi/2, 0) meets dozens of ground targets there, and
     * every candidate target of a source is confirmed at the same first defined sample points, where
     * the common targets are confirmed again for source after source.
     */
    private static final int REMEMBERED = 1 << 14;
    private static final double[] NO_POINT = new double[0];

    /** An expression at a point (none for a ground expression, whose value depends on no point). */
    private record At(Expr expr, double[] point) {
        @Override
        public boolean equals(Object o) {
            return o instanceof At other && expr.equals(other.expr) && Arrays.equals(point, other.point);
        }

        @Override
        public int hashCode() {
            return 31 * expr.hashCode() + Arrays.hashCode(point);
        }
    }

    /** An evaluation's value and what it noted (Dfp values are immutable). */
    private record Evaluated(Dfp value, double magnitude, double cancellation, boolean absorbed, boolean dropped,
                             boolean outOfRange, double error) {
    }

    /** Evaluations without free constants, by expression and point. */
    private final Map<At, Evaluated> remembered = new HashMap<>();
    private final int digits;
    private final DfpField field;
    private PreciseEvaluator finer;
    private final Dfp zero;
    private final Dfp one;
    private final Dfp two;
    private final Dfp third;
    private final Dfp fifth;
    private final Dfp halfPi;
    private final Dfp twoPi;
    private double magnitude;
    private double cancellation;
    /** The last {@link #evaluate}'s error bound: log10, in units of the last digit (as {@link #resultError}). */
    private double error;
    private boolean outOfRange;
    /**
     * Set by {@link #evaluate} when a step's result did not depend on its argument at this precision
     * although the argument was not 0 ({@code cos} of 3.8e-65 is 1 to 60 and to 120 digits, {@code 1 +
     * 1e-70} is 1): the value is then right to the precision but cannot tell such an expression from
     * its value at 0. Also set when no digit survives at all ({@link #reduced}).
     */
    private boolean absorbed;
    /**
     * Set by {@link #evaluate} when sinh or cosh dropped their {@code exp(-x)}, below the precision
     * of {@code exp(x)}: the value is right to the precision, which is all a pair with placeholders
     * needs (it has other points), but a ground pair then cannot tell {@code 2 sinh(pi^5)} from
     * {@code exp(pi^5)}. Not {@link #absorbed}, which would make every point of {@code inv sinh pow2
     * exp exp cosh _0 -> 0} undecided (1e-100 is not 0).
     */
    private boolean dropped;
    /** A relative effect below this is absorbed: a few digits short of the precision. */
    private final double absorbedBelow;
    /**
     * Set by each operation: log10 of its result's absolute error bound, in units of the last digit
     * ({@code 10^-digits}); in logarithms so that no bound overflows where the values do not.
     */
    private double resultError;
    /** Set by an operation that returns null because its result is out of range. */
    private boolean resultOutOfRange;

    PreciseEvaluator() {
        this(DIGITS);
    }

    private PreciseEvaluator(int digits) {
        this.digits = digits;
        absorbedBelow = Math.pow(10, -(digits - 5));
        field = new DfpField(digits);
        zero = field.getZero();
        one = field.getOne();
        two = field.newDfp(2);
        third = one.divide(3);
        fifth = one.divide(5);
        halfPi = field.getPi().divide(2);
        twoPi = field.getPi().multiply(2);
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
        boolean lost = absorbed;
        Dfp t = evaluate(target, point, constants);
        if (t == null) {
            return outOfRange ? Verdict.UNDECIDED : Verdict.DISAGREE;
        }
        lost |= absorbed;
        Dfp difference = s.subtract(t).abs();
        Dfp size = s.abs().greaterThan(t.abs()) ? s.abs() : t.abs();
        // a ground pair has one value each, so agreement to 50 digits is no evidence of an identity:
        // 2 sinh(pi^4) and exp(pi^4) agree to 85. It is always decided at twice the precision
        boolean ground = source.placeholderCount() == 0;
        if (!lost && !ground && (difference.isZero() || difference.lessThan(size.multiply(field.newDfp(RELATIVE_AGREEMENT))))) {
            return Verdict.AGREE;
        }
        if (finer == null) {
            finer = new PreciseEvaluator(2 * digits);
        }
        Dfp fineSource = finer.evaluate(source, point, constants);
        double cancelling = finer.cancellation;
        boolean fineLost = finer.absorbed;
        boolean fineDropped = finer.dropped;
        double sourceError = finer.error;
        Dfp fineTarget = finer.evaluate(target, point, constants);
        if (fineSource == null) {
            return Verdict.UNDECIDED;
        }
        if (fineTarget == null) {
            return finer.outOfRange ? Verdict.UNDECIDED : Verdict.DISAGREE;
        }
        if (fineLost || finer.absorbed || ground && (fineDropped || finer.dropped)) {
            // below even twice the precision: nothing to decide with. Not more digits for a ground
            // pair either: DfpMath's functions at 240 digits are right to about 150 (tan(pi/4) is
            // 1 - 3e-148 there, cosh(pi)^2 - sinh(pi)^2 is 1 - 5e-215), and at 480 a call takes seconds
            return Verdict.UNDECIDED;
        }
        cancelling = Math.max(cancelling, finer.cancellation);
        // in the finer field's Dfp throughout (Dfps of two fields do not mix: the result is NaN, and
        // every comparison with NaN false), since the values may lie far beyond the double range
        DfpField fine = finer.field;
        Dfp fineDifference = fineSource.subtract(fineTarget).abs();
        Dfp fineSize = fineSource.abs().greaterThan(fineTarget.abs()) ? fineSource.abs() : fineTarget.abs();
        Dfp resolution = fine.newDfp(Math.pow(10, -(finer.digits - 10)));
        if (ground) {
            // one value each side, so no other point makes up for a loose tolerance: the sides agree
            // within their own error bounds at 120 digits, widened by LOG_GROUND_SLACK. Not within a
            // difference that merely shrank from 60 digits, as noise does: log(exp(sin y)) for
            // y = 3.7e-33 has 27 right digits in 60, and its distance from y, 2e-66 relative, is below
            // that noise times 1e-30. Nor within a resolution of what a step cancelled: sin(E)^(pi^5)
            // is 1e-118, and sin cancels 2.7 in reducing E
            double logBound = logSum(sourceError, finer.error) + LOG_GROUND_SLACK - finer.digits;
            Dfp tolerance = Double.isInfinite(logBound) ? fine.getZero() : fine.newDfp("1e" + (long) Math.ceil(logBound));
            return fineDifference.lessThan(tolerance) || fineDifference.equals(tolerance) ? Verdict.AGREE
                    : Verdict.DISAGREE;
        }
        Dfp agreement = lost ? fineSize.multiply(resolution)
                : fine.newDfp(difference.toString()).multiply(fine.newDfp(NOISE_SHRINK));
        if (fineDifference.lessThan(agreement) || fineDifference.equals(agreement)) {
            return Verdict.AGREE;
        }
        Dfp cancelled = fine.newDfp(cancelling);
        Dfp scale = cancelled.greaterThan(fineSize) ? cancelled : fineSize;
        return fineDifference.lessThan(scale.multiply(resolution)) ? Verdict.UNDECIDED : Verdict.DISAGREE;
    }

    /** Both sides' values at a point, for messages: "undefined" where a side has none. */
    String describe(Expr source, Expr target, double[] point) {
        Dfp s = evaluate(source, point, new double[0]);
        Dfp t = evaluate(target, point, new double[0]);
        return (s == null ? "undefined" : s.toString()) + " vs " + (t == null ? "undefined" : t.toString());
    }

    /**
     * Whether the last {@link #evaluate} returned null because a subterm was out of range rather than
     * undefined (an undefined subterm makes the whole undefined, whatever else is out of range).
     */
    boolean outOfRange() {
        return outOfRange;
    }

    /** The largest absolute value of any subterm in the last {@link #evaluate} call (at least 1). */
    double lastMagnitude() {
        return magnitude;
    }

    /**
     * The value at a point; {@code point[k]} is the value of placeholder {@code _k}; constants are
     * read from {@code constants} in order of occurrence. Null where undefined or out of range
     * ({@link #outOfRange()}). Remembered (see {@link #remembered}) unless the expression has free
     * constants, whose values change from fit to fit.
     */
    Dfp evaluate(Expr e, double[] point, double[] constants) {
        if (e.constantCount() > 0) {
            return evaluateTree(e, point, constants);
        }
        At at = new At(e, e.placeholderCount() == 0 ? NO_POINT : point.clone());
        Evaluated known = remembered.get(at);
        if (known == null) {
            if (remembered.size() == REMEMBERED) {
                remembered.clear();
            }
            Dfp v = evaluateTree(e, point, constants);
            known = new Evaluated(v, magnitude, cancellation, absorbed, dropped, outOfRange, error);
            remembered.put(at, known);
        }
        magnitude = known.magnitude();
        cancellation = known.cancellation();
        error = known.error();
        absorbed = known.absorbed();
        dropped = known.dropped();
        outOfRange = known.outOfRange();
        return known.value();
    }

    private Dfp evaluateTree(Expr e, double[] point, double[] constants) {
        magnitude = 1;
        cancellation = 0;
        absorbed = false;
        dropped = false;
        int n = e.size();
        Dfp[] values = new Dfp[n];
        double[] errors = new double[n];
        boolean[] unknown = new boolean[n];
        int top = 0;
        int constant = e.constantCount();
        for (int i = n - 1; i >= 0; i--) {
            resultOutOfRange = false;
            Dfp v = switch (e.kind(i)) {
                case PLACEHOLDER -> leaf(point[e.placeholder(i)]);
                case NUMBER -> leaf(e.number(i));
                case CONSTANT -> leaf(constants[--constant]);
                case OPERATOR -> {
                    Operator op = e.operator(i);
                    if (op.arity() == 0) {
                        yield rounded(op == Operator.PI ? field.getPi() : field.getE());
                    }
                    top -= op.arity();
                    boolean undefined = false;
                    boolean outside = false;
                    for (int k = top; k < top + op.arity(); k++) {
                        undefined |= values[k] == null && !unknown[k];
                        outside |= unknown[k];
                    }
                    if (undefined || outside) {
                        resultOutOfRange = !undefined;
                        yield null;
                    }
                    yield op.arity() == 1 ? unary(op, values[top], errors[top])
                            : binary(op, values[top + 1], values[top], errors[top + 1], errors[top]);
                }
                default -> throw new IllegalArgumentException("cannot evaluate " + e.token(i) + " in " + e);
            };
            if (v != null && (v.isNaN() || v.isInfinite())) {
                v = null;
            }
            if (v != null) {
                magnitude = Math.max(magnitude, Math.abs(toDouble(v)));
            }
            unknown[top] = v == null && resultOutOfRange;
            errors[top] = resultError;
            values[top++] = v;
        }
        outOfRange = unknown[0];
        error = errors[0];
        return values[0];
    }

    /**
     * A double leaf: exact where its decimal expansion fits the precision (every sample coordinate
     * of moderate size, every small literal), so that {@code asin 1} has no error to blow up.
     */
    private Dfp leaf(double d) {
        Dfp v = field.newDfp(d);
        boolean fits = d == 0 || new BigDecimal(d).stripTrailingZeros().precision() <= digits;
        resultError = fits ? Double.NEGATIVE_INFINITY : log10Abs(v);
        return v;
    }

    /** A value correct to the last digit (pi, E). */
    private Dfp rounded(Dfp v) {
        resultError = log10Abs(v);
        return v;
    }

    /**
     * A computed value whose error bound (log10, in units of the last digit) is {@code propagated},
     * the operands' bounds carried through the step, plus its own rounding.
     */
    private Dfp computed(Dfp v, double propagated) {
        resultError = logSum(propagated, LOG_OWN_ROUNDING + log10Abs(v));
        return v;
    }

    private Dfp outOfRangeResult() {
        resultOutOfRange = true;
        return null;
    }

    /**
     * Zero, or not even half its digits right: the exact value there is taken as 0 (a pole, if
     * divided by or under a logarithm).
     */
    private boolean zeroWithinError(Dfp v, double logError) {
        return v.isZero() || log10Abs(v) <= logError - digits / 2.0;
    }

    /**
     * Notes an absorbed step: {@code kappa}, the relative condition number of the step at a nonzero
     * argument {@code a} (how much of the result the argument's whole size moves), is below what
     * this precision resolves.
     */
    private void absorbs(double kappa, Dfp a) {
        if (!a.isZero() && !(Math.abs(kappa) >= absorbedBelow)) {
            absorbed = true;
        }
    }

    /** A sum whose smaller (nonzero) operand is below the precision of the larger is absorbed. */
    private Dfp sum(Dfp r, Dfp a, Dfp b) {
        if (!a.isZero() && !b.isZero() && Math.abs(log10Abs(a) - log10Abs(b)) > digits - 5) {
            absorbed = true;
        }
        return cancelling(r, a, b);
    }

    /**
     * {@code v} rounded to the nearest double. {@code Dfp.toDouble} finds the binary exponent with
     * powers of two in Dfp arithmetic and divides by one: it took about half of all mining time (70
     * us a call at 60 digits, against 9 us here), and it is one ulp off for some small values, its
     * negative power of two being inexact. The decimal text a Dfp prints is its exact value, which
     * {@link Double#parseDouble} rounds correctly.
     */
    static double toDouble(Dfp v) {
        return Double.parseDouble(v.toString());
    }

    /** log10 of |v|, also beyond the double range; -infinity for 0. */
    private static double log10Abs(Dfp v) {
        if (v.isZero()) {
            return Double.NEGATIVE_INFINITY;
        }
        double d = Math.abs(toDouble(v));
        return d > 0 && d < Double.POSITIVE_INFINITY ? Math.log10(d) : v.intLog10();
    }

    /** log10(10^a + 10^b), with -infinity as log10 0. */
    private static double logSum(double a, double b) {
        double high = Math.max(a, b);
        double low = Math.min(a, b);
        if (low == Double.NEGATIVE_INFINITY || high == Double.POSITIVE_INFINITY) {
            return high;
        }
        return high + Math.log10(1 + Math.pow(10, low - high));
    }

    /** log10 of a product: a factor 0 ({@code -infinity}) wins, even against an infinite one. */
    private static double logProduct(double a, double b) {
        return a == Double.NEGATIVE_INFINITY || b == Double.NEGATIVE_INFINITY ? Double.NEGATIVE_INFINITY : a + b;
    }

    private Dfp binary(Operator op, Dfp a, Dfp b, double ea, double eb) {
        double logA = log10Abs(a);
        double logB = log10Abs(b);
        return switch (op) {
            case ADD -> computed(sum(a.add(b), a, b), logSum(ea, eb));
            case SUB -> computed(sum(a.subtract(b), a, b), logSum(ea, eb));
            case MUL -> computed(a.multiply(b), logSum(logProduct(logB, ea), logProduct(logA, eb)));
            case DIV -> zeroWithinError(b, eb) ? null
                    : computed(a.divide(b), logSum(ea - logB, logProduct(logA - 2 * logB, eb)));
            case POW -> pow(a, b, ea, eb);
            default -> throw new IllegalArgumentException("not binary: " + op);
        };
    }

    private Dfp pow(Dfp base, Dfp exponent, double ea, double eb) {
        boolean integer = exponent.equals(exponent.rint());
        if (base.isZero()) {
            if (exponent.negativeOrNull() && !exponent.isZero()) {
                return null;
            }
            return computed(exponent.isZero() ? one : zero, ea);
        }
        if (exponent.negativeOrNull() && !exponent.isZero() && zeroWithinError(base, ea)) {
            return null;
        }
        if (base.negativeOrNull() && !integer) {
            return null;
        }
        if (Math.abs(toDouble(exponent) * Math.log(Math.abs(toDouble(base)))) > 800) {
            return outOfRangeResult(); // as exp of more than 800: DfpMath.pow would take seconds
        }
        Dfp r;
        if (base.negativeOrNull()) {
            r = DfpMath.pow(base.negate(), exponent);
            boolean odd = !exponent.divide(2).equals(exponent.divide(2).rint());
            r = odd ? r.negate() : r;
        } else {
            r = DfpMath.pow(base, exponent);
        }
        // d/da a^b = b a^b / a, d/db a^b = a^b ln a
        if (!base.abs().equals(one)) { // (+-1)^b is exactly +-1: nothing of b is lost
            absorbs(toDouble(exponent) * Math.log(Math.abs(toDouble(base))), exponent);
        }
        double logR = log10Abs(r);
        double byBase = logProduct(log10Abs(exponent) + logR - log10Abs(base), ea);
        double byExponent = logProduct(logR + Math.log10(Math.abs(Math.log(Math.abs(toDouble(base))))), eb);
        return computed(r, logSum(byBase, byExponent));
    }

    /**
     * A unary step: the operand's error times the step's derivative ({@code logDerivative}, log10
     * of an upper bound of its absolute value at the operand).
     */
    private Dfp step(Dfp v, double logDerivative, double ea) {
        return computed(v, logProduct(logDerivative, ea));
    }

    private Dfp unary(Operator op, Dfp a, double ea) {
        double x = toDouble(a);
        double logX = log10Abs(a);
        switch (op) {
            case EXP -> absorbs(x, a);
            case COS -> absorbs(x * Math.tan(x), a);
            case SIN -> absorbs(x / Math.tan(x), a);
            case COSH -> absorbs(x * Math.tanh(x), a);
            case TANH -> absorbs(2 * x / Math.sinh(2 * x), a);
            case ACOS -> absorbs(x / (Math.sqrt(1 - x * x) * Math.acos(x)), a);
            case ATAN -> absorbs(x / ((1 + x * x) * Math.atan(x)), a);
            default -> { }
        }
        return switch (op) {
            case NEG -> step(a.negate(), 0, ea);
            case ABS -> step(a.abs(), 0, ea);
            case INV -> zeroWithinError(a, ea) ? null : step(one.divide(a), -2 * logX, ea);
            case POW2 -> step(a.multiply(a), LOG10_2 + logX, ea);
            case POW3 -> step(a.multiply(a).multiply(a), Math.log10(3) + 2 * logX, ea);
            case POW4 -> step(a.multiply(a).multiply(a.multiply(a)), Math.log10(4) + 3 * logX, ea);
            case POW5 -> step(a.multiply(a).multiply(a.multiply(a)).multiply(a), Math.log10(5) + 4 * logX, ea);
            case POW1_2 -> a.negativeOrNull() && !a.isZero() ? null : root(a.sqrt(), 2, logX, ea);
            case POW1_3 -> root(oddRoot(a, third), 3, logX, ea);
            case POW1_4 -> a.negativeOrNull() && !a.isZero() ? null : root(a.sqrt().sqrt(), 4, logX, ea);
            case POW1_5 -> root(oddRoot(a, fifth), 5, logX, ea);
            case EXP -> huge(a) ? outOfRangeResult() : step(DfpMath.exp(a), x * LOG10_E, ea);
            case LOG -> a.negativeOrNull() || zeroWithinError(a, ea) ? null : step(DfpMath.log(a), -logX, ea);
            case SIN -> step(cancelling(DfpMath.sin(reduced(a, ea)), a, a), 0, ea);
            case COS -> step(cancelling(DfpMath.cos(reduced(a, ea)), a, a), 0, ea);
            case TAN -> {
                Dfp r = reduced(a, ea);
                Dfp cos = DfpMath.cos(r);
                if (zeroWithinError(cos, logSum(ea, LOG_OWN_ROUNDING))) {
                    yield null;
                }
                yield step(cancelling(DfpMath.sin(r).divide(cos), a, a), -2 * log10Abs(cos), ea);
            }
            // 1 / sqrt(1 - x^2), infinite at +-1
            case ASIN -> a.abs().greaterThan(one) ? null : step(asin(a), -0.5 * log10Abs(one.subtract(a.multiply(a))), ea);
            case ACOS -> a.abs().greaterThan(one) ? null
                    : step(halfPi.subtract(asin(a)), -0.5 * log10Abs(one.subtract(a.multiply(a))), ea);
            case ATAN -> step(atan(a), 0, ea);
            // cosh x <= e^|x|
            case SINH -> huge(a) ? outOfRangeResult() : step(hyperbolic(a, true), Math.abs(x) * LOG10_E, ea);
            case COSH -> huge(a) ? outOfRangeResult() : step(hyperbolic(a, false), Math.abs(x) * LOG10_E, ea);
            case TANH -> step(tanh(a), 0, ea);
            default -> throw new IllegalArgumentException("not unary: " + op);
        };
    }

    /** A k-th root r of a: derivative r / (k a), infinite at 0. */
    private Dfp root(Dfp r, int k, double logA, double ea) {
        double logDerivative = r.isZero() ? Double.POSITIVE_INFINITY : log10Abs(r) - Math.log10(k) - logA;
        return step(r, logDerivative, ea);
    }

    /**
     * A result whose operands may have cancelled: when it is much smaller than the larger operand,
     * remembers that operand's size (a sum of like signs, as in cosh, cancels nothing).
     */
    private Dfp cancelling(Dfp result, Dfp a, Dfp b) {
        double larger = Math.max(Math.abs(toDouble(a)), Math.abs(toDouble(b)));
        if (Math.abs(toDouble(result)) < 0.5 * larger) {
            cancellation = Math.max(cancellation, larger);
        }
        return result;
    }

    private Dfp hyperbolic(Dfp a, boolean sinh) {
        if (sinh && Math.abs(toDouble(a)) < 0.5) {
            return smallSinh(a); // e^a - e^-a would cancel all the digits of a tiny a
        }
        Dfp up = DfpMath.exp(a);
        Dfp down = DfpMath.exp(a.negate());
        if (Math.abs(log10Abs(up) - log10Abs(down)) > digits - 5) {
            dropped = true;
        }
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
        Dfp y = field.newDfp(Math.atan(toDouble(a)));
        for (int step = 0, correct = 15; step < 12 && correct < 2 * digits; step++, correct *= 2) {
            Dfp sin = DfpMath.sin(y);
            Dfp cos = DfpMath.cos(y);
            y = y.subtract(sin.subtract(a.multiply(cos)).divide(cos.add(a.multiply(sin))));
        }
        return y;
    }

    /**
     * Beyond the double range of exp: out of range (not undefined), because DfpMath.exp of a huge
     * argument takes seconds.
     */
    private static boolean huge(Dfp a) {
        return Math.abs(toDouble(a)) > 800;
    }

    private Dfp tanh(Dfp a) {
        // 1 - tanh(a) is about 2 exp(-2a): below 10^-(digits + 10) it is 1 to this precision. A fixed
        // bound of 100 (1e-86) had 120 digits call sinh(113)/cosh(113) = 1 - 2e-98 unequal to tanh(113)
        if (Math.abs(toDouble(a)) > (digits + 10) * Math.log(10) / 2 + 1) {
            return a.negativeOrNull() ? one.negate() : one;
        }
        if (Math.abs(toDouble(a)) < 0.5) {
            Dfp sinh = smallSinh(a);
            return sinh.divide(one.add(sinh.multiply(sinh)).sqrt());
        }
        Dfp e2 = DfpMath.exp(a.abs().multiply(2).negate());
        Dfp r = one.subtract(e2).divide(one.add(e2));
        return a.negativeOrNull() ? r.negate() : r;
    }

    /**
     * The argument of a trigonometric function reduced to [-pi, pi] with this precision's pi
     * (DfpMath's own reduction returns values like -5e3427 for cos of 3.4e99). Where the argument's
     * error bound {@code ea} leaves no digit of the angle modulo 2 pi, the result is noted as lost
     * ({@link #absorbed}): cos of 3.4e99 has no correct digit in 60 digits, and all it needs in 120.
     */
    private Dfp reduced(Dfp a, double ea) {
        if (ea - digits > -10) {
            absorbed = true;
        }
        if (Math.abs(toDouble(a)) <= 3) {
            return a;
        }
        Dfp turns = a.divide(twoPi).rint();
        return a.subtract(turns.multiply(twoPi));
    }

    /** sinh by its Taylor series, for |a| < 1/2: every digit of a tiny argument survives. */
    private Dfp smallSinh(Dfp a) {
        Dfp square = a.multiply(a);
        Dfp term = a;
        Dfp sum = a;
        for (int k = 1; k < 200; k++) {
            term = term.multiply(square).divide(field.newDfp((2 * k) * (2 * k + 1)));
            Dfp next = sum.add(term);
            if (next.equals(sum)) {
                break;
            }
            sum = next;
        }
        return sum;
    }

    private Dfp oddRoot(Dfp a, Dfp exponent) {
        if (a.isZero()) {
            return zero;
        }
        Dfp r = DfpMath.pow(a.abs(), exponent);
        return a.negativeOrNull() ? r.negate() : r;
    }
}
