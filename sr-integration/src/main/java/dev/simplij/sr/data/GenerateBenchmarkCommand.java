package dev.simplij.sr.data;

import dev.simplij.cli.Options;
import dev.simplij.sr.Normalizer;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code simplij generate-bench}: the generator's throughput with data points off, in simplified,
 * deduplicated skeletons per second, and where the time goes. A command, not a test: it takes the
 * machine for as long as it runs.
 */
public final class GenerateBenchmarkCommand extends OptionCommand {
    static final String USAGE = """
            usage: simplij generate-bench [--count N] [--config FILE] [--set KEY=VALUE] [options]

            Runs the generator with points.enabled=false and no output files (records are still
            serialized) after a warm-up run, and reports distinct simplified skeletons per second
            and thread time per stage (sample, simplify, reject, dedupe, decontaminate, serialize).

              --count N            distinct skeletons in the measured run (default 2000000)
              --warmup N           distinct skeletons in the warm-up run (default 200000)
              --config FILE        generator configuration (default: the defaults)
              --set KEY=VALUE      override one configuration key (repeatable)
              --seed N, --threads N, --ruleset NAME|FILE   as for generate
              --test-set FILE.csv  include decontamination against this test set
              --help               this text
            """;

    private static final Set<String> FLAGS = Set.of("--help");
    private static final Set<String> VALUED = Set.of("--count", "--warmup", "--config", "--set", "--seed", "--threads",
            "--ruleset", "--test-set");

    /** For {@link java.util.ServiceLoader}. */
    public GenerateBenchmarkCommand() {
        super("generate-bench", "throughput of skeleton generation with data points off, and where the time goes",
                USAGE, FLAGS, VALUED);
    }

    @Override
    int execute(Options options, PrintStream out, PrintStream err) {
        GeneratorConfig config = GenerateCommand.config(options).with("points.enabled", "false");
        Normalizer normalizer = skeletonSimplifier(options);
        Decontaminator decontaminator = options.has("--test-set")
                ? Decontaminator.fromCsv(Path.of(options.text("--test-set", null)), normalizer, config) : null;
        long count = options.wholeNumber("--count", 2_000_000, 1);
        long warmup = options.wholeNumber("--warmup", 200_000, 0);
        if (warmup > 0) {
            // Another seed, so the measured run starts from an empty set of seen forms all the same.
            new DatasetGenerator(config.with("seed", Long.toString(config.seed() + 1)), normalizer, decontaminator)
                    .run(warmup, null, Long.MAX_VALUE / 2, null);
        }
        GenerationStats stats = new DatasetGenerator(config, normalizer, decontaminator).run(count, null, Long.MAX_VALUE / 2, null);
        out.print(stats.summary());
        out.printf("throughput: %,.0f simplified, deduplicated skeletons/s (%,.0f sampled/s) on %d threads, %d cores%n",
                stats.uniquePerSecond(), stats.sampledPerSecond(), stats.threads,
                Runtime.getRuntime().availableProcessors());
        out.printf("projected from CPU time: %,.0f skeletons/s on %d otherwise idle cores (%.2f CPU s in %.2f s wall)%n",
                stats.projectedUniquePerSecond(stats.threads), stats.threads, stats.cpuSeconds(), stats.seconds());
        double per = 1e9 / Math.max(1, stats.sampled());
        out.print("thread time per sampled skeleton:");
        for (Map.Entry<String, Double> e : stats.stageSeconds().entrySet()) {
            out.printf(" %s %.0f ns,", e.getKey(), e.getValue() * per);
        }
        out.println();
        return 0;
    }
}
