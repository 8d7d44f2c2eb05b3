package dev.simplij.miner;

import dev.simplij.expr.Expr;
import dev.simplij.expr.NodeKind;
import dev.simplij.expr.Operator;

import java.util.Arrays;
import java.util.EnumSet;

/**
 * The miner's vectorized evaluation: {@link Operator#applyAll} plus two guards that mark points
 * undefined (NaN) where double arithmetic cannot tell the truth:
 * <ul>
 *   <li>a sum or difference whose smaller operand is below {@link #ABSORBED} of the larger: the
 *       smaller one is lost ({@code exp(pi^4) + x} equals {@code exp(pi^4)} to every digit, and
 *       without the guard {@code + exp pow4 pi _0 -> exp pow4 pi} would pass);</li>
 *   <li>{@code pow} with a base {@code <= 0} and an exponent that depends on a placeholder, except
 *       at the exact corner points: the real domain there is where the exponent is exactly an
 *       integer (or 0), a set of measure zero that rounding fakes at random points
 *       ({@code cos(exp(-50))} is exactly 1.0 in doubles; without the guard
 *       {@code pow -1 cos exp _0 -> -1} would pass although {@code (-1)^cos(e^x)} is 1 where
 *       {@code cos(e^x) = 0}), while corner points such as {@code (-2, 3)} are genuine members and
 *       refute {@code abs pow _0 _1 -> pow _0 _1} and {@code pow _0 abs _0 -> pow _0 _0}; corner
 *       points never count towards "defined at enough points";</li>
 *   <li>a subnormal result: it has lost digits ({@code log(exp(-370)^2)} is off by a percent), and a
 *       0 that only an underflow can produce ({@code 4^-1030}, {@code exp(-800)});</li>
 *   <li>{@code tanh} and {@code atan} at their limits ({@code tanh} of more than 19 is exactly 1 in
 *       doubles, {@code atan} of more than 1e16 exactly the double nearest pi/2): what they had left
 *       below the limit is absorbed, and {@code tan asin tanh _0} turns that rounding into a value
 *       that has nothing to do with {@code sinh _0}.</li>
 * </ul>
 * Undefined points of a target make rules fail; undefined points of a source only remove points
 * where doubles carry no usable evidence anyway.
 */
final class VectorOps {
    static final double ABSORBED = 1e-7;

    private VectorOps() {
    }

    /** Unary operators whose value is 0 only at 0: a 0 from another operand is an underflow. */
    private static final EnumSet<Operator> ZERO_ONLY_AT_ZERO = EnumSet.of(Operator.NEG, Operator.ABS, Operator.POW2,
            Operator.POW3, Operator.POW4, Operator.POW5, Operator.POW1_2, Operator.POW1_3, Operator.POW1_4,
            Operator.POW1_5, Operator.EXP, Operator.INV, Operator.SINH, Operator.TANH, Operator.ATAN, Operator.ASIN);

    static void apply(Operator op, double[] a, double[] out) {
        op.applyAll(a, out);
        boolean zeroIsUnderflow = ZERO_ONLY_AT_ZERO.contains(op);
        double saturation = op == Operator.TANH ? 1 : op == Operator.ATAN ? Math.PI / 2 : Double.NaN;
        for (int i = 0; i < out.length; i++) {
            if (lostDigits(out[i]) || (zeroIsUnderflow && out[i] == 0 && a[i] != 0)
                    || Math.abs(out[i]) == saturation) {
                out[i] = Double.NaN;
            }
        }
    }

    /** A subnormal result has lost precision (log of it is off by percents). */
    private static boolean lostDigits(double v) {
        return v != 0 && Math.abs(v) < Double.MIN_NORMAL;
    }

    /**
     * A binary operator; {@code groundExponent}: the right operand has no placeholder;
     * {@code corners}: the leading points that are exact corner points.
     */
    static void apply(Operator op, double[] a, double[] b, double[] out, boolean groundExponent, int corners) {
        op.applyAll(a, b, out);
        boolean zeroIsUnderflow = op == Operator.MUL || op == Operator.DIV || op == Operator.POW;
        for (int i = 0; i < out.length; i++) {
            if (lostDigits(out[i]) || (zeroIsUnderflow && out[i] == 0 && a[i] != 0 && (b[i] != 0 || op != Operator.MUL))) {
                out[i] = Double.NaN;
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
            for (int i = 0; i < out.length; i++) {
                double x = Math.abs(a[i]);
                double y = Math.abs(b[i]);
                if (x != 0 && y != 0 && Math.min(x, y) < ABSORBED * Math.max(x, y)) {
                    out[i] = Double.NaN;
                }
            }
        }
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
                        apply(op, stack[top], v);
                    }
                    default -> {
                        double[] left = stack[--top];
                        boolean leftGround = ground[top];
                        double[] right = stack[--top];
                        boolean rightGround = ground[top];
                        apply(op, left, right, v, rightGround, points.cornerPoints());
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
}
