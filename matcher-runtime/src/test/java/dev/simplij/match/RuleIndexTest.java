package dev.simplij.match;

import dev.simplij.expr.Expr;
import dev.simplij.rules.Rule;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

class RuleIndexTest {
    private static final RuleIndex INDEX = RuleIndex.of(List.of(
            Rule.parse("- _0 _0 -> 0"),
            Rule.parse("/ _0 _0 -> 1"),
            Rule.parse("+ _0 neg _1 -> - _0 _1"),
            Rule.parse("* 1 _0 -> _0"),
            Rule.parse("+ pow2 sin _0 pow2 cos _0 -> 1"),
            Rule.parse("neg neg _0 -> _0"),
            Rule.parse("log exp _0 -> _0"),
            Rule.parse("sin pi -> 0"),
            Rule.parse("* x1 x1 -> pow2 x1"),
            Rule.parse("* 0 _0 -> 0")));

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "- sin x1 sin x1            | 0",
            "/ + x1 x2 + x1 x2          | 1",
            "+ x3 neg x4                | - x3 x4",
            "+ neg x4 x3                | - x3 x4",
            "* x2 1                     | x2",
            "* 1 x2                     | x2",
            "+ pow2 sin x1 pow2 cos x1  | 1",
            "+ pow2 cos x1 pow2 sin x1  | 1",
            "neg neg + x1 x2            | + x1 x2",
            "sin pi                     | 0",
            "* x1 x1                    | pow2 x1",
            "* x5 0                     | 0",
    })
    void rewritesAtRoot(String input, String expected) {
        assertEquals(expected, INDEX.rewriteAtRoot(Expr.parsePrefix(input)).toPrefix());
    }

    @ParameterizedTest(name = "{0} has no match")
    @CsvSource({
            "- sin x1 sin x2",
            "/ + x1 x2 + x2 x1",
            "+ pow2 sin x1 pow2 cos x2",
            "neg x1",
            "sin E",
            "+ x1 x2",
            "x1",
            "log sin x1",
    })
    void leavesOtherwise(String input) {
        assertNull(INDEX.rewriteAtRoot(Expr.parsePrefix(input)));
    }

    @Test
    void repeatedPlaceholderNeedsEqualSubtrees() {
        Match m = INDEX.findFirst(Expr.parsePrefix("- pow2 x1 pow2 x1"), 0);
        assertNotNull(m);
        assertEquals(0, m.ruleNumber());
        int[] b = m.bindings();
        assertEquals(1, b[0]);
    }

    @Test
    void firstMatchingRuleWinsInRuleOrder() {
        RuleIndex index = RuleIndex.of(List.of(
                Rule.parse("+ _0 _1 -> _0"),
                Rule.parse("+ _0 _0 -> _0")));
        Match m = index.findFirst(Expr.parsePrefix("+ x1 x1"), 0);
        assertEquals(0, m.ruleNumber());
        RuleIndex reversed = RuleIndex.of(List.of(
                Rule.parse("+ _0 _0 -> _0"),
                Rule.parse("+ _0 _1 -> _0")));
        assertEquals(0, reversed.findFirst(Expr.parsePrefix("+ x1 x1"), 0).ruleNumber());
        assertEquals(1, reversed.findFirst(Expr.parsePrefix("+ x1 x2"), 0).ruleNumber());
    }

    @Test
    void matchesInsideAnExpressionAtAnyNode() {
        Expr e = Expr.parsePrefix("sin neg neg x1");
        assertNull(INDEX.findFirst(e, 0));
        assertEquals(5, INDEX.findFirst(e, 1).ruleNumber());
    }

    @Test
    void commutedVariantsAreDeduplicated() {
        RuleIndex index = RuleIndex.of(List.of(
                Rule.parse("* _0 _0 -> pow2 _0"),
                Rule.parse("* + _0 _1 + _1 _0 -> pow2 + _0 _1"),
                Rule.parse("- _0 _0 -> 0")));
        // * _0 _0: one variant; * (+ _0 _1) (+ _1 _0): swaps of three nodes, 4 distinct; - : one.
        assertEquals(1 + 4 + 1, index.patternCount());
    }

    @Test
    void matchesUnderEveryCommutedArrangement() {
        RuleIndex index = RuleIndex.of(List.of(Rule.parse("* + _0 _1 - _0 _1 -> - pow2 _0 pow2 _1")));
        for (String s : List.of("* + x1 x2 - x1 x2", "* + x2 x1 - x1 x2", "* - x1 x2 + x1 x2",
                "* - x1 x2 + x2 x1")) {
            assertEquals("- pow2 x1 pow2 x2", index.rewriteAtRoot(Expr.parsePrefix(s)).toPrefix(), s);
        }
        assertNull(index.rewriteAtRoot(Expr.parsePrefix("* + x1 x2 - x1 x3")));
    }

    @Test
    void groundRulesAreFoundByHash() {
        RuleIndex index = RuleIndex.of(List.of(Rule.parse("+ cos x1 cos x1 -> * 2 cos x1")));
        assertEquals("* 2 cos x1", index.rewriteAtRoot(Expr.parsePrefix("+ cos x1 cos x1")).toPrefix());
        assertNull(index.rewriteAtRoot(Expr.parsePrefix("+ cos x1 cos x2")));
    }

    @Test
    void matcherIteratesAllMatchesInRuleOrder() {
        RuleIndex index = RuleIndex.of(List.of(
                Rule.parse("+ _0 _1 -> _0"),
                Rule.parse("+ x1 _0 -> x1"),
                Rule.parse("+ _0 _0 -> _0"),
                Rule.parse("* _0 _1 -> _0")));
        Matcher m = index.matcher();
        m.reset(Subject.of(Expr.parsePrefix("+ x1 x1")), 0);
        StringBuilder seen = new StringBuilder();
        while (m.next()) {
            seen.append(m.pattern().ruleNumber());
        }
        // each rule with its two commuted variants, both of which match; rule 3 is another operator
        assertEquals("00112", seen.toString());
    }

    @Test
    void withRegroupingsMatchesEveryGroupingOfAWholeChain() {
        List<Rule> rules = List.of(Rule.parse("+ + _0 _1 neg _0 -> _1"));
        RuleIndex regrouped = RuleIndex.of(rules, true);
        // a chain of three: 3 groupings by the lone operand, each in 4 swapped orders
        assertEquals(12, regrouped.patternCount());
        for (String s : List.of("+ + x1 x2 neg x1", "+ x1 + x2 neg x1", "+ neg x1 + x2 x1", "+ x2 + neg x1 x1")) {
            assertEquals("x2", regrouped.rewriteAtRoot(Expr.parsePrefix(s)).toPrefix(), s);
        }
        // swaps alone do not regroup
        assertNull(RuleIndex.of(rules).rewriteAtRoot(Expr.parsePrefix("+ x1 + x2 neg x1")));
        // whole chains only: a chain of four is no instance of a chain of three
        assertNull(regrouped.rewriteAtRoot(Expr.parsePrefix("+ x3 + + x1 x2 neg x1")));
        // one operator's chain only: + over a product is no regrouping
        assertNull(regrouped.rewriteAtRoot(Expr.parsePrefix("+ x1 * x2 neg x1")));
    }
}
