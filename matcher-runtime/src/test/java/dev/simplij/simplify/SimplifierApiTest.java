package dev.simplij.simplify;

import dev.simplij.expr.Evaluator;
import dev.simplij.expr.Expr;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SimplifierApiTest {
    @Test
    void standardNamesTheMissingResourceWhenTheRulesetsModuleIsAbsent() {
        // matcher-runtime's own tests run without simplij-rulesets on the class path
        if (getClass().getClassLoader().getResource("dev/simplij/rulesets/default.rules") == null) {
            IllegalStateException e = assertThrows(IllegalStateException.class, Simplifier::standard);
            assertTrue(e.getMessage().contains("dev/simplij/rulesets/default.rules"), e.getMessage());
        }
    }

    @Test
    void bothNotations() {
        Simplifier s = SimplifierLawsTest.SIMPLIFIER;
        assertEquals("1", s.simplifyInfix("x1*(x2 - x2) + sin(x1)**2 + cos(x1)**2"));
        assertEquals("1", s.simplifyPrefix("+ * x1 - x2 x2 + pow2 sin x1 pow2 cos x1"));
        assertEquals("tan(x1)", s.simplifyInfix("sin(-x1)/cos(x1)*(-1)"));
    }

    @Test
    void millionDeepNegChainWithEveryStepOn() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 1_000_001; i++) {
            sb.append("neg ");
        }
        Expr deep = Expr.parsePrefix(sb.append("sin x1").toString());
        Simplification r = SimplifierLawsTest.SIMPLIFIER.simplifyWithReport(deep);
        assertEquals(StopReason.FIXPOINT, r.stopReason());
        // the value and the length matter, not where the sign is written (-sin(x1) or sin(-x1))
        assertTrue(r.result().size() <= 3, r.result()::toPrefix);
        Evaluator ev = Evaluator.compile(r.result(), List.of("x1"));
        for (double x : new double[] {-2.5, 0.7, 3.0}) {
            assertEquals(-Math.sin(x), ev.evaluate(new double[] {x}), 1e-15, () -> r.result() + " at x1 = " + x);
        }
    }

    @Test
    void millionDeepChainOfDistinctNodesStopsCleanly() {
        // sin(x1 + sin(x1 + ...)): nothing to do at any level, and no stack overflow
        StringBuilder sb = new StringBuilder();
        int depth = 200_000;
        for (int i = 0; i < depth; i++) {
            sb.append("sin + x1 ");
        }
        Expr deep = Expr.parsePrefix(sb.append("x2").toString());
        Simplification r = SimplifierLawsTest.SIMPLIFIER.simplifyUnguarded(deep);
        assertEquals(StopReason.FIXPOINT, r.stopReason());
        assertEquals(deep.size(), r.result().size(), "before the never-longer guard");
    }

    @Test
    void sharedCachesHaveFixedCapacitiesAndCountTheirLookups() {
        Simplifier s = Simplifier.builder().rules(List.of()).build();
        long before = Simplifier.cacheStatistics().stream().mapToLong(c -> c.hits() + c.misses()).sum();
        for (int i = 0; i < 3; i++) {
            s.simplifyInfix("0.25*x1 + 0.5/x2");
        }
        List<CacheStatistics> after = Simplifier.cacheStatistics();
        assertTrue(after.stream().mapToLong(c -> c.hits() + c.misses()).sum() > before);
        assertTrue(after.stream().anyMatch(c -> c.hits() > 0), after.toString());
        for (CacheStatistics c : after) {
            assertEquals(256, c.capacity());
        }
    }
}
