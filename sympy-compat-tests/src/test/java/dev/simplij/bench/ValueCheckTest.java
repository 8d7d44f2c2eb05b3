package dev.simplij.bench;

import dev.simplij.expr.Evaluator;
import dev.simplij.expr.Expr;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Where the doubles disagree, the exact values decide, for outputs that are NaN in doubles too. */
class ValueCheckTest {
    private static final List<String> COLUMNS = List.of("x", "y");

    private static boolean close(String input, String output, double x, double y) {
        Expr in = Expr.parseInfix(input);
        Expr out = Expr.parseInfix(output);
        double[] p = {x, y};
        double a = Evaluator.compile(in, COLUMNS).evaluate(p);
        double b = Evaluator.compile(out, COLUMNS).evaluate(p);
        return ValueCheck.close(in, out, COLUMNS, p, a, b);
    }

    @Test
    void anOutputThatOverflowsOnlyInDoublesKeepsTheValue() {
        // exp(800) overflows, so the output is NaN by the evaluator's convention; on the reals it is x*exp(-800)
        assertTrue(Double.isNaN(Evaluator.compile(Expr.parseInfix("x/exp(y)"), COLUMNS).evaluate(new double[] {2, 800})));
        assertTrue(close("x*exp(-y) - 4", "x/exp(y) - 4", 2, 800));
    }

    @Test
    void anOutputUndefinedOnTheRealsOrOfAnotherValueIsAMismatch() {
        assertFalse(close("x", "x*log(y)/log(y)", 2, 1)); // 0/0 where the input is defined
        assertFalse(close("x*exp(-y) - 4", "x/exp(y) - 3.9", 2, 800));
        assertFalse(close("x + y", "x - y", 2, 1));
    }
}
