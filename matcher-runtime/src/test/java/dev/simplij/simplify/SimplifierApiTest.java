package dev.simplij.simplify;

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
        assertEquals("neg sin x1", r.result().toPrefix());
        assertEquals(StopReason.FIXPOINT, r.stopReason());
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
        Expr r = SimplifierLawsTest.SIMPLIFIER.simplify(deep);
        assertEquals(deep.size(), r.size());
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
