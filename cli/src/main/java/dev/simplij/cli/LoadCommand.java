package dev.simplij.cli;

import dev.simplij.reliability.LoadRun;
import dev.simplij.rules.RuleSet;
import dev.simplij.simplify.CacheStatistics;
import dev.simplij.simplify.Simplifier;
import java.io.PrintStream;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code simplij load}: a shared simplifier on all cores for minutes, with throughput and heap per interval. */
@Command(name = "load", header = "a shared simplifier on all cores for minutes: throughput and heap per interval",
        mixinStandardHelpOptions = true, versionProvider = Main.Version.class, sortOptions = false,
        usageHelpAutoWidth = true,
        description = {"Builds one simplifier and shares it between K threads that simplify seeded random expressions (half "
                + "of them repeats) for the given time. Prints, per interval, the expressions done, the rate, the heap in "
                + "use and the heap live after a full GC, then the peak heap, the growth of the live heap per minute and "
                + "the drift of throughput (last third over first third). Run with a fixed -Xmx to see that memory stays "
                + "bounded."},
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {"0:no simplification threw and throughput stayed above half",
                "1:a simplification threw or throughput fell below half", "2:bad usage or rule set"})
final class LoadCommand implements Callable<Integer> {
    @Option(names = "--minutes", paramLabel = "M", defaultValue = "10", description = "duration in minutes (default: ${DEFAULT-VALUE})")
    long minutes;

    @Option(names = "--seconds", paramLabel = "S", description = "duration in seconds (overrides --minutes)")
    Long seconds;

    @Option(names = "--interval", paramLabel = "S", defaultValue = "10",
            description = "seconds between lines (default: ${DEFAULT-VALUE})")
    long interval;

    @Option(names = "--threads", paramLabel = "K", description = "worker threads (default: all cores)")
    Integer threads;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "1", description = "base seed (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--ruleset", paramLabel = "NAME|FILE", defaultValue = RuleSet.DEFAULT_NAME,
            description = "rule set name or file (default: ${DEFAULT-VALUE})")
    String ruleSet;

    @Spec
    CommandSpec spec;

    private final PrintStream out;

    LoadCommand(Streams streams) {
        this.out = streams.out();
    }

    @Override
    public Integer call() throws Exception {
        double duration = OptionChecks.atLeast(spec, seconds == null ? "--minutes" : "--seconds",
                seconds == null ? 60 * minutes : seconds, 1);
        OptionChecks.atLeast(spec, "--interval", interval, 1);
        int workers = OptionChecks.atLeast(spec, "--threads",
                threads == null ? Runtime.getRuntime().availableProcessors() : threads, 1);
        Simplifier simplifier = Simplifier.builder().ruleSet(RuleSet.load(ruleSet)).build();
        out.printf("load: %d threads for %.0f s on one shared simplifier (rule set %s), max heap %d MiB%n", workers,
                duration, ruleSet, Runtime.getRuntime().maxMemory() >> 20);
        LoadRun.Result r = LoadRun.run(simplifier::simplify, workers, duration, interval, seed, out);
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
}
