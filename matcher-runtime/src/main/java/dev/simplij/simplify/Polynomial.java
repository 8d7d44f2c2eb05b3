package dev.simplij.simplify;

import it.unimi.dsi.fastutil.ints.IntArrays;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A polynomial in at most {@link #MAX_VARIABLES} variables with exact rational coefficients, kept
 * sparse: the arithmetic the canonical form needs to cancel a common polynomial factor of a
 * quotient ({@code (x1**2 - x2**2)/(x1 - x2)} is {@code x1 + x2}), and the writing needs to find the
 * factors of a multiplied-out product again ({@code x1*x3 + x1*x4 + x2*x3 + x2*x4} is
 * {@code (x1 + x2)*(x3 + x4)}, {@code x**2 + 2*x*y + y**2} is {@code (x + y)**2}). The variables are
 * numbered by the caller ({@link CanonicalForm.Variables}).
 *
 * <p>A monomial is a long holding one byte of exponent per variable, variable 0 in the highest byte,
 * so the unsigned order of the longs is the lexicographic order of the monomials, and multiplying two
 * monomials is adding their longs. Terms are kept in decreasing monomial order, none with a zero
 * coefficient. Immutable.
 *
 * <p>Greatest common divisors are computed by the recursive primitive remainder sequence (content
 * in the main variable by recursion on the others, then pseudo-remainders made primitive at each
 * step). Every operation spends from a {@link Budget}, which throws {@link TooLarge} when spent:
 * coefficients can grow along the remainder sequence, and a caller gets an answer or a clear no.
 */
final class Polynomial {
    static final int MAX_VARIABLES = 8;
    /** Exponents stay below 128 so that adding two monomials never carries into the next byte. */
    static final int MAX_DEGREE = 127;
    private static final long HIGH_BITS = 0x8080808080808080L;

    /** The work one question may take, in coefficient operations; thrown {@link TooLarge} when spent. */
    static final class Budget {
        private long left;

        Budget(long operations) {
            this.left = operations;
        }

        void spend(long operations) {
            left -= operations;
            if (left < 0) {
                throw new TooLarge("the polynomial arithmetic's budget is spent");
            }
        }
    }

    /** A result beyond the limits: a degree above {@link #MAX_DEGREE}, or the budget spent. */
    static final class TooLarge extends RuntimeException {
        TooLarge(String why) {
            super(why, null, false, false);
        }
    }

    static final Polynomial ZERO = new Polynomial(new long[0], new Fraction[0]);
    static final Polynomial ONE = constant(Fraction.ONE);

    /** Monomials in decreasing (unsigned) order. */
    private final long[] monomials;
    private final Fraction[] coefficients;

    private Polynomial(long[] monomials, Fraction[] coefficients) {
        this.monomials = monomials;
        this.coefficients = coefficients;
    }

    static Polynomial constant(Fraction c) {
        return c.isZero() ? ZERO : new Polynomial(new long[] {0}, new Fraction[] {c});
    }

    /** {@code c * variable**degree}. */
    static Polynomial term(Fraction c, int variable, int degree) {
        if (degree > MAX_DEGREE) {
            throw new TooLarge("a degree above " + MAX_DEGREE);
        }
        return c.isZero() ? ZERO : new Polynomial(new long[] {monomial(variable, degree)}, new Fraction[] {c});
    }

    private static long monomial(int variable, int degree) {
        return (long) degree << shift(variable);
    }

    private static int shift(int variable) {
        return 8 * (MAX_VARIABLES - 1 - variable);
    }

    /** The sum of the given terms, like monomials merged, zeros dropped; the arrays are the caller's no more. */
    private static Polynomial of(long[] ms, Fraction[] cs, int n) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        IntArrays.quickSort(order, (a, b) -> Long.compareUnsigned(ms[b], ms[a]));
        long[] m = new long[n];
        Fraction[] c = new Fraction[n];
        int size = 0;
        for (int k = 0; k < n; k++) {
            int i = order[k];
            if (size > 0 && m[size - 1] == ms[i]) {
                c[size - 1] = c[size - 1].add(cs[i]);
                if (c[size - 1].isZero()) {
                    size--;
                }
            } else {
                m[size] = ms[i];
                c[size++] = cs[i];
            }
        }
        return size == n ? new Polynomial(m, c) : new Polynomial(Arrays.copyOf(m, size), Arrays.copyOf(c, size));
    }

    int size() {
        return monomials.length;
    }

    long monomial(int i) {
        return monomials[i];
    }

    Fraction coefficient(int i) {
        return coefficients[i];
    }

    /** The exponent of a variable in a monomial. */
    static int exponent(long monomial, int variable) {
        return (int) (monomial >>> shift(variable)) & 0xFF;
    }

    boolean isZero() {
        return monomials.length == 0;
    }

    boolean isConstant() {
        return monomials.length == 0 || monomials.length == 1 && monomials[0] == 0;
    }

    /** The highest exponent of a variable. */
    int degree(int variable) {
        int d = 0;
        for (long m : monomials) {
            d = Math.max(d, exponent(m, variable));
        }
        return d;
    }

    /** The lowest-numbered variable that occurs, or -1 for a constant. */
    private int mainVariable() {
        long all = 0;
        for (long m : monomials) {
            all |= m;
        }
        return all == 0 ? -1 : Long.numberOfLeadingZeros(all) / 8;
    }

    Polynomial add(Polynomial o, Budget budget) {
        budget.spend(size() + o.size());
        long[] m = Arrays.copyOf(monomials, size() + o.size());
        Fraction[] c = Arrays.copyOf(coefficients, m.length);
        System.arraycopy(o.monomials, 0, m, size(), o.size());
        System.arraycopy(o.coefficients, 0, c, size(), o.size());
        return of(m, c, m.length);
    }

    Polynomial subtract(Polynomial o, Budget budget) {
        return add(o.scale(Fraction.MINUS_ONE), budget);
    }

    Polynomial scale(Fraction k) {
        if (k.isZero()) {
            return ZERO;
        }
        Fraction[] c = new Fraction[size()];
        for (int i = 0; i < c.length; i++) {
            c[i] = coefficients[i].multiply(k);
        }
        return new Polynomial(monomials, c);
    }

    Polynomial multiply(Polynomial o, Budget budget) {
        int n = size() * o.size();
        budget.spend(n);
        long[] m = new long[n];
        Fraction[] c = new Fraction[n];
        int k = 0;
        for (int i = 0; i < size(); i++) {
            for (int j = 0; j < o.size(); j++) {
                m[k] = monomials[i] + o.monomials[j];
                if ((m[k] & HIGH_BITS) != 0) {
                    throw new TooLarge("a degree above " + MAX_DEGREE);
                }
                c[k++] = coefficients[i].multiply(o.coefficients[j]);
            }
        }
        return of(m, c, n);
    }

    Polynomial power(int e, Budget budget) {
        Polynomial result = ONE;
        for (int i = 0; i < e; i++) {
            result = result.multiply(this, budget);
        }
        return result;
    }

    /** {@code c * monomial * this}. */
    private Polynomial times(long monomial, Fraction c, Budget budget) {
        budget.spend(size());
        long[] m = new long[size()];
        Fraction[] k = new Fraction[size()];
        for (int i = 0; i < m.length; i++) {
            m[i] = monomials[i] + monomial;
            if ((m[i] & HIGH_BITS) != 0) {
                throw new TooLarge("a degree above " + MAX_DEGREE);
            }
            k[i] = coefficients[i].multiply(c);
        }
        return new Polynomial(m, k); // adding one monomial keeps the order
    }

    /** Whether monomial b divides monomial a: every exponent of a at least b's. */
    private static boolean divides(long a, long b) {
        return ((a | HIGH_BITS) - b & HIGH_BITS) == HIGH_BITS;
    }

    /**
     * This divided by d when d divides it exactly, else null. With one divisor the division
     * algorithm leaves no remainder exactly when the divisor divides, so the first leading term
     * that d's leading term does not divide answers no.
     */
    Polynomial dividedBy(Polynomial d, Budget budget) {
        if (d.isZero()) {
            throw new ArithmeticException("division by the zero polynomial");
        }
        long lead = d.monomials[0];
        Fraction leadCoefficient = d.coefficients[0];
        Polynomial rest = this;
        long[] qm = new long[4];
        Fraction[] qc = new Fraction[4];
        int n = 0;
        while (!rest.isZero()) {
            long top = rest.monomials[0];
            if (!divides(top, lead)) {
                return null;
            }
            if (n == qm.length) {
                qm = Arrays.copyOf(qm, n * 2);
                qc = Arrays.copyOf(qc, n * 2);
            }
            qm[n] = top - lead;
            qc[n] = rest.coefficients[0].divide(leadCoefficient);
            rest = rest.subtract(d.times(qm[n], qc[n], budget), budget);
            n++;
        }
        return of(qm, qc, n);
    }

    /**
     * This divided by a divisor known to divide it (a greatest common divisor, a content); should
     * the division leave a remainder after all, {@link TooLarge}, so the caller keeps its term.
     */
    Polynomial exactQuotient(Polynomial d, Budget budget) {
        Polynomial q = dividedBy(d, budget);
        if (q == null) {
            throw new TooLarge("no exact quotient");
        }
        return q;
    }

    /** The coefficients of the powers of a variable, by exponent, each free of that variable. */
    private Polynomial[] coefficientsIn(int variable) {
        int degree = degree(variable);
        int[] counts = new int[degree + 1];
        for (long m : monomials) {
            counts[exponent(m, variable)]++;
        }
        long[][] ms = new long[degree + 1][];
        Fraction[][] cs = new Fraction[degree + 1][];
        for (int d = 0; d <= degree; d++) {
            ms[d] = new long[counts[d]];
            cs[d] = new Fraction[counts[d]];
            counts[d] = 0;
        }
        long mask = ~(0xFFL << shift(variable));
        for (int i = 0; i < size(); i++) {
            int d = exponent(monomials[i], variable);
            ms[d][counts[d]] = monomials[i] & mask;
            cs[d][counts[d]++] = coefficients[i];
        }
        Polynomial[] result = new Polynomial[degree + 1];
        for (int d = 0; d <= degree; d++) {
            result[d] = new Polynomial(ms[d], cs[d]); // dropping one variable from a sorted list keeps it sorted
        }
        return result;
    }

    /** The partial derivative in a variable. */
    Polynomial derivative(int variable) {
        long one = monomial(variable, 1);
        long[] m = new long[size()];
        Fraction[] c = new Fraction[size()];
        int n = 0;
        for (int i = 0; i < size(); i++) {
            int e = exponent(monomials[i], variable);
            if (e > 0) {
                m[n] = monomials[i] - one;
                c[n++] = coefficients[i].multiply(Fraction.of(e));
            }
        }
        return of(m, c, n);
    }

    /**
     * This divided by its rational content, signed so that the leading coefficient is positive:
     * the one representative of its class of associates over the rationals. Zero stays zero.
     */
    Polynomial primitive() {
        if (isZero()) {
            return this;
        }
        return scale(Fraction.ONE.divide(content()));
    }

    /** The rational content with the sign of the leading coefficient ({@link #primitive} divides by it). */
    Fraction content() {
        Fraction content = coefficients[0].abs();
        for (Fraction c : coefficients) {
            content = content.gcd(c);
        }
        return coefficients[0].signum() < 0 ? content.negate() : content;
    }

    /** The largest monomial dividing every term (1 for zero). */
    long monomialContent() {
        if (isZero()) {
            return 0;
        }
        long common = monomials[0];
        for (long m : monomials) {
            common = commonMonomial(common, m);
        }
        return common;
    }

    /** The largest monomial dividing both: the smaller exponent of each variable. */
    private static long commonMonomial(long a, long b) {
        long min = 0;
        for (int v = 0; v < MAX_VARIABLES; v++) {
            min |= (long) Math.min(exponent(a, v), exponent(b, v)) << shift(v);
        }
        return min;
    }

    /** This divided by a monomial that divides every term. */
    Polynomial dividedByMonomial(long m) {
        long[] ms = new long[size()];
        for (int i = 0; i < ms.length; i++) {
            ms[i] = monomials[i] - m;
        }
        return new Polynomial(ms, coefficients);
    }

    static Polynomial monomialPolynomial(long m) {
        return new Polynomial(new long[] {m}, new Fraction[] {Fraction.ONE});
    }

    /** The greatest common divisor, {@link #primitive}; 1 when the two share no factor of positive degree. */
    static Polynomial gcd(Polynomial a, Polynomial b, Budget budget) {
        if (a.isZero()) {
            return b.primitive();
        }
        if (b.isZero()) {
            return a.primitive();
        }
        if (a.isConstant() || b.isConstant()) {
            return ONE;
        }
        if (a.size() == 1 || b.size() == 1) { // a divisor of a monomial is a monomial
            return monomialPolynomial(commonMonomial(a.monomialContent(), b.monomialContent()));
        }
        int va = a.mainVariable();
        int vb = b.mainVariable();
        int v = Math.min(va, vb);
        Polynomial contentA = contentIn(a, v, budget);
        Polynomial contentB = contentIn(b, v, budget);
        Polynomial content = gcd(contentA, contentB, budget);
        if (a.degree(v) == 0 || b.degree(v) == 0) {
            return content; // one of them is free of v: all it shares is in the other's content
        }
        Polynomial f = a.exactQuotient(contentA, budget);
        Polynomial g = b.exactQuotient(contentB, budget);
        if (f.degree(v) < g.degree(v)) {
            Polynomial swap = f;
            f = g;
            g = swap;
        }
        while (!g.isZero()) {
            if (g.degree(v) == 0) {
                f = ONE; // primitive in v and free of v: a rational number, so the parts are coprime
                break;
            }
            Polynomial r = pseudoRemainder(f, g, v, budget);
            f = g;
            g = r.isZero() ? r : r.exactQuotient(contentIn(r, v, budget), budget).primitive(); // keeps coefficients small
        }
        return content.multiply(f, budget).primitive();
    }

    /** The gcd of the coefficients of the powers of v, {@link #primitive}: free of v. */
    static Polynomial contentIn(Polynomial p, int v, Budget budget) {
        Polynomial content = ZERO;
        for (Polynomial c : p.coefficientsIn(v)) {
            if (!c.isZero()) {
                content = gcd(content, c, budget);
                if (content.isConstant()) {
                    return ONE;
                }
            }
        }
        return content;
    }

    /** The remainder of {@code lc(g)**k * f} divided by g as polynomials in v (k the degree difference plus one). */
    private static Polynomial pseudoRemainder(Polynomial f, Polynomial g, int v, Budget budget) {
        Polynomial[] gs = g.coefficientsIn(v);
        int dg = gs.length - 1;
        Polynomial lead = gs[dg];
        Polynomial r = f;
        while (!r.isZero() && r.degree(v) >= dg) {
            Polynomial[] rs = r.coefficientsIn(v);
            int dr = rs.length - 1;
            Polynomial shifted = g.multiply(rs[dr], budget).times(monomial(v, dr - dg), Fraction.ONE, budget);
            r = r.multiply(lead, budget).subtract(shifted, budget);
        }
        return r;
    }

    /**
     * The factors of a primitive polynomial that greatest common divisors find, a factor to the
     * power k listed k times: its monomial content, then recursively a content in one variable
     * ({@code x3 + x4} of {@code x1*x3 + x1*x4 + x2*x3 + x2*x4}), or the part it shares with its
     * derivative in a variable of degree two or more ({@code x + y} of {@code x**2 + 2*x*y + y**2});
     * what has neither is one factor. Each factor is primitive; their product is p.
     */
    static List<Polynomial> factors(Polynomial p, Budget budget) {
        List<Polynomial> factors = new ArrayList<>();
        factorInto(p, factors, budget);
        return factors;
    }

    private static void factorInto(Polynomial p, List<Polynomial> factors, Budget budget) {
        long monomial = p.monomialContent();
        if (monomial != 0) {
            for (int v = 0; v < MAX_VARIABLES; v++) {
                for (int k = exponent(monomial, v); k > 0; k--) {
                    factors.add(term(Fraction.ONE, v, 1));
                }
            }
            p = p.dividedByMonomial(monomial);
            if (p.isConstant()) {
                return;
            }
        }
        for (int v = 0; v < MAX_VARIABLES; v++) {
            if (p.degree(v) > 0) {
                Polynomial content = contentIn(p, v, budget);
                if (!content.isConstant()) {
                    Polynomial rest = p.exactQuotient(content, budget);
                    factorInto(content, factors, budget);
                    factorInto(rest.primitive(), factors, budget);
                    return;
                }
            }
        }
        for (int v = 0; v < MAX_VARIABLES; v++) {
            if (p.degree(v) >= 2) {
                Polynomial repeated = gcd(p, p.derivative(v), budget);
                if (!repeated.isConstant()) {
                    Polynomial rest = p.exactQuotient(repeated, budget);
                    factorInto(repeated, factors, budget);
                    factorInto(rest.primitive(), factors, budget);
                    return;
                }
            }
        }
        factors.add(p);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Polynomial p && Arrays.equals(p.monomials, monomials)
                && Arrays.equals(p.coefficients, coefficients);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(monomials) * 31 + Arrays.hashCode(coefficients);
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < size(); i++) {
            b.append(i == 0 ? "" : " + ").append(coefficients[i]);
            for (int v = 0; v < MAX_VARIABLES; v++) {
                int e = exponent(monomials[i], v);
                if (e > 0) {
                    b.append("*v").append(v).append(e > 1 ? "^" + e : "");
                }
            }
        }
        return isZero() ? "0" : b.toString();
    }
}
