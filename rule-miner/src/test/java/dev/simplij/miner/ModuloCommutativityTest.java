package dev.simplij.miner;

import dev.simplij.rules.Rule;
import dev.simplij.rules.RuleSet;
import dev.simplij.simplify.Simplifier;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Mining modulo commutativity against the plain run of the same configuration: fewer sources, rules
 * that reduce what the plain run's rules reduce (through the runtime's rules-only simplifier), and
 * the same bytes from the same command.
 */
class ModuloCommutativityTest {
    private static final MinerConfig.Builder ARITHMETIC = MinerConfig.builder().name("arithmetic")
            .operatorTokens(List.of("+", "-", "*", "/", "neg")).leaves(List.of("_0", "_1", "0", "1"))
            .maxSource(5).maxTarget(3).samples(256).seed(7).threads(2);
    private static final MinerConfig.Builder FUNCTIONS = MinerConfig.builder().name("functions")
            .operatorTokens(List.of("+", "*", "neg", "exp", "log", "sin", "cos", "pow2"))
            .leaves(List.of("_0", "_1", "0", "1")).maxSource(4).maxTarget(3).samples(256).seed(7).threads(2);

    private static String text(RuleSet rules) throws IOException {
        StringWriter w = new StringWriter();
        rules.write(w);
        return w.toString();
    }

    /** The left sides of {@code rules} that {@code others} reduce less far than {@code rules} themselves do. */
    private static List<String> reducedLessFar(List<Rule> rules, List<Rule> others) {
        Simplifier own = KruskalSelection.rulesOnly(rules);
        Simplifier other = KruskalSelection.rulesOnly(others);
        List<String> lessFar = new ArrayList<>();
        for (Rule r : rules) {
            int ownReach = own.simplify(r.lhs()).size();
            int otherReach = other.simplify(r.lhs()).size();
            if (otherReach > ownReach) {
                lessFar.add(r + " (" + ownReach + " tokens, the others " + otherReach + ")");
            }
        }
        return lessFar;
    }

    /**
     * (a) Each run's rules reduce every left side of the other's as far as that run's own rules do,
     * in both directions (measured: every rule of either run, both configurations); (c) fewer
     * sources from length 3 on, and the reduced count as the DP says.
     */
    private static void compareWithThePlainRun(MinerConfig.Builder config) {
        MinerConfig plainConfig = config.moduloCommutativity(false).build();
        MiningResult plain = RuleMiner.mine(plainConfig, "plain.rules");
        MiningResult modulo = RuleMiner.mine(config.moduloCommutativity(true).build(), "modulo.rules");
        List<Rule> plainRules = plain.ruleSet().rules();
        List<Rule> moduloRules = modulo.ruleSet().rules();
        assertTrue(!plainRules.isEmpty() && !moduloRules.isEmpty());
        assertEquals(List.of(), reducedLessFar(plainRules, moduloRules), "plain rules the modulo run's reduce less far");
        assertEquals(List.of(), reducedLessFar(moduloRules, plainRules), "modulo rules the plain run's reduce less far");

        int unary = (int) plainConfig.operators().stream().filter(op -> op.arity() == 1).count();
        int commutative = (int) plainConfig.operators().stream().filter(op -> op.isCommutative()).count();
        int ordered = plainConfig.operators().size() - unary - commutative;
        long[] dp = ExpressionCount.perLengthModuloCommutativity(unary, ordered, commutative,
                plainConfig.leaves().size() - plainConfig.variableCount(), plainConfig.variableCount(),
                plainConfig.maxSource());
        String tables = plain.statistics().table() + modulo.statistics().table();
        for (int i = 0; i < plainConfig.maxSource(); i++) {
            MiningStatistics.LengthStats p = plain.statistics().lengths().get(i);
            MiningStatistics.LengthStats m = modulo.statistics().lengths().get(i);
            int n = p.length();
            assertEquals(p.all(), m.all(), tables);
            assertEquals(dp[n], m.allModuloCommutativity(), tables);
            assertTrue(m.enumerated() <= m.allModuloCommutativity(), tables);
            assertEquals(0, p.allModuloCommutativity(), tables);
            if (n >= 3) {
                assertTrue(m.allModuloCommutativity() < p.all(), tables);
                assertTrue(m.enumerated() < p.enumerated(), tables);
            }
        }
    }

    @Test
    void arithmeticRulesReduceWhatThePlainRunsReduceFromFewerSources() {
        compareWithThePlainRun(ARITHMETIC);
    }

    @Test
    void rulesWithUnaryFunctionsReduceWhatThePlainRunsReduceFromFewerSources() {
        compareWithThePlainRun(FUNCTIONS);
    }

    /** (b) The same command writes the same bytes, and records the option. */
    @Test
    void theSameCommandWritesTheSameBytes() throws IOException {
        MinerConfig config = ARITHMETIC.moduloCommutativity(true).maxSource(4).build();
        String first = text(RuleMiner.mine(config, "modulo.rules").ruleSet());
        String second = text(RuleMiner.mine(config, "modulo.rules").ruleSet());
        assertEquals(first, second);
        assertTrue(first.contains(" --modulo-commutativity --name arithmetic --out modulo.rules\n"), first);
        assertTrue(first.contains("\n# all-modulo-commutativity-per-length: 1="), first);
    }
}
