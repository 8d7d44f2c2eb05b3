package dev.simplij.simplify;

import dev.simplij.expr.Expr;
import dev.simplij.expr.Literals;
import dev.simplij.expr.Operator;

import java.math.BigDecimal;

/**
 * Exact constant folding. A constant is a literal, or {@code / p q}, {@code inv q}, {@code neg c} over
 * literals; its value is an exact {@link Fraction} of the literals' exact values ({@link Literals}),
 * of any size. Results are written as a literal when exact, else as {@code / p q} in lowest terms,
 * never rounded; a value beyond the literals' range ({@link Literals#fits}) is not folded.
 * Undefined operations ({@code / 1 0}, {@code log -1}, {@code pow1_2 -4}, {@code pow 0 -1}) and
 * irrational results are left as they are.
 */
final class ConstantFolder {
    /** Integer powers with larger exponents are not folded ({@code 2**1024} is beyond the double range already). */
    private static final int MAX_EXPONENT = 1024;

    private final Normalizer n;
    private final TermStore s;

    ConstantFolder(Normalizer n) {
        this.n = n;
        this.s = n.store;
    }

    /** The exact value of a constant term, or null. */
    Fraction value(int t) {
        try {
            return valueOrThrow(t);
        } catch (ArithmeticException e) {
            return null;
        }
    }

    private Fraction valueOrThrow(int t) {
        int code = s.code(t);
        if (code != Operator.NEG.ordinal() && code != Operator.INV.ordinal() && code != Operator.DIV.ordinal()) {
            return code == Expr.NUMBER ? s.numberFraction(t) : null;
        }
        Operator op = s.operator(t);
        if (op == null) {
            return s.isNumber(t) ? s.numberFraction(t) : null;
        }
        return switch (op) {
            case NEG -> {
                Fraction a = literal(s.first(t));
                yield a == null ? null : a.negate();
            }
            case INV -> {
                Fraction a = literal(s.first(t));
                yield a == null || a.isZero() ? null : Fraction.ONE.divide(a);
            }
            case DIV -> {
                Fraction a = literal(s.first(t));
                Fraction b = literal(s.second(t));
                yield a == null || b == null || b.isZero() ? null : a.divide(b);
            }
            default -> null;
        };
    }

    private Fraction literal(int t) {
        return s.isNumber(t) ? s.numberFraction(t) : null;
    }

    /**
     * The term of an exact value: a literal when a double stands for it, else {@code / p q} when
     * doubles stand for p and q; beyond that a pooled literal when the decimal terminates, else
     * {@code / p q} of pooled integers; NONE when a literal would be out of range.
     */
    int term(Fraction v) {
        double literal = v.literalValue();
        if (!Double.isNaN(literal)) {
            return n.number(literal);
        }
        if (v.hasExactParts()) { // the usual case: 1/3 (and 1/33554432, not 0.0000000298023223876953125)
            return n.raw(Operator.DIV, n.number(v.num()), n.number(v.den()));
        }
        if (v.bigNum().bitLength() - v.bigDen().bitLength() > 1025) {
            return TermStore.NONE; // beyond the double range: no literal
        }
        BigDecimal decimal = v.decimalValue();
        if (decimal != null) {
            return number(decimal);
        }
        int p = number(new BigDecimal(v.bigNum()));
        int q = p == TermStore.NONE ? TermStore.NONE : number(new BigDecimal(v.bigDen()));
        return q == TermStore.NONE ? TermStore.NONE : n.raw(Operator.DIV, p, q);
    }

    /** The normal literal of an exact value, NONE when it is beyond the literals' range. */
    private int number(BigDecimal value) {
        return Literals.fits(value) ? n.normalize(s.number(value)) : TermStore.NONE;
    }

    /** A folded replacement for t, or NONE. */
    int fold(int t) {
        if (s.hasVariable(t)) {
            return TermStore.NONE; // every value folded here is of literals, pi and E only
        }
        try {
            Fraction v = foldValue(t);
            return v == null ? TermStore.NONE : term(v);
        } catch (ArithmeticException e) {
            return TermStore.NONE;
        }
    }

    private Fraction foldValue(int t) {
        Fraction own = value(t);
        if (own != null) {
            return own;
        }
        Operator op = s.operator(t);
        if (op.arity() == 2) {
            Fraction a = value(s.first(t));
            if (a == null) {
                return null;
            }
            Fraction b = value(s.second(t));
            if (b == null) {
                return null;
            }
            return switch (op) {
                case ADD -> a.add(b);
                case SUB -> a.subtract(b);
                case MUL -> a.multiply(b);
                case DIV -> b.isZero() ? null : a.divide(b);
                case POW -> !b.isIntegerWithin(MAX_EXPONENT) || (a.isZero() && b.signum() < 0) ? null
                        : a.pow(b.num());
                default -> null;
            };
        }
        if (op.arity() == 1) {
            int x = s.first(t);
            Fraction a = value(x);
            if (a == null) {
                return namedConstant(op, x);
            }
            return switch (op) {
                case NEG -> a.negate();
                case INV -> a.isZero() ? null : Fraction.ONE.divide(a);
                case ABS -> a.abs();
                case POW2, POW3, POW4, POW5 -> a.pow(op.integerPower());
                case POW1_2 -> a.root(2);
                case POW1_3 -> a.root(3);
                case POW1_4 -> a.root(4);
                case POW1_5 -> a.root(5);
                case EXP, COS, COSH -> a.isZero() ? Fraction.ONE : null;
                case SIN, TAN, ASIN, ATAN, SINH, TANH -> a.isZero() ? Fraction.ZERO : null;
                case LOG, ACOS -> a.isOne() ? Fraction.ZERO : null;
                default -> null;
            };
        }
        return null;
    }

    /** Exact values at pi and E: log E = 1, sin pi = 0, cos pi = -1. */
    private Fraction namedConstant(Operator op, int x) {
        if (s.is(x, Operator.EULER)) {
            return op == Operator.LOG ? Fraction.ONE : null;
        }
        if (s.is(x, Operator.PI)) {
            return switch (op) {
                case SIN -> Fraction.ZERO;
                case COS -> Fraction.MINUS_ONE;
                default -> null;
            };
        }
        return null;
    }
}
