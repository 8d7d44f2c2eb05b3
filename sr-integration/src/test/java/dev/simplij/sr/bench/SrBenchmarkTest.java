package dev.simplij.sr.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.simplij.expr.Expr;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SrBenchmarkTest {
    @Test
    void suitesAreWellFormed() {
        assertEquals(8, Problems.nguyen().size());
        assertEquals(2, Problems.neuralOde().size());
        assertEquals(20, Problems.feynman().size());
        assertEquals(12, Problems.physics().size());
        Set<String> names = new HashSet<>();
        List<Problem> problems = new java.util.ArrayList<>(Problems.suite("all"));
        problems.addAll(Problems.suite("physics"));
        for (Problem p : problems) {
            assertTrue(names.add(p.name()), p.name());
            assertTrue(p.truth().variables().stream().allMatch(p.inputs()::contains), p.name());
            double[] y = p.target(p.sample(200, RandomSource.XO_RO_SHI_RO_128_PP.create(1L)));
            for (double v : y) {
                assertTrue(Double.isFinite(v), p.name() + " is undefined somewhere on its box");
            }
        }
    }

    @Test
    void physicsFormulasCarryConstantsFarFromOne() {
        for (Problem p : Problems.physics()) {
            double farthest = 0;
            Expr truth = p.truth();
            for (int i = 0; i < truth.size(); i++) {
                if (truth.kind(i) == dev.simplij.expr.NodeKind.NUMBER) {
                    farthest = Math.max(farthest, Math.abs(Math.log10(Math.abs(truth.number(i)))));
                }
            }
            assertTrue(farthest >= 8, p.name() + " has no constant 8 orders of magnitude from 1");
        }
    }

    @Test
    void truthSkeletonTurnsNumbersIntoConstants() {
        Problem p = Problems.suite("feynman").stream().filter(q -> q.name().equals("II.3.24")).findFirst().orElseThrow();
        Expr skeleton = SrBenchmark.truthSkeleton(p);
        assertTrue(skeleton.constantCount() >= 1, skeleton.toString());
        assertTrue(skeleton.toPrefix().indexOf("pi") < 0, skeleton.toString());
    }

    @Test
    void smallSeededRunsRecoverEasyProblems() {
        for (Problem p : List.of(Problems.neuralOde().get(0), Problems.feynman().get(2))) {
            SrBenchmark.Outcome o = SrBenchmark.solve(p, true, new SrBenchmark.Budget(30, Double.POSITIVE_INFINITY), 1, 3, 60);
            assertTrue(o.recovered(), p.name() + ": " + o.result().front());
        }
    }

    @Test
    void spreadIsMedianAndRangeWithUnrecoveredRunsAboveTheBudget() {
        assertEquals("2.0 [1.0 - 5.0]", SrBenchmark.spread(new double[] {5, 1, 2}, "%.1f"));
        assertEquals("3.5 [1.0 - > budget]", SrBenchmark.spread(new double[] {1, 3, 4, Double.POSITIVE_INFINITY}, "%.1f"));
        assertEquals("> budget [1.0 - > budget]",
                SrBenchmark.spread(new double[] {1, Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY}, "%.1f"));
        assertEquals("7", SrBenchmark.spread(new double[] {7, 7}, "%.0f"));
    }

    @Test
    void usageErrorsNameTheOptionAndPrintTheUsage() throws Exception {
        for (String[] argsAndMessage : new String[][] {
                {"--bogus", "unknown option '--bogus'"},
                {"--threads", "--threads needs a value"},
                {"--threads=two", "--threads needs a whole number, got 'two'"},
                {"--seeds=1,x", "--seeds needs a whole number, got '1,x'"},
                {"--suite=none", "unknown suite 'none': nguyen, node, feynman, all, physics or feynman-full"}}) {
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            int status = SrBenchmark.run(List.of(argsAndMessage[0]), new PrintStream(new ByteArrayOutputStream(), true,
                    StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
            assertEquals(2, status, argsAndMessage[0]);
            assertEquals("sr-benchmark: " + argsAndMessage[1] + "\n" + SrBenchmark.USAGE, err.toString(StandardCharsets.UTF_8));
        }
    }

    @Test
    void anUnknownOrMiscasedOnlyNameIsAUsageErrorListingTheValidNames() throws Exception {
        for (String[] args : new String[][] {{"--only", "nguyen-1"}, {"--suite", "nguyen", "--only", "Nguyen-1,foo"}}) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            int status = SrBenchmark.run(List.of(args), new PrintStream(out, true, StandardCharsets.UTF_8),
                    new PrintStream(err, true, StandardCharsets.UTF_8));
            assertEquals(2, status, String.join(" ", args));
            assertEquals("", out.toString(StandardCharsets.UTF_8), "nothing runs");
            String first = err.toString(StandardCharsets.UTF_8).lines().findFirst().orElseThrow();
            String unknown = args[args.length - 1].contains("foo") ? "'foo'" : "'nguyen-1'";
            assertTrue(first.startsWith("sr-benchmark: --only: no problem " + unknown + " in this suite; valid names: "
                    + "Nguyen-1, Nguyen-2, "), first);
        }
        assertTrue(SrBenchmark.USAGE.contains("\n  nguyen   Nguyen-1, Nguyen-2,") && SrBenchmark.USAGE.contains("\n  node     dx/dt, dy/dt"),
                "--help names the problems:\n" + SrBenchmark.USAGE);
        assertEquals(List.of("Nguyen-2", "Nguyen-8"),
                SrBenchmark.only(Problems.suite("nguyen"), List.of("Nguyen-8", "Nguyen-2")).stream().map(Problem::name).toList());
    }

    @Test
    void compareWritesOneRowPerProblemAndTheTotals(@TempDir Path dir) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int status = SrBenchmark.run(List.of("--suite", "node", "--only", "dx/dt", "--seeds", "1,2", "--compare",
                "--cpu", "20", "--threads", "1", "--points", "60", "--out", dir.toString()),
                new PrintStream(out, true, StandardCharsets.UTF_8), System.err);
        assertEquals(0, status);
        List<String> rows = Files.readAllLines(dir.resolve("normalization.md"));
        assertTrue(rows.get(0).contains("20 CPU seconds") && rows.get(0).contains("[1, 2]"), rows.get(0));
        assertTrue(rows.stream().anyMatch(r -> r.startsWith("| dx/dt | 2/2 / ")), String.join("\n", rows));
        assertTrue(rows.stream().anyMatch(r -> r.startsWith("| **all runs** |")), String.join("\n", rows));
        assertEquals(5, Files.readAllLines(dir.resolve("results.csv")).size(), "header and four runs");
    }
}
