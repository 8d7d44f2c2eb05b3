package dev.simplij.miner;

import dev.simplij.expr.Expr;
import dev.simplij.expr.ExprOrder;
import dev.simplij.expr.Operator;
import dev.simplij.match.Pattern;
import dev.simplij.match.RuleIndex;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EnumerationCountTest {

    /** Counts canonical prefix strings of exactly n tokens by brute force: the independent truth. */
    private static long bruteForce(List<String> unary, List<String> binary, List<String> literals, int variables,
                                   int n) {
        return bruteForceExpressions(unary, binary, literals, variables, n).size();
    }

    /** Every canonical prefix string of exactly n tokens, by brute force over the alphabet. */
    private static List<Expr> bruteForceExpressions(List<String> unary, List<String> binary, List<String> literals,
                                                    int variables, int n) {
        List<String> alphabet = new ArrayList<>();
        alphabet.addAll(unary);
        alphabet.addAll(binary);
        alphabet.addAll(literals);
        for (int k = 0; k < variables; k++) {
            alphabet.add("_" + k);
        }
        List<Expr> out = new ArrayList<>();
        collect(alphabet, unary, binary, n, new ArrayList<>(), out);
        return out;
    }

    private static void collect(List<String> alphabet, List<String> unary, List<String> binary, int n,
                                List<String> prefix, List<Expr> out) {
        if (prefix.size() == n) {
            if (valid(prefix, unary, binary)) {
                out.add(Expr.parsePrefix(String.join(" ", prefix)));
            }
            return;
        }
        for (String token : alphabet) {
            prefix.add(token);
            collect(alphabet, unary, binary, n, prefix, out);
            prefix.remove(prefix.size() - 1);
        }
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

    /** The subtree at {@code node} (an operator of two operands) with its operands swapped. */
    private static Expr swapped(Expr e, int node) {
        int second = e.end(node + 1);
        return Expr.builder().token(e, node).subtree(e, second).subtree(e, node + 1).build();
    }

    /**
     * What the enumeration modulo commutativity builds, stated on a whole expression: at every node of
     * a commutative operator, the left operand (renumbered on its own) comes before the right one in
     * ExprOrder, or they are the same block and the node's subtree comes no later than its swap.
     */
    private static boolean operandsInOrder(Expr e) {
        for (int node = 0; node < e.size(); node++) {
            Operator op = e.operator(node);
            if (op == null || !op.isCommutative()) {
                continue;
            }
            int order = ExprOrder.compare(Placeholders.renumbered(e, node + 1),
                    Placeholders.renumbered(e, e.end(node + 1)));
            if (order > 0 || order == 0
                    && ExprOrder.compare(Placeholders.renumbered(e, node),
                    Placeholders.renumbered(swapped(e, node), 0)) > 0) {
                return false;
            }
        }
        return true;
    }

    /** The class of {@code e} under swaps of commutative operands and renumbering: its smallest member. */
    private static String swapClass(Expr e) {
        return Pattern.commutedVariants(e, RuleIndex.MAX_VARIANTS).stream()
                .map(v -> Placeholders.renumbered(v, 0))
                .min(ExprOrder::compare).orElseThrow().toPrefix();
    }

    /**
     * The count modulo commutativity against brute force: the expressions whose operands are in order
     * are as many as the DP says; they meet every class of expressions under swaps (the enumeration
     * loses none), exactly one each with at most one placeholder; with more, not always: swaps
     * inside an operand that renumber its placeholders are not folded (908 for 900 classes of 5
     * tokens with 3 placeholders here).
     */
    @Test
    void moduloCommutativityCountMatchesBruteForceAndMeetsEveryClass() {
        List<String> unary = List.of("sin", "exp");
        List<String> binary = List.of("+", "/", "*");
        List<String> literals = List.of("0", "pi");
        for (int variables = 0; variables <= 3; variables++) {
            long[] plain = ExpressionCount.perLength(unary.size(), binary.size(), literals.size(), variables, 5);
            long[] modulo = ExpressionCount.perLengthModuloCommutativity(unary.size(), 1, 2, literals.size(),
                    variables, 5);
            for (int n = 1; n <= 5; n++) {
                List<Expr> all = bruteForceExpressions(unary, binary, literals, variables, n);
                List<Expr> inOrder = all.stream().filter(EnumerationCountTest::operandsInOrder).toList();
                String where = "length " + n + " with " + variables + " variables";
                assertEquals(all.size(), plain[n], where);
                assertEquals(inOrder.size(), modulo[n], where);
                Set<String> classes = all.stream().map(EnumerationCountTest::swapClass).collect(Collectors.toSet());
                Set<String> met = inOrder.stream().map(EnumerationCountTest::swapClass).collect(Collectors.toSet());
                assertEquals(classes, met, where);
                if (variables <= 1) { // nothing to renumber: exactly one per class
                    assertEquals(classes.size(), inOrder.size(), where);
                }
                if (n >= 3) {
                    assertTrue(modulo[n] < plain[n], where);
                }
            }
        }
        // the duplicates that remain: one class, two expressions in order
        Expr a = Expr.parsePrefix("* _0 + _0 _1");
        Expr b = Expr.parsePrefix("* _0 + _1 _0");
        assertTrue(operandsInOrder(a) && operandsInOrder(b));
        assertEquals(swapClass(a), swapClass(b));
    }

    /** Whether the subtree at {@code node} has {@code op} at its root. */
    private static boolean rootedAt(Expr e, int node, Operator op) {
        return e.operator(node) == op;
    }

    /**
     * What the enumeration modulo associativity builds, stated on a whole expression: operands in
     * order as modulo commutativity, and at every node of {@code +} or {@code *} over a chain of
     * three operands (a lone operand beside a pair, none of the three that operator) the lone one,
     * renumbered on its own, comes first of the three or ties in the chain order.
     */
    private static boolean groupedInOrder(Expr e) {
        if (!operandsInOrder(e)) {
            return false;
        }
        for (int node = 0; node < e.size(); node++) {
            Operator op = e.operator(node);
            if (op == null || !op.isCommutative() || !op.isAssociative()) {
                continue;
            }
            int left = node + 1;
            int right = e.end(left);
            int lone;
            int pair;
            if (!rootedAt(e, left, op) && rootedAt(e, right, op)) {
                lone = left;
                pair = right;
            } else if (rootedAt(e, left, op) && !rootedAt(e, right, op)) {
                lone = right;
                pair = left;
            } else {
                continue;
            }
            int head = pair + 1;
            int tail = e.end(head);
            if (rootedAt(e, head, op) || rootedAt(e, tail, op)) {
                continue; // a longer chain
            }
            Expr o = Placeholders.renumbered(e, lone);
            Expr h = Placeholders.renumbered(e, head);
            Expr t = Placeholders.renumbered(e, tail);
            if (Enumeration.chainOrder(o, h) > 0 || Enumeration.chainOrder(o, t) > 0) {
                return false;
            }
        }
        return true;
    }

    /** The class of {@code e} under swaps and regroupings of {@code +} and {@code *} and renumbering. */
    private static String regroupClass(Expr e) {
        return Pattern.variants(e, RuleIndex.MAX_VARIANTS, true).stream()
                .map(v -> Placeholders.renumbered(v, 0))
                .min(ExprOrder::compare).orElseThrow().toPrefix();
    }

    /**
     * The count modulo associativity against brute force: the expressions grouped in order are as
     * many as the DP says, fewer than modulo commutativity from 5 tokens (the first chains of three)
     * once there is a placeholder, and they meet every class of expressions under swaps and
     * regroupings.
     */
    @Test
    void moduloAssociativityCountMatchesBruteForceAndMeetsEveryClass() {
        moduloAssociativityAgainstBruteForce(List.of("sin", "exp"), List.of("+", "/", "*"), List.of("0", "pi"), 5);
        // to 7 tokens: chains of operands of different lengths, and chains of four
        moduloAssociativityAgainstBruteForce(List.of("sin"), List.of("+", "*"), List.of("0"), 7);
    }

    private static void moduloAssociativityAgainstBruteForce(List<String> unary, List<String> binary,
                                                             List<String> literals, int maxLength) {
        int ordered = (int) binary.stream().filter(t -> !Operator.byToken(t).isCommutative()).count();
        for (int variables = 0; variables <= 3; variables++) {
            long[] commuted = ExpressionCount.perLengthModuloCommutativity(unary.size(), ordered,
                    binary.size() - ordered, literals.size(), variables, maxLength);
            long[] regrouped = ExpressionCount.perLengthModuloAssociativity(unary.size(), ordered, 0,
                    binary.size() - ordered, literals.size(), variables, maxLength);
            for (int n = 1; n <= maxLength; n++) {
                List<Expr> all = bruteForceExpressions(unary, binary, literals, variables, n);
                List<Expr> inOrder = all.stream().filter(EnumerationCountTest::groupedInOrder).toList();
                String where = "length " + n + " with " + variables + " variables";
                assertEquals(inOrder.size(), regrouped[n], where);
                Set<String> classes = all.stream().map(EnumerationCountTest::regroupClass).collect(Collectors.toSet());
                Set<String> met = inOrder.stream().map(EnumerationCountTest::regroupClass).collect(Collectors.toSet());
                assertEquals(classes, met, where);
                if (n >= 5 && variables >= 1) {
                    assertTrue(regrouped[n] < commuted[n], where);
                }
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
    void enumerationModuloCommutativityBuildsTheDynamicProgrammingCountWhenNothingReduces() {
        MinerConfig config = MinerConfig.builder().operators(List.of(Operator.ADD, Operator.MUL, Operator.SIN))
                .leaves(List.of("_0", "_1", "_2")).maxSource(5).maxTarget(3).samples(256).seed(3)
                .moduloCommutativity(true).build();
        MiningResult result = RuleMiner.mine(config, "complete.rules");
        long[] all = ExpressionCount.perLength(1, 2, 0, 3, 5);
        long[] modulo = ExpressionCount.perLengthModuloCommutativity(1, 0, 2, 0, 3, 5);
        assertEquals(0, result.ruleSet().size(), () -> "unexpected rules " + result.ruleSet().rules());
        for (MiningStatistics.LengthStats s : result.statistics().lengths()) {
            int n = s.length();
            assertEquals(all[n], s.all());
            assertEquals(modulo[n], s.allModuloCommutativity());
            assertEquals(modulo[n], s.enumerated(), "length " + n);
        }
        assertTrue(modulo[5] < all[5]);
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
