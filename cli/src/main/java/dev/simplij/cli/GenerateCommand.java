package dev.simplij.cli;

import dev.simplij.sr.Normalizer;
import dev.simplij.sr.data.DatasetGenerator;
import dev.simplij.sr.data.Decontaminator;
import dev.simplij.sr.data.GenerationOutput;
import dev.simplij.sr.data.GenerationStats;
import dev.simplij.sr.data.GeneratorConfig;
import dev.simplij.sr.data.ProgressBar;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code simplij generate}: a training set of distinct, simplified, decontaminated formula skeletons
 * with sampled data as JSON Lines shards, plus the run's statistics and length figure.
 */
@Command(name = "generate", header = "write a training set of distinct, simplified, decontaminated skeletons with data",
        mixinStandardHelpOptions = true, versionProvider = Main.Version.class, sortOptions = false,
        usageHelpAutoWidth = true,
        description = {"Samples formula skeletons (Lample & Charton trees), simplifies them in skeleton mode, rejects "
                + "constant, undefined or under-using ones, keeps each canonical form once per run, drops those matching a "
                + "test set, draws constants and points, and writes N records to DIR/shard-00000.jsonl, ... Each line: "
                + "{\"prefix\", \"infix\", \"variables\", \"constants\", \"X\", \"y\"}. Same seed and configuration, same "
                + "bytes, on any number of threads."},
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {"0:N records written", "1:the sample budget ran out first",
                "2:bad usage, configuration or input files"})
final class GenerateCommand implements Callable<Integer> {
    @Option(names = "--count", paramLabel = "N", description = "records to write (required)")
    Long count;

    @Option(names = "--out", paramLabel = "DIR", description = "output directory (created; required); also gets "
            + "stats.txt, lengths.png, config.properties and, with --test-set, decontamination.csv; refused when it is not "
            + "empty, unless --overwrite")
    Path out;

    @Option(names = "--overwrite", description = "write into a non-empty DIR: first delete what an earlier run wrote "
            + "there (shard-*.jsonl and the files above), nothing else")
    boolean overwrite;

    @Mixin
    GeneratorOptions generator;

    @Option(names = "--max-sampled", paramLabel = "N", description = "stop after sampling N skeletons "
            + "(default: max(10^6, 1000 * count))")
    Long maxSampled;

    @Option(names = "--quiet", description = "no progress bar")
    boolean quiet;

    @Option(names = "--print-config", description = "print the default configuration and exit")
    boolean printConfig;

    @Spec
    CommandSpec spec;

    private final PrintStream stdout;
    private final PrintStream stderr;

    GenerateCommand(Streams streams) {
        this.stdout = streams.out();
        this.stderr = streams.err();
    }

    @Override
    public Integer call() throws IOException {
        if (printConfig) {
            stdout.print(GeneratorConfig.defaultText());
            return 0;
        }
        long records = OptionChecks.atLeast(spec, "--count", OptionChecks.required(spec, "--count", count), 0);
        Path dir = OptionChecks.required(spec, "--out", out);
        long budget = maxSampled != null ? OptionChecks.atLeast(spec, "--max-sampled", maxSampled, 1)
                : Math.max(1_000_000L, Math.min(records, Long.MAX_VALUE / 1000) * 1000);
        GeneratorConfig config = generator.config();
        try {
            GenerationOutput.prepare(dir, overwrite);
        } catch (IllegalArgumentException notEmpty) {
            throw OptionChecks.usageError(spec, notEmpty.getMessage() + "; give --overwrite to replace an earlier "
                    + "run's files, or another --out");
        }
        Normalizer normalizer = generator.normalizer();
        Decontaminator decontaminator = generator.decontaminator(normalizer, config);
        if (decontaminator != null) {
            stderr.printf("test set: %d formulas from %s%n", decontaminator.tests().size(), generator.testSet);
        }
        ProgressBar bar = quiet ? null : new ProgressBar(stderr, records, "records");
        GenerationStats stats = new DatasetGenerator(config, normalizer, decontaminator).run(records, dir, budget, bar);
        if (bar != null) {
            bar.finish();
        }
        GenerationOutput.writeReports(dir, config, stats, decontaminator);
        stdout.print(stats.summary());
        stdout.println("wrote " + dir.resolve("shard-*.jsonl") + ", stats.txt, lengths.png, config.properties"
                + (decontaminator != null ? ", decontamination.csv" : ""));
        return stats.written() == records ? 0 : 1;
    }
}
