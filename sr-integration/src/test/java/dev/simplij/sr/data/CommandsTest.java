package dev.simplij.sr.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.simplij.expr.Evaluator;
import dev.simplij.expr.Expr;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.BiFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CommandsTest {
    /** Exit status, standard output and standard error of one run. */
    private record Run(int status, String out, String err) {
    }

    private static Run run(OptionCommand command, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = command.run(List.of(args), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void everyCommandHasHelpAndRefusesUnknownOptions() {
        for (OptionCommand c : List.of(new GenerateCommand(), new RankCommand(), new GenerateBenchmarkCommand())) {
            Run help = run(c, "--help");
            assertEquals(0, help.status());
            assertTrue(help.out().startsWith("usage: simplij " + c.name() + " "), help.out());
            assertEquals(help.out(), c.help());
            Run bad = run(c, "--frobnicate");
            assertEquals(2, bad.status());
            assertTrue(bad.err().contains("unknown option '--frobnicate'"), bad.err());
        }
        assertEquals(new Run(2, "", "generate: --count is required\n"), run(new GenerateCommand(), "--out", "x"));
        assertEquals(new Run(2, "", "generate-bench: --count must be at least 1, got 0\n"),
                run(new GenerateBenchmarkCommand(), "--count=0"));
    }

    @Test
    void theCommandsAreRegisteredServices() {
        List<String> names = java.util.ServiceLoader.load(dev.simplij.cli.Command.class).stream()
                .map(p -> p.type().getName()).toList();
        assertTrue(names.containsAll(List.of(GenerateCommand.class.getName(), RankCommand.class.getName(),
                GenerateBenchmarkCommand.class.getName())), names.toString());
    }

    @Test
    void generateWritesShardsStatisticsFigureAndDecontaminationReport(@TempDir Path dir) throws IOException {
        Path config = dir.resolve("gen.properties");
        Files.writeString(config, "seed = 3\noperators.max = 5\npoints.count = 4\noutput.shardRecords = 40\n");
        Path testSet = dir.resolve("test.csv");
        Files.writeString(testSet, "name,formula\nprod,3*x1*x2\nsum,\"x1 + x2\"\n");
        Path out = dir.resolve("out");
        Run r = run(new GenerateCommand(), "--config", config.toString(), "--count", "100", "--out", out.toString(),
                "--test-set", testSet.toString(), "--no-progress", "--set", "variables.max=2");
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().contains("written                        100"), r.out());
        for (String f : List.of("shard-00000.jsonl", "shard-00001.jsonl", "shard-00002.jsonl", "stats.txt", "lengths.png",
                "config.properties", "decontamination.csv")) {
            assertTrue(Files.size(out.resolve(f)) > 0, f);
        }
        assertEquals(100, TestSupport.records(out).size());
        List<String> report = Files.readAllLines(out.resolve("decontamination.csv"));
        assertEquals("row,formula,skeleton,dropped,example", report.get(0));
        assertEquals(3, report.size());
        assertTrue(Files.readString(out.resolve("config.properties")).contains("variables.max = 2"));
    }

    @Test
    void generateRefusesANonEmptyFolderAndOverwriteRemovesTheEarlierRun(@TempDir Path dir) throws IOException {
        Path testSet = dir.resolve("test.csv");
        Files.writeString(testSet, "name,formula\nsum,\"x1 + x2\"\n");
        Path out = dir.resolve("out");
        Run first = run(new GenerateCommand(), "--count", "100", "--out", out.toString(), "--seed", "3",
                "--set", "output.shardRecords=40", "--test-set", testSet.toString(), "--no-progress");
        assertEquals(0, first.status(), first.err());
        assertTrue(Files.exists(out.resolve("shard-00002.jsonl")) && Files.exists(out.resolve("decontamination.csv")));
        Files.writeString(out.resolve("notes.txt"), "mine\n");

        Run refused = run(new GenerateCommand(), "--count", "30", "--out", out.toString(), "--no-progress");
        assertEquals(2, refused.status());
        assertEquals("", refused.out());
        assertTrue(refused.err().startsWith("generate: " + out + " is not empty (") && refused.err().contains("--overwrite"),
                refused.err());
        assertEquals(100, TestSupport.records(out).size(), "the earlier run is untouched");

        Run again = run(new GenerateCommand(), "--count", "30", "--out", out.toString(), "--seed", "4",
                "--set", "output.shardRecords=40", "--quiet", "--overwrite");
        assertEquals(0, again.status(), again.err());
        assertEquals("", again.err(), "--quiet: no progress bar");
        try (var files = Files.list(out)) {
            assertEquals(List.of("config.properties", "lengths.png", "notes.txt", "shard-00000.jsonl", "stats.txt"),
                    files.map(f -> f.getFileName().toString()).sorted().toList());
        }
        assertEquals(30, TestSupport.records(out).size());
        assertEquals("mine\n", Files.readString(out.resolve("notes.txt")), "files no run writes are kept");
    }

    @Test
    void generateExplainsABadConfiguration(@TempDir Path dir) {
        Run r = run(new GenerateCommand(), "--count", "10", "--out", dir.toString(), "--set", "operators.max=-1");
        assertEquals(2, r.status());
        assertTrue(r.err().contains("operators.max"), r.err());
    }

    @Test
    void rankWritesTheFrontBestFirst(@TempDir Path dir) throws IOException {
        StringBuilder data = new StringBuilder("a,b,y\n");
        for (int i = 0; i < 50; i++) {
            double a = 0.1 * i - 2;
            double b = Math.cos(i);
            data.append(a).append(',').append(b).append(',').append(1.5 * a * a + b).append('\n');
        }
        Path csv = dir.resolve("data.csv");
        Files.writeString(csv, data);
        Path candidates = dir.resolve("candidates.txt");
        Files.writeString(candidates, String.join("\n", "<constant>*a**2 + b", "+ b * <constant> pow2 a", "a + b",
                "<constant>*a", "<constant>*a**2 + b + <constant>*sin(a)", "x9 + 1", ""));
        Path ranked = dir.resolve("ranked.csv");
        Run r = run(new RankCommand(), "--data", csv.toString(), "--target", "y", "--candidates", candidates.toString(),
                "--out", ranked.toString());
        assertEquals(0, r.status(), r.err());
        assertTrue(r.err().contains(":6: variables [x9]"), r.err());
        Csv.Table table = Csv.read(ranked);
        assertEquals(List.of("rank", "complexity", "loss", "score", "selected", "pareto", "sympy", "skeleton", "prefix",
                "inputs", "first_line"), table.header());
        List<String> best = table.rows().get(0);
        assertEquals("true", best.get(4));
        Expr chosen = Expr.parseInfix(best.get(6));
        Evaluator e = Evaluator.compile(chosen, List.of("a", "b"));
        assertEquals(1.5 * 4 + 0.5, e.evaluate(new double[] {2, 0.5}), 1e-6, "selected " + best.get(6));
        BiFunction<Integer, Integer, Double> cell = (row, col) -> Double.parseDouble(table.rows().get(row).get(col));
        assertTrue(cell.apply(0, 2) < 1e-12, "exact fit, loss " + cell.apply(0, 2));
    }
}
