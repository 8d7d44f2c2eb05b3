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
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;

/**
 * How a {@link CanonicalForm} is written: the way out of the canonical form, a function of the form
 * alone, so equal forms are written alike. Where the operators allow several writings of one form,
 * the fewest tokens win, and on a tie the first in this order: for a sum, its terms in the form's
 * order with the positive ones first ({@code x - y}, {@code x - 1}), before the same with its
 * rational content in front ({@code 2*(x + y)}, chosen only when shorter), or over a common
 * denominator ({@code 1/(x*(x + 1))} for {@code 1/x - 1/(x + 1)}, only when shorter); for a product, the
 * numerator over the denominator with the coefficient split between them ({@code x/2},
 * {@code 2*x/(3*y)}), before the coefficient as one decimal literal ({@code 0.75*x}, chosen only
 * when shorter); a sign goes into a literal where there is one ({@code -2*x}), else in front
 * ({@code -x}); a lone denominator is an {@code inv}.
 */
final class Rendering {
    /**
     * A written term: an operator over written operands, or a leaf (a store atom, or a literal held
     * as the double that stands for it, or as a decimal where no double does); its size in tokens.
     */
    private record Layout(Operator op, Layout first, Layout second, int atom, double value, BigDecimal decimal,
                          int size) {
        static Layout atom(int id) {
            return new Layout(null, null, null, id, Double.NaN, null, 1);
        }

        static Layout number(double value) {
            return new Layout(null, null, null, TermStore.NONE, value, null, 1);
        }

        static Layout number(BigDecimal value) {
            return new Layout(null, null, null, TermStore.NONE, Double.NaN, value, 1);
        }

        static Layout of(Operator op, Layout first) {
            return new Layout(op, first, null, TermStore.NONE, Double.NaN, null, 1 + first.size);
        }

        static Layout of(Operator op, Layout first, Layout second) {
            return new Layout(op, first, second, TermStore.NONE, Double.NaN, null, 1 + first.size + second.size);
        }
    }

    private final TermStore store;

    Rendering(TermStore store) {
        this.store = store;
    }

    /** The forms' constructor of this call, for the writings that build new products. */
    private CanonicalForm forms;

    /**
     * The expression of a form, made with the call's form constructor; {@link NotCanonical} when a
     * number it needs is no literal.
     */
    Expr write(Term form, CanonicalForm forms) {
        this.forms = forms;
        layouts = emptied(layouts);
        products = emptied(products);
        quotients = emptied(quotients);
        alternativesLeft = MAX_ALTERNATIVES;
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
        } else if (l.atom == TermStore.NONE) {
            if (l.decimal != null) {
                b.number(l.decimal);
            } else {
                b.number(l.value);
            }
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

    /**
     * Alternative writings tried per {@link #write}, at most: each alternative writes its parts
     * anew with other coefficients, so nested sums and products multiply the work; past this budget
     * the plain writing is taken. The budget is spent in the same order for the same form, so the
     * writing stays a function of the form.
     */
    private static final int MAX_ALTERNATIVES = 384;
    private int alternativesLeft;

    private boolean mayTryAlternatives() {
        return alternativesLeft-- > 0;
    }

    /**
     * Within one {@link #write}, each form's writing, and each product's with and without its
     * coefficient moved into a factor (keyed by the product of the parts they are given): the
     * alternatives of sums and products write the same parts many times over.
     */
    private Map<Term, Layout> layouts = new HashMap<>();
    private Map<Product, Layout> products = new HashMap<>();
    private Map<Product, Layout> quotients = new HashMap<>();

    /** Entries a memo may have held and still be cleared rather than replaced. */
    private static final int MAX_CLEARED_ENTRIES = 64;

    /**
     * The memo emptied for the next write: a map that grew large is replaced, since clearing walks
     * its whole table, and one large form would make every later write of this work area pay that.
     */
    private static <K> Map<K, Layout> emptied(Map<K, Layout> memo) {
        if (memo.size() > MAX_CLEARED_ENTRIES) {
            return new HashMap<>();
        }
        memo.clear();
        return memo;
    }

    private interface ProductWriting {
        Layout of(Fraction coefficient, Term[] bases, long[] exponents);
    }

    private static Layout memoized(Map<Product, Layout> memo, Fraction coefficient, Term[] bases, long[] exponents,
            ProductWriting writing) {
        Product key = new Product(coefficient, bases, exponents);
        Layout known = memo.get(key);
        if (known == null) {
            known = writing.of(coefficient, bases, exponents);
            memo.put(key, known);
        }
        return known;
    }

    private Layout layout(Term t) {
        if (t instanceof Atom a) {
            return Layout.atom(a.id);
        }
        Layout known = layouts.get(t);
        if (known == null) {
            known = layoutOf(t);
            layouts.put(t, known);
        }
        return known;
    }

    private Layout layoutOf(Term t) {
        if (t instanceof Atom a) {
            return Layout.atom(a.id);
        }
        if (t instanceof Num n) {
            return number(n.value);
        }
        if (t instanceof Call c) {
            Call inner = c.op == Operator.EXP ? exponentialRaised(c) : null;
            if (inner != null) { // exp(2*x) is also exp(x)**2, exp(-x) also 1/exp(x)
                long k = multiple(c.args[0]).num();
                Layout raised = power(layout(inner), Math.abs(k));
                return shorter(k < 0 ? Layout.of(Operator.INV, raised) : raised, Layout.of(c.op, layout(c.args[0])));
            }
            return c.args.length == 1 ? Layout.of(c.op, layout(c.args[0]))
                    : Layout.of(c.op, layout(c.args[0]), layout(c.args[1]));
        }
        if (t instanceof Product p) {
            return product(p.coefficient, p.bases, p.exponents);
        }
        return sum((Sum) t);
    }

    // ---- numbers ----

    /** A rational: one literal when its decimal form terminates, else {@code p/q} ({@code inv q} for 1/q). */
    private static Layout number(Fraction v) {
        double literal = v.literalValue();
        if (!Double.isNaN(literal)) {
            return Layout.number(literal);
        }
        BigDecimal decimal = v.decimalValue();
        if (decimal != null) {
            return literal(decimal);
        }
        Layout q = integer(v.bigDen());
        return v.numerator().isOne() ? Layout.of(Operator.INV, q) : Layout.of(Operator.DIV, integer(v.bigNum()), q);
    }

    private static Layout integer(BigInteger v) {
        return v.bitLength() < 53 ? Layout.number(v.longValue()) : literal(new BigDecimal(v));
    }

    private static Layout literal(BigDecimal value) {
        if (!Literals.fits(value)) {
            throw new NotCanonical("a number beyond the literals' range");
        }
        return Layout.number(value);
    }

    // ---- sums ----

    /**
     * A sum, or where shorter, its rational content in front ({@code 2*(x + y)}), or the terms that
     * share the most common coefficient magnitude grouped ({@code x - 2*(y + z)}).
     */
    private Layout sum(Sum s) {
        boolean alternatives = mayTryAlternatives(); // before the parts: the outer choice matters more
        Layout written = signedTerms(s);
        if (!alternatives) {
            return written;
        }
        Fraction unit = forms.unit(s);
        if (!unit.isOne()) {
            Sum primitive = CanonicalForm.scaleSum(s, Fraction.ONE.divide(unit));
            // the quotient, not the product: moving the content back into the sum is the plain writing
            written = shorter(quotient(unit, new Term[] {primitive}, new long[] {1}), written);
        }
        Sum grouped = groupedByCoefficient(s);
        if (grouped != null) {
            written = shorter(signedTerms(grouped), written);
        }
        written = shorter(byRationalRoots(s), written);
        Layout factored = commonFactorOut(s);
        written = factored.size <= written.size ? factored : written; // x*(y + 1) over x*y + x
        if (s.terms.length <= MAX_GROUPED_TERMS && (s.terms.length > 2 || !s.constant.isZero())) {
            // two terms alone share a base only as a common factor, taken out above
            written = shorter(groupedByBase(s), written);
        }
        Term together = forms.overCommonDenominator(s);
        return together == null ? written : shorter(layout(together), written);
    }

    /** Sum factors with more terms are not tried with the other factors multiplied in. */
    private static final int MAX_EXPANDED_TERMS = 4;
    /** Sums with more terms are not searched for a base that some of their terms share. */
    private static final int MAX_GROUPED_TERMS = 32;
    /** Bases tried per sum, in the order the terms hold them. */
    private static final int MAX_TRIED_BASES = 8;

    /**
     * The shortest writing with the terms that hold one base (at least two of them, not all) as
     * that base's smallest power times their sum ({@code x1 + x2*(x3 + 1)} for
     * {@code x1 + x2*x3 + x2}); {@link #UNWRITTEN} when no base is shared so.
     */
    private Layout groupedByBase(Sum s) {
        Layout best = UNWRITTEN;
        // a base is grouped at its positive powers and, separately, at its negative ones
        List<Term> triedPositive = new ArrayList<>();
        List<Term> triedNegative = new ArrayList<>();
        for (int i = 0; i < s.terms.length && triedPositive.size() + triedNegative.size() < MAX_TRIED_BASES; i++) {
            Term[] bases = s.terms[i] instanceof Product p ? p.bases : new Term[] {s.terms[i]};
            for (Term b : bases) {
                long e = CanonicalForm.exponentIn(s.terms[i], b);
                List<Term> tried = e > 0 ? triedPositive : triedNegative;
                if (triedPositive.size() + triedNegative.size() == MAX_TRIED_BASES || tried.contains(b)) {
                    continue;
                }
                tried.add(b);
                int members = 0;
                for (Term t : s.terms) {
                    long x = CanonicalForm.exponentIn(t, b);
                    if (x != 0 && Long.signum(x) == Long.signum(e)) {
                        members++;
                        e = Math.abs(x) < Math.abs(e) ? x : e;
                    }
                }
                if (members >= 2 && (members < s.terms.length || !s.constant.isZero())) {
                    best = shorter(signedTerms(groupedBy(s, b, e)), best);
                }
            }
        }
        return best;
    }

    /** The sum with its terms holding b**e (e's sign) replaced by one term, b**e times their quotients' sum. */
    private static Sum groupedBy(Sum s, Term b, long e) {
        Fraction innerConstant = Fraction.ZERO;
        List<Term> inner = new ArrayList<>();
        List<Fraction> innerCoefficients = new ArrayList<>();
        List<Term> outer = new ArrayList<>();
        List<Fraction> outerCoefficients = new ArrayList<>();
        for (int i = 0; i < s.terms.length; i++) {
            Term t = s.terms[i];
            long x = CanonicalForm.exponentIn(t, b);
            if (x == 0 || Long.signum(x) != Long.signum(e)) {
                outer.add(t);
                outerCoefficients.add(s.coefficients[i]);
                continue;
            }
            Term left = CanonicalForm.divided(t, b, e);
            if (left == null) {
                innerConstant = innerConstant.add(s.coefficients[i]);
            } else {
                inner.add(left);
                innerCoefficients.add(s.coefficients[i]);
            }
        }
        Sum innerSum = new Sum(innerConstant, inner.toArray(new Term[0]), innerCoefficients.toArray(new Fraction[0]));
        outer.add(new Product(Fraction.ONE, new Term[] {b, innerSum}, new long[] {e, 1}));
        outerCoefficients.add(Fraction.ONE);
        return new Sum(s.constant, outer.toArray(new Term[0]), outerCoefficients.toArray(new Fraction[0]));
    }

    /** Polynomials of a higher degree are not searched for rational roots. */
    private static final int MAX_FACTORED_DEGREE = 6;
    /** Rational roots p/q are sought with |p| and q dividing the integer end coefficients up to this. */
    private static final long MAX_ROOT_PARTS = 100;

    /**
     * A sum that is a polynomial of degree 2 to 6 in one base b (a leaf or a call) with a constant,
     * written with each of its rational roots p/q taken out as a power of {@code q*b - p}
     * ({@code (x - 1)**2} for {@code x**2 - 2*x + 1}, {@code (x + 1)*(x**2 + 1)} for
     * {@code x**3 + x**2 + x + 1}); {@link #UNWRITTEN} when it is no such polynomial or has no
     * rational root. Roots are tried by the rational root theorem, in integer arithmetic.
     */
    private Layout byRationalRoots(Sum s) {
        if (s.constant.isZero()) {
            return UNWRITTEN; // a power of b is a common factor: taken out by commonFactorOut
        }
        Term b = null;
        Fraction[] polynomial = new Fraction[MAX_FACTORED_DEGREE + 1];
        Arrays.fill(polynomial, Fraction.ZERO);
        polynomial[0] = s.constant;
        int degree = 0;
        for (int i = 0; i < s.terms.length; i++) {
            Term t = s.terms[i];
            boolean power = t instanceof Product p && p.bases.length == 1 && p.coefficient.isOne();
            Term base = power ? ((Product) t).bases[0] : t;
            long k = power ? ((Product) t).exponents[0] : 1;
            if (!(base instanceof Atom || base instanceof Call) || b != null && !b.equals(base)
                    || k < 1 || k > MAX_FACTORED_DEGREE) {
                return UNWRITTEN;
            }
            b = base;
            polynomial[(int) k] = s.coefficients[i];
            degree = Math.max(degree, (int) k);
        }
        if (degree < 2) {
            return UNWRITTEN;
        }
        Fraction content = polynomial[0];
        for (int k = 1; k <= degree; k++) {
            content = content.gcd(polynomial[k]);
        }
        long[] integers = new long[degree + 1];
        for (int k = 0; k <= degree; k++) {
            Fraction a = polynomial[k].divide(content);
            if (!a.hasExactParts()) {
                return UNWRITTEN;
            }
            integers[k] = a.num();
        }
        try {
            return byRationalRoots(b, integers, degree, content);
        } catch (ArithmeticException overflow) {
            return UNWRITTEN; // a quotient's coefficient beyond a long
        }
    }

    private Layout byRationalRoots(Term b, long[] integers, int degree, Fraction content) {
        List<Term> factors = new ArrayList<>();
        List<Long> multiplicities = new ArrayList<>();
        Fraction coefficient = content;
        for (long q : divisors(integers[degree])) {
            for (long p : divisors(integers[0])) {
                for (long signed : new long[] {p, -p}) {
                    if (degree < 1 || Fraction.of(signed, q).den() != q) {
                        continue; // p/q not in lowest terms: tried as its reduced form
                    }
                    long m = 0;
                    while (degree >= 1 && isRoot(integers, degree, signed, q)) {
                        integers = dividedByLinear(integers, degree--, signed, q);
                        m++;
                    }
                    if (m > 0) {
                        factors.add(new Sum(Fraction.of(-signed), new Term[] {b}, new Fraction[] {Fraction.of(q)}));
                        multiplicities.add(m);
                    }
                }
            }
        }
        if (factors.isEmpty()) {
            return UNWRITTEN;
        }
        if (degree == 0) {
            coefficient = coefficient.multiply(Fraction.of(integers[0]));
        } else {
            factors.add(polynomialSum(integers, degree, b));
            multiplicities.add(1L);
        }
        long[] exponents = new long[factors.size()];
        for (int i = 0; i < exponents.length; i++) {
            exponents[i] = multiplicities.get(i);
        }
        return product(coefficient, factors.toArray(new Term[0]), exponents);
    }

    /** The positive divisors of n, none when n is 0 or beyond {@link #MAX_ROOT_PARTS}. */
    private static long[] divisors(long n) {
        long m = Math.abs(n);
        if (m == 0 || m > MAX_ROOT_PARTS) {
            return new long[0];
        }
        return LongStream.rangeClosed(1, m).filter(d -> m % d == 0).toArray();
    }

    /** Whether p/q is a root: {@code sum a[k] p**k q**(degree-k)} is 0 (false when a term overflows a long). */
    private static boolean isRoot(long[] a, int degree, long p, long q) {
        try {
            long value = 0;
            long qPower = 1; // q**(degree - k)
            for (int k = degree; k >= 0; k--) { // Horner's scheme in q**degree * P(p/q)
                value = Math.addExact(Math.multiplyExact(value, p), Math.multiplyExact(a[k], qPower));
                if (k > 0) {
                    qPower = Math.multiplyExact(qPower, q);
                }
            }
            return value == 0;
        } catch (ArithmeticException overflow) {
            return false;
        }
    }

    /** The integer coefficients of P divided by {@code q*b - p}, p/q a root of P (of this degree). */
    private static long[] dividedByLinear(long[] a, int degree, long p, long q) {
        long[] quotient = new long[degree];
        long carry = 0;
        for (int k = degree; k >= 1; k--) { // a[k] - ... divided by q, top down
            long c = Math.addExact(a[k], carry);
            quotient[k - 1] = c / q;
            carry = Math.multiplyExact(quotient[k - 1], p);
        }
        return quotient;
    }

    /** {@code a[0] + a[1]*b + ... + a[degree]*b**degree} as a sum, its terms in the forms' order. */
    private static Sum polynomialSum(long[] a, int degree, Term b) {
        List<Term> terms = new ArrayList<>();
        List<Fraction> coefficients = new ArrayList<>();
        for (int k = 1; k <= degree; k++) {
            if (a[k] != 0) {
                terms.add(k == 1 ? b : new Product(Fraction.ONE, new Term[] {b}, new long[] {k}));
                coefficients.add(Fraction.of(a[k]));
            }
        }
        return new Sum(Fraction.of(a[0]), terms.toArray(new Term[0]), coefficients.toArray(new Fraction[0]));
    }

    /**
     * The bases that every term of a constant-free sum holds, with exponents of one sign, taken out
     * at their smallest power ({@code x*(y + z)} for {@code x*y + x*z}, {@code (x + y)/z} for
     * {@code x/z + y/z}); {@link #UNWRITTEN} when there are none.
     */
    private Layout commonFactorOut(Sum s) {
        Product common = CanonicalForm.commonFactor(s);
        if (common == null) {
            return UNWRITTEN;
        }
        Sum rest = CanonicalForm.dividedSum(s, common);
        Fraction unit = forms.unit(rest);
        Term[] bases = Arrays.copyOf(common.bases, common.bases.length + 1);
        long[] exponents = Arrays.copyOf(common.exponents, bases.length);
        bases[common.bases.length] = unit.isOne() ? rest : CanonicalForm.scaleSum(rest, Fraction.ONE.divide(unit));
        exponents[common.bases.length] = 1;
        return product(unit, bases, exponents);
    }

    /**
     * The sum with the terms whose coefficient has the most common magnitude k (not 1, at least two
     * terms, not all of them) replaced by one term, k times their sum: a sum for writing only, null
     * when there is no such k.
     */
    private Sum groupedByCoefficient(Sum s) {
        Fraction common = null;
        int most = 1;
        for (int i = 0; i < s.terms.length; i++) {
            Fraction k = s.coefficients[i].abs();
            if (k.isOne() || k.equals(common)) {
                continue;
            }
            int count = 0;
            for (Fraction other : s.coefficients) {
                count += other.abs().equals(k) ? 1 : 0;
            }
            if (count > most) {
                common = k;
                most = count;
            }
        }
        if (common == null || most == s.terms.length && s.constant.isZero()) {
            return null;
        }
        Term[] inner = new Term[most];
        Fraction[] innerCoefficients = new Fraction[most];
        Term[] outer = new Term[s.terms.length - most + 1];
        Fraction[] outerCoefficients = new Fraction[outer.length];
        int in = 0;
        int out = 0;
        for (int i = 0; i < s.terms.length; i++) {
            if (s.coefficients[i].abs().equals(common)) {
                inner[in] = s.terms[i];
                innerCoefficients[in++] = s.coefficients[i].divide(common);
            } else {
                outer[out] = s.terms[i];
                outerCoefficients[out++] = s.coefficients[i];
            }
        }
        Sum group = new Sum(Fraction.ZERO, inner, innerCoefficients);
        boolean negative = forms.looksNegative(group);
        outer[out] = negative ? CanonicalForm.scaleSum(group, Fraction.MINUS_ONE) : group;
        outerCoefficients[out] = negative ? common.negate() : common;
        return new Sum(s.constant, outer, outerCoefficients);
    }

    /**
     * Positive items joined by {@code +} in the form's order, then the negative ones by {@code -};
     * with no positive item, the negative item whose sign costs least leads, signed
     * ({@code -1 - x}, {@code -2*x - y}, {@code sin(1 - x) - y}; the first of those that cost alike).
     */
    private Layout signedTerms(Sum s) {
        List<Layout> positive = new ArrayList<>();
        List<Layout> negative = new ArrayList<>();
        List<Layout> signed = new ArrayList<>();
        if (!s.constant.isZero()) {
            if (s.constant.signum() > 0) {
                positive.add(number(s.constant));
            } else {
                negative.add(number(s.constant.negate()));
                signed.add(number(s.constant)); // a negative literal is one token
            }
        }
        for (int i = 0; i < s.terms.length; i++) {
            Fraction k = s.coefficients[i];
            if (k.signum() > 0) {
                positive.add(scaled(s.terms[i], k));
            } else {
                negative.add(scaled(s.terms[i], k.negate()));
                signed.add(scaled(s.terms[i], k));
            }
        }
        int lead = -1;
        Layout written = null;
        if (positive.isEmpty()) {
            lead = 0;
            for (int i = 1; i < negative.size(); i++) {
                if (signed.get(i).size - negative.get(i).size < signed.get(lead).size - negative.get(lead).size) {
                    lead = i;
                }
            }
            written = signed.get(lead);
        }
        for (Layout item : positive) {
            written = written == null ? item : Layout.of(Operator.ADD, written, item);
        }
        for (int i = 0; i < negative.size(); i++) {
            if (i != lead) {
                written = Layout.of(Operator.SUB, written, negative.get(i));
            }
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
     * A product, or where shorter, the same with its coefficient moved into a factor: into a sum
     * to the power e where the coefficient is an exact e-th power ({@code 1 - 3.5/x} rather than
     * {@code (2 - 7/x)/2}, {@code (x/4 - 1)**2} rather than {@code (x - 4)**2/16}); or its sign into
     * a sum to an odd power or into the argument of an odd function ({@code sin(2 - x)} rather than
     * {@code -sin(x - 2)}), the magnitude then into another sum or in front. Each factor is tried in
     * the form's order; the first of the shortest wins.
     */
    private Layout product(Fraction coefficient, Term[] bases, long[] exponents) {
        return memoized(products, coefficient, bases, exponents, this::productOf);
    }

    private Layout productOf(Fraction coefficient, Term[] bases, long[] exponents) {
        boolean alternatives = !coefficient.isOne() && mayTryAlternatives();
        Layout written = quotient(coefficient, bases, exponents);
        if (!alternatives) {
            return written;
        }
        written = shorter(absorbed(coefficient, bases, exponents, -1), written);
        if (coefficient.signum() < 0) {
            for (int i = 0; i < bases.length; i++) {
                Term negated = exponents[i] % 2 != 0 ? negated(bases[i]) : null;
                if (negated != null) {
                    Term[] signless = bases.clone();
                    signless[i] = negated;
                    Fraction magnitude = coefficient.negate();
                    written = shorter(quotient(magnitude, signless, exponents), written);
                    written = shorter(absorbed(magnitude, signless, exponents, i), written);
                }
            }
        }
        // last: the alternatives above have the budget first
        return shorter(withUnitItem(coefficient, bases, exponents), written);
    }

    /**
     * The shortest writing with the coefficient moved into one sum base b**e (an exact e-th root of
     * it, or of its inverse for e < 0), other than the base {@code skip}; a layout of unbounded
     * size when no base takes it.
     */
    private Layout absorbed(Fraction coefficient, Term[] bases, long[] exponents, int skip) {
        Layout best = UNWRITTEN;
        for (int i = 0; i < bases.length; i++) {
            long e = Math.abs(exponents[i]);
            if (i == skip || !(bases[i] instanceof Sum s) || e > MAX_ROOT_DEGREE) {
                continue;
            }
            Fraction k = exponents[i] > 0 ? coefficient : Fraction.ONE.divide(coefficient);
            Fraction root = k.signum() > 0 || e % 2 == 1 ? k.root((int) e) : null;
            if (root != null) {
                Term[] moved = bases.clone();
                moved[i] = CanonicalForm.scaleSum(s, root);
                best = shorter(quotient(Fraction.ONE, moved, exponents), best);
            }
        }
        return best;
    }

    /**
     * The shortest writing with a sum base divided by the magnitude of one of its own coefficients,
     * so that item has coefficient ±1, and the coefficient multiplied by it to the base's power to make up
     * ({@code 1.5/(0.5 - x)} rather than {@code -3/(2*x - 1)}, {@code 0.125*(x**4 - 0.125)**2}
     * rather than {@code (8*x**4 - 1)**2/512}); {@link #UNWRITTEN} when no sum base is short enough.
     * Every item is tried, so the choice does not follow the names that order them.
     */
    private Layout withUnitItem(Fraction coefficient, Term[] bases, long[] exponents) {
        Layout best = UNWRITTEN;
        for (int i = 0; i < bases.length; i++) {
            if (!(bases[i] instanceof Sum s) || s.terms.length > MAX_EXPANDED_TERMS
                    || Math.abs(exponents[i]) > MAX_ROOT_DEGREE) {
                continue;
            }
            List<Fraction> tried = new ArrayList<>();
            for (int j = -1; j < s.terms.length; j++) {
                Fraction unit = (j < 0 ? s.constant : s.coefficients[j]).abs();
                if (unit.isZero() || unit.isOne() || tried.contains(unit)) {
                    continue; // the sign is the other alternatives' business
                }
                tried.add(unit);
                Sum divided = CanonicalForm.scaleSum(s, Fraction.ONE.divide(unit));
                Fraction rest = coefficient.multiply(unit.pow(exponents[i])).abs();
                if (!writtenWithLiterals(divided) || !isLiteral(rest) && !isLiteral(Fraction.ONE.divide(rest))) {
                    continue; // a p/q would be longer: not worth the budget of alternatives
                }
                Term[] moved = bases.clone();
                moved[i] = divided;
                best = shorter(quotient(coefficient.multiply(unit.pow(exponents[i])), moved, exponents), best);
            }
        }
        return best;
    }

    /** Whether each coefficient of a sum, and its constant, is one literal. */
    private static boolean writtenWithLiterals(Sum s) {
        for (Fraction k : s.coefficients) {
            if (!isLiteral(k.abs())) {
                return false;
            }
        }
        return isLiteral(s.constant.abs());
    }

    /**
     * The largest power whose exact root of a coefficient is sought ({@code (x/2 + 1)**30}): a sum
     * entering a product gives up its content, which comes back as that power of the content.
     */
    private static final int MAX_ROOT_DEGREE = 64;

    /** No writing: larger than any. */
    private static final Layout UNWRITTEN = new Layout(null, null, null, TermStore.NONE, Double.NaN, null, Integer.MAX_VALUE);

    /** -t where the sign can go inside: a sum negated, an odd function of a negated argument; else null. */
    private static Term negated(Term t) {
        if (t instanceof Sum s) {
            return CanonicalForm.scaleSum(s, Fraction.MINUS_ONE);
        }
        if (t instanceof Call c && c.op.isOdd() && !(c.args[0] instanceof Num n && n.value.isZero())) {
            return new Call(c.op, CanonicalForm.scale(c.args[0], Fraction.MINUS_ONE));
        }
        return null;
    }

    private static Layout shorter(Layout candidate, Layout incumbent) {
        return candidate.size < incumbent.size ? candidate : incumbent;
    }

    /**
     * The bases over their denominator, with the coefficient as a split fraction or one decimal;
     * or where shorter, the bases whose exponents share a factor e >= 2 written as one power
     * ({@code (x*y)**3} rather than {@code x**3*y**3}, {@code (2*x/y)**2} rather than
     * {@code 4*x**2/y**2}).
     */
    private Layout quotient(Fraction coefficient, Term[] bases, long[] exponents) {
        return memoized(quotients, coefficient, bases, exponents, this::quotientOf);
    }

    private Layout quotientOf(Fraction coefficient, Term[] bases, long[] exponents) {
        boolean alternatives = mayTryAlternatives();
        Layout written = quotient(coefficient, bases, exponents, null, false);
        if (!alternatives) {
            return written;
        }
        long tried = 0;
        for (long exponent : exponents) {
            long e = Math.abs(exponent);
            if (e >= 2 && e <= 64 && (tried & 1L << (e - 1)) == 0) {
                tried |= 1L << (e - 1);
                Layout grouped = groupedByExponent(coefficient, bases, exponents, (int) e);
                if (grouped != null) {
                    written = shorter(grouped, written);
                }
            }
        }
        written = shorter(intoRoots(coefficient, bases, exponents), written);
        written = shorter(exponentialsRaised(coefficient, bases, exponents), written);
        written = shorter(expanded(coefficient, bases, exponents), written);
        return shorter(baseIntoSum(coefficient, bases, exponents), written); // last: it writes new sums
    }

    /**
     * The shortest writing with one base multiplied into the items of a sum base whose exponent
     * divides its own, with the same sign ({@code (pi**5 + pi)*x} for {@code pi*(pi**4 + 1)*x},
     * {@code (x**3 + x)**8} for {@code x**8*(x**2 + 1)**8}: a form takes a factor that every term of a
     * sum shares out of it); {@link #UNWRITTEN} when there is no such pair.
     */
    private Layout baseIntoSum(Fraction coefficient, Term[] bases, long[] exponents) {
        Layout best = UNWRITTEN;
        // base*sum alone is how a sum's common factor is written (commonFactorOut): moved back, it
        // would be that sum again, and the writing would go round until the budget is spent
        for (int i = 0; i < bases.length && bases.length > 2; i++) {
            if (!(bases[i] instanceof Sum s) || s.terms.length > MAX_EXPANDED_TERMS) {
                continue;
            }
            for (int j = 0; j < bases.length; j++) {
                long k = exponents[j] / exponents[i];
                if (j == i || bases[j] instanceof Sum || k < 1 || exponents[j] % exponents[i] != 0
                        || !eachTermHolds(s, bases[j])) {
                    continue; // an item without the base would grow by a factor: seldom shorter
                }
                Term[] factor = {bases[j]};
                long[] power = {k};
                int n = s.terms.length + (s.constant.isZero() ? 0 : 1);
                Term[] terms = new Term[n];
                Fraction[] coefficients = new Fraction[n];
                for (int t = 0; t < s.terms.length; t++) {
                    terms[t] = times(s.terms[t], factor, power);
                    coefficients[t] = s.coefficients[t];
                }
                if (!s.constant.isZero()) {
                    terms[n - 1] = CanonicalForm.withoutZeroExponents(factor, power);
                    coefficients[n - 1] = s.constant;
                }
                if (Arrays.asList(terms).contains(null)) {
                    continue; // an item times the base is a number: the sum would need its items merged
                }
                // in the form's order, so that a sum met before (x*(x + 1) written back) is the same key
                Integer[] order = new Integer[n];
                Arrays.setAll(order, t -> t);
                Arrays.sort(order, (a, b) -> forms.compare(terms[a], terms[b]));
                Sum into = new Sum(Fraction.ZERO, Arrays.stream(order).map(t -> terms[t]).toArray(Term[]::new),
                        Arrays.stream(order).map(t -> coefficients[t]).toArray(Fraction[]::new));
                Term[] moved = new Term[bases.length - 1];
                long[] movedExponents = new long[moved.length];
                for (int b = 0, m = 0; b < bases.length; b++) {
                    if (b != j) {
                        moved[m] = b == i ? into : bases[b];
                        movedExponents[m++] = exponents[b];
                    }
                }
                best = shorter(quotient(coefficient, moved, movedExponents), best);
            }
        }
        return best;
    }

    /**
     * The product with each exponential of a whole multiple k of a term, {@code exp(k*u)}, written as
     * {@code exp(u)**k}: in the denominator for k < 0 ({@code x/exp(y)} for {@code x*exp(-y)},
     * {@code exp(x)**2} for {@code exp(2*x)}; a form merges them into one exponential);
     * {@link #UNWRITTEN} when the product has no such factor to the first power.
     */
    private Layout exponentialsRaised(Fraction coefficient, Term[] bases, long[] exponents) {
        Term[] raised = null;
        long[] powers = null;
        for (int i = 0; i < bases.length; i++) {
            Call inner = exponents[i] == 1 && bases[i] instanceof Call c && c.op == Operator.EXP ? exponentialRaised(c) : null;
            if (inner != null) {
                raised = raised == null ? bases.clone() : raised;
                powers = powers == null ? exponents.clone() : powers;
                raised[i] = inner;
                powers[i] = multiple(((Call) bases[i]).args[0]).num();
            }
        }
        if (raised == null) {
            return UNWRITTEN;
        }
        // with its alternatives (x**5/y**5 as (x/y)**5); no loop: the exponentials are now to other powers than 1
        return quotient(coefficient, raised, powers);
    }

    /** {@code exp(u)} for {@code exp(k*u)} with k a whole number other than 1; null when the argument is no such multiple. */
    private Call exponentialRaised(Call c) {
        Fraction k = multiple(c.args[0]);
        if (k.isOne() || !k.isIntegerWithin(MAX_ROOT_DEGREE)) {
            return null;
        }
        return new Call(Operator.EXP, CanonicalForm.scale(c.args[0], Fraction.ONE.divide(k)));
    }

    /**
     * The whole number k that an exponential's argument is written as k times: a product's coefficient,
     * a sum's first coefficient ({@code 8*x + 12} is 8 times {@code x + 1.5}) or else its signed
     * content; 1 where none is whole.
     */
    private Fraction multiple(Term t) {
        if (t instanceof Product p) {
            return p.coefficient.isInteger() ? p.coefficient : Fraction.ONE;
        }
        if (t instanceof Sum s) {
            Fraction first = s.coefficients[0];
            Fraction unit = forms.unit(s);
            return first.isInteger() ? first : unit.isInteger() ? unit : forms.looksNegative(s) ? Fraction.MINUS_ONE
                    : Fraction.ONE;
        }
        return Fraction.ONE;
    }

    /**
     * The shortest writing with the power of a base merged into the power of its n-th root that
     * the product also holds, with exponents of one sign ({@code real_root(x, 3)**4} for
     * {@code x*real_root(x, 3)}: a form keeps no root to a power of n or more);
     * {@link #UNWRITTEN} when there is no such pair.
     */
    private Layout intoRoots(Fraction coefficient, Term[] bases, long[] exponents) {
        Layout best = UNWRITTEN;
        for (int i = 0; i < bases.length; i++) {
            int n = bases[i] instanceof Call root ? root.op.rootDegree() : 0;
            for (int j = 0; n != 0 && j < bases.length; j++) {
                // the root's operand is the base or a multiple k*base ({@code sqrt(-sin(x))}): then
                // base**e is (k*base)**e / k**e
                Term operand = ((Call) bases[i]).args[0];
                Fraction multiple = operand instanceof Product p && p.bases.length == 1 && p.exponents[0] == 1
                        ? p.coefficient : Fraction.ONE;
                Term base = multiple.isOne() ? operand : ((Product) operand).bases[0];
                if (base.equals(bases[j]) && Long.signum(exponents[j]) == Long.signum(exponents[i])) {
                    Term[] merged = new Term[bases.length - 1];
                    long[] mergedExponents = new long[merged.length];
                    for (int k = 0, m = 0; k < bases.length; k++) {
                        if (k != j) {
                            merged[m] = bases[k];
                            mergedExponents[m++] = k == i ? exponents[i] + n * exponents[j] : exponents[k];
                        }
                    }
                    Fraction rest = coefficient.divide(multiple.pow(exponents[j]));
                    best = shorter(quotient(rest, merged, mergedExponents), best);
                }
            }
        }
        return best;
    }

    /**
     * With exactly one sum to the first power among several factors, the other factors multiplied
     * into its items ({@code x**2 - x**5} for {@code x**2*(1 - x**3)}: a form keeps a factor that all
     * terms of a sum share outside it); {@link #UNWRITTEN} otherwise.
     */
    private Layout expanded(Fraction coefficient, Term[] bases, long[] exponents) {
        int sum = -1;
        for (int i = 0; i < bases.length; i++) {
            if (exponents[i] == 1 && bases[i] instanceof Sum) {
                if (sum >= 0) {
                    return UNWRITTEN;
                }
                sum = i;
            }
        }
        if (sum < 0 || bases.length == 1 || ((Sum) bases[sum]).terms.length > MAX_EXPANDED_TERMS) {
            return UNWRITTEN;
        }
        Sum s = (Sum) bases[sum];
        Term[] others = new Term[bases.length - 1];
        long[] otherExponents = new long[others.length];
        for (int i = 0, j = 0; i < bases.length; i++) {
            if (i != sum) {
                others[j] = bases[i];
                otherExponents[j++] = exponents[i];
            }
        }
        Fraction constant = Fraction.ZERO;
        List<Term> terms = new ArrayList<>();
        List<Fraction> coefficients = new ArrayList<>();
        for (int i = 0; i < s.terms.length; i++) {
            Term t = times(s.terms[i], others, otherExponents);
            if (t == null) {
                constant = constant.add(s.coefficients[i].multiply(coefficient));
            } else {
                terms.add(t);
                coefficients.add(s.coefficients[i].multiply(coefficient));
            }
        }
        if (!s.constant.isZero()) {
            terms.add(CanonicalForm.withoutZeroExponents(others, otherExponents));
            coefficients.add(s.constant.multiply(coefficient));
        }
        if (terms.isEmpty()) {
            return UNWRITTEN;
        }
        // the items as they are: sum() would take the common factor out again
        return signedTerms(new Sum(constant, terms.toArray(new Term[0]), coefficients.toArray(new Fraction[0])));
    }

    /** Whether each term of the sum (not its constant) is the base or a product holding it. */
    private static boolean eachTermHolds(Sum s, Term base) {
        for (Term t : s.terms) {
            if (!t.equals(base) && !(t instanceof Product p && Arrays.asList(p.bases).contains(base))) {
                return false;
            }
        }
        return true;
    }

    /** A term times the product of these bases, like bases merged (a writing-only product); null when 1. */
    private static Term times(Term t, Term[] bases, long[] exponents) {
        Term[] own = t instanceof Product p ? p.bases : new Term[] {t};
        long[] ownExponents = t instanceof Product p ? p.exponents : new long[] {1};
        Term[] merged = Arrays.copyOf(own, own.length + bases.length);
        long[] mergedExponents = Arrays.copyOf(ownExponents, merged.length);
        int n = own.length;
        for (int i = 0; i < bases.length; i++) {
            int at = Arrays.asList(own).indexOf(bases[i]);
            if (at >= 0) {
                mergedExponents[at] += exponents[i];
            } else {
                merged[n] = bases[i];
                mergedExponents[n++] = exponents[i];
            }
        }
        return CanonicalForm.withoutZeroExponents(Arrays.copyOf(merged, n), Arrays.copyOf(mergedExponents, n));
    }

    /**
     * The bases with exponents divisible by e raised together ({@code (b1**m1*b2**m2*...)**e}),
     * with the coefficient inside where it is an exact e-th power, beside the other bases; null when
     * fewer than two bases would be grouped.
     */
    private Layout groupedByExponent(Fraction coefficient, Term[] bases, long[] exponents, int e) {
        int count = 0;
        for (long exponent : exponents) {
            count += exponent % e == 0 ? 1 : 0;
        }
        if (count == 0 || count == 1 && coefficient.isOne()) {
            return null; // one base alone is written as its power already
        }
        Term[] inner = new Term[count];
        long[] innerExponents = new long[count];
        Term[] outer = new Term[bases.length - count];
        long[] outerExponents = new long[outer.length];
        int in = 0;
        int out = 0;
        boolean allNegative = true;
        for (int i = 0; i < bases.length; i++) {
            if (exponents[i] % e == 0) {
                inner[in] = bases[i];
                innerExponents[in++] = exponents[i] / e;
                allNegative &= exponents[i] < 0;
            } else {
                outer[out] = bases[i];
                outerExponents[out++] = exponents[i];
            }
        }
        if (allNegative) { // a denominator (x*y)**2 rather than a numerator (1/(x*y))**2
            for (int i = 0; i < count; i++) {
                innerExponents[i] = -innerExponents[i];
            }
        }
        // the group raised to e, in the denominator when all its exponents are negative, holds k
        Fraction k = allNegative ? Fraction.ONE.divide(coefficient) : coefficient;
        Fraction root = k.signum() > 0 || e % 2 == 1 ? k.root(e) : null;
        if (count == 1 && (root == null || root.isOne())) {
            return null;
        }
        Layout group = power(quotient(root != null ? root : Fraction.ONE, inner, innerExponents), e);
        return quotient(root != null ? Fraction.ONE : coefficient, outer, outerExponents, group, allNegative);
    }

    /**
     * The bases over their denominator, an optional written factor last in the numerator or
     * denominator (last, so that bare leaves such as {@code <constant>} keep coming first, as the
     * infix printer reads them).
     */
    private Layout quotient(Fraction coefficient, Term[] bases, long[] exponents, Layout factor, boolean divides) {
        List<Layout> numerator = new ArrayList<>();
        List<Layout> denominator = new ArrayList<>();
        for (int i = 0; i < bases.length; i++) {
            long e = exponents[i];
            if (forms.isEuler(bases[i]) && Math.abs(e) > 1) {
                // exp(6) is shorter than E**6, exp(-2) than 1/E**2, exp(2) as short as E**2 (SymPy
                // prints exp(2)), x*exp(-2) as short as x/E**2
                numerator.add(Layout.of(Operator.EXP, number(Fraction.of(e))));
            } else {
                (e > 0 ? numerator : denominator).add(power(layout(bases[i]), Math.abs(e)));
            }
        }
        if (factor != null) {
            (divides ? denominator : numerator).add(factor);
        }
        boolean negative = coefficient.signum() < 0;
        Fraction magnitude = coefficient.abs();
        Layout written = signedQuotient(magnitude.numerator(), numerator, magnitude.denominator(), denominator, negative);
        if (!magnitude.isInteger()) {
            if (isLiteral(magnitude)) {
                written = shorter(signedQuotient(magnitude, numerator, Fraction.ONE, denominator, negative), written);
            }
            Fraction divisor = Fraction.ONE.divide(magnitude);
            if (!divisor.isInteger() && isLiteral(divisor)) { // x/3.375 rather than 8*x/27
                written = shorter(signedQuotient(Fraction.ONE, numerator, divisor, denominator, negative), written);
            }
        }
        return written;
    }

    /**
     * {@code ±(a*numerator)/(b*denominator)}, a and b positive literals left out when 1; the sign
     * goes into the first literal there is, else in front.
     */
    private Layout signedQuotient(Fraction a, List<Layout> numerator, Fraction b, List<Layout> denominator,
                            boolean negative) {
        Layout aLayout = a.isOne() ? null : number(negative ? a.negate() : a);
        boolean signPlaced = aLayout != null || !negative;
        Layout bLayout = b.isOne() ? null : number(!signPlaced ? b.negate() : b);
        signPlaced |= bLayout != null;
        Layout top = chain(aLayout, numerator);
        Layout bottom = chain(bLayout, denominator);
        Layout written;
        if (bottom == null) {
            written = top != null ? top : number(Fraction.ONE);
        } else if (top == null) {
            written = Layout.of(Operator.INV, bottom);
        } else {
            written = Layout.of(Operator.DIV, top, bottom);
        }
        return signPlaced ? written : Layout.of(Operator.NEG, written);
    }

    /** Whether one literal holds v exactly. */
    private static boolean isLiteral(Fraction v) {
        if (!Double.isNaN(v.literalValue())) {
            return true;
        }
        BigDecimal decimal = v.decimalValue();
        return decimal != null && Literals.fits(decimal);
    }

    /** The factors multiplied left to right after an optional literal; null when there are none. */
    private static Layout chain(Layout literal, List<Layout> factors) {
        Layout written = literal;
        for (Layout f : factors) {
            written = written == null ? f : Layout.of(Operator.MUL, written, f);
        }
        return written;
    }

    /** {@code b**e} for e >= 1: b, {@code powK b}, or {@code pow} with a literal exponent. */
    private static Layout power(Layout b, long e) {
        Operator powK = Operator.ofIntegerPower(e);
        return e == 1 ? b : powK != null ? Layout.of(powK, b) : Layout.of(Operator.POW, b, number(Fraction.of(e)));
    }
}
