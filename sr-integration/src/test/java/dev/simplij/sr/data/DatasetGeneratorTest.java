package dev.simplij.sr.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.simplij.expr.Evaluator;
import dev.simplij.expr.Expr;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetGeneratorTest {
    /** Small enough to run in a second: short skeletons, few points, small shards. */
    private static GeneratorConfig small(long seed, int threads) {
        return GeneratorConfig.defaults()
                .with("seed", Long.toString(seed))
                .with("operators.max", "6")
                .with("points.count", "5")
                .with("output.shardRecords", "700")
                .with("threads", Integer.toString(threads));
    }

    private static GenerationStats generate(GeneratorConfig config, long count, Path out) {
        return new DatasetGenerator(config, TestSupport.skeletonSimplifier(), null).run(count, out, 10_000_000, null);
    }

    @Test
    void sameSeedGivesTheSameBytesOnAnyNumberOfThreads(@TempDir Path dir) throws IOException {
        long seed = 11L;
        generate(small(seed, 1), 2000, dir.resolve("one"));
        generate(small(seed, 2), 2000, dir.resolve("two"));
        generate(small(seed + 1, 2), 2000, dir.resolve("other"));
        for (String shard : List.of("shard-00000.jsonl", "shard-00001.jsonl", "shard-00002.jsonl")) {
            assertArrayEquals(Files.readAllBytes(dir.resolve("one").resolve(shard)),
                    Files.readAllBytes(dir.resolve("two").resolve(shard)), "seed " + seed + ", " + shard);
        }
        assertNotEquals(Files.readString(dir.resolve("one/shard-00000.jsonl")),
                Files.readString(dir.resolve("other/shard-00000.jsonl")), "another seed, other skeletons");
    }

    @Test
    void writesExactlyTheCountWithNoDuplicateCanonicalForm(@TempDir Path dir) throws IOException {
        long seed = 12L;
        GenerationStats stats = generate(small(seed, 2), 2100, dir);
        assertEquals(2100, stats.written());
        assertEquals("count reached", stats.stopReason());
        List<Map<String, Object>> records = TestSupport.records(dir);
        assertEquals(2100, records.size(), "seed " + seed);
        assertTrue(Files.exists(dir.resolve("shard-00002.jsonl")) && !Files.exists(dir.resolve("shard-00003.jsonl")),
                "700 records a shard");
        Set<Expr> canonical = new HashSet<>();
        for (Map<String, Object> r : records) {
            Expr e = Expr.parsePrefix((String) r.get("prefix"));
            // Canonical: simplifying again changes nothing, and no other record has the same form.
            assertEquals(e, TestSupport.skeletonSimplifier().normalize(e), "seed " + seed + ": " + e);
            assertTrue(canonical.add(e), "seed " + seed + ": duplicate canonical form " + e);
        }
        assertTrue(stats.duplicates() > 0 && stats.rawDuplicates() > 0, "short skeletons do repeat: " + stats.summary());
    }

    @Test
    void outputsAreTheSkeletonEvaluatedAtTheRecordedConstantsAndPoints(@TempDir Path dir) throws IOException {
        long seed = 13L;
        generate(small(seed, 2), 300, dir);
        for (Map<String, Object> r : TestSupport.records(dir)) {
            Expr e = Expr.parsePrefix((String) r.get("prefix"));
            @SuppressWarnings("unchecked")
            List<String> variables = (List<String>) r.get("variables");
            double[] constants = TestSupport.doubles(r.get("constants"));
            double[] y = TestSupport.doubles(r.get("y"));
            @SuppressWarnings("unchecked")
            List<Object> x = (List<Object>) r.get("X");
            assertEquals(e.constantCount(), constants.length, "seed " + seed + ": " + e);
            assertEquals(5, y.length);
            Evaluator ev = Evaluator.compile(e, variables);
            // The infix may parse to another tree (1/3/x1**2), but it has the same value.
            Evaluator fromInfix = Evaluator.compile(Expr.parseInfix((String) r.get("infix")), variables);
            for (int row = 0; row < y.length; row++) {
                double[] point = TestSupport.doubles(x.get(row));
                assertEquals(variables.size(), point.length);
                for (double v : point) {
                    assertTrue(v >= -10 && v < 10, "domain uniform(-10, 10)");
                }
                assertEquals(y[row], ev.evaluate(point, constants), 0.0, "seed " + seed + ": " + e + " row " + row);
                assertEquals(y[row], fromInfix.evaluate(point, constants), 1e-9 * Math.max(1, Math.abs(y[row])),
                        "seed " + seed + ": infix " + r.get("infix") + " row " + row);
                assertTrue(Double.isFinite(y[row]));
            }
            assertEquals(variables.size(), SkeletonFilter.countVariables(e), "seed " + seed + ": every declared variable is used in " + e);
        }
    }

    @Test
    void aFullRawTableStopsTheStatisticNotTheRun() {
        GeneratorConfig config = small(15L, 2).with("points.enabled", "false").with("dedupe.maxRawEntries", "500")
                .with("dedupe.expectedEntries", "16");
        GenerationStats stats = new DatasetGenerator(config, TestSupport.skeletonSimplifier(), null).run(1000, null, 1_000_000, null);
        assertEquals(1000, stats.written(), stats.summary());
        assertTrue(stats.rawUntracked() > 0, stats.summary());
        assertTrue(stats.summary().contains("raw table full"), stats.summary());
    }

    @Test
    void stopsWhenTheSampleBudgetIsSpent() {
        // One variable, at most one operator, no constants: only a handful of distinct skeletons exist.
        GeneratorConfig tiny = small(14L, 2).with("operators.max", "1").with("variables.max", "1")
                .with("leaves.constantProbability", "0").with("points.enabled", "false");
        GenerationStats stats = new DatasetGenerator(tiny, TestSupport.skeletonSimplifier(), null).run(1000, null, 50_000, null);
        assertTrue(stats.written() < 30, stats.summary());
        assertTrue(stats.stopReason().startsWith("sample budget"), stats.stopReason());
        assertTrue(stats.sampled() >= 50_000 && stats.sampled() < 50_000 + DatasetGenerator.BLOCK, stats.summary());
    }
}
