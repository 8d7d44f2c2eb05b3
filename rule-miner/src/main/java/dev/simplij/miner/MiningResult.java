package dev.simplij.miner;

import dev.simplij.rules.RuleSet;

/** The mined rule set (header included) and what the run did. */
public record MiningResult(RuleSet ruleSet, MiningStatistics statistics) {
}
