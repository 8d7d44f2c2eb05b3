package dev.simplij.simplify;

/** Why a simplification stopped. */
public enum StopReason {
    /** No rule or built-in step applies anywhere: the result is a normal form. */
    FIXPOINT,
    /** The step budget (or the nesting bound of rewrites inside rewrites) ran out first. */
    BUDGET
}
