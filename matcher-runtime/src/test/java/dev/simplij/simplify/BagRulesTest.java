package dev.simplij.simplify;

import dev.simplij.expr.Evaluator;
import dev.simplij.expr.Expr;
import dev.simplij.rules.Rule;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Rules with a sum or product left side apply to any of a chain's items, with a common multiple. */
class BagRulesTest {
    private static final List<Rule> RULES = List.of(
            Rule.parse("+ pow2 sin _0 pow2 cos _0 -> 1"),
            Rule.parse("/ sin _0 cos _0 -> tan _0"),
            Rule.parse("+ 1 pow2 tan _0 -> inv pow2 cos _0"),
            Rule.parse("* 2 * sin _0 cos _0 -> sin + _0 _0"),
            Rule.parse("- pow2 cos _0 pow2 sin _0 -> cos + _0 _0"),
            Rule.parse("- * 2 pow2 cos _0 1 -> cos * 2 _0"),
            Rule.parse("- 1 pow2 cos _0 -> pow2 sin _0"));
    private static final Simplifier WITH_BAGS = Simplifier.builder().rules(RULES).build();

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            // the Pythagorean bag among other terms, and with a common coefficient
            "sin(x1)**2 + cos(x1)**2                      | 1",
            "sin(x1)**2 + sin(x2)**2 + cos(x1)**2          | 1 + sin(x2)**2",
            "2*sin(x1)**2 + 2*cos(x1)**2                  | 2",
            "cos(x1)**2 + x2 + sin(x1)**2 + x3            | 1 + x2 + x3",
            "2*sin(x)**2 + 3*cos(x)**2 + y                | 2 + cos(x)**2 + y",
            "log(2*sin(x)**2 + 2*cos(x)**2)               | log(2)",
            // a constant term is part of the bag
            "1 + x2 + tan(x1)**2                          | 1/cos(x1)**2 + x2",
            // of the applications found, the shortest result wins, not the first rule
            "1 - cos(x1)**2                               | sin(x1)**2",
            "2 - 2*cos(x1)**2 + x2                        | 2*sin(x1)**2 + x2",
            // a coefficient that divides
            "-3*sin(x)**2 + 3*cos(x)**2                   | 3*cos(2*x)",
            // products: exponents are multiples of the bag's
            "x2*sin(x1)/cos(x1)                           | tan(x1)*x2",
            "sin(x1)**3*x2/cos(x1)**3                     | tan(x1)**3*x2",
            "x3*2*sin(x1)*x2*cos(x1)                      | sin(2*x1)*x2*x3",
    })
    void appliesAmongItems(String input, String expected) {
        Expr want = Expr.parseInfix(expected);
        Expr got = WITH_BAGS.simplify(Expr.parseInfix(input));
        assertEquals(WITH_BAGS.simplify(want), got, input + " gave " + got.toInfix());
    }

    @ParameterizedTest(name = "{0} stays")
    @CsvSource(delimiter = '|', value = {
            // 1/tan(x) would be undefined where cos(x)/sin(x) is 0
            "cos(x1)/sin(x1)",
            // 1 + tan**2 - 1 + ... : the constant's sign must agree with the term's
            "-1 + tan(x1)**2",
            // no instance: different arguments
            "sin(x1)**2 + cos(x2)**2",
    })
    void keepsWhatIsNoInstance(String input) {
        Expr e = Expr.parseInfix(input);
        Expr plain = Simplifier.builder().build().simplify(e);
        assertEquals(plain, WITH_BAGS.simplify(e), input);
    }

    @Test
    void resultDoesNotDependOnTheOrderOfTheItems() {
        long seed = 20261207L;
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
        String[] pool = {"sin(x1)**2", "cos(x1)**2", "sin(x2)**2", "cos(x2)**2", "tan(x1)**2", "x3", "1", "x1*x2"};
        int[][] points = {{1, 2, 3}, {-2, 5, 1}, {3, -1, -4}};
        for (int round = 0; round < 200; round++) {
            List<String> terms = new ArrayList<>();
            int n = 2 + rng.nextInt(5);
            for (int i = 0; i < n; i++) {
                terms.add((1 + rng.nextInt(3)) + "*" + pool[rng.nextInt(pool.length)]);
            }
            Expr first = Expr.parseInfix(String.join(" + ", terms));
            Expr expected = WITH_BAGS.simplify(first);
            for (int shuffle = 0; shuffle < 4; shuffle++) {
                Collections.shuffle(terms, new java.util.Random(rng.nextLong()));
                Expr variant = Expr.parseInfix(String.join(" + ", terms));
                assertEquals(expected, WITH_BAGS.simplify(variant),
                        "seed " + seed + ", round " + round + ": " + first.toInfix() + " vs " + variant.toInfix());
            }
            List<String> columns = List.of("x1", "x2", "x3");
            Evaluator in = Evaluator.compile(first, columns);
            Evaluator out = Evaluator.compile(expected, columns);
            for (int[] p : points) {
                double[] x = {p[0], p[1], p[2]};
                double before = in.evaluate(x);
                double after = out.evaluate(x);
                assertTrue(Math.abs(before - after) <= 1e-9 * Math.max(1, Math.abs(before)),
                        "seed " + seed + ", round " + round + ": " + first.toInfix() + " = " + before + " but "
                                + expected.toInfix() + " = " + after);
            }
        }
    }
}
