package dev.simplij.miner;

import dev.simplij.rules.Rule;
import dev.simplij.rules.RuleSet;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringWriter;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RuleMinerTest {
    private static final MinerConfig.Builder SMALL = MinerConfig.builder().name("test")
            .operatorTokens(List.of("+", "-", "*", "/", "neg", "abs", "pow2", "pow1_2", "exp", "log", "sin", "asin"))
            .leaves(List.of("_0", "_1", "0", "1", "2")).maxSource(4).maxTarget(3).samples(512).seed(1);

    private static String text(RuleSet rules) throws IOException {
        StringWriter w = new StringWriter();
        rules.write(w);
        return w.toString();
    }

    private static boolean has(RuleSet set, String rule) {
        return set.rules().stream().anyMatch(r -> r.toString().equals(rule));
    }

    @Test
    void minesTheKnownIdentitiesAndNoneOfTheUnsoundOnes() {
        RuleSet rules = RuleMiner.mine(SMALL.build(), "test.rules").ruleSet();
        for (String expected : List.of("- _0 _0 -> 0", "/ _0 _0 -> 1", "log exp _0 -> _0", "pow1_2 pow2 _0 -> abs _0",
                "exp log _0 -> _0")) {
            assertTrue(has(rules, expected), expected + " not mined");
        }
        for (Rule r : rules.rules()) {
            String s = r.toString();
            assertFalse(s.equals("pow1_2 pow2 _0 -> _0") || s.equals("asin sin _0 -> _0")
                    || s.equals("pow1_2 * _0 _1 -> * pow1_2 _0 pow1_2 _1") || s.startsWith("log pow2 _0 -> * 2"), s);
        }
    }

    @Test
    void pythagoreanIdentityIsFoundWhereTheLengthAllows() {
        MinerConfig config = MinerConfig.builder().operatorTokens(List.of("+", "pow2", "sin", "cos"))
                .leaves(List.of("_0", "1")).maxSource(7).maxTarget(1).samples(256).seed(1).build();
        RuleSet rules = RuleMiner.mine(config, "pythagoras.rules").ruleSet();
        assertTrue(has(rules, "+ pow2 sin _0 pow2 cos _0 -> 1") || has(rules, "+ pow2 cos _0 pow2 sin _0 -> 1"),
                rules.rules().toString());
    }

    @Test
    void extendingARuleSetMinesLongerSourcesOnTopOfItsRules() {
        RuleSet base = RuleMiner.mine(SMALL.build(), "test.rules").ruleSet();
        MinerConfig config = MinerConfig.builder().name("extended").operatorTokens(List.of("+", "pow2", "sin", "cos"))
                .leaves(List.of("_0", "1")).maxSource(7).maxTarget(1).samples(256).seed(1)
                .base("test.rules", base).build();
        RuleSet extended = RuleMiner.mine(config, "extended.rules").ruleSet();
        assertTrue(has(extended, "+ pow2 sin _0 pow2 cos _0 -> 1") || has(extended, "+ pow2 cos _0 pow2 sin _0 -> 1"));
        for (String fromBase : List.of("- _0 _0 -> 0", "/ _0 _0 -> 1", "log exp _0 -> _0")) {
            assertTrue(has(extended, fromBase), fromBase + " lost from the base");
        }
        assertTrue(extended.header().get("command").endsWith("--base test.rules --name extended --out extended.rules"),
                extended.header().get("command"));
        assertTrue(extended.header().get("base").startsWith("test.rules (" + base.size() + " rules"));
    }

    @Test
    void resultDoesNotDependOnTheThreadCount() throws IOException {
        String one = text(RuleMiner.mine(SMALL.threads(1).build(), "test.rules").ruleSet());
        String four = text(RuleMiner.mine(SMALL.threads(4).build(), "test.rules").ruleSet());
        assertEquals(one, four);
    }

    /**
     * Asking the kept rules before high precision skips decisions, not rules: the same rules and
     * building blocks as the default run (the shipped small set's configuration, where the two count
     * one candidate of 4 tokens differently), and the counts only add the skipped sources whose
     * target high precision would have refuted.
     */
    @Test
    void askingTheShorterRulesFirstMinesTheSameRules() {
        MinerConfig.Builder small = MinerConfig.builder().name("small")
                .operatorTokens(List.of("+", "-", "*", "/", "neg", "abs", "pow2", "pow1_2", "exp", "log"))
                .leaves(List.of("_0", "_1", "0", "1", "-1", "2")).maxSource(4).maxTarget(3).samples(512).seed(1);
        MiningResult exact = RuleMiner.mine(small.build(), "small.rules");
        MiningResult first = RuleMiner.mine(small.shorterRulesFirst(true).build(), "small.rules");
        assertEquals(exact.ruleSet().rules(), first.ruleSet().rules());
        assertTrue(first.ruleSet().header().get("command").contains(" --shorter-rules-first "));
        for (int i = 0; i < exact.statistics().lengths().size(); i++) {
            MiningStatistics.LengthStats a = exact.statistics().lengths().get(i);
            MiningStatistics.LengthStats b = first.statistics().lengths().get(i);
            assertEquals(a.irreducible(), b.irreducible(), "blocks of " + a.length());
            assertEquals(b.candidates() - a.candidates(), b.coveredByShorter() - a.coveredByShorter());
            assertTrue(b.coveredByShorter() >= a.coveredByShorter(), "covered at " + a.length());
        }
    }

    @Test
    void everyMinedRuleSurvivesAnotherFreshSample() {
        RuleSet rules = RuleMiner.mine(SMALL.threads(2).build(), "test.rules").ruleSet();
        assertEquals(List.of(), RuleVerifier.forRules(rules.rules(), 2048, 99).verify(rules));
    }

    @Test
    void headerRecordsProvenanceAndTheCommand() {
        RuleSet rules = RuleMiner.mine(SMALL.build(), "out/test.rules").ruleSet();
        assertEquals("+ - * / neg abs pow2 pow1_2 exp log sin asin", rules.header().get("operators"));
        assertTrue(rules.header().get("command").startsWith("./simplij mine --operators +,-,*,/,neg,abs"),
                rules.header().get("command"));
        assertTrue(rules.header().get("command").endsWith("--name test --out out/test.rules"));
        assertEquals(Integer.toString(rules.size()), rules.header().get("rules"));
    }
}
