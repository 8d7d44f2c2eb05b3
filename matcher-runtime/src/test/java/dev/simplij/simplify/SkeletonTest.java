package dev.simplij.simplify;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Skeleton mode: {@code <constant>} absorbs what any choice of constants can express. Sound when
 * for every choice of the input's constants some choice of the output's gives the same function.
 */
class SkeletonTest {
    private static final Simplifier SKELETON = Simplifier.builder().skeleton(true).build();
    private static final Simplifier PLAIN = Simplifier.builder().build();

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "<constant> + <constant>              | <constant>",
            "<constant>*(x1*<constant>)           | <constant>*x1",
            "sin(<constant>) + x1                 | <constant> + x1",
            "x1 + 3 + <constant>                  | <constant> + x1",
            "<constant>*x1 + x1                   | <constant>*x1",
            "2*<constant>*x1                      | <constant>*x1",
            "x1/<constant>                        | <constant>*x1",
            "log(<constant>*2)                    | <constant>",
            "exp(<constant>)**2 - <constant>      | <constant>",
            "<constant>*x1 - <constant>*x1        | <constant>*x1",
            "sin(x1*<constant>)                   | sin(<constant>*x1)",
            "x1 + x2                              | x1 + x2",
            // two unknowns: never factored into one (the factored form once dropped both)
            "<constant>*x1 - <constant>*x1*cos(x2)**2 | x1*(<constant> + <constant>*cos(x2)**2)",
    })
    void absorbs(String input, String expected) {
        assertEquals(expected, SKELETON.simplifyInfix(input), input);
    }

    @ParameterizedTest(name = "{0} keeps its independent constants without skeleton mode")
    @CsvSource(delimiter = '|', value = {
            "<constant> + <constant>              | <constant> + <constant>",
            "<constant> - <constant>              | <constant> - <constant>",
            "<constant>/<constant>                | <constant>/<constant>",
            "(x1 + <constant>)/(x1 + <constant>)  | (<constant> + x1)/(<constant> + x1)",
            "<constant>*x1 + <constant>*x1        | x1*(<constant> + <constant>)",
            "x1 + <constant> - x1                 | <constant>",
    })
    void plainModeNeverIdentifiesTwoConstants(String input, String expected) {
        // each <constant> occurrence is its own unknown: c1 - c2 is not 0
        assertEquals(expected, PLAIN.simplifyInfix(input), input);
    }
}
