package dev.simplij.simplify;

import dev.simplij.expr.Expr;
import dev.simplij.testing.RandomExpressions;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Like-term collection leaves a chain as it is, without flattening and rebuilding it, when the
 * chain is laid out as its collection would rebuild it ({@link LikeTerms#laidOutAsCollected}). That
 * shortcut must be exact, or results would depend on it: over the terms of many seeded random
 * expressions, collecting such a chain anyway must never give a smaller term.
 */
class LaidOutChainsTest {
    /**
     * Expressions per simplifier; {@code -DlaidOutChains.expressions=400000} explores further
     * (about 20 s; 30,000 found the first inexact shortcut, 400,000 the second).
     */
    private static final int EXPRESSIONS = Integer.getInteger("laidOutChains.expressions", 30_000);

    @Test
    void chainsLeftAsTheyAreWouldBeRebuiltNoSmaller() {
        List<Simplifier> simplifiers = List.of(Simplifier.builder().build(),
                Simplifier.builder().ruleSet(SimplifierLawsTest.FIXTURE).build());
        long seed = 20_261_123L;
        for (Simplifier simplifier : simplifiers) {
            RandomExpressions gen = RandomExpressions.anything(seed);
            Normalizer normalizer = new Normalizer(new TermStore(64), simplifier);
            TermStore store = normalizer.store;
            LikeTerms likeTerms = normalizer.likeTerms();
            int laidOut = 0;
            for (int i = 0; i < EXPRESSIONS; i++) {
                Expr e = gen.next(3 + gen.rng().nextInt(36));
                normalizer.start(100_000);
                normalizer.build(e);
                int terms = store.count();
                for (int t = 0; t < terms; t++) {
                    // normal terms: every step before collection (spelling, folding) left them as they are
                    if (store.normal[t] != t || !likeTerms.laidOutAsCollected(t)) {
                        continue;
                    }
                    laidOut++;
                    int rebuilt = likeTerms.collectChain(t);
                    if (rebuilt != TermStore.NONE && store.compare(rebuilt, t) < 0) {
                        fail("seed " + seed + " #" + i + " (" + e.toPrefix() + "): " + store.toExpr(t).toPrefix()
                                + " was left as it is, but collects to " + store.toExpr(rebuilt).toPrefix());
                    }
                }
                store.reset();
            }
            assertTrue(laidOut > EXPRESSIONS, "only " + laidOut + " chains were left as they are: the test saw too few");
        }
    }
}
