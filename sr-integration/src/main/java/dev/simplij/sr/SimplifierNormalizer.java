package dev.simplij.sr;

import dev.simplij.expr.Expr;
import dev.simplij.simplify.Simplifier;

/**
 * SimpliJ's simplifier as a search's {@link Normalizer}: skeleton mode, so a function of constants
 * alone becomes one {@code <constant>} and constants absorb into each other. Thread-safe because the
 * simplifier is.
 */
public final class SimplifierNormalizer implements Normalizer {
    private static volatile SimplifierNormalizer standard;

    private final Simplifier simplifier;

    private SimplifierNormalizer(Simplifier simplifier) {
        this.simplifier = simplifier;
    }

    /**
     * Normalizes with {@code simplifier}, which must be in skeleton mode: outside it, two
     * {@code <constant>} occurrences could be treated as one value ({@code <constant> - <constant>}
     * as 0), which would shrink the set of functions a skeleton denotes.
     */
    public static SimplifierNormalizer of(Simplifier simplifier) {
        if (!simplifier.skeleton()) {
            throw new IllegalArgumentException("the simplifier must be in skeleton mode: " + simplifier);
        }
        return new SimplifierNormalizer(simplifier);
    }

    /**
     * The shipped default rule set in skeleton mode when it is on the class path, else the
     * simplifier's built-in steps alone (folding, like terms, canonical order, absorption). Built once.
     */
    public static SimplifierNormalizer standard() {
        SimplifierNormalizer n = standard;
        if (n == null) {
            n = standard = build();
        }
        return n;
    }

    private static SimplifierNormalizer build() {
        return new SimplifierNormalizer(defaultSimplifier(true));
    }

    /** The shipped default rule set when it is on the class path, else the built-in steps alone. */
    static Simplifier defaultSimplifier(boolean skeleton) {
        Simplifier.Builder b = Simplifier.builder().skeleton(skeleton);
        try {
            b.ruleSet(Simplifier.defaultRuleSet());
        } catch (IllegalStateException noDefaultRules) {
            // built-in steps only
        }
        return b.build();
    }

    @Override
    public Expr normalize(Expr skeleton) {
        return simplifier.simplify(skeleton);
    }

    @Override
    public String toString() {
        return "SimpliJ " + simplifier;
    }
}
