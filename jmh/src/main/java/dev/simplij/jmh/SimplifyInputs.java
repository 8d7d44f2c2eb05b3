package dev.simplij.jmh;

import dev.simplij.expr.Expr;
import dev.simplij.rules.RuleSet;
import dev.simplij.simplify.Simplifier;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * What the simplify benchmarks share: a simplifier built from the {@code ruleset} parameter and a
 * seeded pool of expressions of {@link #tokens()} tokens, cycled one per invocation, and the
 * benchmark itself. Subclasses declare the {@code tokens} sweep and the mode that answer their
 * question (JMH runs inherited benchmark methods in each concrete subclass).
 */
@State(Scope.Thread)
public abstract class SimplifyInputs {
    /** A shipped rule set name, a rule file path, or {@code none} (built-in steps only). */
    @Param({RuleSet.DEFAULT_NAME})
    String ruleset;

    long seed = RandomExpressions.DEFAULT_SEED;
    Simplifier simplifier;
    Expr[] pool;
    int cursor;

    /** Prefix tokens of every input. */
    abstract int tokens();

    @Setup
    public void setUp() {
        simplifier = BenchmarkRules.simplifier(ruleset);
        pool = RandomExpressions.pool(seed, tokens() <= 100 ? 1024 : 256, tokens());
        System.out.print(BenchmarkRules.effect(simplifier, pool));
    }

    /** The next input of the pool. */
    Expr next() {
        return pool[cursor++ & (pool.length - 1)];
    }

    @Benchmark
    public Expr simplify() {
        return simplifier.simplify(next());
    }
}
