package dev.simplij.cli;

import dev.simplij.rules.Rule;
import dev.simplij.rules.RuleSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SimplifyCommandTest {
    private static final String FIXTURE = "src/test/resources/fixture-rules/identities-fixture.rules";

    private record Outcome(int status, String out, String err) {
    }

    private static Outcome run(String stdin, String... args) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = Main.run(Arrays.asList(args), new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Outcome(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void simplifiesArgumentsInInfix() throws Exception {
        Outcome o = run("", "simplify", "--ruleset", FIXTURE, "x1*(x2 - x2) + sin(x1)**2 + cos(x1)**2", "x1/x1");
        assertEquals(0, o.status(), o.err());
        assertEquals("1\n1\n", o.out());
    }

    @Test
    void freeConstantRulesNeedTheSkeletonSwitch(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("constants.rules");
        try (Writer w = Files.newBufferedWriter(file)) {
            RuleSet.of("constants", Map.of(), List.of(Rule.parse("exp <constant> -> <constant>"))).write(w);
        }
        Outcome plain = run("", "simplify", "--ruleset", file.toString(), "exp(<constant>)");
        assertEquals(2, plain.status());
        assertTrue(plain.err().contains("--skeleton"), plain.err());
        Outcome skeleton = run("", "simplify", "--skeleton", "--ruleset", file.toString(), "exp(<constant>)");
        assertEquals(0, skeleton.status(), skeleton.err());
        assertEquals("<constant>\n", skeleton.out());
    }

    @Test
    void streamsStandardInputOneLinePerLine() throws Exception {
        Outcome o = run("+ x1 x1 x1\n+ pow2 sin x2 pow2 cos x2\n\n+ x1\n- x1 x1\n", "simplify", "--prefix", "--ruleset",
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
        Outcome o = run(in.toString(), "simplify", "--ruleset", FIXTURE);
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
        Outcome o = run("", "simplify", "x1 - x1", "--ruleset=" + FIXTURE, "--prefix", "--", "- x2 x2", "--prefix");
        assertEquals(1, o.status(), "'--prefix' after '--' is an expression that does not parse: " + o.err());
        assertEquals("\n0\n\n", o.out(), "prefix notation for every argument, after '--' too");
        assertTrue(o.err().contains("argument 1, position") && o.err().contains("argument 3, position"), o.err());
    }

    @Test
    void skeletonMode() throws Exception {
        Outcome o = run("", "simplify", "--skeleton", "--ruleset", FIXTURE, "<constant>*(x1*<constant>) + <constant>");
        assertEquals("<constant> + <constant>*x1\n", o.out(), o.err());
    }

    @Test
    void helpOnEveryCommandAndUsageErrors() throws Exception {
        Outcome help = run("", "simplify", "--help");
        assertEquals(0, help.status());
        assertTrue(help.out().startsWith("usage: simplij simplify"));
        for (Command c : Main.commands()) {
            Outcome h = run("", c.name(), "--help");
            assertEquals(0, h.status(), c.name());
            assertTrue(!h.out().isBlank(), c.name());
        }
        Outcome bogus = run("", "simplify", "--bogus");
        assertEquals(2, bogus.status());
        assertEquals("simplify: unknown option '--bogus' (see simplij simplify --help)\n", bogus.err());
        assertEquals("simplify: --ruleset needs a value (see simplij simplify --help)\n",
                run("", "simplify", "x1", "--ruleset").err());
        assertEquals(2, run("", "simplify", "--ruleset", "no/such/file.rules", "x").status());
        assertEquals(2, run("", "no-such-command").status());
        assertTrue(run("", "--help").out().contains("simplify"));
    }
}
