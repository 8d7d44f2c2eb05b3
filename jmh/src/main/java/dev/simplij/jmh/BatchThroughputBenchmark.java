package dev.simplij.jmh;

import dev.simplij.expr.Expr;
import dev.simplij.rules.RuleSet;
import dev.simplij.simplify.Simplifier;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * How many expressions per second does one shared simplifier get through on all cores? A batch of
 * 4,096 seeded expressions of 5 to 40 tokens (uniform), simplified three ways: {@code simplifyAll}
 * (the library's own parallel batch), one thread looping (the baseline), and one loop per
 * hardware thread over the same shared simplifier ({@code @Threads(MAX)}). Scores are expressions
 * per second in every case.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class BatchThroughputBenchmark {
    private static final int BATCH = 4096;

    /** One simplifier for every thread: it is immutable and meant to be shared. */
    @State(Scope.Benchmark)
    public static class Shared {
        /** A shipped rule set name, a rule file path, or {@code none} (built-in steps only). */
        @Param({RuleSet.DEFAULT_NAME})
        String ruleset;

        Simplifier simplifier;

        @Setup
        public void setUp() {
            simplifier = BenchmarkRules.simplifier(ruleset);
        }
    }

    /** Each thread's own copy of the batch, so threads share nothing but the simplifier. */
    @State(Scope.Thread)
    public static class Batch {
        long seed = RandomExpressions.DEFAULT_SEED;
        List<Expr> expressions;

        @Setup
        public void setUp() {
            expressions = RandomExpressions.mixed(seed, BATCH, 5, 40);
        }
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public List<Expr> simplifyAll(Shared shared, Batch batch) {
        return shared.simplifier.simplifyAll(batch.expressions);
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public void oneThread(Shared shared, Batch batch, Blackhole bh) {
        loop(shared, batch, bh);
    }

    @Benchmark
    @Threads(Threads.MAX)
    @OperationsPerInvocation(BATCH)
    public void everyThread(Shared shared, Batch batch, Blackhole bh) {
        loop(shared, batch, bh);
    }

    private static void loop(Shared shared, Batch batch, Blackhole bh) {
        Simplifier simplifier = shared.simplifier;
        for (Expr e : batch.expressions) {
            bh.consume(simplifier.simplify(e));
        }
    }
}
