package dev.simplij.sr.data;

import dev.simplij.expr.Evaluator;
import dev.simplij.expr.Expr;
import dev.simplij.sr.Normalizer;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.DoubleSupplier;
import java.util.function.LongConsumer;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * The training-data pipeline: sample skeletons, simplify them in skeleton mode, reject the
 * useless, drop every canonical form seen before in the run, drop test-set matches, draw constants
 * and points, evaluate, and write JSON Lines shards.
 *
 * <p>Work goes in blocks of {@value #BLOCK} skeletons. Block {@code b} draws from its own random
 * stream (run seed, b), so its contents do not depend on threads or timing. Sampling, simplifying
 * and rejecting run on worker threads; deduplication runs on the calling thread in block order
 * (the one order-dependent step, and cheap); decontamination, data and serialization run on the
 * workers again; the calling thread writes blocks in order and stops at exactly the requested
 * count. The same seed and configuration therefore give the same bytes on any number of threads.
 *
 * <p>A run stops when the count is reached or when it has sampled its budget of skeletons
 * (a configuration whose space of distinct skeletons is too small otherwise never ends); the stop
 * reason is in the statistics.
 */
public final class DatasetGenerator {
    static final int BLOCK = 1024;
    private static final Expr ONE_CONSTANT = Expr.builder().constant().build();

    private final GeneratorConfig config;
    private final Normalizer normalizer;
    private final Decontaminator decontaminator;
    private final SkeletonSampler sampler;
    private final SkeletonFilter filter;
    private final List<String> variableNames;

    /**
     * @param normalizer     the skeleton-mode simplifier (used when the configuration says
     *                       {@code simplify = true}); must be thread-safe
     * @param decontaminator test-set matcher, or null for none
     */
    public DatasetGenerator(GeneratorConfig config, Normalizer normalizer, Decontaminator decontaminator) {
        this.config = Objects.requireNonNull(config, "config");
        this.normalizer = Objects.requireNonNull(normalizer, "normalizer");
        this.decontaminator = decontaminator;
        this.sampler = config.sampler();
        this.filter = new SkeletonFilter(config);
        this.variableNames = config.variableNames();
    }

    /** Per-skeleton outcome after deduplication. */
    private static final byte REJECTED = 1;
    private static final byte DUPLICATE = 2;
    private static final byte NEW = 3;
    /** Per-new-skeleton outcome after the second stage. */
    private static final byte WRITE = 1;
    private static final byte CONTAMINATED_SYMBOLIC = 2;
    private static final byte CONTAMINATED_NUMERIC = 3;
    private static final byte UNDEFINED_ON_DATA = 4;

    /** Stage one's output for one block. */
    private static final class Block {
        final long index;
        final int size = BLOCK;
        final long[] rawHash = new long[BLOCK];
        final int[] rawLength = new int[BLOCK];
        final int[] simplifiedLength = new int[BLOCK];
        final int[] declared = new int[BLOCK];
        final Expr[] canonical = new Expr[BLOCK];
        final SkeletonFilter.Verdict[] verdict = new SkeletonFilter.Verdict[BLOCK];
        long nanosSample;
        long nanosSimplify;
        long nanosFilter;
        // Filled by deduplication:
        final byte[] outcome = new byte[BLOCK];
        final boolean[] rawDuplicate = new boolean[BLOCK];
        final boolean[] rawUntracked = new boolean[BLOCK];
        // Filled by stage two, indexed like the block:
        final byte[] result = new byte[BLOCK];
        final String[] line = new String[BLOCK];
        final Decontaminator.Match[] match = new Decontaminator.Match[BLOCK];
        long nanosDecontaminate;
        long nanosData;
        long nanosSerialize;
        /** CPU time of the worker threads on this block, both stages. */
        long cpuNanos;
        Future<Block> second;

        Block(long index) {
            this.index = index;
        }
    }

    /**
     * Runs until {@code count} records are written (or the sample budget is spent).
     *
     * @param out        directory for the shards, created if needed; null discards the records
     * @param maxSampled the sample budget
     * @param progress   told the number of records written so far, now and then; may be null
     */
    public GenerationStats run(long count, Path out, long maxSampled, LongConsumer progress) {
        if (count < 0) {
            throw new IllegalArgumentException("count must be >= 0, got " + count);
        }
        GenerationStats stats = new GenerationStats();
        int threads = config.threads();
        stats.threads = threads;
        FingerprintSet raw = new FingerprintSet(Math.min(config.dedupeExpectedEntries(), maxSampled),
                config.dedupeMaxRawEntries());
        FingerprintSet seen = new FingerprintSet(Math.min(config.dedupeExpectedEntries(), maxSampled), config.dedupeMaxEntries());
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "simplij-generate");
            t.setDaemon(true);
            return t;
        });
        long start = System.nanoTime();
        long mainCpu = CpuTime.now();
        try (ShardWriter writer = out == null ? null : new ShardWriter(out, config.shardRecords())) {
            ArrayDeque<Future<Block>> firstStage = new ArrayDeque<>();
            ArrayDeque<Block> secondStage = new ArrayDeque<>();
            int window = 4 * threads;
            long nextBlock = 0;
            long blockBudget = (maxSampled + BLOCK - 1) / BLOCK;
            boolean done = count == 0;
            stats.stopReason = "count reached";
            long lastProgress = 0;
            while (!done) {
                while (firstStage.size() + secondStage.size() < window && nextBlock < blockBudget) {
                    long b = nextBlock++;
                    firstStage.add(pool.submit(() -> sampleBlock(b)));
                }
                // Deduplicate every finished first stage, in order, and hand it to the second stage.
                while (!firstStage.isEmpty() && (firstStage.peekFirst().isDone() || secondStage.isEmpty())) {
                    Block block = join(firstStage.pollFirst());
                    long t0 = System.nanoTime();
                    dedupe(block, raw, seen);
                    stats.nanosDedupe += System.nanoTime() - t0;
                    block.second = pool.submit(() -> finishBlock(block));
                    secondStage.add(block);
                }
                if (secondStage.isEmpty()) {
                    stats.stopReason = "sample budget of " + maxSampled + " skeletons spent";
                    break;
                }
                Block block = join(secondStage.pollFirst().second);
                long t0 = System.nanoTime();
                done = consume(block, stats, writer, count);
                stats.nanosWrite += System.nanoTime() - t0;
                if (progress != null && stats.written != lastProgress) {
                    lastProgress = stats.written;
                    progress.accept(stats.written);
                }
            }
            for (Future<Block> f : firstStage) {
                f.cancel(true);
            }
            for (Block b : secondStage) {
                b.second.cancel(true);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write shards to " + out, e);
        } finally {
            pool.shutdownNow();
        }
        stats.wallNanos = System.nanoTime() - start;
        stats.cpuNanos += CpuTime.now() - mainCpu;
        stats.fingerprintBytes = raw.memoryBytes() + seen.memoryBytes();
        return stats;
    }

    private static Block join(Future<Block> f) {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("generation interrupted", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(cause);
        }
    }

    /**
     * Per-thread memory of work already done: raw skeleton to canonical form, canonical form to
     * numeric verdict. Both are functions of their key (the simplifier is deterministic and the
     * validation points are fixed per run), so a hit changes no output, only the time taken. Bounded:
     * cleared when full.
     */
    private static final class WorkerCache {
        static final int LIMIT = 1 << 16;
        /**
         * Raw skeletons repeat almost only when short: with the defaults, caching those of at most
         * 7 tokens catches 22% of samples as repeats against 18% for caching all (at this size).
         */
        static final int MAX_CACHED_RAW_SIZE = 7;
        final Map<Expr, Expr> canonical = new HashMap<>();
        final Map<Expr, SkeletonFilter.Verdict> verdicts = new HashMap<>();
    }

    private final ThreadLocal<WorkerCache> caches = ThreadLocal.withInitial(WorkerCache::new);

    /** Stage one: sample, simplify, reject. */
    private Block sampleBlock(long index) {
        long cpu0 = CpuTime.now();
        Block block = new Block(index);
        UniformRandomProvider rng = Seeds.stream(config.seed(), Seeds.SKELETONS, index);
        boolean simplify = config.simplify();
        WorkerCache cache = caches.get();
        if (cache.canonical.size() > WorkerCache.LIMIT) {
            cache.canonical.clear();
        }
        if (cache.verdicts.size() > WorkerCache.LIMIT) {
            cache.verdicts.clear();
        }
        for (int i = 0; i < BLOCK; i++) {
            long t0 = System.nanoTime();
            SkeletonSampler.Sample s = sampler.sample(rng);
            Expr raw = s.skeleton();
            long t1 = System.nanoTime();
            Expr e = raw;
            if (simplify && SkeletonFilter.countVariables(raw) == 0) {
                // Constants only: skeleton mode folds it to one <constant>; no need to ask.
                e = ONE_CONSTANT;
            } else if (simplify && raw.size() > WorkerCache.MAX_CACHED_RAW_SIZE) {
                e = normalizer.normalize(raw);
            } else if (simplify) {
                e = cache.canonical.get(raw);
                if (e == null) {
                    e = normalizer.normalize(raw);
                    cache.canonical.put(raw, e);
                }
            }
            long t2 = System.nanoTime();
            SkeletonFilter.Verdict v = filter.structuralVerdict(e, s.declaredVariables());
            if (v == SkeletonFilter.Verdict.KEPT) {
                v = cache.verdicts.get(e);
                if (v == null) {
                    v = filter.numericVerdict(e);
                    cache.verdicts.put(e, v);
                }
            }
            block.verdict[i] = v;
            long t3 = System.nanoTime();
            block.nanosSample += t1 - t0;
            block.nanosSimplify += t2 - t1;
            block.nanosFilter += t3 - t2;
            block.rawHash[i] = raw.hash(0);
            block.rawLength[i] = raw.size();
            block.simplifiedLength[i] = e.size();
            block.declared[i] = s.declaredVariables();
            block.canonical[i] = e;
        }
        block.cpuNanos += CpuTime.now() - cpu0;
        return block;
    }

    /** The order-dependent step, on the calling thread. */
    private static void dedupe(Block block, FingerprintSet raw, FingerprintSet seen) {
        for (int i = 0; i < block.size; i++) {
            // The raw table only feeds a statistic: when full it stops counting rather than stop the run.
            if (raw.full() && !raw.contains(block.rawHash[i])) {
                block.rawUntracked[i] = true;
            } else {
                block.rawDuplicate[i] = !raw.add(block.rawHash[i]);
            }
            if (block.verdict[i] != SkeletonFilter.Verdict.KEPT) {
                block.outcome[i] = REJECTED;
            } else {
                block.outcome[i] = seen.add(block.canonical[i].hash(0)) ? NEW : DUPLICATE;
            }
        }
    }

    /** Stage two: decontaminate, draw data, serialize, for the new skeletons of a block. */
    private Block finishBlock(Block block) {
        long cpu0 = CpuTime.now();
        UniformRandomProvider rng = Seeds.stream(config.seed(), Seeds.DATA, block.index);
        DataDraws draws = config.pointsEnabled() ? new DataDraws(rng) : null;
        for (int i = 0; i < block.size; i++) {
            if (block.outcome[i] != NEW) {
                continue;
            }
            Expr e = block.canonical[i];
            long t0 = System.nanoTime();
            if (decontaminator != null) {
                Decontaminator.Match m = decontaminator.match(e);
                if (m != null) {
                    block.match[i] = m;
                    block.result[i] = m.symbolic() ? CONTAMINATED_SYMBOLIC : CONTAMINATED_NUMERIC;
                }
            }
            long t1 = System.nanoTime();
            block.nanosDecontaminate += t1 - t0;
            if (block.result[i] != 0) {
                continue;
            }
            double[][] data = null;
            if (draws != null) {
                data = draws.sample(e, block.declared[i]);
                if (data == null) {
                    block.result[i] = UNDEFINED_ON_DATA;
                    block.nanosData += System.nanoTime() - t1;
                    continue;
                }
            }
            long t2 = System.nanoTime();
            block.line[i] = JsonRecord.write(e, variableNames.subList(0, block.declared[i]), data);
            block.result[i] = WRITE;
            block.nanosData += t2 - t1;
            block.nanosSerialize += System.nanoTime() - t2;
        }
        block.cpuNanos += CpuTime.now() - cpu0;
        return block;
    }

    // ---- stage by stage, for an engine that deduplicates across machines (spark-jobs) -----------

    /** The skeletons of one block: sample {@code i} of block {@code b} is sample {@code b * blockSize() + i} of the run. */
    public static int blockSize() {
        return BLOCK;
    }

    /**
     * One skeleton after stage one: its canonical form; the verdict's name ({@code KEPT} or why it
     * was rejected); for a kept one, {@code key}, the fingerprint of the canonical form that a run
     * deduplicates by; and what the statistics count ({@code rawKey} the raw skeleton's fingerprint).
     */
    public record Sampled(Expr canonical, String verdict, long key, int declared, long rawKey, int rawLength,
                          int simplifiedLength) {
        public boolean kept() {
            return verdict.equals(SkeletonFilter.Verdict.KEPT.name());
        }
    }

    /** Stage one of block {@code b}, in sample order: the same skeletons and verdicts as {@link #run} has. */
    public List<Sampled> sample(long b) {
        Block block = sampleBlock(b);
        List<Sampled> out = new ArrayList<>(block.size);
        for (int i = 0; i < block.size; i++) {
            out.add(new Sampled(block.canonical[i], block.verdict[i].name(), block.canonical[i].hash(0), block.declared[i],
                    block.rawHash[i], block.rawLength[i], block.simplifiedLength[i]));
        }
        return out;
    }

    /**
     * Stage two's outcome for one new skeleton: its JSON Lines record, or null and why it was dropped;
     * {@code matched}, the test formula it was dropped for, or null.
     */
    public record Finished(String line, String dropped, Decontaminator.TestFormula matched) {
    }

    /**
     * Stage two of block {@code b} for those of its skeletons that are new in the whole run (the first
     * sample of their key), in sample order, with their declared variable counts: decontamination,
     * data drawn from the block's own stream in that order, and the record, as {@link #run} does.
     */
    public List<Finished> finish(long b, List<Expr> fresh, int[] declared) {
        if (fresh.size() > BLOCK || declared.length != fresh.size()) {
            throw new IllegalArgumentException("a block has at most " + BLOCK + " new skeletons, each with its declared count");
        }
        Block block = new Block(b);
        for (int i = 0; i < fresh.size(); i++) {
            block.canonical[i] = fresh.get(i);
            block.declared[i] = declared[i];
            block.outcome[i] = NEW;
        }
        finishBlock(block);
        List<Finished> out = new ArrayList<>(fresh.size());
        for (int i = 0; i < fresh.size(); i++) {
            out.add(switch (block.result[i]) {
                case WRITE -> new Finished(block.line[i], null, null);
                case CONTAMINATED_SYMBOLIC -> new Finished(null, "contaminated symbolic", block.match[i].test());
                case CONTAMINATED_NUMERIC -> new Finished(null, "contaminated numeric", block.match[i].test());
                default -> new Finished(null, "undefined on data", null);
            });
        }
        return out;
    }

    /** Tallies a block in order and writes its records; true once {@code count} are written. */
    private static boolean consume(Block block, GenerationStats stats, ShardWriter writer, long count) throws IOException {
        stats.nanosSample += block.nanosSample;
        stats.nanosSimplify += block.nanosSimplify;
        stats.nanosFilter += block.nanosFilter;
        stats.nanosDecontaminate += block.nanosDecontaminate;
        stats.nanosData += block.nanosData;
        stats.nanosSerialize += block.nanosSerialize;
        stats.cpuNanos += block.cpuNanos;
        for (int i = 0; i < block.size; i++) {
            stats.addSampled(block.rawLength[i], block.simplifiedLength[i], 1);
            if (block.rawDuplicate[i]) {
                stats.rawDuplicates++;
            }
            if (block.rawUntracked[i]) {
                stats.rawUntracked++;
            }
            switch (block.outcome[i]) {
                case REJECTED -> {
                    switch (block.verdict[i]) {
                        case CONSTANT -> stats.rejectedConstant++;
                        case FEWER_VARIABLES -> stats.rejectedFewerVariables++;
                        default -> stats.rejectedUndefined++;
                    }
                }
                case DUPLICATE -> stats.duplicates++;
                default -> {
                    switch (block.result[i]) {
                        case CONTAMINATED_SYMBOLIC, CONTAMINATED_NUMERIC -> {
                            if (block.result[i] == CONTAMINATED_SYMBOLIC) {
                                stats.contaminatedSymbolic++;
                            } else {
                                stats.contaminatedNumeric++;
                            }
                            Decontaminator.TestFormula t = block.match[i].test();
                            stats.addMatches(t.row(), t.formula(), 1, block.canonical[i].toInfix());
                        }
                        case UNDEFINED_ON_DATA -> stats.undefinedOnData++;
                        default -> {
                            if (writer != null) {
                                writer.write(block.line[i]);
                            }
                            stats.addWritten(block.simplifiedLength[i], 1);
                            if (stats.written == count) {
                                return true;
                            }
                        }
                    }
                }
            }
        }
        return false;
    }

    /** Constants and points for one skeleton, drawn from one block's data stream. */
    private final class DataDraws {
        private static final int ROUNDS = 10;
        private static final int CONSTANT_DRAWS = 3;
        private final DoubleSupplier constants;
        private final DoubleSupplier[] coordinates;

        DataDraws(UniformRandomProvider rng) {
            constants = config.constantPrior().sampler(rng);
            coordinates = variableNames.stream().map(n -> config.domain(n).sampler(rng)).toArray(DoubleSupplier[]::new);
        }

        /**
         * {@code [constants, y, x_1 column, ..., x_d column]}, or null when the skeleton stays
         * undefined at some point after redrawing points {@value #ROUNDS} times for each of
         * {@value #CONSTANT_DRAWS} draws of constants.
         */
        double[][] sample(Expr e, int declared) {
            int rows = config.pointCount();
            Evaluator evaluator = Evaluator.compile(e, variableNames.subList(0, declared));
            double[][] columns = new double[declared][rows];
            for (int attempt = 0; attempt < CONSTANT_DRAWS; attempt++) {
                double[] c = new double[evaluator.constantCount()];
                for (int k = 0; k < c.length; k++) {
                    c[k] = constants.getAsDouble();
                }
                for (int v = 0; v < declared; v++) {
                    for (int r = 0; r < rows; r++) {
                        columns[v][r] = coordinates[v].getAsDouble();
                    }
                }
                double[] y = evaluator.evaluateColumns(columns, rows, c);
                for (int round = 0; round < ROUNDS && hasNaN(y); round++) {
                    for (int r = 0; r < rows; r++) {
                        if (Double.isNaN(y[r])) {
                            for (int v = 0; v < declared; v++) {
                                columns[v][r] = coordinates[v].getAsDouble();
                            }
                        }
                    }
                    y = evaluator.evaluateColumns(columns, rows, c);
                }
                if (!hasNaN(y)) {
                    double[][] out = new double[declared + 2][];
                    out[0] = c;
                    out[1] = y;
                    System.arraycopy(columns, 0, out, 2, declared);
                    return out;
                }
            }
            return null;
        }
    }

    private static boolean hasNaN(double[] values) {
        for (double v : values) {
            if (Double.isNaN(v)) {
                return true;
            }
        }
        return false;
    }

    /** Writes records into {@code shard-00000.jsonl}, {@code shard-00001.jsonl}, ... */
    static final class ShardWriter implements AutoCloseable {
        private final Path dir;
        private final int perShard;
        private BufferedWriter current;
        private int inShard;
        private int shards;

        ShardWriter(Path dir, int perShard) throws IOException {
            this.dir = dir;
            this.perShard = perShard;
            Files.createDirectories(dir);
        }

        void write(String line) throws IOException {
            if (current == null || inShard == perShard) {
                if (current != null) {
                    current.close();
                }
                current = Files.newBufferedWriter(dir.resolve(GenerationOutput.shardName(shards++)), StandardCharsets.UTF_8);
                inShard = 0;
            }
            current.write(line);
            current.write('\n');
            inShard++;
        }

        @Override
        public void close() throws IOException {
            if (current != null) {
                current.close();
            }
        }
    }
}
