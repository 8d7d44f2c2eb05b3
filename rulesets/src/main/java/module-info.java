/** The shipped rule files, read by {@code dev.simplij.rules.RuleSet.load(NAME)}. */
module dev.simplij.rulesets {
    opens dev.simplij.rulesets;
}
