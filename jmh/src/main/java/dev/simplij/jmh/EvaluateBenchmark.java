package dev.simplij.jmh;

import dev.simplij.expr.Evaluator;
import dev.simplij.expr.Expr;
import java.util.concurrent.TimeUnit;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.apache.commons.rng.simple.RandomSource;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * How fast does a compiled expression evaluate over a batch of points, column-wise (the fast path
 * the miner and the value-preservation tests use) versus point by point? Time is per batch of
 * {@code rows} points; divide by rows for the time per point.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Thread)
public class EvaluateBenchmark {
    private static final int POOL = 256;

    @Param({"15", "40"})
    int tokens;

    @Param({"1024"})
    int rows;

    long seed = RandomExpressions.DEFAULT_SEED;
    Evaluator[] evaluators;
    double[][] columns;
    double[][] points;
    double[] noConstants = new double[0];
    int cursor;

    @Setup
    public void setUp() {
        Expr[] pool = RandomExpressions.pool(seed, POOL, tokens);
        evaluators = new Evaluator[POOL];
        for (int i = 0; i < POOL; i++) {
            evaluators[i] = Evaluator.compile(pool[i], RandomExpressions.VARIABLES);
        }
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed + 1);
        ZigguratSampler.NormalizedGaussian gauss = ZigguratSampler.NormalizedGaussian.of(rng);
        int width = RandomExpressions.VARIABLES.size();
        columns = new double[width][rows];
        points = new double[rows][width];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < width; c++) {
                double v = 3 * gauss.sample();
                columns[c][r] = v;
                points[r][c] = v;
            }
        }
    }

    @Benchmark
    public double[] columnwise() {
        return evaluators[cursor++ & (POOL - 1)].evaluateColumns(columns, rows, noConstants);
    }

    @Benchmark
    public void pointByPoint(Blackhole bh) {
        Evaluator evaluator = evaluators[cursor++ & (POOL - 1)];
        for (double[] point : points) {
            bh.consume(evaluator.evaluate(point, noConstants));
        }
    }
}
