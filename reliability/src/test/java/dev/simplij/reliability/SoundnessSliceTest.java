package dev.simplij.reliability;

import dev.simplij.rules.Rule;
import dev.simplij.simplify.Simplifier;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A seeded slice of the {@code simplij soundness} run, and proof that the check catches unsound rules. */
class SoundnessSliceTest {
    private static final long SEED = Seeds.of(6_100_001L);

    private static SoundnessCheck.Report check(Simplifier simplifier, long count) throws InterruptedException {
        return SoundnessCheck.run(new SoundnessCheck.Settings(SEED, count, 3, 40, 8, 2), simplifier::simplify, null);
    }

    @Test
    void seededSliceHasNoMismatch() throws InterruptedException {
        SoundnessCheck.Report r = check(TestRules.simplifier(TestRules.IDENTITIES), 20_000);
        assertEquals(0, r.mismatchCount(), () -> "seed " + SEED + ": " + r.summary() + "\n" + r.mismatches());
        assertEquals(0, r.crashCount(), () -> "seed " + SEED + ": " + r.crashes());
        assertTrue(r.tokensOut.sum() < r.tokensIn.sum(), "the slice should simplify something: " + r.summary());
    }

    @Test
    void eachClassicUnsoundRuleIsCaught() throws InterruptedException {
        for (Rule unsound : TestRules.UNSOUND) {
            SoundnessCheck.Report r = check(TestRules.simplifier(List.of(unsound)), 5_000);
            assertTrue(r.mismatchCount() > 0, () -> "seed " + SEED + ": the unsound rule " + unsound
                    + " went unnoticed: " + r.summary());
            SoundnessCheck.Mismatch m = r.mismatches().get(0);
            RandomExpressions generator = new RandomExpressions(3, 40);
            assertEquals(m.input(), generator.generate(m.seed()), "a mismatch's seed reproduces its input");
        }
    }
}
