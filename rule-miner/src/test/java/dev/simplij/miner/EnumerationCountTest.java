package dev.simplij.miner;

import dev.simplij.expr.Expr;
import dev.simplij.expr.Operator;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class EnumerationCountTest {

    /** Counts canonical prefix strings of exactly n tokens by brute force: the independent truth. */
    private static long bruteForce(List<String> unary, List<String> binary, List<String> literals, int variables,
                                   int n) {
        List<String> alphabet = new ArrayList<>();
        alphabet.addAll(unary);
        alphabet.addAll(binary);
        alphabet.addAll(literals);
        for (int k = 0; k < variables; k++) {
            alphabet.add("_" + k);
        }
        return count(alphabet, unary, binary, n, new ArrayList<>());
    }

    private static long count(List<String> alphabet, List<String> unary, List<String> binary, int n,
                              List<String> prefix) {
        if (prefix.size() == n) {
            return valid(prefix, unary, binary) ? 1 : 0;
        }
        long total = 0;
        for (String token : alphabet) {
            prefix.add(token);
            total += count(alphabet, unary, binary, n, prefix);
            prefix.remove(prefix.size() - 1);
        }
        return total;
    }

    private static boolean valid(List<String> tokens, List<String> unary, List<String> binary) {
        int need = 1;
        int nextPlaceholder = 0;
        for (String t : tokens) {
            if (need == 0) {
                return false;
            }
            if (binary.contains(t)) {
                need += 1;
            } else if (!unary.contains(t)) {
                need -= 1;
            }
            if (t.startsWith("_")) {
                int k = Integer.parseInt(t.substring(1));
                if (k > nextPlaceholder) {
                    return false;
                }
                if (k == nextPlaceholder) {
                    nextPlaceholder++;
                }
            }
        }
        return need == 0;
    }

    @Test
    void dynamicProgrammingCountMatchesBruteForce() {
        List<String> unary = List.of("sin", "exp");
        List<String> binary = List.of("+", "/");
        List<String> literals = List.of("0", "pi");
        for (int variables = 0; variables <= 3; variables++) {
            long[] dp = ExpressionCount.perLength(unary.size(), binary.size(), literals.size(), variables, 5);
            for (int n = 1; n <= 5; n++) {
                assertEquals(bruteForce(unary, binary, literals, variables, n), dp[n],
                        "length " + n + " with " + variables + " variables");
            }
        }
    }

    @Test
    void enumerationWithoutReducibleSubtermsIsCompleteWhenNothingReduces() {
        // no literal leaves: nothing of these operators over _0 _1 _2 has a shorter equivalent up to 5 tokens
        MinerConfig config = MinerConfig.builder().operators(List.of(Operator.ADD, Operator.MUL, Operator.SIN))
                .leaves(List.of("_0", "_1", "_2")).maxSource(5).maxTarget(3).samples(256).seed(3).build();
        MiningResult result = RuleMiner.mine(config, "complete.rules");
        long[] all = ExpressionCount.perLength(1, 2, 0, 3, 5);
        long[] enumerated = new long[6];
        for (MiningStatistics.LengthStats s : result.statistics().lengths()) {
            enumerated[s.length()] = s.enumerated();
            assertEquals(all[s.length()], s.all());
        }
        assertEquals(0, result.ruleSet().size(), () -> "unexpected rules " + result.ruleSet().rules());
        long[] expected = all.clone();
        expected[0] = 0;
        assertArrayEquals(expected, enumerated);
    }

    @Test
    void pruningEnumeratesOnlyExpressionsWithIrreducibleOperands() {
        MinerConfig config = MinerConfig.builder().operatorTokens(List.of("+", "-", "*"))
                .leaves(List.of("_0", "0")).maxSource(5).maxTarget(3).samples(256).seed(3).build();
        MiningResult result = RuleMiner.mine(config, "pruned.rules");
        MiningStatistics.LengthStats five = result.statistics().lengths().get(4);
        assertEquals(5, five.length());
        org.junit.jupiter.api.Assertions.assertTrue(five.enumerated() < five.all(),
                "pruning removed nothing: " + result.statistics().table());
        // no rule's left side has a proper subterm that another rule rewrites
        dev.simplij.match.RuleIndex index = dev.simplij.match.RuleIndex.of(result.ruleSet().rules());
        for (dev.simplij.rules.Rule rule : result.ruleSet().rules()) {
            Expr lhs = rule.lhs();
            for (int node = 1; node < lhs.size(); node++) {
                assertEquals(null, index.findFirst(lhs, node), "reducible subterm in " + rule);
            }
        }
    }
}
