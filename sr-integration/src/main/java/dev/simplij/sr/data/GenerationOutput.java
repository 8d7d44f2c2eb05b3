package dev.simplij.sr.data;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The output folder of a {@code simplij generate} run: made safe to write into before the run (no
 * shards of two runs side by side), and given the run's statistics, length figure, effective
 * configuration and decontamination report after it.
 */
public final class GenerationOutput {
    private GenerationOutput() {
    }

    /** The files a run writes into its directory, besides the shards. */
    static final List<String> REPORTS = List.of("stats.txt", "lengths.png", "config.properties", "decontamination.csv");

    /** The name of shard {@code index}: {@code shard-00000.jsonl}, {@code shard-00001.jsonl}, ... */
    public static String shardName(int index) {
        return String.format("shard-%05d.jsonl", index);
    }

    /** Whether {@code name} is a file that a run writes: a shard or one of {@link #REPORTS}. */
    static boolean writtenByARun(String name) {
        return name.matches("shard-\\d{5,}\\.jsonl") || REPORTS.contains(name);
    }

    /**
     * Refuses a non-empty output directory ({@link IllegalArgumentException}), so that shards of two
     * runs never sit side by side; with {@code overwrite}, deletes what an earlier run wrote there and
     * leaves any other file alone.
     */
    public static void prepare(Path dir, boolean overwrite) throws IOException {
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
                    + entries.get(0).getFileName() + " first)");
        }
        for (Path p : entries) {
            if (Files.isRegularFile(p) && writtenByARun(p.getFileName().toString())) {
                Files.delete(p);
            }
        }
    }

    /** The run's statistics, figure, effective configuration and decontamination report. */
    public static void writeReports(Path dir, GeneratorConfig config, GenerationStats stats, Decontaminator decontaminator)
            throws IOException {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("stats.txt"), stats.summary(), StandardCharsets.UTF_8);
        try (OutputStream png = new BufferedOutputStream(Files.newOutputStream(dir.resolve("lengths.png")))) {
            writeLengthFigure(stats, png);
        }
        try (Writer w = Files.newBufferedWriter(dir.resolve("config.properties"), StandardCharsets.UTF_8)) {
            w.write("# effective configuration of this run (" + config.source() + ")\n");
            for (Map.Entry<String, String> e : config.values().entrySet()) {
                w.write(e.getKey() + " = " + e.getValue() + "\n");
            }
        }
        if (decontaminator != null) {
            try (Writer w = Files.newBufferedWriter(dir.resolve("decontamination.csv"), StandardCharsets.UTF_8)) {
                writeDecontamination(decontaminator, stats, w);
            }
        }
    }

    /** {@code lengths.png}: the skeleton length histograms of the run, as PNG bytes. */
    public static void writeLengthFigure(GenerationStats stats, OutputStream png) throws IOException {
        LengthHistogramChart.write(stats, png);
    }

    /** {@code decontamination.csv}: per test formula, its skeleton, how many skeletons it dropped and the first. */
    public static void writeDecontamination(Decontaminator decontaminator, GenerationStats stats, Writer csv)
            throws IOException {
        csv.write("row,formula,skeleton,dropped,example\n");
        for (Decontaminator.TestFormula t : decontaminator.tests()) {
            String example = stats.matchExample(t.row());
            csv.write(t.row() + "," + Csv.quote(t.formula()) + "," + Csv.quote(t.skeleton().toInfix()) + ","
                    + stats.matchesByTestRow().getOrDefault(t.row(), 0L) + "," + Csv.quote(example == null ? "" : example)
                    + "\n");
        }
    }
}
