package dev.simplij.jmh;

import dev.simplij.expr.Expr;
import dev.simplij.match.Matcher;
import dev.simplij.match.RuleIndex;
import dev.simplij.match.Subject;
import dev.simplij.rules.Rule;
import dev.simplij.rules.RuleSet;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.commons.rng.UniformRandomProvider;
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

/**
 * How long does the rule index take to find the first matching rule at one node, and does that
 * stay flat as the rule set grows? Each invocation asks at the next (expression, node) pair of a
 * seeded pool drawn from random expressions, so hits and misses come in their natural proportion
 * (printed at set-up). {@code build} is the one-off cost of indexing the rule set.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Thread)
public class RuleIndexBenchmark {
    private static final int POOL = 4096;

    /** A shipped rule set name or a rule file path, as {@code RuleSet.load} takes. */
    @Param({RuleSet.DEFAULT_NAME})
    String ruleset;

    /** How many rules to index, the first ones of the file; 0 for all. The lookup should not care. */
    @Param({"100", "1000", "0"})
    int firstRules;

    @Param({"15"})
    int tokens;

    long seed = RandomExpressions.DEFAULT_SEED;
    List<Rule> rules;
    RuleIndex index;
    Matcher matcher;
    Subject[] subjects;
    int[] nodes;
    int cursor;

    @Setup
    public void setUp() {
        rules = BenchmarkRules.load(ruleset);
        if (firstRules > 0 && firstRules < rules.size()) {
            rules = rules.subList(0, firstRules);
        }
        index = RuleIndex.of(rules);
        matcher = index.matcher();
        Expr[] pool = RandomExpressions.pool(seed, POOL, tokens);
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed + 2);
        subjects = new Subject[POOL];
        nodes = new int[POOL];
        int hits = 0;
        for (int i = 0; i < POOL; i++) {
            subjects[i] = Subject.of(pool[i]);
            nodes[i] = rng.nextInt(pool[i].size());
            matcher.reset(subjects[i], nodes[i]);
            hits += matcher.next() ? 1 : 0;
        }
        System.out.printf("%n%s: a rule matches at %d of %d sampled nodes%n", index, hits, POOL);
    }

    @Benchmark
    public Rule firstMatch() {
        int i = cursor++ & (POOL - 1);
        matcher.reset(subjects[i], nodes[i]);
        return matcher.next() ? matcher.rule() : null;
    }

    @Benchmark
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public RuleIndex build() {
        return RuleIndex.of(rules);
    }
}
