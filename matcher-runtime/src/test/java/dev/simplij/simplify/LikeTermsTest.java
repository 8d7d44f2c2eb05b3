package dev.simplij.simplify;

import dev.simplij.expr.Evaluator;
import dev.simplij.expr.Expr;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Collection and cancellation of like terms and factors, modulo commutativity and associativity. */
class LikeTermsTest {
    private static final Simplifier BUILT_IN = Simplifier.builder().build();

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            // sums
            "x1*x2 + x2*x1              | 2*(x1*x2)",
            "x1 + (x2 - x1)             | x2",
            "x1 - x1                    | 0",
            "x1 + x1 + x1               | 3*x1",
            "3*x1 + 2*x1 - 5*x1         | 0",
            "x1 + x2 + 3 + x1           | 3 + (2*x1 + x2)",
            "x1/2 + x1/2                | x1",
            "-x1 + -x2                  | -x1 - x2",
            "-(-x1)                     | x1",
            "(x1 + 1) - (1 + x1)        | 0",
            "sin(x1) + x2 - sin(x1)     | x2",
            "x1 - 2*x2 - 3 + x2         | -3 + (x1 - x2)",
            // products
            "x1*x2/x1                   | x2",
            "x1*x1                      | x1**2",
            "x1/x1                      | 1",
            "x1*x2*x3/(x3*x2)           | x1",
            "x1**2*x1**3/x1             | x1**4",
            "2*x1*3                     | 6*x1",
            "(x1 + 1)*(1 + x1)          | (1 + x1)**2",
            "1/x1 + 1/x1                | 2/x1",
            "1/(1/x1)                   | x1",
            "(x1**2)**3                 | x1**6",
            "x1*(-1)                    | -x1",
            "0*log(x1)                  | 0",
            "x1**2/x1**2                | 1",
            "sin(x1)*x2/sin(x1)         | x2",
    })
    void collects(String input, String expected) {
        assertEquals(expected, BUILT_IN.simplifyInfix(input), input);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            // signs: odd functions give their sign out; a constant heads a chain of subtracted terms
            "x1 - sin(-x1)              | sin(x1) + x1",
            "2 - x1 - sin(x1)           | 2 - sin(x1) - x1",
            // numeric coefficients: y + y is 2*y in a product, p/q as a quotient, into a sum when shorter
            "(x1 + x1)*x2               | 2*(x1*x2)",
            "x1*x1/3                    | x1**2/3",
            "0.5*(2*x1 - 1)             | -0.5 + x1",
            "2*(x1 + 1) - 2             | 2*x1",
            // common factors out of sums
            "x1*x2 - x1*x3              | (x2 - x3)*x1",
            "x1*(x2 + x3) - x1*x2       | x1*x3",
            // powers of one base and exponentials merge
            "x1**x2*x1**3               | x1**(3 + x2)",
            "x1**x2/x1**x3              | x1**(x2 - x3)",
            "exp(x1)*exp(x2)            | exp(x1 + x2)",
            "exp(x1 + x2)*exp(-x1)      | exp(x2)",
    })
    void reshapes(String input, String expected) {
        assertEquals(expected, BUILT_IN.simplifyInfix(input), input);
    }

    @ParameterizedTest(name = "{0} stays")
    @CsvSource(delimiter = '|', value = {
            "x1 + x2",
            "x1*x2",
            "2*(x1 + x2)",
            "x1/3",
            "x1**x2*x1",
            "x1 - x2",
            "-2 - x1",
            "x1*(x2 + x3)",
            "exp(x1)*x2",
    })
    void leavesWhatIsNotShorter(String input) {
        Expr e = Expr.parseInfix(input);
        assertEquals(e.size(), BUILT_IN.simplify(e).size(), input);
    }

    /** Found by the reliability suite's 10M run: the merged argument equalled the first one's. */
    @Test
    void mergedExponentialsKeepTheirPowerRight() {
        Simplifier s = Simplifier.builder().rules(List.of()).build();
        for (String[] pair : new String[][] {
                {"exp(-x1)**2*exp(x1)", "exp(-x1)"},
                {"exp(x1)*exp(-x1)**2", "exp(-x1)"},
                {"exp(x1)**3*exp(-x1)**2", "exp(x1)"}}) {
            Expr in = Expr.parseInfix(pair[0]);
            Expr out = s.simplify(in);
            double[] point = {0.7};
            assertEquals(Evaluator.compile(in, List.of("x1")).evaluate(point),
                    Evaluator.compile(out, List.of("x1")).evaluate(point), 1e-12, pair[0] + " -> " + out);
            assertEquals(pair[1], s.simplifyInfix(pair[0]));
        }
    }
}
