package dev.simplij.expr;

import dev.simplij.testing.RandomExpressions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class EvaluatorTest {
    private static final List<String> XY = List.of("x1", "x2");

    @ParameterizedTest(name = "{0} at (x1, x2) = (2, -3) is {1}")
    @CsvSource(delimiter = '|', value = {
            "x1 + x2            | -1",
            "x1*x2 - x1/x2      | -5.333333333333333",
            "x1**x2             | 0.125",
            "x2**2              | 9",
            "sqrt(x1*8)         | 4",
            "real_root(x2*9, 3) | -3",
            "Abs(x2) + pi*0     | 3",
            "log(E**2)          | 2",
            "1/(x1 - 2)         | NaN",
            "log(x2)            | NaN",
            "sqrt(x2)           | NaN",
            "x2**0.5            | NaN",
            "0**x2              | NaN",
            "(-8)**(1/3)        | NaN",
            "x2**3              | -27",
            "asin(x1)           | NaN",
            "exp(1000)          | NaN",
    })
    void evaluatesOnTheReals(String infix, double expected) {
        double v = Evaluator.compile(Expr.parseInfix(infix), XY).evaluate(new double[] {2, -3});
        assertEquals(expected, v, 1e-12, infix);
    }

    @Test
    void batchEqualsPointByPoint() {
        long seed = 41L;
        RandomExpressions gen = RandomExpressions.arithmetic(seed);
        for (int i = 0; i < 500; i++) {
            Expr e = gen.next(1 + gen.rng().nextInt(30));
            Evaluator f = Evaluator.compile(e, RandomExpressions.VARIABLES);
            double[][] points = new double[16][];
            for (int p = 0; p < points.length; p++) {
                points[p] = gen.point();
            }
            double[] batch = f.evaluate(points);
            for (int p = 0; p < points.length; p++) {
                assertEquals(f.evaluate(points[p]), batch[p], 0.0, "seed " + seed + " #" + i + ": " + e);
            }
        }
    }

    /**
     * Column-wise evaluation keeps constants as scalars and reads columns in place: the values must
     * still be those of point-by-point evaluation, bit for bit, and the caller's columns untouched.
     */
    @Test
    void columnsEqualPointByPointAndAreLeftUntouched() {
        long seed = 43L;
        RandomExpressions gen = RandomExpressions.anything(seed);
        int rows = 16;
        for (int i = 0; i < 500; i++) {
            Expr e = gen.next(1 + gen.rng().nextInt(30));
            Evaluator f = Evaluator.compile(e, RandomExpressions.VARIABLES);
            double[] constants = new double[f.constantCount()];
            for (int k = 0; k < constants.length; k++) {
                constants[k] = gen.rng().nextDouble() * 4 - 2;
            }
            double[][] columns = new double[RandomExpressions.VARIABLES.size()][rows];
            for (int r = 0; r < rows; r++) {
                double[] point = gen.point();
                for (int c = 0; c < point.length; c++) {
                    columns[c][r] = point[c];
                }
            }
            double[][] before = new double[columns.length][];
            for (int c = 0; c < columns.length; c++) {
                before[c] = columns[c].clone();
            }
            double[] values = f.evaluateColumns(columns, rows, constants);
            Arrays.fill(values, 42); // the result is the caller's: writing it must not reach the columns
            values = f.evaluateColumns(columns, rows, constants);
            for (int c = 0; c < columns.length; c++) {
                assertArrayEquals(before[c], columns[c], "seed " + seed + " #" + i + ": " + e);
            }
            for (int r = 0; r < rows; r++) {
                double[] point = {columns[0][r], columns[1][r], columns[2][r]};
                assertEquals(Double.doubleToLongBits(f.evaluate(point, constants)), Double.doubleToLongBits(values[r]),
                        "seed " + seed + " #" + i + ": " + e + " at row " + r);
            }
        }
    }

    @Test
    void constantsAreReadInOccurrenceOrder() {
        Evaluator f = Evaluator.compile(Expr.parseInfix("<constant>*x1 + <constant>"), List.of("x1"));
        assertEquals(2, f.constantCount());
        assertEquals(7, f.evaluate(new double[] {2}, new double[] {3, 1}), 0.0);
    }
}
