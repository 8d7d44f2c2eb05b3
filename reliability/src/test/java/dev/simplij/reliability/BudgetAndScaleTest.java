package dev.simplij.reliability;

import dev.simplij.expr.Evaluator;
import dev.simplij.expr.Expr;
import dev.simplij.rules.Rule;
import dev.simplij.simplify.Simplification;
import dev.simplij.simplify.Simplifier;
import dev.simplij.simplify.StopReason;
import dev.simplij.simplify.Unguarded;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Rule sets that fight the built-in steps, and pathological sizes: simplify always stops, within its
 * budget, with a result no longer than its input, and scales near-linearly.
 */
class BudgetAndScaleTest {
    /**
     * {@code * 2 _0 -> + _0 _0} is strictly decreasing in the rule order, yet like-term collection
     * turns {@code x + x} back into {@code 2*x} (collected like terms are the canonical form even at
     * equal length): a cycle between a rule and a built-in step. The normalizer recognizes a step
     * that returns to a term of its own chain and ends the cycle at the cycle's smallest term, so
     * every input reaches {@code FIXPOINT} in a few steps instead of running to the budget.
     */
    @Test
    void aRuleThatFightsLikeTermCollectionCannotMakeSimplifyRunForever() {
        Simplifier fighting = Simplifier.builder()
                .rules(List.of(Rule.parse("* 2 _0 -> + _0 _0"), Rule.parse("+ _0 _0 -> pow2 _0")))
                .build();
        for (String text : List.of("2*x1", "x1 + x1", "2*(x1 + x1) + 2*x2", "sin(2*x1)*2")) {
            Expr in = Expr.parseInfix(text);
            Simplification s = SmallStack.call("simplify " + text, () -> Unguarded.simplify(fighting, in));
            assertEquals(StopReason.FIXPOINT, s.stopReason(), () -> text + ": " + s);
            assertTrue(s.steps() <= 100, () -> text + ": " + s);
            assertTrue(s.result().size() <= in.size(), () -> text + " -> " + s.result() + " before the never-longer guard");
        }
    }

    @Test
    void aTinyBudgetStopsCleanlyAndSaysSo() {
        Simplifier tight = Simplifier.builder().rules(TestRules.IDENTITIES).stepBudget(1).build();
        Expr in = Expr.parseInfix("(x1 - x1) + (x2 - x2) + (x3 - x3) + log(exp(x4))");
        Simplification s = Unguarded.simplify(tight, in);
        assertEquals(StopReason.BUDGET, s.stopReason(), s::toString);
        assertTrue(s.result().size() <= in.size(), () -> s + " before the never-longer guard");
        assertTrue(s.steps() <= 2, s::toString);
    }

    @Test
    void millionDeepNegChainSimplifiesWithoutRecursion() {
        Simplifier simplifier = TestRules.simplifier(TestRules.IDENTITIES);
        Expr even = Expr.parsePrefix("neg ".repeat(1_000_000) + "x1");
        Simplification s = SmallStack.call("simplify deep neg", () -> simplifier.simplifyWithReport(even));
        assertEquals(StopReason.FIXPOINT, s.stopReason(), s::toString);
        assertEquals(Expr.parseInfix("x1"), s.result());
        Expr odd = Expr.parsePrefix("neg ".repeat(999_999) + "x1");
        Simplification t = SmallStack.call("simplify deep neg", () -> simplifier.simplifyWithReport(odd));
        assertEquals(StopReason.FIXPOINT, t.stopReason(), t::toString);
        Evaluator ev = Evaluator.compile(t.result(), List.of("x1"));
        assertEquals(-2.0, ev.evaluate(new double[] {2.0}));
    }

    @Test
    void millionDeepSinChainSimplifiesWithoutRecursion() {
        Simplifier simplifier = TestRules.simplifier(TestRules.IDENTITIES);
        Expr deep = Expr.parsePrefix("sin ".repeat(1_000_000) + "neg x1");
        Simplification s = SmallStack.call("simplify deep sin", () -> Unguarded.simplify(simplifier, deep));
        assertEquals(StopReason.FIXPOINT, s.stopReason());
        assertTrue(s.result().size() <= deep.size(), "longer before the never-longer guard");
        Evaluator ev = Evaluator.compile(s.result(), List.of("x1"));
        Evaluator in = Evaluator.compile(deep, List.of("x1"));
        for (double x : new double[] {-1.5, 0.3, 2.0}) {
            assertEquals(in.evaluate(new double[] {x}), ev.evaluate(new double[] {x}), 1e-12, "at x1 = " + x);
        }
    }

    /** 100,000-token sums of like terms: collected, and time grows near-linearly with size. */
    @Test
    void hundredThousandTokenSumsOfLikeTermsSimplifyInNearLinearTime() {
        Simplifier simplifier = TestRules.simplifier(TestRules.IDENTITIES);
        long small = timeLikeTermSum(simplifier, 10_000);
        long large = timeLikeTermSum(simplifier, 100_000);
        assertTrue(large < 40 * Math.max(small, 2_000_000L),
                "10x the terms took " + (double) large / small + "x the time (" + large / 1_000_000 + " ms)");
    }

    private static long timeLikeTermSum(Simplifier simplifier, int tokens) {
        StringBuilder prefix = new StringBuilder();
        int terms = (tokens + 1) / 4;
        for (int i = 1; i < terms; i++) {
            prefix.append("+ ");
        }
        for (int i = 0; i < terms; i++) {
            prefix.append(i % 2 == 0 ? "* x1 x2 " : "* x2 x1 ");
        }
        Expr sum = Expr.parsePrefix(prefix.toString());
        simplifier.simplify(sum); // warm-up
        long t0 = System.nanoTime();
        Expr out = SmallStack.call("like terms", () -> simplifier.simplify(sum));
        long t = System.nanoTime() - t0;
        assertTrue(out.size() <= 5, () -> "a sum of " + terms + " copies of x1*x2 gave " + out.size() + " tokens");
        return t;
    }
}
