package dev.simplij.reliability;

import dev.simplij.rules.Rule;
import dev.simplij.simplify.Simplifier;

import java.util.List;

/**
 * Rules written for these tests (not mined, not shipped): textbook identities that hold wherever the
 * left side is defined, and, separately, classic unsound candidates that the soundness check must
 * catch.
 */
final class TestRules {
    static final List<Rule> IDENTITIES = rules(
            "- _0 _0 -> 0",
            "/ _0 _0 -> 1",
            "* 0 _0 -> 0",
            "* 1 _0 -> _0",
            "+ 0 _0 -> _0",
            "neg neg _0 -> _0",
            "inv inv _0 -> _0",
            "log exp _0 -> _0",
            "exp log _0 -> _0",
            "pow1_2 pow2 _0 -> abs _0",
            "pow2 pow1_2 _0 -> _0",
            "abs abs _0 -> abs _0",
            "abs neg _0 -> abs _0",
            "+ pow2 sin _0 pow2 cos _0 -> 1",
            "sin neg _0 -> neg sin _0",
            "cos neg _0 -> cos _0",
            "+ _0 neg _1 -> - _0 _1",
            "* _0 inv _1 -> / _0 _1",
            "/ sin _0 cos _0 -> tan _0",
            // The infix parser's spellings (x**3 is pow3 x, 1/x is inv x): without them a prefix input
            // and its printed infix can simplify differently.
            "pow _0 2 -> pow2 _0",
            "pow _0 3 -> pow3 _0",
            "pow _0 4 -> pow4 _0",
            "pow _0 5 -> pow5 _0",
            "pow _0 0.5 -> pow1_2 _0",
            "pow _0 0.25 -> pow1_4 _0",
            "pow _0 -1 -> inv _0",
            "pow _0 inv 2 -> pow1_2 _0",
            "pow _0 inv 4 -> pow1_4 _0",
            "/ 1 _0 -> inv _0",
            "sin asin _0 -> _0",
            "cos acos _0 -> _0",
            "tan atan _0 -> _0");

    /** Unsound on poles or signs: each must be reported by the soundness check. */
    static final List<Rule> UNSOUND = rules(
            "pow1_2 pow2 _0 -> _0",
            "log pow2 _0 -> log _0",
            "asin sin _0 -> _0",
            "abs sin _0 -> sin _0");

    private TestRules() {
    }

    static Simplifier simplifier(List<Rule> rules) {
        return Simplifier.builder().rules(rules).build();
    }

    private static List<Rule> rules(String... lines) {
        return java.util.Arrays.stream(lines).map(Rule::parse).toList();
    }
}
