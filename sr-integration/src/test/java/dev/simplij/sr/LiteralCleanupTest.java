package dev.simplij.sr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.simplij.expr.Expr;
import dev.simplij.sr.fit.Dataset;
import dev.simplij.sr.fit.Loss;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LiteralCleanupTest {
    /** A literal 0 or 1 factor, a 0 term, or a power 1, as printed in SymPy syntax. */
    private static final Pattern NEUTRAL_LITERAL =
            Pattern.compile("(?<![\\w.])[01](\\.0+)?\\*|\\*\\*1(\\.0+)?(?![\\w.])|[+-] 0(\\.0+)?(?![\\w.])"
                    + "|(?<![\\w.])0(\\.0+)? \\+");

    private static final double[][] X = {{0.5, 2}, {1.5, -1}, {-2, 0.25}, {3, 4}, {-0.75, 1.5}};

    private static Dataset data(java.util.function.DoubleBinaryOperator f) {
        double[] y = new double[X.length];
        for (int i = 0; i < X.length; i++) {
            y[i] = f.applyAsDouble(X[i][0], X[i][1]);
        }
        return Dataset.of(X, y, List.of("x1", "x2"));
    }

    private static Member clean(Dataset data, String skeleton, double... values) {
        Candidate c = new Candidate(Expr.parseInfix(skeleton), values);
        double loss = data.loss(data.compile(c.skeleton()), values, Loss.mse());
        Member m = new Member(c, loss, Complexity.nodeCount().of(c.skeleton()), 7);
        return new LiteralCleanup(data, Loss.mse(), Complexity.nodeCount(), 0, LiteralCleanup.standardFolding()).clean(m);
    }

    @ParameterizedTest(name = "{0} at {1}, {2} prints as {3}")
    @CsvSource(delimiter = '|', value = {
            "<constant>*x1 + <constant>      | 1.0                | 0.0     | x1",
            "x1**<constant> + x2*<constant>  | 1.0                | 0.0     | x1",
            "<constant>*x1 + <constant>      | 0.9999999999997    | -4e-17  | x1",
            "(<constant>*x2 + x1)*<constant> | -1.0000000000002   | 1.0     | x1 - x2",
            "sin(<constant> + <constant>*x1) | 7.678E-11          | 1.0     | sin(x1)",
            "<constant>*x2 + <constant>*x1   | 3e-7               | 1.0     | x1",
    })
    void neutralConstantsFoldAway(String skeleton, double a, double b, String printed) {
        Dataset exact = data((x1, x2) -> printed.equals("sin(x1)") ? Math.sin(x1) : x1 - (printed.contains("x2") ? x2 : 0));
        Member m = clean(exact, skeleton, a, b);
        Equation e = new Equation(m.candidate().skeleton(), m.candidate().constants(), List.of("x1", "x2"),
                m.complexity(), m.loss(), 0);
        assertEquals(printed, e.sympy());
        assertEquals(Complexity.nodeCount().of(Expr.parseInfix(printed)), m.complexity());
        assertTrue(m.loss() < 1e-25, "loss recomputed on the data: " + m.loss());
        assertEquals(7, m.birth());
    }

    /** Seen in the Feynman slice with linear scaling: {@code -7e-15 - kb*v/(A*(1 - gamma))}. */
    @Test
    void constantsThatFoldIntoANegligibleOneGoToo() {
        Member m = clean(data((x1, x2) -> x1), "(<constant> + x1) + <constant>", 3.2, -3.2 + 7e-15);
        assertEquals("x1", new Equation(m.candidate().skeleton(), m.candidate().constants(), List.of("x1", "x2"),
                m.complexity(), m.loss(), 0).sympy());
    }

    @Test
    void aSmallConstantThatMattersStays() {
        Member m = clean(data((x1, x2) -> x1 + 3e-7 * x2), "<constant>*x2 + x1", 3e-7);
        assertEquals(3e-7, m.candidate().constants()[0]);
    }

    @Test
    void aConstantAwayFromAnIntegerStays() {
        Member m = clean(data((x1, x2) -> 1.001 * x1), "<constant>*x1", 1.001);
        assertEquals(1.001, m.candidate().constants()[0]);
    }

    @Test
    void aNearIntegerThatFitsBetterThanTheIntegerStays() {
        double c = 1 + 2e-10;
        Member m = clean(data((x1, x2) -> c * x1), "<constant>*x1", c);
        assertEquals(c, m.candidate().constants()[0], "snapping would raise the loss from 0 to ~1e-20");
    }

    @Test
    void withoutASimplifierOnlyTheConstantsSnap() {
        Dataset exact = data((x1, x2) -> x1);
        Candidate c = new Candidate(Expr.parseInfix("<constant>*x1 + <constant>"), new double[] {0.9999999999997, -4e-17});
        Member m = new Member(c, exact.loss(exact.compile(c.skeleton()), c.constants(), Loss.mse()), 5, 1);
        Member snapped = new LiteralCleanup(exact, Loss.mse(), Complexity.nodeCount(), 0, null).clean(m);
        assertEquals(c.skeleton(), snapped.candidate().skeleton());
        assertEquals(List.of(1.0, 0.0), java.util.Arrays.stream(snapped.candidate().constants()).boxed().toList());
        assertEquals(5, snapped.complexity());
    }

    @Test
    void nothingToCleanGivesTheSameMember() {
        Dataset d = data((x1, x2) -> 2.5 * x1 + x2);
        Candidate c = new Candidate(Expr.parseInfix("<constant>*x1 + x2"), new double[] {2.5});
        Member m = new Member(c, 0, 5, 1);
        assertSame(m, new LiteralCleanup(d, Loss.mse(), Complexity.nodeCount(), 0, LiteralCleanup.standardFolding()).clean(m));
    }

    /** Seed 1 gave {@code 0 + (0.75*(1*(x - x**3) + 1.75*x) + -1*(x - x**3))} on the front before the cleanup. */
    @Test
    void quantizedFrontPrintsNoNeutralLiterals() {
        long seed = 1;
        double[] y = new double[60];
        double[][] x = SearchTest.points(4, v -> v + 0.3 * v * v * v, y);
        SearchResult r = SymbolicRegression.builder().seed(seed).populations(4).populationSize(30).cyclesPerIteration(100)
                .operators(OperatorSet.parse("+,-,*,/,sin")).maxIterations(20).quantize(0.25).build()
                .fit(x, y, List.of("x"));
        assertFalse(r.front().isEmpty());
        for (Equation e : r.front()) {
            assertFalse(NEUTRAL_LITERAL.matcher(e.sympy()).find(), e.sympy());
            double mse = 0;
            double[] p = e.predict(x);
            for (int i = 0; i < y.length; i++) {
                mse += (p[i] - y[i]) * (p[i] - y[i]) / y.length;
            }
            assertEquals(mse, e.loss(), 1e-12 * Math.max(1, mse), "reported loss is the printed expression's: " + e.sympy());
            assertEquals(Complexity.nodeCount().of(e.expression()), e.complexity(), e.sympy());
        }
        for (int i = 1; i < r.front().size(); i++) {
            assertTrue(r.front().get(i).complexity() > r.front().get(i - 1).complexity(), "front by increasing complexity");
            assertTrue(r.front().get(i).loss() < r.front().get(i - 1).loss(), "front by decreasing loss");
        }
    }

    @Test
    void patternCatchesWhatItShould() {
        for (String bad : List.of("1*x", "0.0*x + y", "x + 0", "x - 0.0", "x**1", "y*(1.0*x)", "(0 + x)**2")) {
            assertTrue(NEUTRAL_LITERAL.matcher(bad).find(), bad);
        }
        for (String fine : List.of("10*x", "0.5*x", "x + 0.25", "x**10", "x1*x2", "x**2 + 1", "10 + x")) {
            assertFalse(NEUTRAL_LITERAL.matcher(fine).find(), fine);
        }
    }
}
