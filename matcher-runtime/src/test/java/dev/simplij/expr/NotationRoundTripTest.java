package dev.simplij.expr;

import dev.simplij.testing.RandomExpressions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Arrays;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Prefix prints and reads back to the same tree. Infix prints in SymPy's reading order and reads
 * back to an expression of the same value; the infix parser spells what it reads with the
 * shortest operator of the table: {@code / 1 x} reads as {@code inv x}; {@code pow x 2|3|4|5} as
 * {@code pow2..pow5 x}; {@code pow x 0.5}, {@code pow x (1/2)} as {@code pow1_2 x};
 * {@code pow x 0.25} as {@code pow1_4 x}; {@code pow x -1} as {@code inv x}.
 */
class NotationRoundTripTest {
    private static final int EXPRESSIONS = 4000;
    private static final int POINTS = 4;
    private static final double TOLERANCE = 1e-9;

    @Test
    void prefixRoundTrip() {
        long seed = 31L;
        RandomExpressions gen = RandomExpressions.anything(seed);
        for (int i = 0; i < EXPRESSIONS; i++) {
            Expr e = gen.next(1 + gen.rng().nextInt(40));
            assertEquals(e, Expr.parsePrefix(e.toPrefix()), "seed " + seed + " #" + i + ": " + e);
        }
    }

    /**
     * Printed infix reads back to an expression of the same value at random points, not always to
     * the same tree: sums and products print flat and reordered ({@code 2*x1*x2} reads as
     * {@code (2*x1)*x2}, {@code x1 - x2} may come from {@code + neg x2 x1}). Values are compared up to
     * rounding; a point where the input itself moves by more than that when its coordinates move in
     * the tenth digit is ill-conditioned (regrouping a sum may change its rounding arbitrarily
     * there), skipped, and counted: at most 2% of the points may be skipped.
     */
    @Test
    void infixReadsBackToTheSameValue() {
        long seed = 37L;
        RandomExpressions gen = RandomExpressions.anything(seed);
        int compared = 0;
        int skipped = 0;
        int differentTrees = 0;
        for (int i = 0; i < EXPRESSIONS; i++) {
            Expr e = gen.next(1 + gen.rng().nextInt(40));
            String infix = e.toInfix();
            Expr back = Expr.parseInfix(infix);
            if (!back.equals(e)) {
                differentTrees++;
            }
            // Once read, the text is the tree's own: the reading order depends on terms and factors, not on grouping.
            String again = back.toInfix();
            assertEquals(again, Expr.parseInfix(again).toInfix(), () -> "seed " + seed + ": " + e + " printed " + infix);
            // Each <constant> is its own unknown, and printing may reorder them: give them all one value.
            double constant = 0.5 + gen.rng().nextDouble();
            double[] constants = new double[e.constantCount()];
            Arrays.fill(constants, constant);
            assertEquals(e.constantCount(), back.constantCount(), () -> "constants of " + e + " printed " + infix);
            Evaluator before = Evaluator.compile(e, RandomExpressions.VARIABLES);
            Evaluator after = Evaluator.compile(back, RandomExpressions.VARIABLES);
            for (int k = 0; k < POINTS; k++) {
                double[] p = gen.point();
                double expected = before.evaluate(p, constants);
                double actual = after.evaluate(p, constants);
                if (close(expected, actual)) {
                    compared++;
                } else if (illConditioned(before, p, constants, expected)) {
                    skipped++;
                } else {
                    fail("seed " + seed + " #" + i + ": " + e + " printed " + infix + " reads back as " + back
                            + ": at " + Arrays.toString(p) + " (constants " + constant + ") " + expected + " became "
                            + actual);
                }
            }
        }
        System.out.printf(Locale.ROOT, "infix read back: %d points equal, %d ill-conditioned skipped, %d of %d trees "
                + "read back different%n", compared, skipped, differentTrees, EXPRESSIONS);
        assertTrue(skipped * 50 <= compared, skipped + " ill-conditioned points skipped, " + compared + " compared");
        assertTrue(differentTrees > EXPRESSIONS / 2, "flat printing reads back a different tree for most random inputs");
    }

    /** Texts whose printed form once failed to print as itself after reading back (found by fuzzing). */
    @ParameterizedTest(name = "{0} prints as {1}")
    @CsvSource(delimiter = '|', value = {
            "-0-00-0        | 0 + 0 + 0",
            "-(0*x1) + x2   | 0*x1 + x2",
            "(V - VVg) - V  | -V + V - VVg",
            "-(1/x1**(-1))  | -1/(1/x1)",
    })
    void printedTextIsAFixedPoint(String input, String printed) {
        assertEquals(printed, Expr.parseInfix(input).toInfix());
        assertEquals(printed, Expr.parseInfix(printed).toInfix());
    }

    /** Long sums and products sort in n log n comparisons: 200,000 terms or factors print in seconds at most. */
    @Test
    void longSumsAndProductsPrintInReadingOrder() {
        int n = 200_000;
        for (Operator op : new Operator[] {Operator.ADD, Operator.MUL}) {
            Expr.Builder b = Expr.builder();
            for (int i = 1; i < n; i++) {
                b.operator(op);
            }
            for (int i = n - 1; i >= 0; i--) {
                b.variable("x" + i);
            }
            long start = System.nanoTime();
            String text = b.build().toInfix();
            long millis = (System.nanoTime() - start) / 1_000_000;
            String separator = op == Operator.ADD ? " + " : "*";
            assertTrue(text.startsWith("x0" + separator + "x1" + separator + "x10" + separator), text.substring(0, 30));
            assertTrue(millis < 20_000, op + " of " + n + " took " + millis + " ms");
        }
    }

    private static boolean close(double expected, double actual) {
        if (Double.isNaN(expected) || Double.isNaN(actual)) {
            return Double.isNaN(expected) && Double.isNaN(actual);
        }
        return Math.abs(expected - actual) <= TOLERANCE * Math.max(1, Math.max(Math.abs(expected), Math.abs(actual)));
    }

    /** True when moving every coordinate in the tenth digit moves the value by more than the tolerance. */
    private static boolean illConditioned(Evaluator e, double[] p, double[] constants, double value) {
        for (double factor : new double[] {1 + 1e-10, 1 - 1e-10}) {
            double[] q = p.clone();
            for (int c = 0; c < q.length; c++) {
                q[c] *= factor;
            }
            if (!close(value, e.evaluate(q, constants))) {
                return true;
            }
        }
        return false;
    }

    @ParameterizedTest(name = "{0} reads as {1}")
    @CsvSource(delimiter = '|', value = {
            "x1**2            | pow2 x1",
            "x1^3             | pow3 x1",
            "x1**(1/2)        | pow1_2 x1",
            "x1**0.5          | pow1_2 x1",
            "sqrt(x1)         | pow1_2 x1",
            "x1**(1/4)        | pow1_4 x1",
            "1/x1             | inv x1",
            "x1**(-1)         | inv x1",
            "real_root(x1, 3) | pow1_3 x1",
            "pow(x1, 3)       | pow3 x1",
            "Pow(x1, x2 + 1)  | pow x1 + x2 1",
            "pow(2, -x1)*x2   | * pow 2 neg x1 x2",
            "Abs(x1)          | abs x1",
            "-x1**2           | neg pow2 x1",
            "-2**2            | neg pow2 2",
            "-2*x1            | * -2 x1",
            "x1 - -2          | - x1 -2",
            "2**3**2          | pow 2 pow2 3",
            "sin(x1)**2 + cos(x1)**2 | + pow2 sin x1 pow2 cos x1",
    })
    void documentedSpellings(String infix, String prefix) {
        assertEquals(prefix, Expr.parseInfix(infix).toPrefix());
    }
}
