package dev.simplij.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code simplij sr-benchmark} end to end, through {@link Main}. */
class SrBenchmarkCommandTest {
    @Test
    void theHelpHasAnOptionTableAndNamesTheProblems() throws Exception {
        Invocation help = Invocation.of("sr-benchmark", "--help");
        assertEquals(0, help.status());
        assertTrue(help.out().contains("\n      --only=NAME[,NAME...]\n"), help.out());
        assertTrue(help.out().contains("\n  nguyen   Nguyen-1, Nguyen-2,") && help.out().contains("\n  node     dx/dt, dy/dt"),
                "--help names the problems:\n" + help.out());
        assertTrue(help.out().contains("\n  feynman-full  120 equations, "), help.out());
    }

    @Test
    void usageErrorsNameTheOption() throws Exception {
        for (String[] argsAndMessage : new String[][] {
                {"--bogus", "Unknown option: '--bogus'"},
                {"--threads", "Missing required parameter for option '--threads' (N)"},
                {"--threads=two", "Invalid value for option '--threads': 'two' is not a whole number"},
                {"--seeds=1,x", "Invalid value for option '--seeds' (N): 'x' is not a whole number"},
                {"--suite=none", "unknown suite 'none': nguyen, node, feynman, all, physics or feynman-full"},
                {"--seed=1", "--seeds=2,3", "--seed and --seeds: give one of them"},
                {"--suite=nguyen", "--sample=3", "--sample is for --suite feynman-full"},
                {"--suite=nguyen", "--no-normalize", "--linear-scaling and --no-normalize are for --suite feynman-full "
                        + "(the other suites compare normalization with --compare)"},
                {"--suite=feynman-full", "--compare", "--compare is not available with --suite feynman-full"}}) {
            List<String> args = List.of(argsAndMessage).subList(0, argsAndMessage.length - 1);
            String message = argsAndMessage[argsAndMessage.length - 1];
            Invocation bad = Invocation.of(List.of(List.of("sr-benchmark"), args).stream().flatMap(List::stream)
                    .toArray(String[]::new));
            assertEquals(2, bad.status(), String.join(" ", args));
            assertEquals("", bad.out(), "nothing runs");
            assertTrue(bad.err().startsWith("simplij sr-benchmark: " + message + "\n"), bad.err());
            assertTrue(bad.err().endsWith("(see simplij sr-benchmark --help)\n"), bad.err());
        }
    }

    @Test
    void anUnknownOrMiscasedOnlyNameIsAUsageErrorListingTheValidNames() throws Exception {
        for (String[] args : new String[][] {{"--only", "nguyen-1"}, {"--suite", "nguyen", "--only", "Nguyen-1,foo"}}) {
            Invocation bad = Invocation.of(List.of(List.of("sr-benchmark"), List.of(args)).stream().flatMap(List::stream)
                    .toArray(String[]::new));
            assertEquals(2, bad.status(), String.join(" ", args));
            assertEquals("", bad.out(), "nothing runs");
            String unknown = args[args.length - 1].contains("foo") ? "'foo'" : "'nguyen-1'";
            assertTrue(bad.err().startsWith("simplij sr-benchmark: --only: no problem " + unknown + " in this suite; "
                    + "valid names: Nguyen-1, Nguyen-2, "), bad.err());
        }
    }

    @Test
    void compareWritesOneRowPerProblemAndTheTotals(@TempDir Path dir) throws Exception {
        Invocation r = Invocation.of("sr-benchmark", "--suite", "node", "--only", "dx/dt", "--seeds", "1,2", "--compare",
                "--cpu", "20", "--threads", "1", "--points", "60", "--out", dir.toString());
        assertEquals(0, r.status(), r.err());
        assertEquals(4, r.out().lines().filter(l -> l.startsWith("dx/dt ")).count(), "a line per run:\n" + r.out());
        List<String> rows = Files.readAllLines(dir.resolve("normalization.md"));
        assertTrue(rows.get(0).contains("20 CPU seconds") && rows.get(0).contains("[1, 2]"), rows.get(0));
        assertTrue(rows.stream().anyMatch(row -> row.startsWith("| dx/dt | 2/2 / ")), String.join("\n", rows));
        assertTrue(rows.stream().anyMatch(row -> row.startsWith("| **all runs** |")), String.join("\n", rows));
        assertEquals(5, Files.readAllLines(dir.resolve("results.csv")).size(), "header and four runs");
    }

    @Test
    void twoEasyFeynmanEquationsAreRecoveredAndReported(@TempDir Path dir) throws Exception {
        Invocation r = Invocation.of("sr-benchmark", "--suite", "feynman-full", "--only", "I.12.1,I.25.13", "--time", "20",
                "--threads", "1", "--seed", "1", "--out", dir.toString());
        assertEquals(0, r.status(), r.err());
        String md = Files.readString(dir.resolve("results.md"));
        assertTrue(md.contains("Recovered 2 of 2 runs: 100.0%"), md);
        assertTrue(md.contains("./simplij sr-benchmark --suite feynman-full --only I.12.1,I.25.13 --time 20"),
                "the command line is recorded: " + md);
        List<String> csv = Files.readAllLines(dir.resolve("results.csv"));
        assertEquals(3, csv.size());
        assertTrue(csv.get(1).startsWith("feynman-full,I.12.1,1,true,"), csv.get(1));
        assertTrue(csv.get(1).contains(",exact,"), "stopped once exact, not at the budget: " + csv.get(1));
        assertTrue(Files.size(dir.resolve("time-to-recovery-ecdf.png")) > 1000);
    }
}
