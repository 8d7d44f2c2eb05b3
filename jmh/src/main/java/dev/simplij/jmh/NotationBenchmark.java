package dev.simplij.jmh;

import dev.simplij.expr.Expr;
import java.util.concurrent.TimeUnit;
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

/**
 * How long do parsing and printing one expression take, in each notation (prefix tokens and SymPy
 * infix), as the expression grows? Each invocation takes the next item of a pool of seeded random
 * expressions, so the figure is an average over many shapes rather than one lucky string.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Thread)
public class NotationBenchmark {
    private static final int POOL = 1024;

    @Param({"5", "15", "40", "1000"})
    int tokens;

    long seed = RandomExpressions.DEFAULT_SEED;
    Expr[] pool;
    String[] prefix;
    String[] infix;
    int cursor;

    @Setup
    public void setUp() {
        pool = RandomExpressions.pool(seed, POOL, tokens);
        prefix = new String[POOL];
        infix = new String[POOL];
        for (int i = 0; i < POOL; i++) {
            prefix[i] = pool[i].toPrefix();
            infix[i] = pool[i].toInfix();
        }
    }

    @Benchmark
    public Expr parsePrefix() {
        return Expr.parsePrefix(prefix[cursor++ & (POOL - 1)]);
    }

    @Benchmark
    public Expr parseInfix() {
        return Expr.parseInfix(infix[cursor++ & (POOL - 1)]);
    }

    @Benchmark
    public String printPrefix() {
        return pool[cursor++ & (POOL - 1)].toPrefix();
    }

    @Benchmark
    public String printInfix() {
        return pool[cursor++ & (POOL - 1)].toInfix();
    }
}
