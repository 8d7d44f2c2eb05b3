package dev.simplij.simplify;

import dev.simplij.expr.Evaluator;
import dev.simplij.expr.Expr;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;

import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Collection and cancellation of like terms and factors, modulo commutativity and associativity. */
class LikeTermsTest {
    private static final Simplifier BUILT_IN = Simplifier.builder().build();

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            // sums
            "x1*x2 + x2*x1              | 2*x1*x2",
            "x1 + (x2 - x1)             | x2",
            "x1 - x1                    | 0",
            "x1 + x1 + x1               | 3*x1",
            "3*x1 + 2*x1 - 5*x1         | 0",
            "x1 + x2 + 3 + x1           | 2*x1 + x2 + 3",
            "x1/2 + x1/2                | x1",
            "-x1 + -x2                  | -x1 - x2",
            "-(-x1)                     | x1",
            "(x1 + 1) - (1 + x1)        | 0",
            "sin(x1) + x2 - sin(x1)     | x2",
            "x1 - 2*x2 - 3 + x2         | x1 - x2 - 3",
            // products
            "x1*x2/x1                   | x2",
            "x1*x1                      | x1**2",
            "x1/x1                      | 1",
            "x1*x2*x3/(x3*x2)           | x1",
            "x1**2*x1**3/x1             | x1**4",
            "2*x1*3                     | 6*x1",
            "(x1 + 1)*(1 + x1)          | (x1 + 1)**2",
            "1/x1 + 1/x1                | 2/x1",
            "1/(1/x1)                   | x1",
            "(x1**2)**3                 | x1**6",
            "x1*(-1)                    | -x1",
            "0*log(x1)                  | 0",
            "x1**2/x1**2                | 1",
            "sin(x1)*x2/sin(x1)         | x2",
            // two sum factors multiplied out where their products cancel
            "(x1 + x2)*(x1 - x2)         | x1**2 - x2**2",
            "(x1 + x2)*(x1 + x3)         | (x1 + x2)*(x1 + x3)",
            // a factor that a term of a sum factor divides by, whichever factors stand side by side
            "x1*x4*(x4 + 1/x4)           | x1*(x4**2 + 1)",
            "x1*(x4 + 1/x4)*x4           | x1*(x4**2 + 1)",
            // a common factor deep in a long product (the factors of the shortest term are the candidates)
            "x1*x2*x3*x4*x5 + x1*x6      | x1*(x2*x3*x4*x5 + x6)",
    })
    void collects(String input, String expected) {
        assertEquals(expected, BUILT_IN.simplifyInfix(input), input);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            // signs: odd functions give their sign out; a constant heads a chain of subtracted terms
            "x1 - sin(-x1)              | x1 + sin(x1)",
            "2 - x1 - sin(x1)           | -x1 - sin(x1) + 2",
            // numeric coefficients: y + y is 2*y in a product, p/q as a quotient, into a sum when shorter
            "(x1 + x1)*x2               | 2*x1*x2",
            "x1*x1/3                    | x1**2/3",
            "0.5*(2*x1 - 1)             | x1 - 0.5",
            "2*(x1 + 1) - 2             | 2*x1",
            // common factors out of sums
            "x1*x2 - x1*x3              | x1*(x2 - x3)",
            "x1*(x2 + x3) - x1*x2       | x1*x3",
            // a factored term multiplied out where its factor cancels against another term
            "x1 - (-1 - x2)*x3 - x3     | x1 + x2*x3",
            // a square or cube of a sum multiplied out where its products cancel other terms
            "(x1 + x2)**2 - x1**2 - 2*x1*x2 - x2**2    | 0",
            "(x1 + 1)**3 - x1**3 - 3*x1**2 - 3*x1 - 1  | 0",
            "(x1 - x2)**2 + 2*x1*x2                     | x1**2 + x2**2",
            "(x1 + x2)**2 - x1*x3                       | -x1*x3 + (x1 + x2)**2",
            // fractions over a common denominator where that is shorter (SymPy's together)
            "1/x1 - 1/(x1 + 1)                          | 1/(x1*(x1 + 1))",
            "1/(x1 + 1) - 1/(x1 + 2)                    | 1/((x1 + 1)*(x1 + 2))",
            // powers of one base and exponentials merge
            "x1**x2*x1**3               | x1**(x2 + 3)",
            "x1**x2/x1**x3              | x1**(x2 - x3)",
            "x1**x1*(x1**x1)**x2        | (x1**x1)**(x2 + 1)",
            "exp(x1)*exp(x2)            | exp(x1 + x2)",
            "exp(x1 + x2)*exp(-x1)      | exp(x2)",
            "exp(-2)**2*x1              | x1*exp(-4)",
            "x2/exp(-3)**2              | x2*exp(6)",
    })
    void reshapes(String input, String expected) {
        assertEquals(expected, BUILT_IN.simplifyInfix(input), input);
        assertSameValue(input, expected, 7_002L);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            // even functions: the smaller of S and -S; even powers: -S when it is shorter
            "cos(x2 - x1)               | cos(x1 - x2)",
            "abs(-x1 - x2)              | Abs(x1 + x2)",
            "cosh(3 - x1)               | cosh(x1 - 3)",
            "(-x1 - x2)**2              | (x1 + x2)**2",
            "x1**6*(-x1 - x2)**4        | x1**6*(x1 + x2)**4",
            "(-x1 - x2)**100            | (x1 + x2)**100",
            // odd functions and powers: -f(-S) when -S is shorter, the sign to the coefficient
            "sin(-x1 - x2)              | -sin(x1 + x2)",
            "x3 - atan(-x1 - x2)        | x3 + atan(x1 + x2)",
            // ... unless a literal in -S takes the sign for free: sinh(-2*x2 - x1) is one token shorter
            "x3*sinh(-x1 - 2*x2)        | x3*sinh(-x1 - 2*x2)",
            "real_root(-x1 - x2, 3)*x3  | -x3*real_root(x1 + x2, 3)",
            "(-x1 - x2)**3              | -(x1 + x2)**3",
            "(-x1 - x2)**101*(x1 + x2)  | -(x1 + x2)**102",
            // sum factors whose negation is shorter: the sign to the coefficient, like factors merge
            "(-x1 - x2)*(x1 + x2)       | -(x1 + x2)**2",
            "x3 + x1*(-x2 - x3)         | -x1*(x2 + x3) + x3",
            // the sign -1 of a product goes into its only sum factor; a neg factor gives its sign to a sum
            "-x2/(x3 - x1)              | x2/(x1 - x3)",
            "-(x1*(x2 - x3))            | x1*(-x2 + x3)",
            "x3 - x1*(-x2)              | x1*x2 + x3",
            "x2 - (-1)/(x1 + x3)        | x2 + 1/(x1 + x3)",
    })
    void choosesSignsOfSums(String input, String expected) {
        assertEquals(expected, BUILT_IN.simplifyInfix(input), input);
        assertSameValue(input, BUILT_IN.simplifyInfix(input), 7_001L);
    }

    /**
     * Where a sign can sit in several places at the same length, the canonical form decides, not the
     * input: each pair gives one output, no longer than either input.
     */
    @ParameterizedTest(name = "{0} and {1} give one output")
    @CsvSource(delimiter = '|', value = {
            "cos(x1 - x2)                 | cos(x2 - x1)",
            "sin(x1 - x2)                 | -sin(x2 - x1)",
            "sin(2 - x1)                  | -sin(x1 - 2)",
            "(x2 - x3)*x1                 | -(x3 - x2)*x1",
            "(x2 - x1)**2                 | (x1 - x2)**2",
            "(x2 - x1)**3                 | -(x1 - x2)**3",
            "-((x1 - x4)*(x2 - x3))       | (x4 - x1)*(x2 - x3)",
            "-((x1 - x4)*(x2 - x3))       | (x1 - x4)*(x3 - x2)",
            "-((x2 - x3)*atan(x1 - x4))   | (x2 - x3)*atan(x4 - x1)",
    })
    void placesSignsCanonically(String input, String other) {
        Expr a = BUILT_IN.simplify(Expr.parseInfix(input));
        Expr b = BUILT_IN.simplify(Expr.parseInfix(other));
        assertEquals(a, b, input + " and " + other);
        assertTrue(a.size() <= Math.min(Expr.parseInfix(input).size(), Expr.parseInfix(other).size()), a::toInfix);
        assertSameValue(input, a.toInfix(), 7_002L);
    }

    /** Input and output agree at 200 seeded points of [-3, 3]^4 where the input is defined. */
    private static void assertSameValue(String input, String output, long seed) {
        List<String> variables = List.of("x1", "x2", "x3", "x4");
        Evaluator before = Evaluator.compile(Expr.parseInfix(input), variables);
        Evaluator after = Evaluator.compile(Expr.parseInfix(output), variables);
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
        int compared = 0;
        for (int i = 0; i < 200; i++) {
            double[] point = {rng.nextDouble(-3, 3), rng.nextDouble(-3, 3), rng.nextDouble(-3, 3), rng.nextDouble(-3, 3)};
            double a = before.evaluate(point);
            if (Double.isNaN(a)) {
                continue;
            }
            compared++;
            assertEquals(a, after.evaluate(point), 1e-9 * (1 + Math.abs(a)), input + " -> " + output + " at x = "
                    + Arrays.toString(point) + ", seed " + seed);
        }
        assertTrue(compared > 20, input + ": defined at only " + compared + " of 200 points");
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
