package dev.simplij.miner;

import dev.simplij.expr.Expr;
import dev.simplij.expr.NodeKind;
import dev.simplij.expr.Operator;

import java.util.Arrays;
import java.util.EnumSet;

/**
 * The miner's vectorized evaluation: {@link Operator#applyAll} plus guards for the points where
 * double arithmetic cannot tell the truth. Such a point gets {@link #UNKNOWN}, a NaN of its own:
 * the expression may well be defined there, doubles just have no usable value for it. A plain NaN
 * means undefined on the reals (a pole, a logarithm of a negative). The guards:
 * <ul>
 *   <li>a sum or difference whose smaller operand is below {@link #ABSORBED} of the larger: the
 *       smaller one is lost ({@code exp(pi^4) + x} equals {@code exp(pi^4)} to every digit, and
 *       without the guard {@code + exp pow4 pi _0 -> exp pow4 pi} would pass);</li>
 *   <li>a sum or difference below {@link #CANCELLATION} of its larger operand: the operands' own
 *       rounding fills what is left ({@code cosh(x)^2 - sinh(x)^2} is 0 or 2^-k noise in doubles
 *       for {@code x > 19}, {@code 1/cos(x)^2 - tan(x)^2} is -3.6e16 at the double nearest pi/2);
 *       not when both operands are exact (placeholders, numbers) or ground, or equal as whole vectors
 *       ({@code - _0 _0}, whose 0 is right);</li>
 *   <li>a result beyond the double range of an operator defined there on the reals ({@code exp},
 *       {@code sinh}, {@code cosh}, powers, sums and products; a quotient by a non-zero);</li>
 *   <li>{@code pow} with a base {@code <= 0} and an exponent that depends on a placeholder, except
 *       at the exact corner points: the real domain there is where the exponent is exactly an
 *       integer (or 0), a set of measure zero that rounding fakes at random points
 *       ({@code cos(exp(-50))} is exactly 1.0 in doubles; without the guard
 *       {@code pow -1 cos exp _0 -> -1} would pass although {@code (-1)^cos(e^x)} is 1 where
 *       {@code cos(e^x) = 0}), while corner points such as {@code (-2, 3)} are genuine members and
 *       refute {@code abs pow _0 _1 -> pow _0 _1} and {@code pow _0 abs _0 -> pow _0 _0}; corner
 *       points never count towards "defined at enough points" (this one marks undefined);</li>
 *   <li>a subnormal result: it has lost digits ({@code log(exp(-370)^2)} is off by a percent), and a
 *       0 that only an underflow can produce ({@code 4^-1030}, {@code exp(-800)});</li>
 *   <li>{@code tanh} and {@code atan} at their limits ({@code tanh} of more than 19 is exactly 1 in
 *       doubles, {@code atan} of more than 1e16 exactly the double nearest pi/2): what they had left
 *       below the limit is absorbed, and {@code tan asin tanh _0} turns that rounding into a value
 *       that has nothing to do with {@code sinh _0}.</li>
 *   <li>{@code tan} of a computed (inexact) argument where its condition number
 *       {@code |x tan'(x) / tan(x)|} exceeds {@link #ILL_CONDITIONED}, next to a pole: the argument's
 *       own rounding decides the value ({@code tan(pi/2 + pi)} is 5.4e15 in doubles,
 *       {@code tan(pi/2)} 1.6e16), so {@code tan + _0 pi -> tan _0} had 20 such far points and was
 *       lost. An exact argument (a placeholder, a number) has a correctly rounded tangent.</li>
 * </ul>
 * A cancellation is marked {@link #CANCELLED}, a kind of unknown of its own. An operator over an
 * unknown operand is unknown where it has no double value (cancelled if an operand is), unless
 * another operand is undefined. {@link ValueCheck} skips the points where a source is undefined or
 * unknown, sends a spread of those where the source is cancelled or the target unknown to high
 * precision and takes the rest as no evidence either way; a target undefined where the source is
 * defined refutes the rule.
 */
final class VectorOps {
    static final double ABSORBED = 1e-7;
    /**
     * A sum at most this fraction of its larger operand has lost at least five of its digits to
     * cancellation: more than {@link ValueCheck#TIGHT} can absorb.
     */
    static final double CANCELLATION = 1e-5;
    /**
     * A condition number above which a tangent of an inexact argument has no usable double value:
     * the argument's rounding alone (1.1e-16 relative) moves it by 1e-8, a few ulps of accumulated
     * rounding beyond {@link ValueCheck#LOOSE_RELATIVE}.
     */
    static final double ILL_CONDITIONED = 1e8;
    /** The bits of {@link #UNKNOWN}: a quiet NaN with a payload of its own (moves keep payloads). */
    private static final long UNKNOWN_BITS = 0x7ff8_0000_0000_0001L;
    private static final long CANCELLED_BITS = 0x7ff8_0000_0000_0002L;
    /** No double value here, although the expression may be defined: see the class comment. */
    static final double UNKNOWN = Double.longBitsToDouble(UNKNOWN_BITS);
    /**
     * {@link #UNKNOWN} because a sum cancelled, here or in an operand. Unlike the other guards, a
     * cancellation marks whole regions that can be just where a false rule is wrong ({@code x + |x|}
     * is 0 wherever {@code x + x} is not), so a source's cancelled points are evidence to decide, not
     * points to skip.
     */
    static final double CANCELLED = Double.longBitsToDouble(CANCELLED_BITS);

    private VectorOps() {
    }

    /** Unary operators whose value is 0 only at 0: a 0 from another operand is an underflow. */
    private static final EnumSet<Operator> ZERO_ONLY_AT_ZERO = EnumSet.of(Operator.NEG, Operator.ABS, Operator.POW2,
            Operator.POW3, Operator.POW4, Operator.POW5, Operator.POW1_2, Operator.POW1_3, Operator.POW1_4,
            Operator.POW1_5, Operator.EXP, Operator.INV, Operator.SINH, Operator.TANH, Operator.ATAN, Operator.ASIN);

    /** True for {@link #UNKNOWN} and {@link #CANCELLED}: no double value, but not known to be undefined. */
    static boolean isUnknown(double v) {
        long bits = Double.doubleToRawLongBits(v);
        return bits == UNKNOWN_BITS || bits == CANCELLED_BITS;
    }

    /** True for {@link #CANCELLED}. */
    static boolean isCancelled(double v) {
        return Double.doubleToRawLongBits(v) == CANCELLED_BITS;
    }

    /** A unary operator; {@code exactArgument}: the operand is {@link #exact}. */
    static void apply(Operator op, double[] a, double[] out, boolean exactArgument) {
        op.applyAll(a, out);
        boolean poleSensitive = op == Operator.TAN && !exactArgument;
        boolean zeroIsUnderflow = ZERO_ONLY_AT_ZERO.contains(op);
        double saturation = op == Operator.TANH ? 1 : op == Operator.ATAN ? Math.PI / 2 : Double.NaN;
        for (int i = 0; i < out.length; i++) {
            double r = out[i];
            if (r != r) {
                if (a[i] != a[i]) {
                    out[i] = isUnknown(a[i]) ? a[i] : Double.NaN;
                } else if (!undefined(op, a[i])) {
                    out[i] = UNKNOWN;
                }
            } else if (lostDigits(r) || (zeroIsUnderflow && r == 0 && a[i] != 0) || Math.abs(r) == saturation
                    || (poleSensitive && Math.abs(r) > 1 && Math.abs(a[i]) * (1 + r * r) > ILL_CONDITIONED * Math.abs(r))) {
                out[i] = UNKNOWN;
            }
        }
    }

    /** Whether a unary operator is undefined on the reals at a finite {@code a} (else it overflowed). */
    private static boolean undefined(Operator op, double a) {
        return switch (op) {
            case INV -> a == 0;
            case POW1_2, POW1_4 -> a < 0;
            case LOG -> a <= 0;
            case ASIN, ACOS -> Math.abs(a) > 1;
            case TAN -> true; // no finite double is a pole of tan: a NaN here is not an overflow
            default -> false;
        };
    }

    /** Whether a binary operator is undefined on the reals at finite {@code a}, {@code b}. */
    private static boolean undefined(Operator op, double a, double b) {
        return switch (op) {
            case DIV -> b == 0;
            case POW -> (a < 0 && b != Math.rint(b)) || (a == 0 && b < 0);
            default -> false;
        };
    }

    /**
     * The value at a point where an operand had none: unknown unless an operand is undefined, and
     * cancelled when an operand is.
     */
    private static double withoutValue(double a, double b) {
        if ((a != a && !isUnknown(a)) || (b != b && !isUnknown(b))) {
            return Double.NaN;
        }
        return isCancelled(a) || isCancelled(b) ? CANCELLED : UNKNOWN;
    }

    /** A subnormal result has lost precision (log of it is off by percents). */
    private static boolean lostDigits(double v) {
        return v != 0 && Math.abs(v) < Double.MIN_NORMAL;
    }

    /**
     * A binary operator; {@code groundExponent}: the right operand has no placeholder;
     * {@code corners}: the leading points that are exact corner points; {@code exactOperands}: both
     * operands are {@link #exact}, so a sum of them cancels exactly, or both are ground (no
     * placeholder: a ground value is always decided in high precision, a cancellation there too).
     */
    static void apply(Operator op, double[] a, double[] b, double[] out, boolean groundExponent, int corners,
                      boolean exactOperands) {
        op.applyAll(a, b, out);
        boolean zeroIsUnderflow = op == Operator.MUL || op == Operator.DIV || op == Operator.POW;
        for (int i = 0; i < out.length; i++) {
            double r = out[i];
            if (r != r) {
                double x = a[i];
                double y = b[i];
                if (x != x || y != y) {
                    out[i] = withoutValue(x, y);
                } else if (!undefined(op, x, y)) {
                    out[i] = UNKNOWN;
                }
            } else if (lostDigits(r) || (zeroIsUnderflow && r == 0 && a[i] != 0 && (b[i] != 0 || op != Operator.MUL))) {
                out[i] = UNKNOWN;
            }
        }
        if (op == Operator.POW && !groundExponent) {
            for (int i = corners; i < out.length; i++) {
                if (a[i] <= 0) {
                    out[i] = Double.NaN;
                }
            }
        }
        if (op == Operator.ADD || op == Operator.SUB) {
            boolean sameVector = !exactOperands && (op == Operator.SUB ? Arrays.equals(a, b) : negated(a, b));
            for (int i = 0; i < out.length; i++) {
                double x = Math.abs(a[i]);
                double y = Math.abs(b[i]);
                if (x == 0 || y == 0) {
                    continue;
                }
                double larger = Math.max(x, y);
                if (Math.min(x, y) < ABSORBED * larger) {
                    out[i] = UNKNOWN;
                } else if (!exactOperands && !sameVector && Math.abs(out[i]) <= CANCELLATION * larger) {
                    out[i] = CANCELLED;
                }
            }
        }
    }

    /** {@code a[i] == -b[i]} at every point (NaN where both are NaN). */
    private static boolean negated(double[] a, double[] b) {
        for (int i = 0; i < a.length; i++) {
            if (a[i] != -b[i] && !(a[i] != a[i] && b[i] != b[i])) {
                return false;
            }
        }
        return true;
    }

    /**
     * Values of a whole expression at every point of a sample ({@code _k} reads column {@code k}),
     * evaluated bottom-up with the same guard; no free constants.
     */
    static double[] evaluate(Expr e, SampleMatrix points) {
        return evaluate(e, points, new double[0]);
    }

    /**
     * As {@link #evaluate(Expr, SampleMatrix)}, the {@code k}-th {@code <constant>} in prefix order
     * reading {@code constants[k]} (a constant counts as ground: it does not depend on a placeholder).
     */
    static double[] evaluate(Expr e, SampleMatrix points, double[] constants) {
        int n = points.size();
        int constant = e.constantCount();
        double[][] stack = new double[e.size()][];
        boolean[] ground = new boolean[e.size()];
        int top = 0;
        for (int i = e.size() - 1; i >= 0; i--) {
            double[] v = new double[n];
            NodeKind kind = e.kind(i);
            boolean isGround = kind != NodeKind.PLACEHOLDER;
            if (kind == NodeKind.PLACEHOLDER) {
                System.arraycopy(points.column(e.placeholder(i)), 0, v, 0, n);
            } else if (kind == NodeKind.NUMBER) {
                Arrays.fill(v, e.number(i));
            } else if (kind == NodeKind.CONSTANT) {
                Arrays.fill(v, constants[--constant]);
            } else if (kind == NodeKind.OPERATOR) {
                Operator op = e.operator(i);
                switch (op.arity()) {
                    case 0 -> Arrays.fill(v, op.constantValue());
                    case 1 -> {
                        isGround = ground[--top];
                        apply(op, stack[top], v, exact(e, i + 1));
                    }
                    default -> {
                        double[] left = stack[--top];
                        boolean leftGround = ground[top];
                        double[] right = stack[--top];
                        boolean rightGround = ground[top];
                        apply(op, left, right, v, rightGround, points.cornerPoints(),
                                (leftGround && rightGround) || (exact(e, i + 1) && exact(e, e.end(i + 1))));
                        isGround = leftGround && rightGround;
                    }
                }
            } else {
                throw new IllegalArgumentException("cannot evaluate " + e.token(i) + " in " + e);
            }
            ground[top] = isGround;
            stack[top++] = v;
        }
        return stack[0];
    }

    /**
     * A placeholder or a number, possibly under {@code neg} and {@code abs}: its value at every
     * sample point is exact, so a sum of two such cancels exactly ({@code - _0 abs _0} is 0 for
     * positive {@code _0}, not noise).
     */
    static boolean exact(Expr e, int node) {
        NodeKind kind = e.kind(node);
        if (kind == NodeKind.PLACEHOLDER || kind == NodeKind.NUMBER) {
            return true;
        }
        Operator op = e.operator(node);
        return (op == Operator.NEG || op == Operator.ABS) && exact(e, node + 1);
    }
}
