package dev.simplij.cli;

import org.junit.jupiter.api.Test;
import picocli.CommandLine.Model.OptionSpec;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The conventions of {@code simplij} and of every command: command list, help, version, usage errors. */
class MainTest {
    @Test
    void theCommandListNamesEveryCommandWithItsSummaryInOneColumn() throws Exception {
        Invocation help = Invocation.of("--help");
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
        for (String name : Main.commandNames()) {
            assertTrue(list.contains("\n  " + name + " "), name + " listed:\n" + list);
        }
        assertTrue(list.startsWith("  help ") && list.contains("\n  completion "), list);
        assertEquals(Main.commandNames().size() + 2, rows, "help, completion and every command:\n" + list);
        Invocation bare = Invocation.of();
        assertEquals(2, bare.status(), "no command is a usage error");
        assertEquals(help.out(), bare.out());
    }

    @Test
    void everyCommandAnswersHelpTheSameWayTwice() throws Exception {
        for (String name : Main.commandNames()) {
            Invocation h = Invocation.of("help", name);
            assertEquals(0, h.status(), name);
            assertEquals(h.out(), Invocation.of(name, "--help").out(), "help " + name + " and " + name + " --help");
            assertTrue(h.out().startsWith("Usage: simplij " + name + " ") || h.out().contains("\nUsage: simplij "
                    + name + " "), h.out());
            assertTrue(h.out().contains("\nOptions:\n"), name + " has an option table:\n" + h.out());
            assertTrue(h.out().contains("\nExit status:\n"), name + " lists its exit codes:\n" + h.out());
            assertTrue(h.out().contains("-V, --version"), name + " has --version:\n" + h.out());
        }
    }

    @Test
    void everyCommandRefusesAnUnknownOptionInOneFormat() throws Exception {
        for (String name : Main.commandNames()) {
            List<String> args = new ArrayList<>(List.of(name, "--frobnicate"));
            for (OptionSpec required : Main.commandLine(new Streams(System.in, System.out, System.err))
                    .getSubcommands().get(name).getCommandSpec().requiredArgs().stream()
                    .filter(OptionSpec.class::isInstance).map(OptionSpec.class::cast).toList()) {
                args.addAll(List.of(required.longestName(), "x"));
            }
            Invocation bad = Invocation.of(args.toArray(String[]::new));
            assertEquals(2, bad.status(), name);
            assertEquals("", bad.out(), name);
            assertTrue(bad.err().startsWith("simplij " + name + ": Unknown option: '--frobnicate'"), bad.err());
            assertTrue(bad.err().endsWith("(see simplij " + name + " --help)\n"), bad.err());
        }
    }

    @Test
    void progressIsSwitchedOffByQuietAndNoOtherSpelling() throws Exception {
        for (String name : List.of("mine", "soundness", "fuzz", "generate", "sr")) {
            assertTrue(Invocation.of(name, "--help").out().matches("(?s).*\\n +--quiet +\\S.*"), name + " lists --quiet");
        }
        for (String name : Main.commandNames()) {
            String help = Invocation.of(name, "--help").out();
            assertFalse(help.contains("--no-progress"), name + ":\n" + help);
            // sr's --progress SECONDS is the interval of its live table, which refuses 0 for --quiet (SrCommandTest)
            assertTrue(name.equals("sr") || !help.contains("--progress"), name + ":\n" + help);
        }
    }

    @Test
    void versionOfTheLauncherAndOfACommand() throws Exception {
        Invocation version = Invocation.of("--version");
        assertEquals(0, version.status());
        assertTrue(version.out().matches("simplij \\d+\\.\\d+\\.\\d+(-SNAPSHOT)?\\nJava .*\\n"), version.out());
        assertEquals(version.out(), Invocation.of("-V").out());
        assertEquals(version.out(), Invocation.of("mine", "--version").out());
    }

    @Test
    void aValueThatIsNotANumberOrTooSmallIsAUsageErrorNamingTheOption() throws Exception {
        Invocation word = Invocation.of("soundness", "--count", "many");
        assertEquals(2, word.status());
        assertTrue(word.err().startsWith("simplij soundness: Invalid value for option '--count': 'many' is not a whole "
                + "number\n"), word.err());
        Invocation zero = Invocation.of("soundness", "--count", "0");
        assertEquals(2, zero.status());
        assertTrue(zero.err().startsWith("simplij soundness: --count must be at least 1, got 0\n"), zero.err());
        Invocation twice = Invocation.of("load", "--seed", "1", "--seed", "2");
        assertEquals(2, twice.status(), "an option of one value given twice");
        assertTrue(twice.err().startsWith("simplij load: option '--seed' (N) should be specified only once"), twice.err());
    }

    @Test
    void groupedDigitsAreOneWholeNumber() throws Exception {
        Invocation o = Invocation.of("soundness", "--count", "1_0", "--seed", "3", "--max-size", "6", "--threads", "1",
                "--quiet");
        assertEquals(0, o.status(), o.err());
        assertTrue(o.out().startsWith("soundness: 10 expressions, seed 3, sizes 3..6"), o.out());
    }

    @Test
    void pipeBenchTimesThePipeAgainstSimplifyAll() throws Exception {
        Invocation o = Invocation.of("pipe-bench", "--lines", "600", "--rounds", "1", "--seed", "7");
        assertEquals(0, o.status(), o.err());
        assertTrue(o.out().startsWith("600 lines of 15 tokens (seed 7)"), o.out());
        assertTrue(o.out().contains("\nround 1: simplifyAll ") && o.out().contains("\nmedian: simplifyAll "), o.out());
        Invocation none = Invocation.of("pipe-bench", "--lines", "0");
        assertEquals(2, none.status());
        assertTrue(none.err().startsWith("simplij pipe-bench: --lines must be at least 1, got 0\n"), none.err());
    }

    @Test
    void anUnknownCommandIsAUsageError() throws Exception {
        Invocation o = Invocation.of("simplfy", "x1");
        assertEquals(2, o.status());
        assertTrue(o.err().startsWith("simplij: unknown command 'simplfy'\n"), o.err());
        assertTrue(o.err().endsWith("(see simplij --help)\n"), o.err());
        assertTrue(o.err().contains("Did you mean: simplij simplify"), o.err());
    }

    @Test
    void aMissingInputFileIsNamedWithoutAStackTrace() throws Exception {
        Invocation o = Invocation.of("rank", "--data", "no/such.csv", "--target", "y", "--candidates", "no/such.txt");
        assertEquals(2, o.status());
        assertTrue(o.err().startsWith("simplij rank: ") && o.err().contains("no/such.csv"), o.err());
        assertFalse(o.err().contains("\tat "), o.err());
    }
}
