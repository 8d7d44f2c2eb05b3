package dev.simplij.miner;

import dev.simplij.expr.Expr;
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

    /** The rule file's text. */
    static String text(RuleSet rules) throws IOException {
        StringWriter w = new StringWriter();
        rules.write(w);
        return w.toString();
    }

    /**
     * The rules of {@code rules} whose left side {@code others} reduce to another normal form than
     * {@code rules} themselves do, other than by the operand order of commutative operators.
     */
    private static List<String> otherNormalForms(List<Rule> rules, List<Rule> others) {
        Simplifier own = KruskalSelection.rulesOnly(rules, false);
        Simplifier other = KruskalSelection.rulesOnly(others, false);
        List<String> differing = new ArrayList<>();
        for (Rule r : rules) {
            Expr ownForm = own.simplify(r.lhs());
            Expr otherForm = other.simplify(r.lhs());
            if (!MiningRun.commutativeForm(ownForm, 0).equals(MiningRun.commutativeForm(otherForm, 0))) {
                differing.add(r + " (" + ownForm + ", the others " + otherForm + ")");
            }
        }
        return differing;
    }

    /**
     * (a) Each run's rules reduce every left side of the other's to the normal form that run's own
     * rules give, up to the operand order of {@code +} and {@code *} (so as short), in both
     * directions; (c) fewer sources from length 3 on, and the reduced count as the DP says.
     */
    private static void compareWithThePlainRun(MinerConfig.Builder config) {
        MinerConfig plainConfig = config.moduloCommutativity(false).build();
        MiningResult plain = RuleMiner.mine(plainConfig, "plain.rules");
        MiningResult modulo = RuleMiner.mine(config.moduloCommutativity(true).build(), "modulo.rules");
        List<Rule> plainRules = plain.ruleSet().rules();
        List<Rule> moduloRules = modulo.ruleSet().rules();
        assertTrue(!plainRules.isEmpty() && !moduloRules.isEmpty());
        assertEquals(List.of(), otherNormalForms(plainRules, moduloRules), "plain rules under the modulo run's");
        assertEquals(List.of(), otherNormalForms(moduloRules, plainRules), "modulo rules under the plain run's");

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
