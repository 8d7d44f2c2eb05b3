package dev.simplij.cli;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The conventions of {@code simplij} itself: command list, {@code --version}, {@code help COMMAND}, usage errors. */
class MainTest {
    private record Outcome(int status, String out, String err) {
    }

    private static Outcome run(String... args) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = Main.run(List.of(args), new ByteArrayInputStream(new byte[0]),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Outcome(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void theCommandListNamesEveryCommandWithItsSummaryInOneColumn() throws Exception {
        Outcome help = run("--help");
        assertEquals(0, help.status());
        String list = help.out().substring(help.out().indexOf("Commands:\n") + "Commands:\n".length());
        Matcher row = Pattern.compile("(?m)^  (\\S+)( +)(\\S.*)$").matcher(list);
        int column = -1;
        int rows = 0;
        while (row.find()) {
            int at = row.start(3) - row.start();
            assertTrue(column < 0 || at == column, "summary of " + row.group(1) + " starts at " + at + ", not " + column);
            column = at;
            rows++;
        }
        for (String name : List.of("help", "simplify", "mine", "generate-bench", "sr-benchmark", "soundness", "bench")) {
            assertTrue(list.contains("\n  " + name + " ") || list.startsWith("  " + name + " "), name + " listed:\n" + list);
        }
        assertEquals(Main.commands().size() + 3, rows, "simplify, pipe-bench, help and every Command service:\n" + list);
        Outcome bare = run();
        assertEquals(2, bare.status(), "no command is a usage error");
        assertEquals(help.out(), bare.out());
    }

    @Test
    void versionAndHelpCommand() throws Exception {
        Outcome version = run("--version");
        assertEquals(0, version.status());
        assertTrue(version.out().matches("simplij \\d+\\.\\d+\\.\\d+(-SNAPSHOT)?\\nJava .*\\n"), version.out());
        assertEquals(run("-V").out(), version.out());
        Outcome helpSimplify = run("help", "simplify");
        assertEquals(0, helpSimplify.status());
        assertTrue(helpSimplify.out().contains("Usage: simplij simplify [-h]"), helpSimplify.out());
        for (Command c : Main.commands()) {
            Outcome h = run("help", c.name());
            assertEquals(0, h.status(), c.name());
            assertEquals(c.help(), h.out(), "help " + c.name() + " prints the command's own help");
            assertEquals(c.help(), run(c.name(), "--help").out(), c.name() + " --help");
        }
    }

    @Test
    void everyCommandThatReportsProgressTakesQuiet() throws Exception {
        for (String name : List.of("mine", "soundness", "fuzz", "generate", "sr")) {
            assertTrue(run(name, "--help").out().matches("(?s).*\\n +--quiet .*"), name + " --help lists --quiet");
        }
    }

    @Test
    void pipeBenchTimesThePipeAgainstSimplifyAll() throws Exception {
        Outcome o = run("pipe-bench", "--lines", "600", "--rounds", "1", "--seed", "7");
        assertEquals(0, o.status(), o.err());
        assertTrue(o.out().startsWith("600 lines of 15 tokens (seed 7)"), o.out());
        assertTrue(o.out().contains("\nround 1: simplifyAll ") && o.out().contains("\nmedian: simplifyAll "), o.out());
        assertEquals(2, run("pipe-bench", "--lines", "0").status());
    }

    @Test
    void anUnknownCommandIsAUsageError() throws Exception {
        Outcome o = run("simplfy", "x1");
        assertEquals(2, o.status());
        assertTrue(o.err().startsWith("simplij: unknown command 'simplfy'\n"), o.err());
        assertTrue(o.err().endsWith("(see simplij --help)\n"), o.err());
        assertTrue(o.err().contains("Did you mean: simplij simplify"), o.err());
    }
}
