/**
 * SimpliJ as one module to require: the runtime ({@code dev.simplij.runtime}: expressions, rule
 * sets, the simplifier) and the shipped rule files ({@code dev.simplij.rulesets}).
 */
module dev.simplij {
    requires transitive dev.simplij.runtime;
    requires dev.simplij.rulesets;
}
