package dev.simplij.simplify;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Polynomial arithmetic against its definitions: a greatest common divisor divides both and is
 * found again in products built with a known common factor; factors multiply back to the
 * polynomial; exact division inverts multiplication and refuses a remainder. Random polynomials are
 * seeded; a failure names the seed and the polynomials.
 */
class PolynomialTest {
    private static final long SEED = 20261207L;
    private static final Polynomial.Budget PLENTY = new Polynomial.Budget(Long.MAX_VALUE);

    private static Polynomial x(int v) {
        return Polynomial.term(Fraction.ONE, v, 1);
    }

    private static Polynomial c(long k) {
        return Polynomial.constant(Fraction.of(k));
    }

    /** A random polynomial in the first three variables: up to 4 terms, degrees up to 2, coefficients -3..3 not 0. */
    private static Polynomial random(UniformRandomProvider rng) {
        Polynomial p = Polynomial.ZERO;
        int terms = 1 + rng.nextInt(4);
        for (int t = 0; t < terms; t++) {
            Polynomial term = c(rng.nextBoolean() ? 1 + rng.nextInt(3) : -1 - rng.nextInt(3));
            for (int v = 0; v < 3; v++) {
                term = term.multiply(x(v).power(rng.nextInt(3), PLENTY), PLENTY);
            }
            p = p.add(term, PLENTY);
        }
        return p.isZero() ? c(1) : p;
    }

    @Test
    void theGcdOfProductsWithACommonFactorHoldsThatFactor() {
        UniformRandomProvider rng = RandomSource.SPLIT_MIX_64.create(SEED);
        int nontrivial = 0;
        for (int i = 0; i < 300; i++) {
            Polynomial common = random(rng);
            Polynomial a = common.multiply(random(rng), PLENTY);
            Polynomial b = common.multiply(random(rng), PLENTY);
            String where = "seed " + SEED + ", case " + i + ": a = " + a + ", b = " + b;
            Polynomial g = Polynomial.gcd(a, b, PLENTY);
            assertNotNull(a.dividedBy(g, PLENTY), where + ": gcd " + g + " does not divide a");
            assertNotNull(b.dividedBy(g, PLENTY), where + ": gcd " + g + " does not divide b");
            assertNotNull(g.dividedBy(common.primitive(), PLENTY), where + ": gcd " + g + " misses the factor " + common);
            assertEquals(g, g.primitive(), where + ": the gcd is primitive");
            nontrivial += g.isConstant() ? 0 : 1;
        }
        assertTrue(nontrivial > 150, "most common factors have a positive degree: " + nontrivial);
    }

    @Test
    void factorsMultiplyBackToThePolynomial() {
        UniformRandomProvider rng = RandomSource.SPLIT_MIX_64.create(SEED + 1);
        int split = 0;
        int beyond = 0;
        for (int i = 0; i < 300; i++) {
            Polynomial p = random(rng).multiply(random(rng), PLENTY).primitive();
            List<Polynomial> factors;
            try {
                factors = Polynomial.factors(p, new Polynomial.Budget(200_000));
            } catch (Polynomial.TooLarge | ArithmeticException e) {
                beyond++; // an answer too: the caller keeps its sum as it is
                continue;
            }
            Polynomial product = Polynomial.ONE;
            for (Polynomial f : factors) {
                product = product.multiply(f, PLENTY);
            }
            assertEquals(p, product.primitive(), "seed " + (SEED + 1) + ", case " + i + ": factors " + factors);
            split += factors.size() > 1 ? 1 : 0;
        }
        assertTrue(beyond < 30, "few products of two random polynomials are beyond the budget: " + beyond);
        assertTrue(split > 100, "products of random polynomials mostly split: " + split);
    }

    @Test
    void findsTheFactorsOfAContentAndOfASquare() {
        Polynomial sum12 = x(0).add(x(1), PLENTY);
        Polynomial sum34 = x(2).add(x(3), PLENTY);
        List<Polynomial> content = Polynomial.factors(sum12.multiply(sum34, PLENTY), PLENTY);
        assertEquals(2, content.size(), content::toString);
        assertTrue(content.containsAll(List.of(sum12, sum34)), content::toString);
        Polynomial square = sum12.power(2, PLENTY);
        assertEquals(List.of(sum12, sum12), Polynomial.factors(square, PLENTY));
        Polynomial differenceOfSquares = x(0).power(2, PLENTY).subtract(x(1).power(2, PLENTY), PLENTY);
        assertEquals(List.of(differenceOfSquares), Polynomial.factors(differenceOfSquares, PLENTY),
                "no content and no repeated factor: one factor, though x0 - x1 and x0 + x1 divide it");
    }

    @Test
    void exactDivisionInvertsMultiplicationAndRefusesARemainder() {
        Polynomial a = x(0).add(c(1), PLENTY);
        Polynomial b = x(1).subtract(c(2), PLENTY);
        Polynomial product = a.multiply(b, PLENTY);
        assertEquals(b, product.dividedBy(a, PLENTY));
        assertNull(product.add(c(1), PLENTY).dividedBy(a, PLENTY));
        assertThrows(Polynomial.TooLarge.class, () -> product.add(c(1), PLENTY).exactQuotient(a, PLENTY));
    }

    @Test
    void refusesWorkBeyondItsBudgetAndDegreesBeyondItsLimit() {
        Polynomial p = x(0).add(x(1), PLENTY).add(x(2), PLENTY);
        assertThrows(Polynomial.TooLarge.class, () -> p.power(10, new Polynomial.Budget(100)));
        assertThrows(Polynomial.TooLarge.class, () -> x(0).power(Polynomial.MAX_DEGREE + 1, PLENTY));
    }
}
