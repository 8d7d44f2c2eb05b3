/**
 * SimpliJ's runtime: the expression model ({@code dev.simplij.expr}), rule files
 * ({@code dev.simplij.rules}) and the simplifier ({@code dev.simplij.simplify}). The rule index
 * and matcher ({@code dev.simplij.match}) are internal: the miner and the benchmarks reach them
 * on the class path only. The shipped rule sets come from the {@code dev.simplij.rulesets} module
 * (artifact {@code simplij-rulesets}); depend on {@code dev.simplij:simplij} to get both.
 */
module dev.simplij.runtime {
    requires it.unimi.dsi.fastutil.core;

    exports dev.simplij.expr;
    exports dev.simplij.rules;
    exports dev.simplij.simplify;
}
