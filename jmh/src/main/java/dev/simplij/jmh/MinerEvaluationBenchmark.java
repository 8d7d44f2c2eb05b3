package dev.simplij.jmh;

import dev.simplij.expr.Operator;
import dev.simplij.miner.MinerConfig;
import dev.simplij.miner.MiningResult;
import dev.simplij.miner.MiningStatistics;
import dev.simplij.miner.RuleMiner;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * How many expressions per second does the rule miner evaluate? Two views:
 * <ul>
 *   <li>{@code composeStep}: the inner step of compositional evaluation, one operator applied to
 *       its operands' value vectors over the whole sample (what evaluating one enumerated
 *       expression costs once its children are known), cycling through every operator of the
 *       table. Score: expressions evaluated per second on one thread.</li>
 *   <li>{@code mine}: a whole mining run of a small configuration (enumeration, evaluation,
 *       fingerprint grouping, exact checks, Kruskal minimisation, re-check). The secondary score
 *       {@code expressions} is enumerated expressions per second end to end.</li>
 * </ul>
 */
@Fork(1)
@OutputTimeUnit(TimeUnit.SECONDS)
public class MinerEvaluationBenchmark {
    private static final Operator[] OPERATORS = Arrays.stream(Operator.values())
            .filter(op -> op.arity() > 0)
            .toArray(Operator[]::new);

    /** Operand and result vectors of one sample, as the miner keeps them per expression. */
    @State(Scope.Thread)
    public static class Vectors {
        @Param({"512", "2048"})
        int samples;

        long seed = RandomExpressions.DEFAULT_SEED;
        double[] left;
        double[] right;
        double[] out;
        int cursor;

        @Setup
        public void setUp() {
            UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
            left = new double[samples];
            right = new double[samples];
            out = new double[samples];
            for (int i = 0; i < samples; i++) {
                left[i] = 8 * rng.nextDouble() - 4;
                right[i] = 8 * rng.nextDouble() - 4;
            }
        }
    }

    /**
     * A small configuration that mines in a few seconds: arithmetic and the common functions,
     * sources to 5 tokens (the fixed costs of a run, such as drawing the sample and building the
     * rule set, are included; with fewer operators they dominate the rate).
     */
    @State(Scope.Benchmark)
    public static class SmallConfig {
        @Param({"1"})
        int threads;

        MinerConfig config;

        @Setup
        public void setUp() {
            config = MinerConfig.builder()
                    .name("jmh")
                    .operatorTokens(List.of("+", "-", "*", "/", "neg", "inv", "pow2", "pow1_2", "exp", "log", "sin", "cos"))
                    .leaves(List.of("_0", "_1", "0", "1", "2"))
                    .maxSource(5)
                    .maxTarget(3)
                    .samples(512)
                    .seed(1)
                    .threads(threads)
                    .build();
        }
    }

    /** Enumerated expressions, which JMH reports as a rate per second next to the runs per second. */
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    @State(Scope.Thread)
    public static class Enumerated {
        public long expressions;

        @Setup(Level.Iteration)
        public void clear() {
            expressions = 0;
        }
    }

    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @Warmup(iterations = 3, time = 1)
    @Measurement(iterations = 5, time = 1)
    public double[] composeStep(Vectors v) {
        Operator op = OPERATORS[v.cursor++ % OPERATORS.length];
        if (op.arity() == 1) {
            op.applyAll(v.left, v.out);
        } else {
            op.applyAll(v.left, v.right, v.out);
        }
        return v.out;
    }

    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @Warmup(iterations = 2, time = 10)
    @Measurement(iterations = 3, time = 10)
    public MiningResult mine(SmallConfig small, Enumerated enumerated) {
        MiningResult result = RuleMiner.mine(small.config, "jmh.rules");
        for (MiningStatistics.LengthStats s : result.statistics().lengths()) {
            enumerated.expressions += s.enumerated();
        }
        return result;
    }
}
