package dev.simplij.simplify;

import dev.simplij.expr.Expr;
import dev.simplij.rules.Rule;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The rules-only bottom-up rewriter the miner uses: folding and like terms off. */
class RulesOnlyRewriterTest {
    private static final Simplifier RULES_ONLY = Simplifier.builder()
            .rules(List.of(
                    Rule.parse("- _0 _0 -> 0"),
                    Rule.parse("* 0 _0 -> 0"),
                    Rule.parse("+ 0 _0 -> _0"),
                    Rule.parse("neg neg _0 -> _0"),
                    Rule.parse("+ pow2 sin _0 pow2 cos _0 -> 1"),
                    Rule.parse("+ 1 1 -> 2")))
            .folding(false)
            .likeTerms(false)
            .build();

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "+ * x1 - x2 x2 + pow2 sin x1 pow2 cos x1  | 1",
            "neg neg neg neg neg x1                    | neg x1",
            "+ + pow2 cos x1 pow2 sin x1 + pow2 sin x1 pow2 cos x1 | 2",
            "sin + x1 x2                               | sin + x1 x2",
            "* x2 x1                                   | * x1 x2",
    })
    void reducesBottomUpToAFixpoint(String input, String expected) {
        Simplification s = RULES_ONLY.simplifyWithReport(Expr.parsePrefix(input));
        assertEquals(expected, s.result().toPrefix());
        assertEquals(StopReason.FIXPOINT, s.stopReason());
    }

    @Test
    void withoutCanonicalOrderAnIrreducibleExpressionComesBackUnchanged() {
        Simplifier asIs = Simplifier.builder().rules(List.of(Rule.parse("- _0 _0 -> 0"))).folding(false)
                .likeTerms(false).canonicalOrder(false).build();
        assertEquals("* x2 x1", asIs.simplifyPrefix("* x2 x1"));
        assertEquals("* x2 0", asIs.simplifyPrefix("* x2 - x1 x1"));
    }

    @Test
    void deepNegChainDoesNotOverflowTheStack() {
        int depth = 1_000_000;
        StringBuilder sb = new StringBuilder(depth * 4 + 2);
        for (int i = 0; i < depth; i++) {
            sb.append("neg ");
        }
        sb.append("x1");
        Expr deep = Expr.parsePrefix(sb.toString());
        assertEquals("x1", RULES_ONLY.simplify(deep).toPrefix());
        Expr odd = Expr.parsePrefix("neg " + sb);
        assertEquals("neg x1", RULES_ONLY.simplify(odd).toPrefix());
    }

    @Test
    void budgetStopsCleanly() {
        Simplifier tight = Simplifier.builder().rules(List.of(Rule.parse("neg neg _0 -> _0"))).stepBudget(3)
                .likeTerms(false).build();
        Expr e = Expr.parsePrefix("- - - neg neg x1 neg neg x2 neg neg x3 neg neg x4");
        Simplification s = tight.simplifyWithReport(e);
        assertEquals(StopReason.BUDGET, s.stopReason());
        assertEquals(3, s.steps());
        assertEquals(e.size() - 2 * 3, s.result().size());
        Simplification enough = Simplifier.builder().rules(List.of(Rule.parse("neg neg _0 -> _0"))).stepBudget(4)
                .likeTerms(false).build().simplifyWithReport(e);
        assertEquals("- - - x1 x2 x3 x4", enough.result().toPrefix());
        assertEquals(StopReason.FIXPOINT, enough.stopReason());
    }
}
