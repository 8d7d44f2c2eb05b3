package dev.simplij.sr.data;

import dev.simplij.cli.Options;
import dev.simplij.sr.Normalizer;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * {@code simplij generate}: writes a training set of distinct, simplified, decontaminated formula
 * skeletons with sampled data as JSON Lines shards, plus the run's statistics and length figure.
 * Exit status 0 when the count is written, 1 when the sample budget ran out first, 2 on bad usage,
 * configuration or input files.
 */
public final class GenerateCommand extends OptionCommand {
    static final String USAGE = """
            usage: simplij generate --config FILE --count N --out DIR [--test-set FILE.csv] [options]

            Samples formula skeletons (Lample & Charton trees), simplifies them in skeleton mode,
            rejects constant, undefined or under-using ones, keeps each canonical form once per run,
            drops those matching a test set, draws constants and points, and writes N records to
            DIR/shard-00000.jsonl, ... Each line: {"prefix", "infix", "variables", "constants", "X", "y"}.
            Same seed and configuration, same bytes, on any number of threads.

              --config FILE        generator configuration, a properties file over the defaults
                                   (omit for the defaults; see --print-config)
              --count N            records to write
              --out DIR            output directory (created); also gets stats.txt, lengths.png,
                                   config.properties and, with --test-set, decontamination.csv;
                                   refused when it is not empty, unless --overwrite
              --overwrite          write into a non-empty DIR: first delete what an earlier run
                                   wrote there (shard-*.jsonl and the files above), nothing else
              --test-set FILE.csv  CSV with a header and a 'formula' column (SymPy syntax, variables
                                   x1, x2, ... as generated); matching skeletons are dropped
              --set KEY=VALUE      override one configuration key (repeatable)
              --seed N             the same as --set seed=N
              --threads N          the same as --set threads=N (0: all cores)
              --ruleset NAME|FILE  rules of the skeleton simplifier (default: the shipped default);
                                   several, separated by commas, are combined
              --max-sampled N      stop after sampling N skeletons (default max(10^6, 1000 * count))
              --quiet              no progress bar (--no-progress is another name)
              --print-config       print the default configuration and exit
              --help               this text

            Exit status: 0 when N records are written, 1 when the sample budget ran out first,
            2 on bad usage, configuration or input files.
            """;

    private static final Set<String> FLAGS = Set.of("--help", "--quiet", "--no-progress", "--print-config", "--overwrite");
    private static final Set<String> VALUED = Set.of("--config", "--count", "--out", "--test-set", "--set", "--seed",
            "--threads", "--ruleset", "--max-sampled");

    /** For {@link java.util.ServiceLoader}. */
    public GenerateCommand() {
        super("generate", "write a training set of distinct, simplified, decontaminated skeletons with data (JSON Lines)",
                USAGE, FLAGS, VALUED);
    }

    @Override
    int execute(Options options, PrintStream out, PrintStream err) throws IOException {
        if (options.has("--print-config")) {
            try (var in = GeneratorConfig.class.getResourceAsStream(GeneratorConfig.DEFAULT_RESOURCE)) {
                out.print(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
            return 0;
        }
        return generate(options, out, err);
    }

    /** The configuration of {@code --config} with {@code --set}, {@code --seed} and {@code --threads} applied. */
    static GeneratorConfig config(Options options) {
        GeneratorConfig config = options.has("--config") ? GeneratorConfig.load(Path.of(options.text("--config", null)))
                : GeneratorConfig.defaults();
        for (String kv : options.all("--set")) {
            int eq = kv.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("--set takes KEY=VALUE, got '" + kv + "'");
            }
            config = config.with(kv.substring(0, eq).trim(), kv.substring(eq + 1));
        }
        if (options.has("--seed")) {
            config = config.with("seed", options.text("--seed", null));
        }
        if (options.has("--threads")) {
            config = config.with("threads", options.text("--threads", null));
        }
        return config;
    }

    private static int generate(Options options, PrintStream out, PrintStream err) throws IOException {
        options.required("--count");
        long count = options.wholeNumber("--count", 0, 0);
        Path dir = Path.of(options.required("--out"));
        GeneratorConfig config = config(options);
        prepareOutput(dir, options.has("--overwrite"));
        Normalizer normalizer = skeletonSimplifier(options);
        Decontaminator decontaminator = null;
        if (options.has("--test-set")) {
            String testSet = options.text("--test-set", null);
            decontaminator = Decontaminator.fromCsv(Path.of(testSet), normalizer, config);
            err.printf("test set: %d formulas from %s%n", decontaminator.tests().size(), testSet);
        }
        long maxSampled = options.wholeNumber("--max-sampled",
                Math.max(1_000_000L, Math.min(count, Long.MAX_VALUE / 1000) * 1000), 1);
        ProgressBar bar = options.has("--quiet") || options.has("--no-progress") ? null : new ProgressBar(err, count, "records");
        GenerationStats stats = new DatasetGenerator(config, normalizer, decontaminator).run(count, dir, maxSampled, bar);
        if (bar != null) {
            bar.finish();
        }
        writeReports(dir, config, stats, decontaminator);
        out.print(stats.summary());
        out.println("wrote " + dir.resolve("shard-*.jsonl") + ", stats.txt, lengths.png, config.properties"
                + (decontaminator != null ? ", decontamination.csv" : ""));
        return stats.written() == count ? 0 : 1;
    }

    /** The files a run writes into its directory, besides the shards. */
    static final List<String> REPORTS = List.of("stats.txt", "lengths.png", "config.properties", "decontamination.csv");

    /** Whether {@code name} is a file that a run writes: a shard or one of {@link #REPORTS}. */
    static boolean writtenByARun(String name) {
        return name.matches("shard-\\d{5,}\\.jsonl") || REPORTS.contains(name);
    }

    /**
     * Refuses a non-empty output directory, so that shards of two runs never sit side by side; with
     * {@code overwrite}, deletes what an earlier run wrote there and leaves any other file alone.
     */
    static void prepareOutput(Path dir, boolean overwrite) throws IOException {
        if (!Files.isDirectory(dir)) {
            return;
        }
        List<Path> entries;
        try (Stream<Path> list = Files.list(dir)) {
            entries = list.sorted().toList();
        }
        if (entries.isEmpty()) {
            return;
        }
        if (!overwrite) {
            throw new IllegalArgumentException(dir + " is not empty (" + entries.size() + " entries, "
                    + entries.get(0).getFileName() + " first); give --overwrite to replace an earlier run's files,"
                    + " or another --out");
        }
        for (Path p : entries) {
            if (Files.isRegularFile(p) && writtenByARun(p.getFileName().toString())) {
                Files.delete(p);
            }
        }
    }

    /** The run's statistics, figure, effective configuration and decontamination report. */
    static void writeReports(Path dir, GeneratorConfig config, GenerationStats stats, Decontaminator decontaminator)
            throws IOException {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("stats.txt"), stats.summary(), StandardCharsets.UTF_8);
        LengthHistogramChart.write(stats, dir.resolve("lengths.png"));
        try (Writer w = Files.newBufferedWriter(dir.resolve("config.properties"), StandardCharsets.UTF_8)) {
            w.write("# effective configuration of this run (" + config.source() + ")\n");
            for (Map.Entry<String, String> e : config.values().entrySet()) {
                w.write(e.getKey() + " = " + e.getValue() + "\n");
            }
        }
        if (decontaminator != null) {
            try (Writer w = Files.newBufferedWriter(dir.resolve("decontamination.csv"), StandardCharsets.UTF_8)) {
                w.write("row,formula,skeleton,dropped,example\n");
                for (Decontaminator.TestFormula t : decontaminator.tests()) {
                    String example = stats.matchExample(t.row());
                    w.write(t.row() + "," + Csv.quote(t.formula()) + "," + Csv.quote(t.skeleton().toInfix()) + ","
                            + stats.matchesByTestRow().getOrDefault(t.row(), 0L) + "," + Csv.quote(example == null ? "" : example)
                            + "\n");
                }
            }
        }
    }
}
