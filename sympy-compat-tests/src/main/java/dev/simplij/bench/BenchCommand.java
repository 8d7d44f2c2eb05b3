package dev.simplij.bench;

import dev.simplij.cli.Command;
import dev.simplij.cli.Options;
import dev.simplij.simplify.Simplifier;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
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
import java.util.Set;
import java.util.StringJoiner;

/**
 * {@code simplij bench}: SimpliJ and its peers on the same corpus in one run, written up as a
 * Markdown table, a per-row TSV and PNG plots.
 */
public final class BenchCommand implements Command {
    static final String USAGE = """
            Usage: simplij bench --corpus FILE [--peers sympy,symja,jenetics] [--out DIR] [options]

            Times SimpliJ and its peers on the same expressions in one run and writes DIR/bench.md (per
            size bucket: median and p90 microseconds per expression, speed ratio to each peer, mean
            length after, share of rows shorter/equal/longer than each peer, failures, time-outs),
            DIR/rows.tsv (every row, every tool) and the plots DIR/time-ecdf.png, DIR/length-ecdf.png
            and DIR/time-vs-length.png.

            FILE is a golden corpus (TSV with columns id, bucket, input_prefix, ...), such as
            sympy-compat-tests/src/test/resources/corpus/random.tsv.

            Options:
              --corpus FILE        the corpus to run (required)
              --peers LIST         comma-separated, any of sympy, symja, jenetics, or none
                                   (default sympy,symja,jenetics)
              --out DIR            where to write the report (default bench-results)
              --timeout SECONDS    per-expression time-out of SymPy and Symja (default 5)
              --per-bucket N       at most N rows per bucket, 0 for all (default 0)
              --repeats N          SimpliJ calls per expression; the median is kept (default 7)
              --warmup SECONDS     SimpliJ JIT warm-up before measuring (default 5)
              --python PATH        Python with sympy for the SymPy peer (default $SIMPLIJ_PYTHON or python3)
              --seed N             seed of the value check's random points (default 20261123)
              --note TEXT          a line for the report, such as the machine's load
              --help               this text
            """;

    /** Parsed command line. */
    record Settings(Path corpus, List<String> peers, Path out, double timeoutSeconds, int perBucket, int repeats,
                    double warmUpSeconds, String python, long seed, String note) {
    }

    @Override
    public String name() {
        return "bench";
    }

    @Override
    public String summary() {
        return "time SimpliJ against SymPy, Symja and Jenetics on a corpus; write a Markdown table and plots";
    }

    @Override
    public String help() {
        return USAGE;
    }

    @Override
    public int run(List<String> args, InputStream in, PrintStream out, PrintStream err) {
        return run(args, out, err);
    }

    /** Runs the command; returns the exit status (0 done, 1 failed, 2 bad usage). */
    int run(List<String> args, PrintStream out, PrintStream err) {
        Settings o;
        try {
            if (args.contains("--help") || args.contains("-h")) {
                out.print(USAGE);
                return 0;
            }
            o = parse(args);
        } catch (IllegalArgumentException e) {
            err.println("bench: " + e.getMessage());
            err.println("Run 'simplij bench --help' for usage.");
            return 2;
        }
        try {
            Path report = run(o, err, String.join(" ", args));
            out.println("wrote " + report);
            return 0;
        } catch (IOException | UncheckedIOException | IllegalStateException | IllegalArgumentException e) {
            err.println("bench: " + e.getMessage());
            return 1;
        }
    }

    private static final Set<String> VALUED = Set.of("--corpus", "--peers", "--out", "--timeout", "--per-bucket",
            "--repeats", "--warmup", "--python", "--seed", "--note");

    static Settings parse(List<String> args) {
        Options o = Options.parse(args, Set.of(), VALUED);
        return new Settings(Path.of(o.required("--corpus")), peers(o.text("--peers", "sympy,symja,jenetics")),
                Path.of(o.text("--out", "bench-results")), positive("--timeout", o.decimal("--timeout", 5)),
                o.integer("--per-bucket", 0, 0), o.integer("--repeats", 7, 1), o.decimal("--warmup", 5, 0),
                o.text("--python", SympyWorker.defaultPython()), o.wholeNumber("--seed", 20261123L), o.text("--note", ""));
    }

    private static List<String> peers(String v) {
        if (v.equals("none") || v.isBlank()) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (String p : v.split(",")) {
            String name = p.trim().toLowerCase(Locale.ROOT);
            if (!List.of("sympy", "symja", "jenetics").contains(name)) {
                throw new IllegalArgumentException("unknown peer '" + p + "' (known: sympy, symja, jenetics)");
            }
            if (!out.contains(name)) {
                out.add(name);
            }
        }
        return out;
    }

    private static double positive(String option, double v) {
        if (!(v > 0)) {
            throw new IllegalArgumentException(option + " must be positive, got " + v);
        }
        return v;
    }

    /** Runs the benchmark and writes the report; returns the Markdown file. */
    static Path run(Settings o, PrintStream log, String commandLine) throws IOException {
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
        try (InputStream in = BenchCommand.class.getResourceAsStream("versions.properties")) {
            if (in != null) {
                p.load(in);
            }
        }
        return p;
    }
}
