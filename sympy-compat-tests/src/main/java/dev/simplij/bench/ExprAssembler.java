package dev.simplij.bench;

import dev.simplij.expr.Expr;
import dev.simplij.expr.NodeKind;
import dev.simplij.expr.Operator;

import java.util.ArrayList;
import java.util.List;

/**
 * Builds SimpliJ expressions bottom-up from a peer's result tree, in the shortest spelling that
 * SimpliJ's vocabulary has, so that a peer's length is measured as {@code make_corpus.py} measures
 * SymPy's: {@code x^-1} is {@code inv x}, {@code x^(3/2)} is {@code pow3 pow1_2 x}, a rational is
 * {@code / p q}, {@code a + (-2)*b} is {@code - a * 2 b}.
 */
final class ExprAssembler {
    /** Largest integer a double literal holds exactly. */
    private static final double EXACT_INTEGER = 9007199254740992.0;

    private ExprAssembler() {
    }

    /** A peer result that SimpliJ's vocabulary cannot spell (complex numbers, unknown functions). */
    static final class NotExpressible extends Exception {
        private static final long serialVersionUID = 1L;

        NotExpressible(String what) {
            super(what);
        }
    }

    static Expr number(double value) throws NotExpressible {
        if (!Double.isFinite(value) || Math.abs(value) >= EXACT_INTEGER && value == Math.rint(value)) {
            throw new NotExpressible("number " + value);
        }
        return Expr.builder().number(value).build();
    }

    static Expr variable(String name) {
        return Expr.builder().variable(name).build();
    }

    static Expr apply(Operator op, Expr... operands) {
        if (operands.length != op.arity()) {
            throw new IllegalArgumentException(op.token() + " takes " + op.arity() + " operands, got " + operands.length);
        }
        Expr.Builder b = Expr.builder().operator(op);
        for (Expr operand : operands) {
            b.subtree(operand, 0);
        }
        return b.build();
    }

    /** {@code p / q} as SymPy's converter writes a rational: one literal when q is 1, else {@code / p q}. */
    static Expr rational(long p, long q) throws NotExpressible {
        return q == 1 ? number(p) : apply(Operator.DIV, number(p), number(q));
    }

    /** {@code base ^ (p/q)} for a rational exponent in lowest terms, q > 0, in its shortest spelling. */
    static Expr power(Expr base, long p, long q) throws NotExpressible {
        if (q == 1) {
            if (p == 1) {
                return base;
            }
            if (p >= 2 && p <= 5) {
                return apply(powerOperator(p), base);
            }
            if (p == -1) {
                return apply(Operator.INV, base);
            }
            if (p <= -2 && p >= -5) {
                return apply(Operator.INV, apply(powerOperator(-p), base));
            }
            return apply(Operator.POW, base, number(p));
        }
        Expr general = apply(Operator.POW, base, rational(p, q));
        if (q != 2 && q != 4) {
            // pow1_3 and pow1_5 are real roots; b^(1/3) is the principal root, which differs for b < 0
            return general;
        }
        Expr root = apply(q == 2 ? Operator.POW1_2 : Operator.POW1_4, base);
        long m = Math.abs(p);
        Expr r = m == 1 ? root : m <= 5 ? apply(powerOperator(m), root) : apply(Operator.POW, root, number(m));
        Expr rooted = p < 0 ? apply(Operator.INV, r) : r;
        return rooted.size() <= general.size() ? rooted : general;
    }

    private static Operator powerOperator(long k) {
        return switch ((int) k) {
            case 2 -> Operator.POW2;
            case 3 -> Operator.POW3;
            case 4 -> Operator.POW4;
            case 5 -> Operator.POW5;
            default -> throw new IllegalArgumentException("no unary power " + k);
        };
    }

    /** A term of a sum: its magnitude and whether it is subtracted. */
    record Term(boolean negative, Expr magnitude) {
    }

    /**
     * A sum of signed terms as {@code make_corpus.py} spells it: positive terms first where there is
     * one, each negative term subtracted, {@code neg} only when every term is negative.
     */
    static Expr sum(List<Term> terms) {
        List<Term> ordered = new ArrayList<>(terms);
        for (int i = 0; i < ordered.size() && ordered.get(0).negative(); i++) {
            if (!ordered.get(i).negative()) {
                ordered.add(0, ordered.remove(i));
            }
        }
        Term first = ordered.get(0);
        Expr out = first.negative() ? negate(first.magnitude()) : first.magnitude();
        for (Term t : ordered.subList(1, ordered.size())) {
            out = apply(t.negative() ? Operator.SUB : Operator.ADD, out, t.magnitude());
        }
        return out;
    }

    /** {@code -e}, folding into a numeric literal where that is one token. */
    static Expr negate(Expr e) {
        if (e.size() == 1 && e.kind(0) == NodeKind.NUMBER) {
            return Expr.builder().number(-e.number(0)).build();
        }
        return apply(Operator.NEG, e);
    }

    /** Left-folded product {@code ((a*b)*c)...}; null for an empty list. */
    static Expr product(List<Expr> factors) {
        Expr out = null;
        for (Expr f : factors) {
            out = out == null ? f : apply(Operator.MUL, out, f);
        }
        return out;
    }

    /** {@code numerator / denominator} with {@code inv} when the numerator is empty. */
    static Expr quotient(List<Expr> numerator, List<Expr> denominator) throws NotExpressible {
        Expr num = product(numerator);
        Expr den = product(denominator);
        if (den == null) {
            return num == null ? number(1) : num;
        }
        return num == null ? apply(Operator.INV, den) : apply(Operator.DIV, num, den);
    }
}
