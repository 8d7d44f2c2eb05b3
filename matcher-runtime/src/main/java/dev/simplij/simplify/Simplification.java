package dev.simplij.simplify;

import dev.simplij.expr.Expr;

/**
 * The outcome of one simplification.
 *
 * @param result     the simplified expression (never longer than the input)
 * @param steps      rewrites applied (rules, folds, like-term collections, operand swaps)
 * @param stopReason why it stopped
 */
public record Simplification(Expr result, int steps, StopReason stopReason) {
}
