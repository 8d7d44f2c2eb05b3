package dev.simplij.simplify;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Exact constant folding, and what is never folded. */
class FoldingTest {
    private static final Simplifier FOLDING = Simplifier.builder().likeTerms(false).build();

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            // integers and terminating decimals, exactly
            "+ 2 3               | 5",
            "- 2 3               | -1",
            "* 4 2.5             | 10",
            "+ 0.1 0.2           | 0.3",
            "* 0.1 3             | 0.3",
            "- 1 0.9             | 0.1",
            "neg 3               | -3",
            "neg -3              | 3",
            "abs -2.5            | 2.5",
            // rationals stay exact, in lowest terms (1/q spelled inv q, as the infix parser reads 1/3)
            "/ 2 4               | 0.5",
            "/ 1 3               | inv 3",
            "/ 2 6               | inv 3",
            "/ 4 -6              | / -2 3",
            "+ / 1 3 / 1 3       | / 2 3",
            "* / 1 3 3           | 1",
            "inv 4               | 0.25",
            "inv 3               | inv 3",
            "inv / 1 3           | 3",
            // powers with small integer exponents
            "pow2 3              | 9",
            "pow3 -2             | -8",
            "pow5 0.5            | 0.03125",
            "pow 2 10            | 1024",
            "pow 2 -2            | 0.25",
            "pow -2 3            | -8",
            "pow 0 0             | 1",
            // exact roots only
            "pow1_2 16           | 4",
            "pow1_2 0.25         | 0.5",
            "pow1_2 / 4 9        | / 2 3",
            "pow1_3 -27          | -3",
            "pow1_4 81           | 3",
            "pow1_5 32           | 2",
            "pow1_2 2            | pow1_2 2",
            "pow1_3 4            | pow1_3 4",
            // elementary functions at their exact points
            "exp 0               | 1",
            "log 1               | 0",
            "sin 0               | 0",
            "cos 0               | 1",
            "acos 1              | 0",
            "log E               | 1",
            "cos pi              | -1",
            "sin 1               | sin 1",
            "exp 1               | exp 1",
            "+ pi 1              | + 1 pi",
            // never fold something undefined (only spell it as infix reads it: 1/0, 0**(-1), (-8)**0.5)
            "/ 1 0               | inv 0",
            "inv 0               | inv 0",
            "log -1              | log -1",
            "log 0               | log 0",
            "pow1_2 -4           | pow1_2 -4",
            "pow1_4 -16          | pow1_4 -16",
            "pow 0 -1            | inv 0",
            "pow -8 0.5          | pow1_2 -8",
            "asin 2              | asin 2",
            // inside larger expressions
            "sin * 2 - 3 1       | sin 4",
            "* x1 + 2 / 1 0      | * + 2 inv 0 x1",
    })
    void folds(String input, String expected) {
        assertEquals(expected, FOLDING.simplifyPrefix(input), input);
    }
}
