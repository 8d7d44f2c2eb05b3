package dev.simplij.simplify;

import dev.simplij.expr.Expr;

/**
 * Test access, from this module's tests, to {@link Simplifier}'s package-private result before its
 * never-longer guard (same package on the test class path), so that "never longer" is checked on the
 * rewriting itself rather than on the guard that guarantees it.
 */
public final class Unguarded {
    private Unguarded() {
    }

    public static Simplification simplify(Simplifier simplifier, Expr e) {
        return simplifier.simplifyUnguarded(e);
    }
}
