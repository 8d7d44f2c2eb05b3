package dev.simplij.cli;

import dev.simplij.bench.BenchRun;
import dev.simplij.bench.SympyWorker;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code simplij bench}: SimpliJ and its peers on the same corpus in one run, written up as tables and plots. */
@Command(name = "bench", header = "time SimpliJ against SymPy, Symja and Jenetics on a corpus; write a Markdown table "
        + "and plots", mixinStandardHelpOptions = true, versionProvider = Main.Version.class, sortOptions = false,
        usageHelpAutoWidth = true,
        description = {"Times SimpliJ and its peers on the same expressions in one run and writes DIR/bench.md (per size "
                + "bucket: median and p90 microseconds per expression, speed ratio to each peer, mean length after, share "
                + "of rows shorter/equal/longer than each peer, failures, time-outs), DIR/rows.tsv (every row, every tool) "
                + "and the plots DIR/time-ecdf.png, DIR/length-ecdf.png and DIR/time-vs-length.png.",
                "FILE is a golden corpus (TSV with columns id, bucket, input_prefix, ...), such as "
                        + "sympy-compat-tests/src/test/resources/corpus/random.tsv."},
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {"0:report written", "1:a peer or a file failed", "2:bad usage or corpus"})
final class BenchCommand implements Callable<Integer> {
    @Option(names = "--corpus", paramLabel = "FILE", required = true, description = "the corpus to run")
    Path corpus;

    @Option(names = "--peers", paramLabel = "LIST", split = ",", defaultValue = "sympy,symja,jenetics",
            completionCandidates = Peers.class,
            description = "comma-separated, any of ${COMPLETION-CANDIDATES}, or none (default: ${DEFAULT-VALUE})")
    List<String> peers;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "bench-results",
            description = "where to write the report (default: ${DEFAULT-VALUE})")
    Path out;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "5",
            description = "per-expression time-out of SymPy and Symja (default: ${DEFAULT-VALUE})")
    double timeout;

    @Option(names = "--per-bucket", paramLabel = "N", defaultValue = "0",
            description = "at most N rows per bucket, 0 for all (default: ${DEFAULT-VALUE})")
    int perBucket;

    @Option(names = "--repeats", paramLabel = "N", defaultValue = "7",
            description = "SimpliJ calls per expression; the median is kept (default: ${DEFAULT-VALUE})")
    int repeats;

    @Option(names = "--warmup", paramLabel = "SECONDS", defaultValue = "5",
            description = "SimpliJ JIT warm-up before measuring (default: ${DEFAULT-VALUE})")
    double warmup;

    @Option(names = "--python", paramLabel = "PATH",
            description = "Python with sympy for the SymPy peer (default: $SIMPLIJ_PYTHON or python3)")
    String python;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "20261123",
            description = "seed of the value check's random points (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--note", paramLabel = "TEXT", defaultValue = "", description = "a line for the report, such as "
            + "the machine's load")
    String note;

    @Spec
    CommandSpec spec;

    private final PrintStream stdout;
    private final PrintStream stderr;

    BenchCommand(Streams streams) {
        this.stdout = streams.out();
        this.stderr = streams.err();
    }

    /** The peer names, for the help text and shell completion. */
    static final class Peers implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return BenchRun.PEERS.iterator();
        }
    }

    @Override
    public Integer call() throws IOException {
        List<String> chosen = peers.stream().map(String::strip).filter(p -> !p.isEmpty() && !p.equals("none"))
                .distinct().toList();
        for (String p : chosen) {
            if (!BenchRun.PEERS.contains(p)) {
                throw OptionChecks.usageError(spec, "unknown peer '" + p + "' (known: " + String.join(", ", BenchRun.PEERS)
                        + ")");
            }
        }
        BenchRun.Settings settings = new BenchRun.Settings(corpus, chosen, out,
                OptionChecks.positive(spec, "--timeout", timeout), OptionChecks.atLeast(spec, "--per-bucket", perBucket, 0),
                OptionChecks.atLeast(spec, "--repeats", repeats, 1), OptionChecks.atLeast(spec, "--warmup", warmup, 0),
                python != null ? python : SympyWorker.defaultPython(), seed, note);
        Path report = BenchRun.run(settings, stderr, String.join(" ", spec.commandLine().getParseResult().originalArgs()));
        stdout.println("wrote " + report);
        return 0;
    }
}
