package dev.simplij.simplify;

import dev.simplij.expr.Expr;
import dev.simplij.expr.Literals;
import dev.simplij.expr.Operator;
import dev.simplij.simplify.CanonicalForm.Atom;
import dev.simplij.simplify.CanonicalForm.Call;
import dev.simplij.simplify.CanonicalForm.NotCanonical;
import dev.simplij.simplify.CanonicalForm.Num;
import dev.simplij.simplify.CanonicalForm.Product;
import dev.simplij.simplify.CanonicalForm.Sum;
import dev.simplij.simplify.CanonicalForm.Term;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * How a {@link CanonicalForm} is written: the way out of the canonical form, a function of the form
 * alone, so equal forms are written alike. Where the operators allow several writings of one form,
 * the fewest tokens win, and on a tie the first in this order: for a sum, its terms in the form's
 * order with the positive ones first ({@code x - y}, {@code x - 1}), before the same with its
 * rational content in front ({@code 2*(x + y)}, chosen only when shorter); for a product, the
 * numerator over the denominator with the coefficient split between them ({@code x/2},
 * {@code 2*x/(3*y)}), before the coefficient as one decimal literal ({@code 0.75*x}, chosen only
 * when shorter); a sign goes into a literal where there is one ({@code -2*x}), else in front
 * ({@code -x}); a lone denominator is an {@code inv}.
 */
final class Rendering {
    /** A written term: an operator over written operands, or a leaf; its size in tokens. */
    private record Layout(Operator op, Layout first, Layout second, int atom, BigDecimal number, int size) {
        static Layout atom(int id) {
            return new Layout(null, null, null, id, null, 1);
        }

        static Layout number(BigDecimal value) {
            return new Layout(null, null, null, TermStore.NONE, value, 1);
        }

        static Layout of(Operator op, Layout first) {
            return new Layout(op, first, null, TermStore.NONE, null, 1 + first.size);
        }

        static Layout of(Operator op, Layout first, Layout second) {
            return new Layout(op, first, second, TermStore.NONE, null, 1 + first.size + second.size);
        }
    }

    private final TermStore store;

    Rendering(TermStore store) {
        this.store = store;
    }

    /** The expression of a form; {@link NotCanonical} when a number it needs is no literal. */
    Expr write(Term form) {
        Layout layout = layout(form);
        Expr.Builder b = Expr.builder(layout.size);
        emit(layout, b);
        return b.build();
    }

    private void emit(Layout l, Expr.Builder b) {
        if (l.op != null) {
            b.operator(l.op);
            emit(l.first, b);
            if (l.second != null) {
                emit(l.second, b);
            }
        } else if (l.number != null) {
            b.number(l.number);
        } else {
            int t = l.atom;
            switch (store.code(t)) {
                case Expr.VARIABLE -> b.variable(store.variableName(t));
                case Expr.CONSTANT -> b.constant();
                case Expr.PLACEHOLDER -> b.placeholder((int) store.payload(t));
                case Expr.NUMBER -> b.number(store.exactNumber(t));
                default -> b.operator(store.operator(t));
            }
        }
    }

    private Layout layout(Term t) {
        if (t instanceof Atom a) {
            return Layout.atom(a.id);
        }
        if (t instanceof Num n) {
            return number(n.value);
        }
        if (t instanceof Call c) {
            return c.args.length == 1 ? Layout.of(c.op, layout(c.args[0]))
                    : Layout.of(c.op, layout(c.args[0]), layout(c.args[1]));
        }
        if (t instanceof Product p) {
            return product(p.coefficient, p.bases, p.exponents);
        }
        return sum((Sum) t);
    }

    // ---- numbers ----

    /** A rational: one literal when its decimal form terminates, else {@code p/q}. */
    private static Layout number(Fraction v) {
        BigDecimal decimal = v.decimalValue();
        if (decimal != null) {
            return literal(decimal);
        }
        return Layout.of(Operator.DIV, literal(new BigDecimal(v.bigNum())), literal(new BigDecimal(v.bigDen())));
    }

    private static Layout integer(Fraction v) {
        return literal(new BigDecimal(v.bigNum()));
    }

    private static Layout literal(BigDecimal value) {
        if (!Literals.fits(value)) {
            throw new NotCanonical("a number beyond the literals' range");
        }
        return Layout.number(value);
    }

    // ---- sums ----

    private Layout sum(Sum s) {
        Layout plain = signedTerms(s);
        Fraction unit = CanonicalForm.unit(s);
        if (unit.isOne()) {
            return plain;
        }
        Sum primitive = (Sum) CanonicalForm.scale(s, Fraction.ONE.divide(unit));
        // the quotient, not the product: moving the content back into the sum is the plain writing
        Layout factored = quotient(unit, new Term[] {primitive}, new long[] {1});
        return factored.size < plain.size ? factored : plain;
    }

    /**
     * Positive items joined by {@code +} in the form's order, then the negative ones by {@code -};
     * with no positive item, the first negative one leads with its sign written where it costs
     * least ({@code -1 - x}, {@code -2*x - y}, {@code sin(1 - x) - y}).
     */
    private Layout signedTerms(Sum s) {
        List<Layout> positive = new ArrayList<>();
        List<Layout> negative = new ArrayList<>();
        Layout lead = null;
        if (!s.constant.isZero()) {
            if (s.constant.signum() > 0) {
                positive.add(number(s.constant));
            } else {
                lead = number(s.constant); // a negative literal is one token
                negative.add(number(s.constant.negate()));
            }
        }
        for (int i = 0; i < s.terms.length; i++) {
            Fraction k = s.coefficients[i];
            if (k.signum() > 0) {
                positive.add(scaled(s.terms[i], k));
            } else {
                if (lead == null) {
                    lead = scaled(s.terms[i], k);
                }
                negative.add(scaled(s.terms[i], k.negate()));
            }
        }
        Layout written;
        int from = 0;
        if (!positive.isEmpty()) {
            written = positive.get(0);
            for (int i = 1; i < positive.size(); i++) {
                written = Layout.of(Operator.ADD, written, positive.get(i));
            }
        } else {
            written = lead;
            from = 1;
        }
        for (int i = from; i < negative.size(); i++) {
            written = Layout.of(Operator.SUB, written, negative.get(i));
        }
        return written;
    }

    /** {@code k*t}, the sign of k written by {@link #product}. */
    private Layout scaled(Term t, Fraction k) {
        if (t instanceof Product p) {
            return product(p.coefficient.multiply(k), p.bases, p.exponents);
        }
        return k.isOne() ? layout(t) : product(k, new Term[] {t}, new long[] {1});
    }

    // ---- products ----

    /**
     * A product, or where shorter, the same with its coefficient moved into a factor: the whole
     * coefficient into a sum to the power 1 or -1 ({@code 1 - 3.5/x} rather than
     * {@code (2 - 7/x)/2}), or a negative sign into a sum to an odd power or into the argument of an
     * odd function ({@code sin(2 - x)} rather than {@code -sin(x - 2)}). The first such factor in
     * the form's order takes it.
     */
    private Layout product(Fraction coefficient, Term[] bases, long[] exponents) {
        Layout written = quotient(coefficient, bases, exponents);
        if (coefficient.isOne()) {
            return written;
        }
        for (int i = 0; i < bases.length; i++) {
            if (bases[i] instanceof Sum s && Math.abs(exponents[i]) == 1) {
                Term[] absorbed = bases.clone();
                absorbed[i] = CanonicalForm.scaleSum(s, exponents[i] == 1 ? coefficient : Fraction.ONE.divide(coefficient));
                written = shorter(quotient(Fraction.ONE, absorbed, exponents), written);
                break;
            }
        }
        if (coefficient.signum() < 0) {
            for (int i = 0; i < bases.length; i++) {
                Term negated = exponents[i] % 2 != 0 ? negated(bases[i]) : null;
                if (negated != null) {
                    Term[] absorbed = bases.clone();
                    absorbed[i] = negated;
                    written = shorter(quotient(coefficient.negate(), absorbed, exponents), written);
                    break;
                }
            }
        }
        return written;
    }

    /** -t where the sign can go inside: a sum negated, an odd function of a negated argument; else null. */
    private static Term negated(Term t) {
        if (t instanceof Sum s) {
            return CanonicalForm.scaleSum(s, Fraction.MINUS_ONE);
        }
        if (t instanceof Call c && c.op.isOdd()) {
            return new Call(c.op, CanonicalForm.scale(c.args[0], Fraction.MINUS_ONE));
        }
        return null;
    }

    private static Layout shorter(Layout candidate, Layout incumbent) {
        return candidate.size < incumbent.size ? candidate : incumbent;
    }

    /** The bases over their denominator, with the coefficient as a split fraction or one decimal. */
    private Layout quotient(Fraction coefficient, Term[] bases, long[] exponents) {
        List<Layout> numerator = new ArrayList<>();
        List<Layout> denominator = new ArrayList<>();
        for (int i = 0; i < bases.length; i++) {
            long e = exponents[i];
            (e > 0 ? numerator : denominator).add(power(bases[i], Math.abs(e)));
        }
        boolean negative = coefficient.signum() < 0;
        Fraction magnitude = coefficient.abs();
        Fraction p = Fraction.of(magnitude.bigNum(), BigInteger.ONE);
        Fraction q = Fraction.of(magnitude.bigDen(), BigInteger.ONE);
        Layout split = signedQuotient(p, numerator, q, denominator, negative);
        BigDecimal decimal = magnitude.isInteger() ? null : magnitude.decimalValue();
        if (decimal != null && Literals.fits(decimal)) {
            Layout asDecimal = signedQuotient(magnitude, numerator, Fraction.ONE, denominator, negative);
            if (asDecimal.size < split.size) {
                return asDecimal;
            }
        }
        return split;
    }

    /**
     * {@code ±(a*numerator)/(b*denominator)}, a and b positive literals left out when 1; the sign
     * goes into the first literal there is, else in front.
     */
    private Layout signedQuotient(Fraction a, List<Layout> numerator, Fraction b, List<Layout> denominator,
                            boolean negative) {
        Layout aLayout = a.isOne() ? null : literalOf(negative ? a.negate() : a);
        boolean signPlaced = aLayout != null || !negative;
        Layout bLayout = b.isOne() ? null : literalOf(!signPlaced ? b.negate() : b);
        signPlaced |= bLayout != null;
        Layout top = chain(aLayout, numerator);
        Layout bottom = chain(bLayout, denominator);
        Layout written;
        if (bottom == null) {
            written = top != null ? top : literalOf(Fraction.ONE);
        } else if (top == null) {
            written = Layout.of(Operator.INV, bottom);
        } else {
            written = Layout.of(Operator.DIV, top, bottom);
        }
        return signPlaced ? written : Layout.of(Operator.NEG, written);
    }

    private static Layout literalOf(Fraction v) {
        return v.isInteger() ? integer(v) : number(v);
    }

    /** The factors multiplied left to right after an optional literal; null when there are none. */
    private static Layout chain(Layout literal, List<Layout> factors) {
        Layout written = literal;
        for (Layout f : factors) {
            written = written == null ? f : Layout.of(Operator.MUL, written, f);
        }
        return written;
    }

    /** {@code base**e} for e >= 1: the base, {@code powK}, or {@code pow} with a literal exponent. */
    private Layout power(Term base, long e) {
        Layout b = layout(base);
        return switch ((int) Math.min(e, 6)) {
            case 1 -> b;
            case 2 -> Layout.of(Operator.POW2, b);
            case 3 -> Layout.of(Operator.POW3, b);
            case 4 -> Layout.of(Operator.POW4, b);
            case 5 -> Layout.of(Operator.POW5, b);
            default -> Layout.of(Operator.POW, b, literal(BigDecimal.valueOf(e)));
        };
    }
}
