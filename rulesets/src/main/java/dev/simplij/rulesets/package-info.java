/**
 * The shipped rule sets, as resources {@code dev/simplij/rulesets/NAME.rules} of this package:
 * {@code default}, {@code all5}, {@code small} and {@code skeleton}. Load one with
 * {@code dev.simplij.rules.RuleSet.load("default")}; {@code Simplifier.standard()} uses
 * {@code default}. The package has no classes; it is open so that the runtime finds the files
 * on the module path too.
 */
package dev.simplij.rulesets;
