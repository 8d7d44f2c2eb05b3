package dev.simplij.miner;

import dev.simplij.rules.RuleSet;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Identities the double-precision screen used to lose (issue 17), each mined by the smallest run
 * that reaches it, and every rule of those runs re-checked on a fresh sample.
 */
class LostIdentitiesTest {
    @ParameterizedTest(name = "{4}")
    @CsvSource(delimiter = '|', value = {
        // tanh is exactly 1 in doubles beyond 19: unknown there, once counted as a point against the rule;
        // and 120 digits took tanh(113) for 1 while sinh(113)/cosh(113) is 1 - 2e-98
        "/,sinh,cosh,tanh,exp | _0,1 | 5 | 3 | / sinh _0 cosh _0 -> tanh _0",
        // cosh(x)^2 - sinh(x)^2 is 0, or 2^-k noise, in doubles beyond x = 19: a cancellation
        "-,pow2,cosh,sinh     | _0,1 | 7 | 1 | - pow2 cosh _0 pow2 sinh _0 -> 1",
        // 1/cos(x)^2 - tan(x)^2 is -3.6e16 in doubles at the double nearest pi/2 (a corner point)
        "-,inv,pow2,cos,tan   | _0,1 | 8 | 1 | - inv pow2 cos _0 pow2 tan _0 -> 1",
        // tan of the inexact sum pi/2 + pi is 5.4e15 in doubles, tan(pi/2) 1.6e16: the argument's rounding
        // decides the value next to a pole, and 20 corner points with _0 = +-pi/2 had counted against the rule
        "+,tan                | _0,pi | 4 | 2 | tan + pi _0 -> tan _0",
    })
    void isMined(String operators, String leaves, int maxSource, int maxTarget, String identity) {
        MinerConfig config = MinerConfig.builder().operatorTokens(List.of(operators.split(",")))
                .leaves(List.of(leaves.split(","))).maxSource(maxSource).maxTarget(maxTarget)
                .samples(512).seed(1).build();
        RuleSet rules = RuleMiner.mine(config, "identity.rules").ruleSet();
        assertTrue(rules.rules().stream().anyMatch(r -> r.toString().equals(identity)), rules.rules().toString());
        assertEquals(List.of(), RuleVerifier.forRules(rules.rules(), 1024, 17).verify(rules));
    }
}
