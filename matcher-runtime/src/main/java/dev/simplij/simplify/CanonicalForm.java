package dev.simplij.simplify;

import dev.simplij.expr.Expr;
import dev.simplij.expr.Operator;
import it.unimi.dsi.fastutil.ints.IntArrayList;
import it.unimi.dsi.fastutil.ints.IntArrays;
import it.unimi.dsi.fastutil.longs.LongArrayList;
import it.unimi.dsi.fastutil.objects.Object2IntOpenHashMap;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;

/**
 * The canonical form of a normal term, the one place sums and products are built n-ary: a sum is
 * a rational constant plus terms with nonzero rational coefficients, a product a rational
 * coefficient times bases with nonzero integer exponents, each sorted in one total order and with
 * like terms and like bases collected as they are added (the constructors of SymPy's
 * {@code Add.flatten}/{@code Mul.flatten} and SymbolicUtils' {@code makeadd}/{@code makemul}). The
 * binary chains of the term store, however they are grouped, signed or divided, give one form:
 * {@code a - b}, {@code a + (-1)*b} and {@code -(b - a)}; {@code a/b}, {@code a*b**-1} and
 * {@code a*(1/b)}.
 *
 * <p>Besides flattening, the form fixes three choices that equal values leave open, each exact on
 * every point where the term is defined: a number times a sum is distributed ({@code 2*(x + y)} is
 * {@code 2*x + 2*y}, as in SymPy); a sum raised to an integer power, or standing as a factor, has
 * its rational content and sign taken out ({@code (2 - 2*x)**3} is {@code -8*(x - 1)**3}); an odd or
 * even function of a negative-looking sum or product takes the sign out or drops it, by the
 * operator table's parity column ({@code sin(-x - 1)} is {@code -sin(x + 1)}, {@code cos(-2*x)} is
 * {@code cos(2*x)}). Merging exponents and dropping zero coefficients may define the form at more
 * points than the term ({@code x*x**-1} is {@code 1}), never at fewer.
 *
 * <p>Equality of forms is structural; the order is total and depends on the term store's order of
 * leaves only. Choosing how a form is written is {@link Rendering}'s job.
 *
 * <p>One instance per call: it reads one term store. Chain links are walked iteratively; calls nest
 * at most {@link #MAX_NESTING} deep, beyond which {@link NotCanonical} is thrown and the caller keeps
 * its term as it is.
 */
final class CanonicalForm {
    /** Nesting of non-chain operators beyond which no form is built (bounds the recursion). */
    static final int MAX_NESTING = 200;
    /** A literal integer exponent beyond this magnitude stays inside its {@code pow}. */
    static final long MAX_EXPONENT = 1 << 16;

    /** No canonical form for this term: too deep, a number too large, or zero to a negative power. */
    static final class NotCanonical extends RuntimeException {
        NotCanonical(String why) {
            super(why, null, false, false);
        }
    }

    /** A canonical term; equal values of these types are equal forms. */
    abstract static sealed class Term permits Atom, Num, Call, Sum, Product {
        private final int hash;

        Term(int hash) {
            this.hash = hash;
        }

        @Override
        public final int hashCode() {
            return hash;
        }
    }

    /** A leaf of the term store other than a number with a fraction: a variable, constant, placeholder, pi, E. */
    static final class Atom extends Term {
        final int id;

        Atom(int id) {
            super(0x51ED27 ^ Integer.hashCode(id) * 0x9E3779B9);
            this.id = id;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Atom a && a.id == id;
        }
    }

    /** An exact rational number. */
    static final class Num extends Term {
        final Fraction value;

        Num(Fraction value) {
            super(value.hashCode() * 31 + 7);
            this.value = value;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Num n && n.value.equals(value);
        }
    }

    /** Any operator but the sum and product ones, over canonical operands. */
    static final class Call extends Term {
        final Operator op;
        final Term[] args;

        Call(Operator op, Term... args) {
            super(op.ordinal() * 0x01000193 ^ Arrays.hashCode(args));
            this.op = op;
            this.args = args;
        }

        @Override
        public boolean equals(Object o) {
            return o == this || o instanceof Call c && c.hashCode() == hashCode() && c.op == op
                    && Arrays.equals(c.args, args);
        }
    }

    /** {@code constant + sum of coefficients[i]*terms[i]}: at least one term, none a sum or number or has a coefficient. */
    static final class Sum extends Term {
        final Fraction constant;
        final Term[] terms;
        final Fraction[] coefficients;
        /** The terms' indices in {@link CanonicalForm#compareShapes shape} order, once asked for. */
        int[] shapeOrder;

        Sum(Fraction constant, Term[] terms, Fraction[] coefficients) {
            super((constant.hashCode() * 31 + Arrays.hashCode(terms)) * 31 + Arrays.hashCode(coefficients));
            this.constant = constant;
            this.terms = terms;
            this.coefficients = coefficients;
        }

        @Override
        public boolean equals(Object o) {
            return o == this || o instanceof Sum s && s.hashCode() == hashCode() && s.constant.equals(constant)
                    && Arrays.equals(s.terms, terms) && Arrays.equals(s.coefficients, coefficients);
        }
    }

    /**
     * {@code coefficient * product of bases[i]**exponents[i]}: no base a product or number, and not
     * one base to the first power with coefficient 1 (that is the base).
     */
    static final class Product extends Term {
        final Fraction coefficient;
        final Term[] bases;
        final long[] exponents;
        /** The bases' indices in {@link CanonicalForm#compareShapes shape} order, once asked for. */
        int[] shapeOrder;

        Product(Fraction coefficient, Term[] bases, long[] exponents) {
            super((coefficient.hashCode() * 31 + Arrays.hashCode(bases)) * 31 + Arrays.hashCode(exponents));
            this.coefficient = coefficient;
            this.bases = bases;
            this.exponents = exponents;
        }

        @Override
        public boolean equals(Object o) {
            return o == this || o instanceof Product p && p.hashCode() == hashCode()
                    && p.coefficient.equals(coefficient) && Arrays.equals(p.bases, bases)
                    && Arrays.equals(p.exponents, exponents);
        }
    }

    private final TermStore store;
    /** The chain links still to walk, with their factor (sums) or exponent (products): shared by nested walks. */
    private final IntArrayList links = new IntArrayList();
    private final List<Fraction> factors = new ArrayList<>();
    private final LongArrayList powers = new LongArrayList();
    /** The form of each store term built so far in this call, by id. */
    private Term[] memo = new Term[64];

    CanonicalForm(TermStore store) {
        this.store = store;
    }

    /** The canonical form of a store term. */
    Term of(int t) {
        return of(t, 0);
    }

    private Term of(int t, int nesting) {
        if (t < memo.length && memo[t] != null) {
            return memo[t];
        }
        if (nesting > MAX_NESTING) {
            throw new NotCanonical("nested deeper than " + MAX_NESTING);
        }
        Term form = build(t, nesting);
        if (t >= memo.length) {
            memo = Arrays.copyOf(memo, Math.max(t + 1, memo.length * 2));
        }
        memo[t] = form;
        return form;
    }

    private Term build(int t, int nesting) {
        Operator op = store.operator(t);
        if (op == null || op.arity() == 0) {
            Fraction value = store.isNumber(t) ? store.numberFraction(t) : null;
            return value != null ? new Num(value) : new Atom(t);
        }
        return switch (op) {
            case ADD, SUB, NEG -> sum(t, nesting);
            case MUL, DIV -> product(t, nesting);
            case POW -> integerExponent(store.second(t), nesting) != 0 ? product(t, nesting) : call(op, t, nesting);
            default -> op.integerPower() != 0 ? product(t, nesting) : call(op, t, nesting);
        };
    }

    /**
     * The exponent of {@code pow b n} when the form of n is a nonzero integer within
     * {@link #MAX_EXPONENT} ({@code pow x 3}, {@code pow x (6/2)}), else 0: then the power is a call.
     */
    private long integerExponent(int exponent, int nesting) {
        Term n = of(exponent, nesting + 1);
        if (!(n instanceof Num number) || !number.value.isInteger()
                || number.value.abs().subtract(Fraction.of(MAX_EXPONENT)).signum() > 0) {
            return 0;
        }
        return number.value.num();
    }

    private Term call(Operator op, int t, int nesting) {
        Term a = of(store.first(t), nesting + 1);
        if (op.arity() == 2) {
            return new Call(op, a, of(store.second(t), nesting + 1));
        }
        if ((op.isOdd() || op.isEven()) && looksNegative(a)) {
            Term even = new Call(op, scale(a, Fraction.MINUS_ONE));
            return op.isOdd() ? scale(even, Fraction.MINUS_ONE) : even;
        }
        return op == Operator.EXP ? exponential(a) : new Call(op, a);
    }

    /**
     * The form of {@code exp(a)}: a power of {@code E} where a is a whole number ({@code exp(6)} is
     * {@code E**6}, {@code exp(1)} is {@code E}), so that {@code E**5*(E - x)} and
     * {@code E**6 - E**5*x} share the factor {@code E**5}; the call otherwise.
     */
    private Term exponential(Term a) {
        if (!(a instanceof Num n) || !n.value.isInteger()
                || n.value.abs().subtract(Fraction.of(MAX_EXPONENT)).signum() > 0) {
            return new Call(Operator.EXP, a);
        }
        long e = n.value.num();
        return e == 0 ? new Num(Fraction.ONE) : e == 1 ? euler() : new Product(Fraction.ONE, new Term[] {euler()}, new long[] {e});
    }

    private Atom euler() {
        return new Atom(store.operator(Operator.EULER, TermStore.NONE, TermStore.NONE));
    }

    boolean isEuler(Term t) {
        return t instanceof Atom a && store.operator(a.id) == Operator.EULER;
    }

    // ---- sums ----

    private Term sum(int root, int nesting) {
        Terms sum = new Terms();
        int base = links.size();
        links.add(root);
        factors.add(Fraction.ONE);
        while (links.size() > base) {
            int t = links.popInt();
            Fraction k = factors.remove(factors.size() - 1);
            Operator op = store.operator(t);
            if (op == Operator.ADD || op == Operator.SUB) {
                links.add(store.first(t));
                factors.add(k);
                links.add(store.second(t));
                factors.add(op == Operator.SUB ? k.negate() : k);
            } else if (op == Operator.NEG) {
                links.add(store.first(t));
                factors.add(k.negate());
            } else {
                sum.add(of(t, nesting + 1), k);
            }
        }
        return sum.build();
    }

    /** A sum being built: {@code k*term} items, like terms merged as they arrive. */
    private final class Terms {
        private Fraction constant = Fraction.ZERO;
        private final Items items = new Items();

        void add(Term c, Fraction k) {
            if (c instanceof Num n) {
                constant = constant.add(k.multiply(n.value));
            } else if (c instanceof Sum s) {
                constant = constant.add(k.multiply(s.constant));
                for (int i = 0; i < s.terms.length; i++) {
                    items.addFraction(s.terms[i], k.multiply(s.coefficients[i]));
                }
            } else if (c instanceof Product p && !p.coefficient.isOne()) {
                items.addFraction(withCoefficient(p, Fraction.ONE), k.multiply(p.coefficient));
            } else {
                items.addFraction(c, k);
            }
        }

        Term build() {
            int[] kept = items.sorted();
            if (kept.length == 0) {
                return new Num(constant);
            }
            if (kept.length == 1 && constant.isZero()) {
                return scale(items.terms[kept[0]], items.fractions[kept[0]]);
            }
            Term[] ts = new Term[kept.length];
            Fraction[] ks = new Fraction[kept.length];
            for (int i = 0; i < kept.length; i++) {
                ts[i] = items.terms[kept[i]];
                ks[i] = items.fractions[kept[i]];
            }
            return new Sum(constant, ts, ks);
        }
    }

    // ---- products ----

    private Term product(int root, int nesting) {
        Factors product = new Factors();
        int base = links.size();
        links.add(root);
        powers.add(1);
        while (links.size() > base) {
            int t = links.popInt();
            long e = powers.popLong();
            Operator op = store.operator(t);
            long k = op == null ? 0 : op == Operator.POW ? integerExponent(store.second(t), nesting) : op.integerPower();
            if (op == Operator.MUL || op == Operator.DIV) {
                links.add(store.first(t));
                powers.add(e);
                links.add(store.second(t));
                powers.add(op == Operator.DIV ? -e : e);
            } else if (k != 0) {
                links.add(store.first(t));
                powers.add(exponent(e * k));
            } else {
                product.multiply(of(t, nesting + 1), e);
            }
        }
        return product.build();
    }

    /** A product being built: a coefficient and {@code base**e} items, like bases merged as they arrive. */
    private final class Factors {
        private Fraction coefficient = Fraction.ONE;
        private final Items items = new Items();

        void multiply(Term c, long e) {
            if (c instanceof Num n) {
                if (n.value.isZero() && e < 0) {
                    throw new NotCanonical("zero to a negative power");
                }
                coefficient = coefficient.multiply(power(n.value, e));
            } else if (c instanceof Product p) {
                coefficient = coefficient.multiply(power(p.coefficient, e));
                for (int i = 0; i < p.bases.length; i++) {
                    items.addInteger(p.bases[i], exponent(p.exponents[i] * e));
                }
            } else if (c instanceof Sum s) {
                Product common = commonFactor(s);
                if (common != null) { // x*y + x*z is x*(y + z): a factor of every term is a factor
                    multiply(common, e);
                    Terms rest = new Terms();
                    rest.add(dividedSum(s, common), Fraction.ONE);
                    multiply(rest.build(), e);
                    return;
                }
                Factored factors = factored(s);
                if (factors != null) { // (x + y)**4 multiplied out, to the power 2, is (x + y)**8
                    coefficient = coefficient.multiply(power(factors.unit(), e));
                    for (int i = 0; i < factors.bases().length; i++) {
                        items.addInteger(factors.bases()[i], exponent(factors.exponents()[i] * e));
                    }
                    return;
                }
                Fraction unit = unit(s);
                coefficient = coefficient.multiply(power(unit, e));
                items.addInteger(unit.isOne() ? s : scaleSum(s, Fraction.ONE.divide(unit)), e);
            } else {
                items.addInteger(c, e);
            }
        }

        /**
         * The product. A common polynomial factor of its sums above and below the line is cancelled
         * ({@code (x**2 - y**2)/(x - y)} is {@code x + y}); a single sum to the first power is
         * multiplied out ({@code x*(y + 1)/z} is {@code x*y/z + x/z}), so a product is never
         * distributed one way in one input and the other way in another.
         */
        Term build() {
            if (coefficient.isZero()) {
                return new Num(Fraction.ZERO);
            }
            reduceRootPowers();
            mergeExponentials();
            int[] kept = items.sorted();
            if (kept.length == 0) {
                return new Num(coefficient);
            }
            Term cancelled = commonFactorsCancelled ? null : withCommonFactorsCancelled(kept);
            if (cancelled != null) {
                return cancelled;
            }
            Term expanded = numeratorKept ? null : multipliedOut(kept);
            if (expanded != null) {
                return expanded;
            }
            if (kept.length == 1 && items.integers[kept[0]] == 1) {
                return scale(items.terms[kept[0]], coefficient);
            }
            Term[] bs = new Term[kept.length];
            long[] es = new long[kept.length];
            for (int i = 0; i < kept.length; i++) {
                bs[i] = items.terms[kept[i]];
                es[i] = items.integers[kept[i]];
            }
            return new Product(coefficient, bs, es);
        }

        /** Whether this product's common factors above and below the line were cancelled already. */
        private boolean commonFactorsCancelled;
        /** Whether a sum to the first power stays a factor: a product for writing, not a form. */
        private boolean numeratorKept;

        /**
         * The product with the greatest common divisor of its numerator (its factors to positive
         * powers, as one polynomial) and each sum below the line divided out; null when the product
         * has no sum on both sides, or they share no factor, or the polynomials are beyond
         * {@link Polynomial}'s limits. Where the cancelled factor is zero the product was undefined.
         */
        private Term withCommonFactorsCancelled(int[] kept) {
            boolean sumAbove = false;
            boolean sumBelow = false;
            for (int i : kept) {
                if (items.terms[i] instanceof Sum) {
                    sumAbove |= items.integers[i] > 0;
                    sumBelow |= items.integers[i] < 0;
                }
            }
            if (!sumAbove || !sumBelow) {
                return null;
            }
            Variables variables = new Variables();
            Polynomial.Budget budget = new Polynomial.Budget(MAX_CANCELLATION_WORK);
            try {
                Factors result = new Factors();
                result.commonFactorsCancelled = true;
                result.numeratorKept = numeratorKept;
                result.coefficient = coefficient;
                Polynomial numerator = Polynomial.ONE;
                for (int i : kept) {
                    if (items.integers[i] > 0) {
                        Polynomial p = laurentPolynomial(items.terms[i], items.integers[i], variables, budget, result);
                        if (p == null) {
                            return null;
                        }
                        numerator = numerator.multiply(p.power((int) items.integers[i], budget), budget);
                    }
                }
                boolean changed = false;
                for (int i : kept) {
                    long e = items.integers[i];
                    if (e > 0) {
                        continue; // in the numerator
                    }
                    Polynomial d = items.terms[i] instanceof Sum ? laurentPolynomial(items.terms[i], e, variables, budget, result) : null;
                    for (; d != null && e < 0; e++) { // one power of d at a time
                        Polynomial common = Polynomial.gcd(numerator, d, budget);
                        if (common.isConstant()) {
                            break;
                        }
                        numerator = numerator.exactQuotient(common, budget);
                        result.multiply(form(d.exactQuotient(common, budget), variables), -1);
                        changed = true;
                    }
                    if (d != null) {
                        result.multiply(form(d, variables), e);
                    } else if (e != 0) {
                        result.items.addInteger(items.terms[i], e);
                    }
                }
                if (!changed) {
                    return null;
                }
                result.multiply(form(numerator, variables), 1);
                return result.build();
            } catch (Polynomial.TooLarge | ArithmeticException beyond) { // beyond the limits, or a number beyond Fraction.MAX_BITS
                return null;
            }
        }

        /**
         * The polynomial of a sum or base to the power e, a sum's lowest negative powers of leaves
         * and calls taken out first and multiplied into {@code shifts} to that power
         * ({@code 1 - 2/x} is {@code (x - 2)*x**-1}); null when it has no polynomial even so.
         */
        private Polynomial laurentPolynomial(Term t, long e, Variables variables, Polynomial.Budget budget,
                Factors shifts) {
            if (!(t instanceof Sum s)) {
                return polynomial(t, variables, budget);
            }
            List<Term> bases = new ArrayList<>();
            LongArrayList exponents = new LongArrayList();
            Term shifted = withoutNegativePowers(s, bases, exponents);
            Polynomial p = polynomial(shifted, variables, budget);
            if (p != null) {
                for (int b = 0; b < bases.size(); b++) {
                    shifts.items.addInteger(bases.get(b), exponent(exponents.getLong(b) * e));
                }
            }
            return p;
        }

        /**
         * The product with its one sum to the first power multiplied out, each item times the other
         * factors; null when it has no such sum, or several (products of sums stay products:
         * multiplied out, they would merge into the terms around them, where no writing finds them
         * again).
         */
        private Term multipliedOut(int[] kept) {
            int sums = 0;
            for (int i : kept) {
                if (items.terms[i] instanceof Sum && items.integers[i] == 1) {
                    sums++;
                }
            }
            if (sums != 1) {
                return null;
            }
            Factors rest = new Factors();
            rest.coefficient = coefficient;
            for (int i : kept) {
                if (!(items.terms[i] instanceof Sum && items.integers[i] == 1)) {
                    rest.items.addInteger(items.terms[i], items.integers[i]);
                }
            }
            Term product = rest.build();
            for (int i : kept) {
                if (items.terms[i] instanceof Sum s && items.integers[i] == 1) {
                    product = timesSum(product, s);
                }
            }
            return product;
        }
        /**
         * The exponentials of the product merged into one, as SymPy's {@code Mul.flatten} merges them:
         * {@code exp(x)*exp(y)} is {@code exp(x + y)}, {@code exp(x)**2} is {@code exp(2*x)},
         * {@code 1/exp(x)} is {@code exp(-x)} and {@code E*exp(x)} is {@code exp(x + 1)}, so a value has
         * one form however its exponentials were split or raised (the writing raises {@code exp(x)}
         * again where that is shorter). Powers of {@code E} alone stay powers,
         * and so does an exponential that merges to a whole number.
         */
        private void mergeExponentials() {
            int first = -1;
            int count = 0;
            int euler = -1;
            for (int i = 0; i < items.size; i++) {
                if (items.integers[i] != 0 && items.terms[i] instanceof Call c && c.op == Operator.EXP) {
                    first = count++ == 0 ? i : first;
                } else if (items.integers[i] != 0 && isEuler(items.terms[i])) {
                    euler = i;
                }
            }
            if (count == 0 || count == 1 && items.integers[first] == 1 && euler < 0) {
                return;
            }
            Terms argument = new Terms();
            if (euler >= 0) {
                argument.add(new Num(Fraction.of(items.integers[euler])), Fraction.ONE);
                items.integers[euler] = 0;
            }
            for (int i = first; i < items.size; i++) {
                if (items.integers[i] != 0 && items.terms[i] instanceof Call c && c.op == Operator.EXP) {
                    argument.add(c.args[0], Fraction.of(items.integers[i]));
                    items.integers[i] = 0;
                }
            }
            multiply(exponential(argument.build()), 1);
        }

        /**
         * Each n-th root to a power of at least n in magnitude split into its operand's power and the
         * root's remaining power ({@code real_root(x, 3)**5} is {@code x*real_root(x, 3)**2}), so the
         * same value has one form whichever way its powers were grouped. Items appended by the split
         * (the operand, itself perhaps a root) are reduced in turn.
         */
        private void reduceRootPowers() {
            for (int i = 0; i < items.size; i++) {
                long e = items.integers[i];
                int n = items.terms[i] instanceof Call root ? root.op.rootDegree() : 0;
                if (n != 0 && Math.abs(e) >= n) {
                    items.integers[i] = e % n;
                    multiply(((Call) items.terms[i]).args[0], e / n);
                }
            }
        }

    }

    /** Work allowed to cancelling one product's common factors, in coefficient operations. */
    private static final long MAX_CANCELLATION_WORK = 20_000;

    /** t times s, distributed: each item of t (a sum's items, or t itself) times each item of s. */
    private Term timesSum(Term t, Sum s) {
        Terms result = new Terms();
        Sum left = t instanceof Sum ts ? ts : new Sum(Fraction.ZERO, new Term[] {t}, new Fraction[] {Fraction.ONE});
        for (int i = -1; i < left.terms.length; i++) {
            Fraction a = i < 0 ? left.constant : left.coefficients[i];
            for (int j = -1; j < s.terms.length && !a.isZero(); j++) {
                Fraction b = j < 0 ? s.constant : s.coefficients[j];
                if (b.isZero()) {
                    continue;
                }
                Factors item = new Factors();
                item.coefficient = a.multiply(b);
                if (i >= 0) {
                    item.multiply(left.terms[i], 1);
                }
                if (j >= 0) {
                    item.multiply(s.terms[j], 1);
                }
                result.add(item.build(), Fraction.ONE);
            }
        }
        return result.build();
    }

    // ---- polynomials ----

    /**
     * The variables of polynomials over forms: each form that is neither a number, a sum nor a
     * product gets the next number, up to {@link Polynomial#MAX_VARIABLES}.
     */
    static final class Variables {
        private final List<Term> terms = new ArrayList<>();

        int indexOf(Term t) {
            int i = terms.indexOf(t);
            if (i >= 0) {
                return i;
            }
            if (terms.size() == Polynomial.MAX_VARIABLES) {
                throw new Polynomial.TooLarge("more than " + Polynomial.MAX_VARIABLES + " variables");
            }
            terms.add(t);
            return terms.size() - 1;
        }

        Term get(int i) {
            return terms.get(i);
        }
    }

    /**
     * The polynomial a form stands for over these variables (its sums and products multiplied out),
     * or null when it has a base to a negative power.
     */
    static Polynomial polynomial(Term t, Variables variables, Polynomial.Budget budget) {
        if (t instanceof Num n) {
            return Polynomial.constant(n.value);
        }
        if (t instanceof Sum s) {
            Polynomial p = Polynomial.constant(s.constant);
            for (int i = 0; i < s.terms.length; i++) {
                Polynomial term = polynomial(s.terms[i], variables, budget);
                if (term == null) {
                    return null;
                }
                p = p.add(term.scale(s.coefficients[i]), budget);
            }
            return p;
        }
        if (t instanceof Product q) {
            Polynomial p = Polynomial.constant(q.coefficient);
            for (int i = 0; i < q.bases.length; i++) {
                Polynomial base = q.exponents[i] > 0 ? polynomial(q.bases[i], variables, budget) : null;
                if (base == null || q.exponents[i] > Polynomial.MAX_DEGREE) {
                    return null;
                }
                p = p.multiply(base.power((int) q.exponents[i], budget), budget);
            }
            return p;
        }
        return Polynomial.term(Fraction.ONE, variables.indexOf(t), 1);
    }

    /** Work allowed to factoring one sum, in coefficient operations. */
    private static final long MAX_FACTORING_WORK = 20_000;

    /** A sum as {@code unit * product of bases[i]**exponents[i]}: its factors, none looking negative, in the forms' order. */
    private record Factored(Fraction unit, Term[] bases, long[] exponents) {
    }

    /**
     * A sum that is a polynomial in its leaves and calls (after negative powers of them are taken
     * out), split into the {@link Polynomial#factors factors} that greatest common divisors find;
     * null when it has none, is no polynomial, or is
     * beyond {@link Polynomial}'s limits. Sums of two items are not tried: they share only a
     * monomial, and every sum has given that up when it becomes a base.
     */
    private Factored factored(Sum s) {
        Optional<Factored> result = factorings.get(s);
        if (result == null) {
            result = Optional.ofNullable(factoredAnew(s));
            factorings.put(s, result);
        }
        return result.orElse(null);
    }

    /** The factorings found so far in this call: a sum can become a base many times over. */
    private final Map<Sum, Optional<Factored>> factorings = new HashMap<>();

    private Factored factoredAnew(Sum sum) {
        // a sum with negative powers of leaves or calls is factored as their power times a polynomial
        // ({@code x - 2 + 1/x} is {@code (x - 1)**2/x}); the power alone is no factoring
        List<Term> bases = new ArrayList<>();
        LongArrayList exponents = new LongArrayList();
        if (!(withoutNegativePowers(sum, bases, exponents) instanceof Sum s)) {
            return null;
        }
        int items = items(s);
        if (items < 3 || items == 3 && !hasSquare(s)) {
            return null; // a content in one variable needs two terms with it and two without
        }
        if (isMultilinear(s) && BigInteger.valueOf(items).isProbablePrime(20)) {
            // the factors of a polynomial of degree 1 in each variable hold disjoint variables, so
            // its number of terms is a product of their numbers of terms
            return null;
        }
        Variables variables = new Variables();
        Polynomial.Budget budget = new Polynomial.Budget(MAX_FACTORING_WORK);
        try {
            Polynomial p = polynomial(s, variables, budget);
            if (p == null) {
                return null;
            }
            List<Polynomial> factors = Polynomial.factors(p.primitive(), budget);
            if (factors.size() < 2) {
                return null;
            }
            Fraction unit = p.content();
            for (Polynomial f : factors) {
                Term base = form(f, variables);
                if (looksNegative(base)) {
                    base = scale(base, Fraction.MINUS_ONE);
                    unit = unit.negate();
                }
                int known = bases.indexOf(base);
                if (known >= 0) {
                    exponents.set(known, exponents.getLong(known) + 1);
                } else {
                    bases.add(base);
                    exponents.add(1);
                }
            }
            int[] order = IntStream.range(0, bases.size()).toArray();
            IntArrays.mergeSort(order, (a, b) -> compare(bases.get(a), bases.get(b)));
            Term[] sorted = new Term[order.length];
            long[] powers = new long[order.length];
            for (int i = 0; i < order.length; i++) {
                sorted[i] = bases.get(order[i]);
                powers[i] = exponents.getLong(order[i]);
            }
            return new Factored(unit, sorted, powers);
        } catch (Polynomial.TooLarge | ArithmeticException beyond) { // beyond the limits, or a number beyond Fraction.MAX_BITS
            return null;
        }
    }

    /**
     * The sum times the lowest negative power of each base that its terms hold ({@code x + 2 + 1/x}
     * times {@code x} is {@code x**2 + 2*x + 1}), those powers put into the lists; the sum itself when
     * no term holds a negative power.
     */
    private Term withoutNegativePowers(Sum s, List<Term> bases, LongArrayList exponents) {
        denominators(s, false, bases, exponents); // no common denominators: only leaves and calls are multiplied in
        return bases.isEmpty() ? s : timesEachTerm(s, bases, exponents, -1);
    }

    /**
     * The lowest negative power of each base that the sum's terms hold, into the lists in the order
     * the terms hold them (bases that are sums too when {@code sums}); returns how many terms hold one.
     */
    private static int denominators(Sum s, boolean sums, List<Term> bases, LongArrayList exponents) {
        int withDenominator = 0;
        for (Term t : s.terms) {
            boolean below = false;
            if (t instanceof Product p) {
                for (int i = 0; i < p.bases.length; i++) {
                    if (p.exponents[i] >= 0 || !sums && p.bases[i] instanceof Sum) {
                        continue;
                    }
                    below = true;
                    int known = bases.indexOf(p.bases[i]);
                    if (known < 0) {
                        bases.add(p.bases[i]);
                        exponents.add(p.exponents[i]);
                    } else if (p.exponents[i] < exponents.getLong(known)) {
                        exponents.set(known, p.exponents[i]);
                    }
                }
            }
            withDenominator += below ? 1 : 0;
        }
        return withDenominator;
    }

    /**
     * The sum with each of its items (the constant too) times the product of {@code bases[b]**(sign *
     * exponents[b])}, like terms merged: a sum base that meets its own inverse in an item is
     * multiplied out there ({@code (x + 1)/x} times {@code x} is {@code x + 1}).
     */
    private Term timesEachTerm(Sum s, List<Term> bases, LongArrayList exponents, long sign) {
        Terms shifted = new Terms();
        for (int i = -1; i < s.terms.length; i++) {
            Factors term = new Factors();
            term.coefficient = i < 0 ? s.constant : s.coefficients[i];
            if (i >= 0) {
                term.multiply(s.terms[i], 1);
            }
            for (int b = 0; b < bases.size(); b++) {
                term.multiply(bases.get(b), sign * exponents.getLong(b));
            }
            shifted.add(term.build(), Fraction.ONE);
        }
        return shifted.build();
    }

    /** The items of a sum (its terms and a nonzero constant); 1 for any other form. */
    private static int items(Term t) {
        return t instanceof Sum s ? s.terms.length + (s.constant.isZero() ? 0 : 1) : 1;
    }

    /** Sums with more terms are not put over a common denominator (each term is multiplied by all of it). */
    private static final int MAX_TERMS_OVER_COMMON_DENOMINATOR = 8;

    /**
     * For writing only: the sum over the least common denominator of its terms, common factors of
     * the new numerator and the denominator cancelled ({@code 1/(x*(x + 1))} for
     * {@code 1/x - 1/(x + 1)}, SymPy's {@code together}). Its numerator stays one factor: a form
     * would multiply it out again. Null when fewer than two terms have a denominator. Where a base
     * of the denominator is 0, some term of the sum was undefined, so the value is kept wherever the
     * sum is defined. Only tried where the new numerator has fewer items than the sum.
     */
    Term overCommonDenominator(Sum s) {
        if (s.terms.length > MAX_TERMS_OVER_COMMON_DENOMINATOR) {
            return null;
        }
        List<Term> bases = new ArrayList<>();
        LongArrayList exponents = new LongArrayList(); // the denominator's, as negative powers
        if (denominators(s, true, bases, exponents) < 2) {
            return null;
        }
        try {
            Term numerator = timesEachTerm(s, bases, exponents, -1);
            if (items(numerator) >= items(s)) {
                // nothing cancelled, so no shorter: and factoring the numerator would cost a tenth of the
                // time per call on 20-token inputs
                return null;
            }
            Factors quotient = new Factors();
            quotient.numeratorKept = true;
            quotient.multiply(numerator, 1);
            for (int b = 0; b < bases.size(); b++) {
                quotient.multiply(bases.get(b), exponents.getLong(b));
            }
            return quotient.build();
        } catch (ArithmeticException | NotCanonical beyond) { // a coefficient or exponent beyond the limits
            return null;
        }
    }

    /** Whether every term of the sum is a product of distinct bases to the first power. */
    private static boolean isMultilinear(Sum s) {
        for (Term t : s.terms) {
            if (t instanceof Product p) {
                for (long e : p.exponents) {
                    if (e != 1) {
                        return false;
                    }
                }
            }
        }
        return true;
    }

    /** Whether some term of the sum holds a base to a power of two or more (else it is squarefree in every variable). */
    private static boolean hasSquare(Sum s) {
        for (Term t : s.terms) {
            if (t instanceof Product p) {
                for (long e : p.exponents) {
                    if (Math.abs(e) >= 2) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /** The canonical form of a polynomial over these variables. */
    Term form(Polynomial p, Variables variables) {
        Terms sum = new Terms();
        for (int i = 0; i < p.size(); i++) {
            Factors monomial = new Factors();
            for (int v = 0; v < Polynomial.MAX_VARIABLES; v++) {
                int e = Polynomial.exponent(p.monomial(i), v);
                if (e > 0) {
                    monomial.multiply(variables.get(v), e);
                }
            }
            sum.add(monomial.build(), p.coefficient(i));
        }
        return sum.build();
    }

    private static long exponent(long e) {
        if (Math.abs(e) > MAX_EXPONENT) {
            throw new NotCanonical("exponent beyond " + MAX_EXPONENT);
        }
        return e;
    }

    /**
     * The distinct terms of a sum or product being built, in order of arrival, each with its
     * coefficient (a sum's) or exponent (a product's), like terms merged as they arrive: found by a
     * linear scan while there are few (nearly always), through a hash index beyond.
     */
    private final class Items {
        private static final int SCANNED = 12;
        Term[] terms = new Term[8];
        Fraction[] fractions;
        long[] integers;
        private int size;
        private Object2IntOpenHashMap<Term> index;

        void addFraction(Term t, Fraction k) {
            int i = find(t);
            if (i >= 0) {
                fractions[i] = fractions[i].add(k);
                return;
            }
            i = append(t);
            if (fractions == null || fractions.length < terms.length) {
                fractions = fractions == null ? new Fraction[terms.length] : Arrays.copyOf(fractions, terms.length);
            }
            fractions[i] = k;
        }

        void addInteger(Term t, long e) {
            int i = find(t);
            if (i >= 0) {
                integers[i] = exponent(integers[i] + e);
                return;
            }
            i = append(t);
            if (integers == null || integers.length < terms.length) {
                integers = integers == null ? new long[terms.length] : Arrays.copyOf(integers, terms.length);
            }
            integers[i] = e;
        }

        private int find(Term t) {
            if (index != null) {
                return index.getInt(t);
            }
            int h = t.hashCode();
            for (int i = 0; i < size; i++) {
                if (terms[i].hashCode() == h && terms[i].equals(t)) {
                    return i;
                }
            }
            return -1;
        }

        private int append(Term t) {
            if (size == terms.length) {
                terms = Arrays.copyOf(terms, size * 2);
            }
            terms[size] = t;
            if (index != null) {
                index.put(t, size);
            } else if (size == SCANNED) {
                index = new Object2IntOpenHashMap<>();
                index.defaultReturnValue(-1);
                for (int i = 0; i <= size; i++) {
                    index.put(terms[i], i);
                }
            }
            return size++;
        }

        /** The items with a nonzero value, in the forms' order (two alike-ranked constants by arrival). */
        int[] sorted() {
            int[] kept = new int[size];
            int n = 0;
            for (int i = 0; i < size; i++) {
                if (fractions != null ? !fractions[i].isZero() : integers[i] != 0) {
                    kept[n++] = i;
                }
            }
            kept = Arrays.copyOf(kept, n);
            IntArrays.mergeSort(kept, (x, y) -> compare(terms[x], terms[y]));
            return kept;
        }
    }

    private static Fraction power(Fraction base, long e) {
        try {
            return base.pow(e);
        } catch (ArithmeticException tooLarge) {
            throw new NotCanonical("a number too large for an exact fraction");
        }
    }

    // ---- scaling and signs ----

    /** {@code k*t} in canonical form: the coefficient of a product, distributed over a sum. */
    static Term scale(Term t, Fraction k) {
        if (k.isOne()) {
            return t;
        }
        if (k.isZero()) {
            return new Num(Fraction.ZERO);
        }
        if (t instanceof Num n) {
            return new Num(n.value.multiply(k));
        }
        if (t instanceof Sum s) {
            return scaleSum(s, k);
        }
        if (t instanceof Product p) {
            return withCoefficient(p, p.coefficient.multiply(k));
        }
        return new Product(k, new Term[] {t}, new long[] {1});
    }

    static Sum scaleSum(Sum s, Fraction k) {
        Fraction[] ks = new Fraction[s.coefficients.length];
        for (int i = 0; i < ks.length; i++) {
            ks[i] = s.coefficients[i].multiply(k);
        }
        return new Sum(s.constant.multiply(k), s.terms, ks);
    }

    /**
     * The bases that every term of a constant-free sum holds with exponents of one sign, at their
     * smallest power, as a product with coefficient 1 ({@code x} for {@code x*y + x**2}); null when
     * there are none.
     */
    static Product commonFactor(Sum s) {
        if (!s.constant.isZero()) {
            return null;
        }
        Term first = s.terms[0];
        Term[] bases = first instanceof Product p ? p.bases : new Term[] {first};
        long[] exponents = first instanceof Product p ? p.exponents.clone() : new long[] {1};
        for (int b = 0; b < bases.length; b++) {
            for (int i = 1; i < s.terms.length && exponents[b] != 0; i++) {
                long other = exponentIn(s.terms[i], bases[b]);
                long e = exponents[b];
                exponents[b] = Long.signum(other) != Long.signum(e) ? 0 : Math.abs(other) < Math.abs(e) ? other : e;
            }
        }
        Term common = withoutZeroExponents(bases, exponents);
        if (common == null) {
            return null;
        }
        return common instanceof Product p ? p : new Product(Fraction.ONE, new Term[] {common}, new long[] {1});
    }

    /** The sum with each term divided by a common factor, terms left empty added to the constant; terms in s's order. */
    static Sum dividedSum(Sum s, Product common) {
        Fraction constant = s.constant;
        List<Term> rest = new ArrayList<>();
        List<Fraction> coefficients = new ArrayList<>();
        for (int i = 0; i < s.terms.length; i++) {
            Term left = s.terms[i];
            for (int c = 0; c < common.bases.length && left != null; c++) {
                left = divided(left, common.bases[c], common.exponents[c]);
            }
            if (left == null) {
                constant = constant.add(s.coefficients[i]);
            } else {
                rest.add(left);
                coefficients.add(s.coefficients[i]);
            }
        }
        return new Sum(constant, rest.toArray(new Term[0]), coefficients.toArray(new Fraction[0]));
    }

    /** The exponent of a base in a term (0 when the term does not hold it). */
    static long exponentIn(Term term, Term base) {
        if (term instanceof Product p) {
            for (int i = 0; i < p.bases.length; i++) {
                if (p.bases[i].equals(base)) {
                    return p.exponents[i];
                }
            }
            return 0;
        }
        return term.equals(base) ? 1 : 0;
    }

    /** The term divided by b**e (b a base of it): null when nothing is left. */
    static Term divided(Term t, Term b, long e) {
        Term[] bases = t instanceof Product p ? p.bases : new Term[] {t};
        long[] exponents = t instanceof Product p ? p.exponents.clone() : new long[] {1};
        for (int i = 0; i < bases.length; i++) {
            if (bases[i].equals(b)) {
                exponents[i] -= e;
            }
        }
        return withoutZeroExponents(bases, exponents);
    }

    /**
     * The product of the bases with a nonzero exponent, coefficient 1: null when none is left, the
     * base itself when one is left to the first power.
     */
    static Term withoutZeroExponents(Term[] bases, long[] exponents) {
        int n = 0;
        for (long e : exponents) {
            n += e != 0 ? 1 : 0;
        }
        if (n == 0) {
            return null;
        }
        Term[] bs = new Term[n];
        long[] es = new long[n];
        for (int i = 0, j = 0; i < bases.length; i++) {
            if (exponents[i] != 0) {
                bs[j] = bases[i];
                es[j++] = exponents[i];
            }
        }
        return n == 1 && es[0] == 1 ? bs[0] : new Product(Fraction.ONE, bs, es);
    }

    /** The product with another coefficient; its single base when that is all that is left. */
    static Term withCoefficient(Product p, Fraction k) {
        if (k.isOne() && p.bases.length == 1 && p.exponents[0] == 1) {
            return p.bases[0];
        }
        return new Product(k, p.bases, p.exponents);
    }

    /**
     * The rational content of a sum with the sum's sign: s divided by it has coprime integer
     * coefficients and does not {@link #looksNegative look negative}.
     */
    Fraction unit(Sum s) {
        Fraction content = s.constant.abs();
        for (Fraction k : s.coefficients) {
            content = content.gcd(k);
        }
        return looksNegative(s) ? content.negate() : content;
    }

    /**
     * Whether a term is written with a minus in front more naturally than without (SymPy's
     * {@code could_extract_minus_sign}): a negative number, a product with a negative coefficient, a
     * sum with more negative than positive items (the constant is an item). On a tie the sum's
     * positive and negative terms are compared as two lists, each in {@link #compareShapes shape}
     * order with the smaller coefficient magnitude first: the side holding the first term the other
     * side cannot match is the sum's sign ({@code 3 - x} looks negative, {@code x - 3} does not;
     * {@code x1 - x3 - 1 + 1/(x1 - 1)} does not, whatever the names). The variables' names decide
     * only where the two lists match term for term ({@code x1 - x3}): then the first term's sign, in
     * the form's order. Exactly one of s and -s looks negative, so signs taken out this way are
     * canonical; and the choice does not depend on names where it need not, so a renamed input takes
     * the same path through the steps as the original.
     */
    boolean looksNegative(Term t) {
        if (t instanceof Num n) {
            return n.value.signum() < 0;
        }
        if (t instanceof Product p) {
            return p.coefficient.signum() < 0;
        }
        if (!(t instanceof Sum s)) {
            return false;
        }
        int balance = s.constant.signum();
        for (Fraction k : s.coefficients) {
            balance += k.signum();
        }
        if (balance != 0) {
            return balance < 0;
        }
        int[] positive = termsOfSign(s, 1);
        int[] negative = termsOfSign(s, -1);
        for (int i = 0; i < Math.min(positive.length, negative.length); i++) {
            int c = compareItems(s, positive[i], negative[i]);
            if (c != 0) {
                return c > 0;
            }
        }
        if (positive.length != negative.length) {
            return negative.length > positive.length;
        }
        return s.coefficients[0].signum() < 0;
    }

    /** The indices of a sum's terms with coefficients of one sign, in shape order, then by coefficient magnitude. */
    private int[] termsOfSign(Sum s, int sign) {
        int[] items = IntStream.range(0, s.terms.length).filter(i -> s.coefficients[i].signum() == sign).toArray();
        IntArrays.mergeSort(items, (i, j) -> compareItems(s, i, j));
        return items;
    }

    private int compareItems(Sum s, int i, int j) {
        int c = compareShapes(s.terms[i], s.terms[j]);
        return c != 0 ? c : compare(s.coefficients[i].abs(), s.coefficients[j].abs());
    }

    /** A product's bases (with their exponents) in shape order, worked out once per product. */
    private int[] shapeOrder(Product p) {
        if (p.shapeOrder == null) {
            int[] order = IntStream.range(0, p.bases.length).toArray();
            IntArrays.mergeSort(order, (i, j) -> {
                int c = compareShapes(p.bases[i], p.bases[j]);
                return c != 0 ? c : Long.compare(p.exponents[i], p.exponents[j]);
            });
            p.shapeOrder = order;
        }
        return p.shapeOrder;
    }

    /** A sum's terms (with their coefficients) in shape order, worked out once per sum. */
    private int[] shapeOrder(Sum s) {
        if (s.shapeOrder == null) {
            int[] order = IntStream.range(0, s.terms.length).toArray();
            IntArrays.mergeSort(order, (i, j) -> {
                int c = compareShapes(s.terms[i], s.terms[j]);
                return c != 0 ? c : compare(s.coefficients[i], s.coefficients[j]);
            });
            s.shapeOrder = order;
        }
        return s.shapeOrder;
    }

    // ---- order ----

    private static int rank(Term t) {
        if (t instanceof Num) {
            return 0;
        }
        if (t instanceof Atom) {
            return 1;
        }
        if (t instanceof Call) {
            return 2;
        }
        return t instanceof Product ? 3 : 4;
    }

    /**
     * The total order of forms: numbers, leaves (in the term store's order), calls by operator and
     * operands, products, sums (by length, then items). Two different forms compare equal only for
     * two occurrences of {@code <constant>}, which keep their order of arrival.
     */
    int compare(Term a, Term b) {
        return compare(a, b, false);
    }

    /**
     * The order of forms with every variable alike: {@link #compare} where that does not read a
     * variable's name, the items of a sum or product taken in this order of their own (the form's
     * order of them follows the names). Renaming the variables changes no comparison.
     */
    int compareShapes(Term a, Term b) {
        return compare(a, b, true);
    }

    private int compare(Term a, Term b, boolean shapesOnly) {
        if (a == b) {
            return 0;
        }
        int c = Integer.compare(rank(a), rank(b));
        if (c != 0) {
            return c;
        }
        if (a instanceof Num x) {
            return compare(x.value, ((Num) b).value);
        }
        if (a instanceof Atom x) {
            int y = ((Atom) b).id;
            boolean variables = store.code(x.id) == Expr.VARIABLE && store.code(y) == Expr.VARIABLE;
            return shapesOnly && variables ? 0 : store.compare(x.id, y);
        }
        if (a instanceof Call x) {
            Call y = (Call) b;
            c = Integer.compare(x.op.ordinal(), y.op.ordinal());
            return c != 0 ? c : compare(x.args, null, y.args, null, shapesOnly);
        }
        if (a instanceof Product x) {
            Product y = (Product) b;
            int[] xs = shapesOnly ? shapeOrder(x) : null;
            int[] ys = shapesOnly ? shapeOrder(y) : null;
            c = compare(x.bases, xs, y.bases, ys, shapesOnly);
            for (int i = 0; c == 0 && i < x.exponents.length; i++) {
                c = Long.compare(x.exponents[xs == null ? i : xs[i]], y.exponents[ys == null ? i : ys[i]]);
            }
            return c != 0 ? c : compare(x.coefficient, y.coefficient);
        }
        Sum x = (Sum) a;
        Sum y = (Sum) b;
        int[] xs = shapesOnly ? shapeOrder(x) : null;
        int[] ys = shapesOnly ? shapeOrder(y) : null;
        c = compare(x.terms, xs, y.terms, ys, shapesOnly);
        for (int i = 0; c == 0 && i < x.coefficients.length; i++) {
            c = compare(x.coefficients[xs == null ? i : xs[i]], y.coefficients[ys == null ? i : ys[i]]);
        }
        return c != 0 ? c : compare(x.constant, y.constant);
    }

    /** Shorter arrays first, then element by element, each array in the given order of its indices (null: as it is). */
    private int compare(Term[] a, int[] aOrder, Term[] b, int[] bOrder, boolean shapesOnly) {
        int c = Integer.compare(a.length, b.length);
        for (int i = 0; c == 0 && i < a.length; i++) {
            c = compare(a[aOrder == null ? i : aOrder[i]], b[bOrder == null ? i : bOrder[i]], shapesOnly);
        }
        return c;
    }

    private static int compare(Fraction a, Fraction b) {
        return a.equals(b) ? 0 : a.subtract(b).signum();
    }
}
