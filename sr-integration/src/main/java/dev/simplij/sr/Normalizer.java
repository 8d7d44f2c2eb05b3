package dev.simplij.sr;

import dev.simplij.expr.Expr;

/**
 * Rewrites a skeleton (free constants written {@code <constant>}, each an independent unknown) to
 * its canonical form. A normalizer must be <em>family-preserving</em>: every function the input
 * denotes for some constant values, the output denotes for some values too (absorbing
 * {@code <constant> + <constant>} into one {@code <constant>} is fine; turning
 * {@code <constant> - <constant>} into {@code 0} is not). The search relies on this when it refits
 * the constants of the canonical form instead of keeping the input's values. Implementations must
 * be thread-safe.
 */
@FunctionalInterface
public interface Normalizer {
    Expr normalize(Expr skeleton);

    /** No normalization: the canonical form of a skeleton is itself. */
    static Normalizer identity() {
        return skeleton -> skeleton;
    }
}
