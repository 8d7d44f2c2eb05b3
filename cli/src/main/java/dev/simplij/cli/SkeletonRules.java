package dev.simplij.cli;

import dev.simplij.rules.RuleSet;
import dev.simplij.simplify.Simplifier;
import dev.simplij.sr.Normalizer;
import dev.simplij.sr.SimplifierNormalizer;

/** The skeleton simplifier of a {@code --ruleset} option of the data commands ({@code generate}, {@code rank}). */
final class SkeletonRules {
    private SkeletonRules() {
    }

    /** Skeleton mode with the named rule sets combined, or the SR search's standard simplifier for null. */
    static Normalizer normalizer(String ruleSets) {
        if (ruleSets == null) {
            return SimplifierNormalizer.standard();
        }
        return SimplifierNormalizer.of(Simplifier.builder().ruleSet(RuleSet.loadAll(ruleSets)).skeleton(true).build());
    }
}
