package dev.simplij.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.from_json;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import dev.simplij.expr.Expr;
import dev.simplij.sr.data.DatasetGenerator;
import dev.simplij.sr.data.Decontaminator;
import dev.simplij.sr.data.GenerationOutput;
import dev.simplij.sr.data.GenerationStats;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.function.Function;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.ForeachPartitionFunction;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;

/**
 * {@code generate} on Spark: the records of the single-machine generator
 * ({@link DatasetGenerator#run}) for the same configuration, seed and count, computed by executors.
 *
 * <ol>
 *   <li>Sampling: the blocks {@code [0, B)} are split into ranges, one per partition; each executor
 *       samples, simplifies and judges its blocks from their own random streams
 *       ({@link DatasetGenerator#sample}), nothing coming from a list on the driver.</li>
 *   <li>Deduplication: the kept skeletons are grouped by key through Spark's shuffle, and the one with
 *       the smallest sample index is kept, so the result does not depend on partitioning.</li>
 *   <li>Stage two: the new skeletons are regrouped by block and each block is decontaminated, given
 *       data and written as JSON lines on an executor ({@link DatasetGenerator#finish}).</li>
 *   <li>Cut: the driver reads the number of records per block (one number a block, never a key),
 *       finds the sample where the count is reached, and the records up to it are numbered in sample
 *       order. When {@code B} blocks give too few records, another round samples the blocks after
 *       them, drops the keys kept before (an anti-join) and finishes only its own blocks: the records
 *       of earlier blocks stand, since no later sample comes before them.</li>
 *   <li>Output: {@code shard-NNNNN.jsonl} files with the same bytes as the single-machine shards, and
 *       the same records as Parquet in {@code parquet/}, each with its number in the run
 *       ({@code record}, from 0: Spark reads Parquet files in no fixed order); the length figure
 *       {@code lengths.png} and, with a test set, {@code decontamination.csv}, the single-machine
 *       run's bytes.</li>
 * </ol>
 */
final class GenerateJob {
    private static final String KEPT = "KEPT";
    private static final StructType SAMPLES = new StructType()
            .add("index", DataTypes.LongType, false)
            .add("verdict", DataTypes.StringType, false)
            .add("key", DataTypes.LongType, false)
            .add("prefix", DataTypes.StringType, true)
            .add("declared", DataTypes.IntegerType, false)
            .add("rawKey", DataTypes.LongType, false)
            .add("rawLength", DataTypes.IntegerType, false)
            .add("simplifiedLength", DataTypes.IntegerType, false);
    private static final StructType FINISHED = new StructType()
            .add("index", DataTypes.LongType, false)
            .add("block", DataTypes.LongType, false)
            .add("line", DataTypes.StringType, true)
            .add("dropped", DataTypes.StringType, true)
            .add("length", DataTypes.IntegerType, false)
            .add("testRow", DataTypes.IntegerType, true)
            .add("example", DataTypes.StringType, true);
    private static final StructType RANKED = new StructType()
            .add("rank", DataTypes.LongType, false)
            .add("line", DataTypes.StringType, false);
    /** The fields of a record, as {@code generate} writes them. */
    static final StructType RECORD = new StructType()
            .add("prefix", DataTypes.StringType)
            .add("infix", DataTypes.StringType)
            .add("variables", DataTypes.createArrayType(DataTypes.StringType))
            .add("constants", DataTypes.createArrayType(DataTypes.DoubleType))
            .add("X", DataTypes.createArrayType(DataTypes.createArrayType(DataTypes.DoubleType)))
            .add("y", DataTypes.createArrayType(DataTypes.DoubleType));

    private final SparkSession spark;
    private final Generators generators;
    private final int partitions;
    private final PrintStream log;
    private long started;

    /**
     * @param partitions the partitions of every stage (sampling ranges, shuffles)
     * @param log        told each round and stage; may be null
     */
    GenerateJob(SparkSession spark, Generators generators, int partitions, PrintStream log) {
        this.spark = spark;
        this.generators = generators;
        this.partitions = partitions;
        this.log = log;
    }

    /** The output directory of a run holds files already (of an earlier run, or anything else). */
    static final class OutputNotEmpty extends RuntimeException {
        OutputNotEmpty(String message) {
            super(message);
        }
    }

    /** What a run did, counted as the single-machine statistics count it. */
    record Summary(long blocks, long sampled, long rawDuplicates, long rejectedConstant, long rejectedFewerVariables,
                   long rejectedUndefined, long duplicates, long contaminated, long undefinedOnData, long written,
                   double meanRawLength, double meanSimplifiedLength, int rounds, double seconds) {
        String text() {
            long valid = sampled - rejectedConstant - rejectedFewerVariables - rejectedUndefined;
            return String.format("""
                    sampled             %,14d   in %,d blocks, %d round(s), %.1f s (%,.0f /s)
                      raw duplicates    %,14d
                      rejected constant %,14d
                      rejected fewer variables %,7d
                      rejected undefined %,13d
                    valid               %,14d
                      duplicates        %,14d
                    unique              %,14d   (%,.0f /s simplified, deduplicated)
                      contaminated      %,14d
                      undefined on data %,14d
                    written             %,14d   (%,.0f /s)
                    mean length         %.2f -> %.2f tokens
                    """, sampled, blocks, rounds, seconds, sampled / seconds, rawDuplicates, rejectedConstant,
                    rejectedFewerVariables, rejectedUndefined, valid, duplicates, valid - duplicates,
                    (valid - duplicates) / seconds, contaminated, undefinedOnData, written, written / seconds,
                    meanRawLength, meanSimplifiedLength);
        }
    }

    /**
     * Writes up to {@code count} records into {@code out} (a directory URI or path Spark's file
     * systems reach from every executor; it must not hold shards of another run).
     *
     * @param maxSampled the sample budget, as the single-machine command's
     * @throws OutputNotEmpty when {@code out} exists and is not empty, before any work
     */
    Summary run(long count, String out, long maxSampled) {
        refuseNonEmpty(out);
        long start = System.nanoTime();
        started = start;
        int blockSize = DatasetGenerator.blockSize();
        long budgetBlocks = (maxSampled + blockSize - 1) / blockSize;
        long blocks = 0;
        long next = Math.min(budgetBlocks, Math.max(1, (2 * count + blockSize - 1) / blockSize));
        List<Dataset<Row>> persisted = new ArrayList<>();
        Dataset<Row> samples = null;
        Dataset<Row> finished = null;
        long[] written = new long[0];
        long total = 0;
        int round = 0;
        while (true) {
            round++;
            say("round %d: blocks %,d..%,d (%,d skeletons) on %d partitions", round, blocks, next - 1,
                    (next - blocks) * blockSize, partitions);
            Dataset<Row> fresh = persist(sample(blocks, next), persisted);
            Dataset<Row> firsts = firsts(fresh);
            if (samples != null) {
                // A key kept in an earlier round was first sampled there. The records of earlier blocks
                // stand: no later sample comes before them.
                firsts = firsts.join(samples.filter(col("verdict").equalTo(KEPT)).select("key"), new String[] {"key"},
                        "left_anti");
            }
            Dataset<Row> done = persist(finish(firsts), persisted);
            samples = samples == null ? fresh : samples.union(fresh);
            finished = finished == null ? done : finished.union(done);
            written = Arrays.copyOf(written, Math.toIntExact(next));
            for (Row r : done.filter(col("line").isNotNull()).groupBy("block").count().collectAsList()) {
                written[Math.toIntExact(r.getLong(0))] = r.getLong(1);
                total += r.getLong(1);
            }
            blocks = next;
            say("round %d: %,d distinct records so far", round, total);
            if (total < count && blocks < budgetBlocks) {
                // the shortfall at the rate so far, and a tenth more (the rate falls as duplicates grow)
                long more = (long) Math.ceil(1.1 * blocks * (count - total) / Math.max(1, total));
                next = Math.min(budgetBlocks, blocks + Math.max(1, more));
                continue;
            }
            long cut = cut(finished, written, count);
            say("cut at sample %,d", cut);
            long[] offsets = new long[written.length];
            for (int b = 1; b < written.length; b++) {
                offsets[b] = offsets[b - 1] + written[b - 1];
            }
            Broadcast<long[]> offsetsByBlock = JavaSparkContext.fromSparkContext(spark.sparkContext()).broadcast(offsets);
            Dataset<Row> ranked = persist(rank(finished.filter(col("line").isNotNull().and(col("index").leq(cut))),
                    offsetsByBlock), persisted);
            writeShards(ranked, out, generators.generatorConfig().shardRecords());
            say("shards written");
            ranked.select(col("rank").as("record"), from_json(col("line"), RECORD).as("r")).select("record", "r.*")
                    .write().parquet(out + "/parquet");
            say("parquet written");
            writeReports(samples, finished, cut, out);
            say("reports written");
            Summary summary = summarize(samples, finished, cut, blocks, round, Math.min(count, total), start);
            persisted.forEach(Dataset::unpersist);
            offsetsByBlock.destroy();
            return summary;
        }
    }

    /**
     * Refuses an output directory that holds anything (the shards or Parquet files of an earlier run
     * would otherwise be found only after the whole run, when the first file cannot be created).
     */
    private void refuseNonEmpty(String out) {
        Path dir = new Path(out);
        try {
            FileSystem fs = dir.getFileSystem(spark.sparkContext().hadoopConfiguration());
            if (!fs.exists(dir)) {
                return;
            }
            FileStatus[] entries = fs.listStatus(dir);
            if (entries.length > 0) {
                Arrays.sort(entries);
                throw new OutputNotEmpty(out + " is not empty (" + entries.length + " entries, "
                        + entries[0].getPath().getName() + " first): give a new or empty --out");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + out, e);
        }
    }

    private static Dataset<Row> persist(Dataset<Row> d, List<Dataset<Row>> persisted) {
        persisted.add(d.persist(StorageLevel.MEMORY_AND_DISK()));
        return d;
    }

    private void say(String format, Object... args) {
        if (log != null) {
            log.printf("%6.1f s  " + format + "%n", prepend((System.nanoTime() - started) / 1e9, args));
        }
    }

    private static Object[] prepend(Object first, Object[] rest) {
        Object[] all = new Object[rest.length + 1];
        all[0] = first;
        System.arraycopy(rest, 0, all, 1, rest.length);
        return all;
    }

    /** Stage one on the executors: one row per sampled skeleton. */
    private Dataset<Row> sample(long from, long to) {
        Generators g = generators;
        return spark.range(from, to, 1, partitions).mapPartitions((MapPartitionsFunction<Long, Row>) ids -> {
            DatasetGenerator generator = g.generator();
            int size = DatasetGenerator.blockSize();
            return flatten(ids, b -> {
                List<Row> rows = new ArrayList<>(size);
                List<DatasetGenerator.Sampled> block = generator.sample(b);
                for (int i = 0; i < block.size(); i++) {
                    DatasetGenerator.Sampled s = block.get(i);
                    rows.add(RowFactory.create(b * size + i, s.verdict(), s.key(), s.kept() ? s.canonical().toPrefix() : null,
                            s.declared(), s.rawKey(), s.rawLength(), s.simplifiedLength()));
                }
                return rows;
            });
        }, Encoders.row(SAMPLES));
    }

    /** Deduplication through the shuffle: per key, the kept sample with the smallest index. */
    private static Dataset<Row> firsts(Dataset<Row> samples) {
        return samples.filter(col("verdict").equalTo(KEPT))
                .groupBy("key").agg(min(struct("index", "prefix", "declared")).as("first"))
                .select(col("first.index").as("index"), col("first.prefix").as("prefix"), col("first.declared").as("declared"),
                        col("key"));
    }

    /** Stage two on the executors, block by block, for the first samples of their keys. */
    private Dataset<Row> finish(Dataset<Row> firsts) {
        Generators g = generators;
        int size = DatasetGenerator.blockSize();
        return firsts.drop("key").withColumn("block", expr("index div " + size))
                .repartition(partitions, col("block")).sortWithinPartitions("index")
                .mapPartitions((MapPartitionsFunction<Row, Row>) rows -> {
                    DatasetGenerator generator = g.generator();
                    return flatten(blocksOf(rows), block -> {
                        long b = block.get(0).getLong(3);
                        List<Expr> fresh = new ArrayList<>(block.size());
                        int[] declared = new int[block.size()];
                        for (int i = 0; i < block.size(); i++) {
                            fresh.add(Expr.parsePrefix(block.get(i).getString(1)));
                            declared[i] = block.get(i).getInt(2);
                        }
                        List<DatasetGenerator.Finished> done = generator.finish(b, fresh, declared);
                        List<Row> out = new ArrayList<>(block.size());
                        for (int i = 0; i < block.size(); i++) {
                            // the test formula and the skeleton's infix feed decontamination.csv
                            Decontaminator.TestFormula matched = done.get(i).matched();
                            out.add(RowFactory.create(block.get(i).getLong(0), b, done.get(i).line(), done.get(i).dropped(),
                                    fresh.get(i).size(), matched == null ? null : matched.row(),
                                    matched == null ? null : fresh.get(i).toInfix()));
                        }
                        return out;
                    });
                }, Encoders.row(FINISHED));
    }

    /**
     * The index of the sample at which the {@code count}-th record is written, or
     * {@link Long#MAX_VALUE} when there are fewer records.
     */
    private static long cut(Dataset<Row> finished, long[] written, long count) {
        long before = 0;
        for (int b = 0; b < written.length; b++) {
            if (before + written[b] >= count) {
                if (count == 0) {
                    return -1;
                }
                List<Row> last = finished.filter(col("block").equalTo(b).and(col("line").isNotNull()))
                        .select("index").orderBy("index").limit(Math.toIntExact(count - before)).collectAsList();
                return last.get(last.size() - 1).getLong(0);
            }
            before += written[b];
        }
        return Long.MAX_VALUE;
    }

    /**
     * Each record's number in sample order: its block's offset plus its place in the block (each
     * partition of {@code records} holds whole blocks, sorted by index).
     */
    private static Dataset<Row> rank(Dataset<Row> records, Broadcast<long[]> offsets) {
        return records.mapPartitions((MapPartitionsFunction<Row, Row>) rows -> {
            long[] offset = offsets.value();
            return flatten(blocksOf(rows), block -> {
                long first = offset[Math.toIntExact(block.get(0).getLong(1))];
                List<Row> out = new ArrayList<>(block.size());
                for (int i = 0; i < block.size(); i++) {
                    out.add(RowFactory.create(first + i, block.get(i).getString(2)));
                }
                return out;
            });
        }, Encoders.row(RANKED));
    }

    /** {@code shard-NNNNN.jsonl} of {@code perShard} records each, written by the executors. */
    private void writeShards(Dataset<Row> ranked, String out, int perShard) {
        ranked.withColumn("shard", expr("rank div " + perShard)).repartition(partitions, col("shard"))
                .sortWithinPartitions("rank")
                .foreachPartition((ForeachPartitionFunction<Row>) rows -> {
                    OutputStream current = null;
                    long shard = -1;
                    try {
                        while (rows.hasNext()) {
                            Row r = rows.next();
                            if (r.getLong(2) != shard) {
                                if (current != null) {
                                    current.close();
                                }
                                shard = r.getLong(2);
                                Path p = new Path(out, GenerationOutput.shardName(Math.toIntExact(shard)));
                                FileSystem fs = p.getFileSystem(new Configuration());
                                fs.setWriteChecksum(false);
                                current = fs.create(p, false);
                            }
                            current.write((r.getString(1) + "\n").getBytes(StandardCharsets.UTF_8));
                        }
                    } finally {
                        if (current != null) {
                            current.close();
                        }
                    }
                });
    }

    /**
     * {@code lengths.png} and, with a test set, {@code decontamination.csv}: the single-machine run's
     * reports, written by its code from the same tallies up to the cut (lengths by sample; per test
     * formula, the skeletons it dropped and the first of them).
     */
    private void writeReports(Dataset<Row> samples, Dataset<Row> finished, long cut, String out) {
        GenerationStats tallies = new GenerationStats();
        for (Row r : samples.filter(col("index").leq(cut)).groupBy("rawLength", "simplifiedLength").count().collectAsList()) {
            tallies.addSampled(r.getInt(0), r.getInt(1), r.getLong(2));
        }
        Dataset<Row> upToCut = finished.filter(col("index").leq(cut));
        for (Row r : upToCut.filter(col("line").isNotNull()).groupBy("length").count().collectAsList()) {
            tallies.addWritten(r.getInt(0), r.getLong(1));
        }
        try {
            ByteArrayOutputStream png = new ByteArrayOutputStream();
            GenerationOutput.writeLengthFigure(tallies, png);
            writeFile(out, "lengths.png", png.toByteArray());
            Decontaminator decontaminator = generators.decontaminator();
            if (decontaminator == null) {
                return;
            }
            Map<Integer, String> formulas = new HashMap<>();
            decontaminator.tests().forEach(t -> formulas.put(t.row(), t.formula()));
            for (Row r : upToCut.filter(col("testRow").isNotNull()).groupBy("testRow")
                    .agg(count("*").as("dropped"), min(struct("index", "example")).as("first"))
                    .select(col("testRow"), col("dropped"), col("first.example")).collectAsList()) {
                tallies.addMatches(r.getInt(0), formulas.get(r.getInt(0)), r.getLong(1), r.getString(2));
            }
            ByteArrayOutputStream csv = new ByteArrayOutputStream();
            try (Writer w = new OutputStreamWriter(csv, StandardCharsets.UTF_8)) {
                GenerationOutput.writeDecontamination(decontaminator, tallies, w);
            }
            writeFile(out, "decontamination.csv", csv.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the reports into " + out, e);
        }
    }

    /** A file of the driver's in {@code out}, through Hadoop's file system API like the shards. */
    private void writeFile(String out, String name, byte[] content) throws IOException {
        Path p = new Path(out, name);
        FileSystem fs = p.getFileSystem(spark.sparkContext().hadoopConfiguration());
        fs.setWriteChecksum(false);
        try (OutputStream o = fs.create(p, false)) {
            o.write(content);
        }
    }

    private Summary summarize(Dataset<Row> samples, Dataset<Row> finished, long cut, long blocks, int rounds,
                              long written, long start) {
        Row s = samples.filter(col("index").leq(cut)).agg(
                count("*"),
                countDistinct(col("rawKey")),
                sum(when(col("verdict").equalTo("CONSTANT"), 1).otherwise(0)),
                sum(when(col("verdict").equalTo("FEWER_VARIABLES"), 1).otherwise(0)),
                sum(when(col("verdict").equalTo("UNDEFINED"), 1).otherwise(0)),
                sum(col("rawLength")),
                sum(col("simplifiedLength"))).first();
        Row f = finished.filter(col("index").leq(cut)).agg(
                count("*"),
                sum(when(col("dropped").startsWith("contaminated"), 1).otherwise(0)),
                sum(when(col("dropped").equalTo("undefined on data"), 1).otherwise(0))).first();
        long sampled = s.getLong(0);
        long rejected = s.getLong(2) + s.getLong(3) + s.getLong(4);
        return new Summary(blocks, sampled, sampled - s.getLong(1), s.getLong(2), s.getLong(3), s.getLong(4),
                sampled - rejected - f.getLong(0), f.getLong(1), f.getLong(2), written,
                (double) s.getLong(5) / sampled, (double) s.getLong(6) / sampled, rounds, (System.nanoTime() - start) / 1e9);
    }

    // ---- iterators over partitions --------------------------------------------------------------

    /** The rows of a partition sorted by block, as one list per block (the block in column 3 or 1). */
    private static Iterator<List<Row>> blocksOf(Iterator<Row> rows) {
        return new Iterator<>() {
            private Row next = rows.hasNext() ? rows.next() : null;

            @Override
            public boolean hasNext() {
                return next != null;
            }

            @Override
            public List<Row> next() {
                if (next == null) {
                    throw new NoSuchElementException();
                }
                long block = block(next);
                List<Row> out = new ArrayList<>();
                while (next != null && block(next) == block) {
                    out.add(next);
                    next = rows.hasNext() ? rows.next() : null;
                }
                return out;
            }

            private long block(Row r) {
                return r.getLong(r.fieldIndex("block"));
            }
        };
    }

    /** Lazily, the rows of each item in turn: one block's rows in memory at a time. */
    private static <T> Iterator<Row> flatten(Iterator<T> items, Function<T, List<Row>> expand) {
        return new Iterator<>() {
            private Iterator<Row> current = List.<Row>of().iterator();

            @Override
            public boolean hasNext() {
                while (!current.hasNext() && items.hasNext()) {
                    current = expand.apply(items.next()).iterator();
                }
                return current.hasNext();
            }

            @Override
            public Row next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return current.next();
            }
        };
    }
}
