package dev.simplij.reliability;

import dev.simplij.cli.Options;
import dev.simplij.rules.RuleSet;
import dev.simplij.simplify.CacheStatistics;
import dev.simplij.simplify.Simplifier;

import java.io.PrintStream;
import java.util.List;
import java.util.Set;

/** {@code simplij load}: a shared simplifier on all cores for minutes, with throughput and heap per interval. */
public final class LoadCommand extends OptionsCommand {
    static final String HELP = """
            Usage: simplij load [--minutes M] [--seconds S] [--interval S] [--threads K] [--seed N]
                                [--ruleset NAME|FILE]

            Builds one simplifier and shares it between K threads that simplify seeded random
            expressions (half of them repeats) for the given time. Prints, per interval, the
            expressions done, the rate, the heap in use and the heap live after a full GC, then the
            peak heap, the growth of the live heap per minute and the drift of throughput (last third
            over first third). Run with a fixed -Xmx to see that memory stays bounded.

              --minutes M    duration in minutes (default 10)
              --seconds S    duration in seconds (overrides --minutes)
              --interval S   seconds between lines (default 10)
              --threads K    worker threads (default: all cores)
              --seed N       base seed (default 1)
              --ruleset X    rule set name or file (default: the shipped default)

            Exit status 0 unless a simplification threw or throughput fell below half.
            """;

    /** For the Command SPI ({@code simplij load}). */
    public LoadCommand() {
        super("load", "a shared simplifier on all cores for minutes: throughput and heap per interval", HELP,
                Set.of("--help"),
                Set.of("--minutes", "--seconds", "--interval", "--threads", "--seed", "--ruleset"));
    }

    @Override
    int execute(Options o, PrintStream out, PrintStream err) throws Exception {
        double seconds = o.wholeNumber("--seconds", 60 * o.wholeNumber("--minutes", 10));
        int threads = o.integer("--threads", Runtime.getRuntime().availableProcessors());
        String ruleSet = o.text("--ruleset", RuleSet.DEFAULT_NAME);
        Simplifier simplifier = Simplifier.builder().ruleSet(RuleSet.load(ruleSet)).build();
        out.printf("load: %d threads for %.0f s on one shared simplifier (rule set %s), max heap %d MiB%n", threads,
                seconds, ruleSet, Runtime.getRuntime().maxMemory() >> 20);
        LoadRun.Result r = LoadRun.run(simplifier::simplify, threads, seconds, o.wholeNumber("--interval", 10),
                o.wholeNumber("--seed", 1), out);
        out.printf("load: %,d expressions in %.0f s = %,.0f/s; peak heap %d MiB, peak live after GC %d MiB, "
                        + "live heap growth %+.2f MiB/min after the first interval; throughput drift %.2f "
                        + "(last third / first third); %d errors%n",
                r.expressions(), r.seconds(), r.perSecond(), r.peakHeapMiB(), r.peakHeapAfterGcMiB(),
                r.liveHeapGrowthMiBPerMinute(), r.throughputDrift(), r.errors());
        for (CacheStatistics c : Simplifier.cacheStatistics()) {
            out.printf("load: cache '%s': %d entries (fixed), %,d hits, %,d misses, hit rate %.3f%n", c.name(),
                    c.capacity(), c.hits(), c.misses(), c.hitRate());
        }
        return r.errors() == 0 && r.throughputDrift() > 0.5 ? 0 : 1;
    }

    public static void main(String[] args) throws Exception {
        System.exit(new LoadCommand().run(List.of(args), System.in, System.out, System.err));
    }
}
