package dev.simplij.simplify;

import dev.simplij.expr.Expr;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

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

    @ParameterizedTest(name = "{0} stays")
    @CsvSource(delimiter = '|', value = {
            "x1 + x2",
            "x1*x2",
            "2*(x1 + x2)",
            "x1/3",
            "x1**x2*x1",
            "x1 - x2",
    })
    void leavesWhatIsNotShorter(String input) {
        Expr e = Expr.parseInfix(input);
        assertEquals(e.size(), BUILT_IN.simplify(e).size(), input);
    }
}
