package dev.simplij.bench;

import dev.simplij.simplify.Simplifier;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.StringJoiner;

/**
 * One run of {@code simplij bench}: SimpliJ and its peers on the same corpus, written up as a
 * Markdown table, a per-row TSV and PNG plots.
 */
public final class BenchRun {
    /** The peers a run can time SimpliJ against, by name. */
    public static final List<String> PEERS = List.of("sympy", "symja", "jenetics");

    /**
     * What to run: the corpus (a golden TSV), peers of {@link #PEERS}, the report's folder, the
     * peers' per-expression time-out, rows per bucket (0: all), SimpliJ calls per expression, its
     * warm-up, the Python of the SymPy peer, the seed of the value check's points, a note for the report.
     */
    public record Settings(Path corpus, List<String> peers, Path out, double timeoutSeconds, int perBucket, int repeats,
                           double warmUpSeconds, String python, long seed, String note) {
        public Settings {
            peers = List.copyOf(peers);
            for (String p : peers) {
                if (!PEERS.contains(p)) {
                    throw new IllegalArgumentException("unknown peer '" + p + "' (known: " + String.join(", ", PEERS) + ")");
                }
            }
        }
    }

    private BenchRun() {
    }

    /** Runs the benchmark and writes the report; returns the Markdown file. */
    public static Path run(Settings o, PrintStream log, String commandLine) throws IOException {
        Corpus corpus = Corpus.read(o.corpus());
        List<CorpusRow> rows = Benchmark.select(corpus, o.perBucket());
        if (rows.isEmpty()) {
            throw new IllegalArgumentException(o.corpus() + " has no rows");
        }
        Properties versions = versions();
        Map<String, String> facts = new LinkedHashMap<>();
        facts.put("date", ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")));
        facts.put("command", "`./simplij bench " + commandLine + "`");
        facts.put("corpus", "`" + o.corpus() + "`, " + rows.size() + " distinct expressions");
        facts.put("machine", Runtime.getRuntime().availableProcessors() + " cores, " + System.getProperty("os.name") + " "
                + System.getProperty("os.arch") + ", Java " + System.getProperty("java.version") + " ("
                + System.getProperty("java.vm.name") + ")");
        if (!o.note().isBlank()) {
            facts.put("note", o.note());
        }
        facts.put("SimpliJ", "`Simplifier.standard()`, median of " + o.repeats() + " calls per expression after "
                + o.warmUpSeconds() + " s of warm-up");

        List<Peer> peers = new ArrayList<>();
        try {
            for (String name : o.peers()) {
                switch (name) {
                    case "sympy" -> {
                        SympyWorker worker = SympyWorker.start(o.python());
                        peers.add(new SympyPeer(worker, o.timeoutSeconds()));
                        facts.put("SymPy", worker.sympyVersion() + " `simplify`, real symbols, cache cleared before each "
                                + "expression, time-out " + o.timeoutSeconds() + " s, timed inside the Python worker");
                    }
                    case "symja" -> {
                        peers.add(new SymjaPeer(o.timeoutSeconds()));
                        facts.put("Symja", versions.getProperty("symja") + " `FullSimplify(e, Element(vars, Reals))`, "
                                + "in-process, time-out " + o.timeoutSeconds() + " s");
                    }
                    case "jenetics" -> {
                        peers.add(new JeneticsPeer());
                        facts.put("Jenetics", versions.getProperty("jenetics") + " `MathExpr.simplify()`, in-process");
                    }
                    default -> throw new IllegalArgumentException("unknown peer " + name);
                }
            }
            Simplifier simplifier = Simplifier.standard();
            Benchmark bench = new Benchmark(simplifier, log, o.repeats(), o.warmUpSeconds(), o.seed());
            List<Benchmark.Row> results = bench.run(rows, peers);
            List<String> names = peers.stream().map(Peer::name).toList();
            Files.createDirectories(o.out());
            List<String> charts = BenchCharts.write(o.out(), results, names);
            Path md = o.out().resolve("bench.md");
            Files.writeString(md, BenchReport.render(results, names, facts, charts), StandardCharsets.UTF_8);
            Files.writeString(o.out().resolve("rows.tsv"), rowsTsv(results, names), StandardCharsets.UTF_8);
            return md;
        } finally {
            for (Peer p : peers) {
                p.close();
            }
        }
    }

    /** Every row with every tool's status, time and length, for analyses the report does not make. */
    static String rowsTsv(List<Benchmark.Row> rows, List<String> peers) {
        StringBuilder s = new StringBuilder();
        StringJoiner head = new StringJoiner("\t");
        Arrays.asList("id", "bucket", "input_len", "simplij_us", "simplij_len", "simplij_value_ok").forEach(head::add);
        for (String p : peers) {
            String k = p.toLowerCase(Locale.ROOT);
            head.add(k + "_status").add(k + "_us").add(k + "_len");
        }
        s.append(head).append('\n');
        for (Benchmark.Row r : rows) {
            StringJoiner line = new StringJoiner("\t");
            line.add(r.source().id()).add(r.source().bucket()).add(Integer.toString(r.input().size()))
                    .add(String.format(Locale.ROOT, "%.3f", r.simplij().micros()))
                    .add(Integer.toString(r.simplij().result().size())).add(Boolean.toString(r.simplijValueOk()));
            for (String p : peers) {
                Peer.Outcome out = r.peers().get(p);
                line.add(out.status().name().toLowerCase(Locale.ROOT)).add(String.format(Locale.ROOT, "%.0f", out.micros()))
                        .add(out.result() == null ? "" : Integer.toString(out.result().size()));
            }
            s.append(line).append('\n');
        }
        return s.toString();
    }

    private static Properties versions() throws IOException {
        Properties p = new Properties();
        try (InputStream in = BenchRun.class.getResourceAsStream("versions.properties")) {
            if (in != null) {
                p.load(in);
            }
        }
        return p;
    }
}
