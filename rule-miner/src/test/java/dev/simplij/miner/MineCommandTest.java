package dev.simplij.miner;

import dev.simplij.rules.RuleSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The mine command's options: usage errors, and a recorded command read without a shell. */
class MineCommandTest {
    private record Run(int status, String out, String err) {
    }

    private static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = MineCommand.execute(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void usageErrorsNameTheOption() {
        assertEquals(new Run(2, "", "mine: unknown option '--sed'\nTry './simplij mine --help'.\n"), run("--sed", "1"));
        assertEquals(new Run(2, "", "mine: --out needs a value\nTry './simplij mine --help'.\n"), run("--out"));
        assertEquals(new Run(2, "", "mine: unexpected argument 'x'\nTry './simplij mine --help'.\n"), run("x"));
        assertEquals(new Run(2, "", "mine: --out is required\n"), run("--operators", "neg", "--leaves", "_0"));
        assertEquals(new Run(2, "", "mine: --seed needs a whole number, got 'one'\n"),
                run("--operators", "neg", "--leaves", "_0", "--max-source", "2", "--max-target", "1", "--seed", "one",
                        "--out", "x.rules"));
        Run help = run("--help");
        assertEquals(0, help.status());
        assertEquals(MineCommand.USAGE, help.out());
    }

    @Test
    void quotedValuesOfARecordedCommandLoseTheirQuotes(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("tiny.rules");
        Run r = run("--operators", "neg,abs", "--leaves", "'_0,0'", "--max-source=3", "--max-target", "1", "--samples",
                "64", "--name", "'tiny'", "--threads", "1", "--quiet", "--out", file.toString());
        assertEquals(0, r.status(), r.err());
        RuleSet rules = RuleSet.load(file.toString());
        assertEquals("tiny", rules.header().get("name"));
        assertTrue(rules.header().get("command").contains("--leaves _0,0 "), rules.header().get("command"));
        assertTrue(rules.rules().stream().anyMatch(rule -> rule.toString().equals("neg neg _0 -> _0")),
                rules.rules().toString());
    }
}
