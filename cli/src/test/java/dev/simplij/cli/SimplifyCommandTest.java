package dev.simplij.cli;

import dev.simplij.rules.Rule;
import dev.simplij.rules.RuleSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SimplifyCommandTest {
    private static final String FIXTURE = "src/test/resources/fixture-rules/identities-fixture.rules";

    private static Invocation run(String stdin, String... args) throws Exception {
        return Invocation.withInput(stdin, args);
    }

    @Test
    void simplifiesArgumentsInInfix() throws Exception {
        Invocation o = run("", "simplify", "--ruleset", FIXTURE, "x1*(x2 - x2) + sin(x1)**2 + cos(x1)**2", "x1/x1");
        assertEquals(0, o.status(), o.err());
        assertEquals("1\n1\n", o.out());
    }

    @Test
    void freeConstantRulesNeedTheSkeletonSwitch(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("constants.rules");
        try (Writer w = Files.newBufferedWriter(file)) {
            RuleSet.of("constants", Map.of(), List.of(Rule.parse("exp <constant> -> <constant>"))).write(w);
        }
        Invocation plain = run("", "simplify", "--ruleset", file.toString(), "exp(<constant>)");
        assertEquals(2, plain.status());
        assertTrue(plain.err().contains("--skeleton"), plain.err());
        Invocation skeleton = run("", "simplify", "--skeleton", "--ruleset", file.toString(), "exp(<constant>)");
        assertEquals(0, skeleton.status(), skeleton.err());
        assertEquals("<constant>\n", skeleton.out());
    }

    @Test
    void streamsStandardInputOneLinePerLine() throws Exception {
        Invocation o = run("+ x1 x1 x1\n+ pow2 sin x2 pow2 cos x2\n\n+ x1\n- x1 x1\n", "simplify", "--prefix", "--ruleset",
                FIXTURE);
        // line 1 has a trailing token, line 3 is empty, line 4 lacks an operand
        assertEquals("\n1\n\n\n0\n", o.out());
        assertEquals(1, o.status());
        assertTrue(o.err().contains("line 1, position"), o.err());
        assertTrue(o.err().contains("line 3, position 0: empty expression"), o.err());
        assertTrue(o.err().contains("line 4, position"), o.err());
    }

    @Test
    void keepsLineCountOnLargeBatches() throws Exception {
        StringBuilder in = new StringBuilder();
        int lines = SimplifyCommand.BATCH * 2 + 17;
        for (int i = 0; i < lines; i++) {
            in.append(i % 1000 == 999 ? "(" : "x" + (i % 7) + " - x" + (i % 5)).append('\n');
        }
        Invocation o = run(in.toString(), "simplify", "--ruleset", FIXTURE);
        String[] out = o.out().split("\n", -1);
        assertEquals(lines + 1, out.length);
        assertEquals("0", out[0]);
        assertEquals("-x0 + x5", out[5]); // x5 - x0, in SymPy's term order
        assertEquals("", out[999]);
        assertEquals(1, o.status());
        List<String> errs = new ArrayList<>(Arrays.asList(o.err().split("\n")));
        assertEquals(lines / 1000, errs.size());
        assertTrue(errs.get(0).startsWith("simplify: line 1000, position"), errs.get(0));
    }

    @Test
    void optionsMixWithExpressionsAndDoubleDashEndsThem() throws Exception {
        Invocation o = run("", "simplify", "x1 - x1", "--ruleset=" + FIXTURE, "--prefix", "--", "- x2 x2", "--prefix");
        assertEquals(1, o.status(), "'--prefix' after '--' is an expression that does not parse: " + o.err());
        assertEquals("\n0\n\n", o.out(), "prefix notation for every argument, after '--' too");
        assertTrue(o.err().contains("argument 1, position") && o.err().contains("argument 3, position"), o.err());
    }

    @Test
    void skeletonMode() throws Exception {
        Invocation o = run("", "simplify", "--skeleton", "--ruleset", FIXTURE, "<constant>*(x1*<constant>) + <constant>");
        assertEquals("<constant> + <constant>*x1\n", o.out(), o.err());
    }

    @Test
    void ruleSetsCombineAndASecondRulesetIsAnError(@TempDir Path dir) throws Exception {
        Path constants = dir.resolve("inverse.rules");
        try (Writer w = Files.newBufferedWriter(constants)) {
            RuleSet.of("inverse", Map.of(), List.of(Rule.parse("sin asin _0 -> _0"))).write(w);
        }
        String expr = "sin(asin(x1)) + sin(x2)**2 + cos(x2)**2";
        Invocation fixtureOnly = run("", "simplify", "--ruleset", FIXTURE, expr);
        assertEquals("sin(asin(x1)) + 1\n", fixtureOnly.out(), fixtureOnly.err());
        Invocation both = run("", "simplify", "--ruleset", FIXTURE + "," + constants, expr);
        assertEquals(0, both.status(), both.err());
        assertEquals("x1 + 1\n", both.out(), "the rules of both sets apply");

        Invocation twice = run("", "simplify", "--ruleset", FIXTURE, "--ruleset", constants.toString(), "x1");
        assertEquals(2, twice.status());
        assertEquals("", twice.out());
        assertEquals("simplij simplify: option '--ruleset' (NAME|FILE[,...]) should be specified only once\n"
                + "(see simplij simplify --help)\n", twice.err());
    }

    @Test
    void combinedRuleSetsKeepTheFirstRuleOfALeftSide() {
        RuleSet a = RuleSet.of("a", Map.of(), List.of(Rule.parse("- _0 _0 -> 0"), Rule.parse("/ _0 _0 -> 1")));
        RuleSet b = RuleSet.of("b", Map.of(), List.of(Rule.parse("- _0 _0 -> 1"), Rule.parse("exp log _0 -> _0")));
        RuleSet ab = RuleSet.combine(List.of(a, b));
        assertEquals(List.of("- _0 _0 -> 0", "/ _0 _0 -> 1", "exp log _0 -> _0"),
                ab.rules().stream().map(Rule::toString).toList());
        assertEquals("a,b", ab.header().get("name"));
        assertSame(a, RuleSet.combine(List.of(a)));
    }

    @Test
    void helpAndUsageErrors() throws Exception {
        Invocation help = run("", "simplify", "--help");
        assertEquals(0, help.status());
        assertTrue(help.out().contains("Usage: simplij simplify [-hV] [--prefix] [--skeleton]"), help.out());
        assertTrue(help.out().contains("--ruleset=NAME|FILE[,...]"), help.out());
        Invocation bogus = run("", "simplify", "--bogus", "x1");
        assertEquals(2, bogus.status());
        assertEquals("simplij simplify: Unknown option: '--bogus'\n(see simplij simplify --help)\n", bogus.err());
        assertEquals("", bogus.out());
        Invocation missing = run("", "simplify", "x1", "--ruleset");
        assertEquals(2, missing.status());
        assertTrue(missing.err().startsWith("simplij simplify: Missing required parameter for option '--ruleset'"),
                missing.err());
        assertEquals(2, run("", "simplify", "--ruleset", "no/such/file.rules", "x").status());
        Invocation negative = run("", "simplify", "--ruleset", FIXTURE, "-x1 + x1", "--", "--x1");
        assertEquals("0\nx1\n", negative.out(), "an expression may start with '-', and after '--' with '--'");
    }
}
