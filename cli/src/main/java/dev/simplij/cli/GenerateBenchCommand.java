package dev.simplij.cli;

import dev.simplij.sr.Normalizer;
import dev.simplij.sr.data.DatasetGenerator;
import dev.simplij.sr.data.Decontaminator;
import dev.simplij.sr.data.GenerationStats;
import dev.simplij.sr.data.GeneratorConfig;
import java.io.PrintStream;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code simplij generate-bench}: the generator's throughput with data points off, in simplified,
 * deduplicated skeletons per second, and where the time goes. A command, not a test: it takes the
 * machine for as long as it runs.
 */
@Command(name = "generate-bench", header = "throughput of skeleton generation with data points off, and where the time "
        + "goes", mixinStandardHelpOptions = true, versionProvider = Main.Version.class, sortOptions = false,
        usageHelpAutoWidth = true,
        description = {"Runs the generator with points.enabled=false and no output files (records are still serialized) "
                + "after a warm-up run, and reports distinct simplified skeletons per second and thread time per stage "
                + "(sample, simplify, reject, dedupe, decontaminate, serialize)."},
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {"0:measured", "2:bad usage, configuration or input files"})
final class GenerateBenchCommand implements Callable<Integer> {
    @Option(names = "--count", paramLabel = "N", defaultValue = "2000000",
            description = "distinct skeletons in the measured run (default: ${DEFAULT-VALUE})")
    long count;

    @Option(names = "--warmup", paramLabel = "N", defaultValue = "200000",
            description = "distinct skeletons in the warm-up run (default: ${DEFAULT-VALUE})")
    long warmup;

    @Mixin
    GeneratorOptions generator;

    @Spec
    CommandSpec spec;

    private final PrintStream out;

    GenerateBenchCommand(Streams streams) {
        this.out = streams.out();
    }

    @Override
    public Integer call() {
        OptionChecks.atLeast(spec, "--count", count, 1);
        OptionChecks.atLeast(spec, "--warmup", warmup, 0);
        GeneratorConfig config = generator.config().with("points.enabled", "false");
        Normalizer normalizer = generator.normalizer();
        Decontaminator decontaminator = generator.decontaminator(normalizer, config);
        if (warmup > 0) {
            // Another seed, so the measured run starts from an empty set of seen forms all the same.
            new DatasetGenerator(config.with("seed", Long.toString(config.seed() + 1)), normalizer, decontaminator)
                    .run(warmup, null, Long.MAX_VALUE / 2, null);
        }
        GenerationStats stats = new DatasetGenerator(config, normalizer, decontaminator).run(count, null, Long.MAX_VALUE / 2,
                null);
        out.print(stats.summary());
        out.printf("throughput: %,.0f simplified, deduplicated skeletons/s (%,.0f sampled/s) on %d threads, %d cores%n",
                stats.uniquePerSecond(), stats.sampledPerSecond(), stats.threads(),
                Runtime.getRuntime().availableProcessors());
        out.printf("projected from CPU time: %,.0f skeletons/s on %d otherwise idle cores (%.2f CPU s in %.2f s wall)%n",
                stats.projectedUniquePerSecond(stats.threads()), stats.threads(), stats.cpuSeconds(), stats.seconds());
        double per = 1e9 / Math.max(1, stats.sampled());
        out.print("thread time per sampled skeleton:");
        for (Map.Entry<String, Double> e : stats.stageSeconds().entrySet()) {
            out.printf(" %s %.0f ns,", e.getKey(), e.getValue() * per);
        }
        out.println();
        return 0;
    }
}
