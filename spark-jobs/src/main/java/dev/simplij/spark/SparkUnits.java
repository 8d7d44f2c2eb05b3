package dev.simplij.spark;

import dev.simplij.miner.MinerConfig;
import dev.simplij.miner.MiningRun;
import dev.simplij.miner.UnitRunner;
import dev.simplij.rules.Rule;
import dev.simplij.rules.RuleSet;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.broadcast.Broadcast;

/**
 * The miner's units engine on Spark: a length's units are a Spark stage whose tasks run them on each
 * executor's replica of the run, results collected in unit order. After each length the run's
 * state (the new layer and the rules kept so far) is broadcast; a replica applies the broadcasts it
 * has not applied yet, in order, before its first unit of the next length. Both stages of a length
 * are shipped so: the enumeration's units, and the chunks of free-constant sources (with the
 * right sides of their own length, which a replica does not hold yet).
 */
final class SparkUnits implements UnitRunner {
    /** Each JVM's replicas, by run. */
    private static final Map<String, Replica> REPLICAS = new ConcurrentHashMap<>();

    private final JavaSparkContext spark;
    private final MinerSpec spec;
    private final int partitions;
    private final String runId = UUID.randomUUID().toString();
    private final List<Broadcast<MiningRun.LengthState>> lengths = new ArrayList<>();

    SparkUnits(JavaSparkContext spark, MinerSpec spec, int partitions) {
        this.spark = spark;
        this.spec = spec;
        this.partitions = partitions;
    }

    @Override
    public <T, R> List<R> shipped(MiningRun run, Stage<T, R> stage, List<T> units, Consumer<T> done, String failure) {
        String id = runId;
        MinerSpec s = spec;
        List<Broadcast<MiningRun.LengthState>> upTo = List.copyOf(lengths);
        List<R> results = spark.parallelize(units, Math.max(1, Math.min(partitions, units.size())))
                .mapPartitions((FlatMapFunction<java.util.Iterator<T>, R>) it -> {
                    MiningRun replica = REPLICAS.computeIfAbsent(id, k -> new Replica(MiningRun.replica(s.config(null))))
                            .at(upTo);
                    List<R> out = new ArrayList<>();
                    while (it.hasNext()) {
                        out.add(stage.apply(replica, it.next()));
                    }
                    return out.iterator();
                }).collect();
        units.forEach(done);
        return results;
    }

    @Override
    public void lengthDone(MiningRun.LengthState state) {
        lengths.add(spark.broadcast(state));
    }

    @Override
    public void close() {
        lengths.forEach(Broadcast::destroy);
        REPLICAS.remove(runId);
    }

    /** A replica and how many lengths it has applied; advanced by one task thread at a time. */
    private static final class Replica {
        private final MiningRun run;
        private int applied;

        Replica(MiningRun run) {
            this.run = run;
        }

        synchronized MiningRun at(List<Broadcast<MiningRun.LengthState>> lengths) {
            for (; applied < lengths.size(); applied++) {
                run.advance(lengths.get(applied).value());
            }
            if (applied != lengths.size()) {
                throw new IllegalStateException("replica ahead of the run: " + applied + " lengths, the run " + lengths.size());
            }
            return run;
        }
    }

    /**
     * The miner's configuration as plain data, rebuilt on each JVM: {@code base} is how the rule set
     * to extend was named ({@code --base}; null for none) and {@code baseRules} its rules, read on the
     * driver and shipped, so an executor reads no file of the driver's.
     */
    record MinerSpec(String name, List<String> operators, List<String> leaves, int maxSource, int maxTarget, int samples,
                     long seed, int threads, String base, List<Rule> baseRules, boolean shorterRulesFirst,
                     boolean moduloCommutativity, boolean moduloAssociativity) implements Serializable {
        /**
         * A run with the miner's default strategy (no shorter rules first, every operand order and
         * grouping enumerated).
         */
        MinerSpec(String name, List<String> operators, List<String> leaves, int maxSource, int maxTarget, int samples,
                  long seed, int threads, String base, List<Rule> baseRules) {
            this(name, operators, leaves, maxSource, maxTarget, samples, seed, threads, base, baseRules, false, false,
                    false);
        }

        /** @throws IllegalArgumentException naming what is wrong with the configuration */
        MinerConfig config(java.io.PrintStream progress) {
            MinerConfig.Builder b = MinerConfig.builder().name(name).operatorTokens(operators).leaves(leaves)
                    .maxSource(maxSource).maxTarget(maxTarget).samples(samples).seed(seed).threads(threads)
                    .shorterRulesFirst(shorterRulesFirst).moduloCommutativity(moduloCommutativity)
                    .moduloAssociativity(moduloAssociativity).progress(progress);
            if (base != null) {
                b.base(base, RuleSet.of(base, Map.of(), baseRules));
            }
            return b.build();
        }
    }
}
