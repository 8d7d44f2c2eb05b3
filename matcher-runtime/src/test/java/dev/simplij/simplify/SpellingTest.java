package dev.simplij.simplify;

import dev.simplij.expr.Evaluator;
import dev.simplij.expr.Expr;
import dev.simplij.testing.RandomExpressions;
import dev.simplij.testing.TreeInfix;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Prefix input is spelled as the infix parser spells it ({@link dev.simplij.expr.Spelling}), so both
 * notations of one formula simplify to the same expression.
 */
class SpellingTest {
    private static final Simplifier BUILT_IN = Simplifier.builder().build();

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(delimiter = '|', value = {
            "pow x1 2              | x1**2         | pow2 x1",
            "pow x1 3              | x1**3         | pow3 x1",
            "pow x1 4              | x1**4         | pow4 x1",
            "pow x1 5              | x1**5         | pow5 x1",
            "pow x1 0.5            | x1**0.5       | pow1_2 x1",
            "pow x1 / 1 2          | x1**(1/2)     | pow1_2 x1",
            "pow x1 inv 2          | sqrt(x1)      | pow1_2 x1",
            "pow x1 0.25           | x1**(1/4)     | pow1_4 x1",
            "pow x1 -1             | x1**(-1)      | inv x1",
            "/ 1 x1                | 1/x1          | inv x1",
            "/ 1 + x1 x2           | 1/(x1 + x2)   | inv + x1 x2",
            "pow + x1 sin x2 3     | (x1 + sin(x2))**3 | pow3 + x1 sin x2",
    })
    void prefixSimplifiesAsInfix(String prefix, String infix, String expected) {
        for (Simplifier s : new Simplifier[] {BUILT_IN, SimplifierLawsTest.SIMPLIFIER}) {
            Expr fromPrefix = s.simplify(Expr.parsePrefix(prefix));
            assertEquals(s.simplify(Expr.parseInfix(infix)), fromPrefix, prefix + " vs " + infix);
            assertEquals(expected, fromPrefix.toPrefix(), prefix);
        }
    }

    /** Odd roots: pow(x, 1/3) is undefined for x < 0, the real root is defined there; never the reverse. */
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "pow x1 / 1 3   | pow1_3 x1",
            "pow x1 / 1 5   | pow1_5 x1",
            "pow x1 0.2     | pow1_5 x1",
            "pow1_3 x1      | pow1_3 x1",
            "pow x1 6       | pow x1 6",
            "pow x1 x2      | pow x1 x2",
            "/ 2 x1         | / 2 x1",
            "pow x1 -2      | inv pow2 x1",
    })
    void widensButNeverShrinksTheDomain(String prefix, String expected) {
        Expr in = Expr.parsePrefix(prefix);
        Expr out = BUILT_IN.simplify(in);
        assertEquals(expected, out.toPrefix(), prefix);
        double[][] points = {{-8}, {-2}, {0}, {0.5}, {3}, {32}};
        Evaluator before = Evaluator.compile(in, java.util.List.of("x1", "x2"));
        Evaluator after = Evaluator.compile(out, java.util.List.of("x1", "x2"));
        for (double[] p : points) {
            double[] point = {p[0], 1.5};
            double a = before.evaluate(point);
            if (!Double.isNaN(a)) {
                assertTrue(SimplifierLawsTest.close(a, after.evaluate(point)), prefix + " at " + point[0]);
            }
        }
    }

    /** Rules off, folding off: the spelling is arithmetic on literal exponents and goes with folding. */
    @Test
    void rulesOnlySimplifierLeavesSpellingsAlone() {
        Simplifier rulesOnly = Simplifier.builder().folding(false).likeTerms(false).build();
        assertEquals("pow x1 2", rulesOnly.simplifyPrefix("pow x1 2"));
    }

    /**
     * Random expressions, read from their prefix form and from an infix form of the same tree (every
     * operand parenthesized: the printed infix regroups sums and products), simplify alike.
     */
    @Test
    void bothNotationsOfRandomExpressionsSimplifyAlike() {
        long seed = 20261124L;
        RandomExpressions gen = RandomExpressions.arithmetic(seed);
        for (int i = 0; i < 3000; i++) {
            Expr e = gen.next(3 + gen.rng().nextInt(20));
            Expr viaInfix = Expr.parseInfix(TreeInfix.of(e));
            for (Simplifier s : new Simplifier[] {BUILT_IN, SimplifierLawsTest.SIMPLIFIER}) {
                assertEquals(s.simplify(viaInfix).toPrefix(), s.simplify(e).toPrefix(),
                        "seed " + seed + ", expression #" + i + ": " + e.toPrefix() + "  (" + TreeInfix.of(e) + ")");
            }
        }
    }
}
