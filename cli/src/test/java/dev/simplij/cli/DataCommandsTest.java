package dev.simplij.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.simplij.expr.Evaluator;
import dev.simplij.expr.Expr;
import dev.simplij.sr.data.Csv;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code generate}, {@code generate-bench} and {@code rank} end to end. */
class DataCommandsTest {
    /** The records of every shard in {@code dir}. */
    private static long records(Path dir) throws IOException {
        long n = 0;
        try (Stream<Path> files = Files.list(dir)) {
            for (Path shard : files.filter(f -> f.getFileName().toString().matches("shard-\\d+\\.jsonl")).toList()) {
                n += Files.readAllLines(shard).size();
            }
        }
        return n;
    }

    @Test
    void usageErrorsOfTheDataCommands() throws Exception {
        Invocation noCount = Invocation.of("generate", "--out", "x");
        assertEquals(2, noCount.status());
        assertTrue(noCount.err().startsWith("simplij generate: Missing required option: '--count'\n"), noCount.err());
        Invocation zero = Invocation.of("generate-bench", "--count=0");
        assertEquals(2, zero.status());
        assertTrue(zero.err().startsWith("simplij generate-bench: --count must be at least 1, got 0\n"), zero.err());
        Invocation printed = Invocation.of("generate", "--print-config");
        assertEquals(0, printed.status());
        assertTrue(printed.out().contains("seed"), printed.out());
    }

    @Test
    void generateWritesShardsStatisticsFigureAndDecontaminationReport(@TempDir Path dir) throws Exception {
        Path config = dir.resolve("gen.properties");
        Files.writeString(config, "seed = 3\noperators.max = 5\npoints.count = 4\noutput.shardRecords = 40\n");
        Path testSet = dir.resolve("test.csv");
        Files.writeString(testSet, "name,formula\nprod,3*x1*x2\nsum,\"x1 + x2\"\n");
        Path out = dir.resolve("out");
        Invocation r = Invocation.of("generate", "--config", config.toString(), "--count", "100", "--out", out.toString(),
                "--test-set", testSet.toString(), "--quiet", "--set", "variables.max=2");
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().contains("written                        100"), r.out());
        for (String f : List.of("shard-00000.jsonl", "shard-00001.jsonl", "shard-00002.jsonl", "stats.txt", "lengths.png",
                "config.properties", "decontamination.csv")) {
            assertTrue(Files.size(out.resolve(f)) > 0, f);
        }
        assertEquals(100, records(out));
        List<String> report = Files.readAllLines(out.resolve("decontamination.csv"));
        assertEquals("row,formula,skeleton,dropped,example", report.get(0));
        assertEquals(3, report.size());
        assertTrue(Files.readString(out.resolve("config.properties")).contains("variables.max = 2"));
    }

    @Test
    void generateRefusesANonEmptyFolderAndOverwriteRemovesTheEarlierRun(@TempDir Path dir) throws Exception {
        Path testSet = dir.resolve("test.csv");
        Files.writeString(testSet, "name,formula\nsum,\"x1 + x2\"\n");
        Path out = dir.resolve("out");
        Invocation first = Invocation.of("generate", "--count", "100", "--out", out.toString(), "--seed", "3",
                "--set", "output.shardRecords=40", "--test-set", testSet.toString(), "--quiet");
        assertEquals(0, first.status(), first.err());
        assertTrue(Files.exists(out.resolve("shard-00002.jsonl")) && Files.exists(out.resolve("decontamination.csv")));
        Files.writeString(out.resolve("notes.txt"), "mine\n");

        Invocation refused = Invocation.of("generate", "--count", "30", "--out", out.toString(), "--quiet");
        assertEquals(2, refused.status());
        assertEquals("", refused.out());
        assertTrue(refused.err().startsWith("simplij generate: " + out + " is not empty (")
                && refused.err().contains("--overwrite"), refused.err());
        assertEquals(100, records(out), "the earlier run is untouched");

        Invocation again = Invocation.of("generate", "--count", "30", "--out", out.toString(), "--seed", "4",
                "--set", "output.shardRecords=40", "--quiet", "--overwrite");
        assertEquals(0, again.status(), again.err());
        assertEquals("", again.err(), "--quiet: no progress bar");
        try (var files = Files.list(out)) {
            assertEquals(List.of("config.properties", "lengths.png", "notes.txt", "shard-00000.jsonl", "stats.txt"),
                    files.map(f -> f.getFileName().toString()).sorted().toList());
        }
        assertEquals(30, records(out));
        assertEquals("mine\n", Files.readString(out.resolve("notes.txt")), "files no run writes are kept");
    }

    @Test
    void generateExplainsABadConfiguration(@TempDir Path dir) throws Exception {
        Invocation r = Invocation.of("generate", "--count", "10", "--out", dir.toString(), "--set", "operators.max=-1");
        assertEquals(2, r.status());
        assertTrue(r.err().startsWith("simplij generate: ") && r.err().contains("operators.max"), r.err());
    }

    @Test
    void rankWritesTheFrontBestFirst(@TempDir Path dir) throws Exception {
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
        Invocation r = Invocation.of("rank", "--data", csv.toString(), "--target", "y", "--candidates",
                candidates.toString(), "--out", ranked.toString());
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
        assertTrue(Double.parseDouble(table.rows().get(0).get(2)) < 1e-12, "exact fit, loss " + best.get(2));
    }
}
