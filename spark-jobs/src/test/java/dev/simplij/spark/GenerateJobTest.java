package dev.simplij.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.simplij.rules.RuleSet;
import dev.simplij.sr.SimplifierNormalizer;
import dev.simplij.sr.data.DatasetGenerator;
import dev.simplij.sr.data.Decontaminator;
import dev.simplij.sr.data.GenerationOutput;
import dev.simplij.sr.data.GenerationStats;
import dev.simplij.sr.data.GeneratorConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Spark generator against the single-machine one, in embedded local[2]. */
class GenerateJobTest {
    private final SparkSession spark = EmbeddedSpark.session();

    /** A small configuration: few points per record, shards of 700 records. */
    private static GeneratorConfig config(long seed) {
        return GeneratorConfig.defaults().with("seed", Long.toString(seed)).with("points.count", "5")
                .with("output.shardRecords", "700");
    }

    private static List<Path> shards(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().endsWith(".jsonl")).sorted().toList();
        }
    }

    private static void assertSameShards(Path expected, Path actual) throws IOException {
        List<Path> e = shards(expected);
        List<Path> a = shards(actual);
        assertEquals(e.stream().map(Path::getFileName).toList(), a.stream().map(Path::getFileName).toList());
        for (int i = 0; i < e.size(); i++) {
            assertEquals(Files.readString(e.get(i)), Files.readString(a.get(i)), "shard " + e.get(i).getFileName());
        }
    }

    /**
     * The single-machine run's {@code lengths.png} and, with a test set, {@code decontamination.csv}, as
     * {@code simplij generate} writes them, against the Spark run's.
     */
    private static void assertSameReports(Path single, GeneratorConfig config, GenerationStats stats, Decontaminator tests,
                                          Path spark) throws IOException {
        GenerationOutput.writeReports(single, config, stats, tests);
        assertArrayEquals(Files.readAllBytes(single.resolve("lengths.png")), Files.readAllBytes(spark.resolve("lengths.png")),
                "lengths.png");
        if (tests == null) {
            assertFalse(Files.exists(spark.resolve("decontamination.csv")));
        } else {
            assertEquals(Files.readString(single.resolve("decontamination.csv")),
                    Files.readString(spark.resolve("decontamination.csv")));
        }
    }

    @Test
    void sameShardsAsTheSingleMachineGeneratorAndTheSameRecordsAsParquet(@TempDir Path tmp) throws IOException {
        GeneratorConfig config = config(7);
        long count = 1500;
        GenerationStats single = new DatasetGenerator(config, SimplifierNormalizer.standard(), null)
                .run(count, tmp.resolve("single"), 10_000_000, null);
        Path out = tmp.resolve("spark");
        GenerateJob.Summary s = new GenerateJob(spark, Generators.of(config, null, null, ""), 3, null)
                .run(count, out.toString(), 10_000_000);
        assertSameShards(tmp.resolve("single"), out);
        assertSameReports(tmp.resolve("single"), config, single, null, out);
        assertEquals(List.of("shard-00000.jsonl", "shard-00001.jsonl", "shard-00002.jsonl"),
                shards(out).stream().map(p -> p.getFileName().toString()).toList());
        assertEquals(single.written(), s.written());
        assertEquals(single.sampled(), s.sampled());
        assertEquals(single.duplicates(), s.duplicates());
        assertEquals(single.rawDuplicates(), s.rawDuplicates());
        assertEquals(single.rejectedUndefined(), s.rejectedUndefined());
        assertEquals(single.undefinedOnData(), s.undefinedOnData());

        List<String> lines = new ArrayList<>();
        for (Path p : shards(out)) {
            lines.addAll(Files.readAllLines(p));
        }
        assertEquals(count, lines.size());
        List<Row> fromShards = spark.read().schema(GenerateJob.RECORD).json(spark.createDataset(lines, Encoders.STRING()))
                .collectAsList();
        List<Row> fromParquet = spark.read().parquet(out.resolve("parquet").toString())
                .orderBy("record").drop("record").collectAsList();
        assertEquals(fromShards.size(), fromParquet.size());
        for (int i = 0; i < fromShards.size(); i++) {
            assertEquals(fromShards.get(i), fromParquet.get(i), "record " + i);
        }
    }

    @Test
    void roundsAfterTheFirstAddBlocksWithoutChangingTheRecords(@TempDir Path tmp) throws IOException {
        // one variable, at most two operators: so many duplicates that twice the count in samples is too few
        GeneratorConfig tiny = config(5).with("operators.max", "2").with("variables.max", "1");
        long count = 250;
        new DatasetGenerator(tiny, SimplifierNormalizer.standard(), null).run(count, tmp.resolve("single"), 10_000_000, null);
        GenerateJob.Summary s = new GenerateJob(spark, Generators.of(tiny, null, null, ""), 2, null)
                .run(count, tmp.resolve("spark").toString(), 10_000_000);
        assertTrue(s.rounds() > 1, s.text());
        assertEquals(count, s.written());
        assertSameShards(tmp.resolve("single"), tmp.resolve("spark"));
    }

    @Test
    void aSpentSampleBudgetAndATestSetGiveWhatTheSingleMachineGivesOnAnotherPartitioning(@TempDir Path tmp)
            throws IOException {
        // one or two operators on one variable: a small space of distinct skeletons, spent quickly; two
        // test formulas of that space, dropped by the decontaminator the executors build
        GeneratorConfig tiny = config(3).with("operators.max", "2").with("variables.max", "1");
        Decontaminator tests = Decontaminator.of(List.of("3.5*sin(x1)", "exp(2*x1)"), "test", SimplifierNormalizer.standard(),
                tiny);
        long budget = 20 * DatasetGenerator.blockSize();
        GenerationStats single = new DatasetGenerator(tiny, SimplifierNormalizer.standard(), tests)
                .run(100_000, tmp.resolve("single"), budget, null);
        GenerateJob.Summary s = new GenerateJob(spark, Generators.of(tiny, null, tests, "test"), 2, null)
                .run(100_000, tmp.resolve("spark").toString(), budget);
        assertTrue(single.written() < 100_000, single.summary());
        assertTrue(single.contaminated() > 0, single.summary());
        assertEquals(single.contaminated(), s.contaminated());
        assertEquals(single.written(), s.written());
        assertEquals(budget, s.sampled());
        assertSameShards(tmp.resolve("single"), tmp.resolve("spark"));
        assertSameReports(tmp.resolve("single"), tiny, single, tests, tmp.resolve("spark"));
        // both formulas dropped skeletons, so the file compared holds counts and first examples
        assertEquals(2, single.matchesByTestRow().size(), single.summary());
    }

    @Test
    void refusesAnOutputDirectoryThatHoldsAnEarlierRunBeforeAnyWork(@TempDir Path tmp) throws IOException {
        Path out = Files.createDirectories(tmp.resolve("earlier"));
        Files.writeString(out.resolve("shard-00000.jsonl"), "{}\n");
        long jobs = spark.sparkContext().statusTracker().getJobIdsForGroup(null).length;
        GenerateJob job = new GenerateJob(spark, Generators.of(config(1), null, null, ""), 2, null);
        GenerateJob.OutputNotEmpty e = assertThrows(GenerateJob.OutputNotEmpty.class, () -> job.run(10, out.toString(), 100_000));
        assertTrue(e.getMessage().contains("shard-00000.jsonl"), e.getMessage());
        assertEquals(jobs, spark.sparkContext().statusTracker().getJobIdsForGroup(null).length, "no Spark job ran");
        assertEquals(List.of(out.resolve("shard-00000.jsonl")), shards(out));
    }

    @Test
    void theExecutorsSimplifyWithTheRulesOfTheRun(@TempDir Path tmp) throws IOException {
        GeneratorConfig config = config(11);
        RuleSet small = RuleSet.load("small");
        new DatasetGenerator(config, Generators.normalizer(small), null).run(300, tmp.resolve("single"), 10_000_000, null);
        new DatasetGenerator(config, SimplifierNormalizer.standard(), null).run(300, tmp.resolve("standard"), 10_000_000, null);
        new GenerateJob(spark, Generators.of(config, small, null, ""), 2, null).run(300, tmp.resolve("spark").toString(), 10_000_000);
        assertSameShards(tmp.resolve("single"), tmp.resolve("spark"));
        // the rules matter here: the standard simplifier writes other records from the same samples
        assertNotEquals(Files.readString(tmp.resolve("standard").resolve("shard-00000.jsonl")),
                Files.readString(tmp.resolve("spark").resolve("shard-00000.jsonl")));
    }
}
