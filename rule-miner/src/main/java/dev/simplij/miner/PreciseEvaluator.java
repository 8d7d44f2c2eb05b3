package dev.simplij.miner;

import dev.simplij.expr.Expr;
import dev.simplij.expr.Operator;
import org.hipparchus.dfp.Dfp;
import org.hipparchus.dfp.DfpField;
import org.hipparchus.dfp.DfpMath;

/**
 * Evaluates an expression in 60-digit decimal floating point ({@link Dfp}) at one point, with
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

    private final DfpField field = new DfpField(DIGITS);
    private final Dfp zero = field.getZero();
    private final Dfp one = field.getOne();
    private final Dfp two = field.newDfp(2);
    private final Dfp third = one.divide(3);
    private final Dfp fifth = one.divide(5);
    private double magnitude;

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
            case ADD -> a.add(b);
            case SUB -> a.subtract(b);
            case MUL -> a.multiply(b);
            case DIV -> b.isZero() ? null : a.divide(b);
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
            case INV -> a.isZero() ? null : one.divide(a);
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
            case SIN -> DfpMath.sin(a);
            case COS -> DfpMath.cos(a);
            case TAN -> DfpMath.cos(a).isZero() ? null : DfpMath.tan(a);
            case ASIN -> a.abs().greaterThan(one) ? null : DfpMath.asin(a);
            case ACOS -> a.abs().greaterThan(one) ? null : DfpMath.acos(a);
            case ATAN -> DfpMath.atan(a);
            case SINH -> huge(a) ? null : DfpMath.exp(a).subtract(DfpMath.exp(a.negate())).divide(two);
            case COSH -> huge(a) ? null : DfpMath.exp(a).add(DfpMath.exp(a.negate())).divide(two);
            case TANH -> tanh(a);
            default -> throw new IllegalArgumentException("not unary: " + op);
        };
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

    /**
     * Agreement of two precise values, relative to the largest subterm either side went through; 35
     * digits of headroom for ill-conditioned steps ({@code sinh tan asin tanh _0} loses ~30 of 60
     * digits near {@code |tanh _0| = 1}), far beyond any coincidence of a false identity.
     */
    static boolean agree(Dfp a, Dfp b, double scale) {
        double diff = Math.abs(a.subtract(b).toDouble());
        return diff <= 1e-25 * Math.max(1, scale);
    }
}
