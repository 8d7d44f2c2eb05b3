package dev.simplij.miner;

import dev.simplij.expr.Expr;
import dev.simplij.rules.Rule;
import dev.simplij.simplify.Simplifier;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Mining modulo associativity (on top of commutativity) against the plain run and the run modulo
 * commutativity of the same configuration: fewer sources, rules that reduce what the other run's
 * rules reduce as far (through the runtime's rules-only simplifier, matching every grouping of a
 * left side's chains), and the same bytes from the same command.
 */
class ModuloAssociativityTest {
    private static final MinerConfig.Builder ARITHMETIC = MinerConfig.builder().name("arithmetic")
            .operatorTokens(List.of("+", "-", "*", "/", "neg")).leaves(List.of("_0", "_1", "0", "1"))
            .maxSource(5).maxTarget(3).samples(256).seed(7).threads(2);
    /** One placeholder: no rule over two generalizes a chain whose first operand's pair reduces. */
    private static final MinerConfig.Builder ONE_PLACEHOLDER = MinerConfig.builder().name("one")
            .operatorTokens(List.of("+", "-", "*", "/", "neg")).leaves(List.of("_0", "0", "1", "2"))
            .maxSource(6).maxTarget(3).samples(256).seed(7).threads(2);
    private static final MinerConfig.Builder FUNCTIONS = MinerConfig.builder().name("functions")
            .operatorTokens(List.of("+", "*", "neg", "exp", "log", "sin", "pow2"))
            .leaves(List.of("_0", "_1", "0", "1", "2")).maxSource(5).maxTarget(3).samples(256).seed(7).threads(2);

    /**
     * The rules of {@code rules} whose left side {@code others} reduce to something longer than
     * {@code rules} themselves do.
     */
    private static List<String> reducedLessFar(List<Rule> rules, List<Rule> others) {
        Simplifier own = KruskalSelection.rulesOnly(rules, true);
        Simplifier other = KruskalSelection.rulesOnly(others, true);
        List<String> lessFar = new ArrayList<>();
        for (Rule r : rules) {
            Expr ownForm = own.simplify(r.lhs());
            Expr otherForm = other.simplify(r.lhs());
            if (otherForm.size() > ownForm.size()) {
                lessFar.add(r + " (" + ownForm + ", the others " + otherForm + ")");
            }
        }
        return lessFar;
    }

    private static void bothWays(MiningResult a, MiningResult b, String what) {
        List<Rule> aRules = a.ruleSet().rules();
        List<Rule> bRules = b.ruleSet().rules();
        assertTrue(!aRules.isEmpty() && !bRules.isEmpty());
        assertEquals(List.of(), reducedLessFar(aRules, bRules), what + ": the first run's rules under the second's");
        assertEquals(List.of(), reducedLessFar(bRules, aRules), what + ": the second run's rules under the first's");
    }

    /**
     * (a) The run modulo associativity reduces every left side of the plain run and of the run
     * modulo commutativity as far as those runs' own rules do, and they reduce its left sides as far;
     * (c) fewer sources than modulo commutativity from 5 tokens on (the first chains of three), and
     * the reduced count as the DP says.
     */
    private static void compareWithTheOtherRuns(MinerConfig.Builder config) {
        MinerConfig plainConfig = config.moduloAssociativity(false).moduloCommutativity(false).build();
        MiningResult plain = RuleMiner.mine(plainConfig, "plain.rules");
        MiningResult commuted = RuleMiner.mine(config.moduloCommutativity(true).build(), "commuted.rules");
        MiningResult regrouped = RuleMiner.mine(config.moduloAssociativity(true).build(), "regrouped.rules");
        bothWays(plain, regrouped, "plain and modulo associativity");
        bothWays(commuted, regrouped, "modulo commutativity and modulo associativity");

        int unary = (int) plainConfig.operators().stream().filter(op -> op.arity() == 1).count();
        int commutative = (int) plainConfig.operators().stream().filter(op -> op.isCommutative()).count();
        int ordered = plainConfig.operators().size() - unary - commutative;
        long[] dp = ExpressionCount.perLengthModuloAssociativity(unary, ordered, 0, commutative,
                plainConfig.leaves().size() - plainConfig.variableCount(), plainConfig.variableCount(),
                plainConfig.maxSource());
        String tables = commuted.statistics().table() + regrouped.statistics().table();
        for (int i = 0; i < plainConfig.maxSource(); i++) {
            MiningStatistics.LengthStats c = commuted.statistics().lengths().get(i);
            MiningStatistics.LengthStats r = regrouped.statistics().lengths().get(i);
            int n = c.length();
            assertEquals(c.allModuloCommutativity(), r.allModuloCommutativity(), tables);
            assertEquals(dp[n], r.allModuloAssociativity(), tables);
            assertEquals(0, c.allModuloAssociativity(), tables);
            assertTrue(r.enumerated() <= r.allModuloAssociativity(), tables);
            if (n < 5) {
                assertEquals(c.allModuloCommutativity(), r.allModuloAssociativity(), tables);
                assertEquals(c.enumerated(), r.enumerated(), tables);
            } else {
                assertTrue(r.allModuloAssociativity() < r.allModuloCommutativity(), tables);
                assertTrue(r.enumerated() < c.enumerated(), tables);
            }
        }
    }

    @Test
    void arithmeticRulesReduceWhatTheOtherRunsReduceFromFewerSources() {
        compareWithTheOtherRuns(ARITHMETIC);
    }

    @Test
    void rulesOverOnePlaceholderReduceWhatTheOtherRunsReduceFromFewerSources() {
        compareWithTheOtherRuns(ONE_PLACEHOLDER);
    }

    @Test
    void rulesWithUnaryFunctionsReduceWhatTheOtherRunsReduceFromFewerSources() {
        compareWithTheOtherRuns(FUNCTIONS);
    }

    /** (b) The same command writes the same bytes, and records the option; it needs commutativity. */
    @Test
    void theSameCommandWritesTheSameBytes() throws IOException {
        MinerConfig config = ARITHMETIC.moduloCommutativity(true).moduloAssociativity(true).build();
        String first = ModuloCommutativityTest.text(RuleMiner.mine(config, "regrouped.rules").ruleSet());
        String second = ModuloCommutativityTest.text(RuleMiner.mine(config, "regrouped.rules").ruleSet());
        assertEquals(first, second);
        assertTrue(first.contains(" --modulo-commutativity --modulo-associativity --name arithmetic"
                + " --out regrouped.rules\n"), first);
        assertTrue(first.contains("\n# all-modulo-associativity-per-length: 1="), first);
        IllegalArgumentException alone = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> ARITHMETIC.moduloCommutativity(false).moduloAssociativity(true).build());
        assertTrue(alone.getMessage().contains("--modulo-commutativity --modulo-associativity"), alone.getMessage());
    }
}
