package dev.simplij.sr;

import dev.simplij.cli.Options;
import dev.simplij.sr.fit.Dataset;
import dev.simplij.sr.fit.Loss;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * {@code simplij sr}: symbolic regression on a CSV file from the command line. Prints the front as a
 * table while it runs and at the end; writes it as CSV with {@code --out} and plots it with
 * {@code --plot}. Exit status 0 on success, 2 on bad usage or data.
 */
public final class SrCommand {
    static final String USAGE = """
            usage: simplij sr --data FILE.csv --target COLUMN [options]

            Finds formulas for COLUMN as a function of the other columns of FILE.csv (header row of
            names, then numbers) and prints the Pareto front of loss against complexity.

              --data FILE          CSV file with a header row
              --target COLUMN      the column to fit; the other columns are the inputs
              --operators LIST     operators, comma-separated (default +,-,*,/); any of
                                   + - * / pow neg inv abs pow2 pow3 sqrt exp log sin cos tan ...
              --time SECONDS       stop after this long (default 60)
              --iterations N       stop after N iterations (default: no limit)
              --loss-threshold L   stop once the best loss is at most L
              --seed N             random seed (default 0); a run that stops by --iterations, by
                                   --loss-threshold or exact is the same for any --threads
              --threads N          threads for the islands (default: all cores)
              --early-stop-fvu F   stop once the best equation leaves at most this fraction of the
                                   variance unexplained on the data (default 2^-23, float32 epsilon:
                                   exact to rounding); -1 never stops on this
              --populations N      islands (default 8)
              --population-size N  members per island (default 40)
              --max-size N         maximum complexity (default 30)
              --max-depth N        maximum depth (default 10)
              --select MODE        best (default), accuracy, or a complexity cap N
              --loss NAME          l2 (default), l1, huber, huber:DELTA or logcosh
              --weights COLUMN     weight each row by this column (not an input)
              --nested LIMITS      nesting limits as PySR's nested_constraints, outer:inner=N,
                                   comma-separated: sin:sin=0,sin:cos=0 forbids sin(... sin ...)
              --guess EXPR         an initial guess in every island, e.g. '2.5*sin(x1) + x2**2'; its
                                   numbers start the fitted constants (repeatable)
              --warm-start FILE    start from the equations of an earlier run's --out file
              --per-complexity N   keep up to N equations per complexity and show them (default 1)
              --units SPEC         units per column, the target's too, as PySR's X_units/y_units:
                                   'm=kg,v=m/s,E=kg*m^2/s^2'; a dimensionally inconsistent equation
                                   gets 1000 times the constant model's loss added, and the table
                                   says which equations are consistent
              --constants-carry-units  free constants may take any unit (default: dimensionless)
              --quantize STEP      round the final constants to multiples of STEP
              --no-normalize       do not simplify candidates with SimpliJ (to measure its effect)
              --linear-scaling     fit every candidate as a + b*candidate, offset and scale in closed
                                   form (for scales far from 1, such as 6.674e-11)
              --out FILE.csv       write the final front: complexity,loss,score,selected,sympy,...
              --plot FILE.png      plot loss against complexity
              --progress SECONDS   progress on stderr every SECONDS (default 5; 0 for never): on a
                                   terminal a compact table redrawn in place (every second), else
                                   one line with the best equation
              --quiet              no progress: the same as --progress 0
              --help               this text

            Ctrl-C stops the search; the front found so far is still printed and written.
            """;

    private SrCommand() {
    }

    public static void main(String[] args) {
        System.exit(run(List.of(args), System.out, System.err));
    }

    /** Runs the command; returns the exit status. */
    public static int run(List<String> args, PrintStream out, PrintStream err) {
        Options opts;
        try {
            opts = Options.parse(args, FLAGS, VALUED);
        } catch (IllegalArgumentException e) {
            err.println("sr: " + e.getMessage());
            err.print(USAGE);
            return 2;
        }
        if (opts.has("--help")) {
            out.print(USAGE);
            return 0;
        }
        try {
            return fit(opts, out, err);
        } catch (IllegalArgumentException e) {
            err.println("sr: " + e.getMessage());
            return 2;
        } catch (IOException e) {
            err.println("sr: " + e);
            return 2;
        }
    }

    private static final Set<String> FLAGS = Set.of("--help", "--no-normalize", "--quiet", "--constants-carry-units",
            "--linear-scaling");
    private static final Set<String> VALUED = Set.of("--data", "--target", "--operators", "--time", "--iterations",
            "--loss-threshold", "--early-stop-fvu", "--seed", "--threads", "--populations", "--population-size", "--max-size", "--max-depth",
            "--select", "--quantize", "--out", "--plot", "--progress", "--loss", "--weights", "--nested", "--guess",
            "--warm-start", "--per-complexity", "--units");

    /** The loss added to a dimensionally inconsistent equation, in units of the constant model's loss (PySR's 1000). */
    static final double DIMENSIONAL_PENALTY = 1000;

    /** How long Ctrl-C waits for the final refit and the files before the JVM exits anyway. */
    static final long INTERRUPT_GRACE_SECONDS = 60;

    private static int fit(Options o, PrintStream out, PrintStream err) throws IOException {
        if (!o.has("--data") || !o.has("--target")) {
            throw new IllegalArgumentException("--data and --target are required (see --help)");
        }
        CsvData data = CsvData.read(Path.of(o.required("--data")), o.required("--target"), o.text("--weights", null));
        int maxSize = o.integer("--max-size", 30);
        double progressSeconds = o.has("--quiet") ? 0 : o.decimal("--progress", 5);
        StopRequest stop = new StopRequest();
        SymbolicRegression.Builder b = SymbolicRegression.builder()
                .operators(OperatorSet.parse(o.text("--operators", "+,-,*,/")))
                .timeLimit(Duration.ofMillis((long) (1000 * o.decimal("--time", 60))))
                .maxIterations(o.wholeNumber("--iterations", Long.MAX_VALUE))
                .lossThreshold(o.decimal("--loss-threshold", Double.NEGATIVE_INFINITY))
                .earlyStopFvu(o.decimal("--early-stop-fvu", Settings.FLOAT32_EPSILON))
                .seed(o.wholeNumber("--seed", 0))
                .threads(o.integer("--threads", Runtime.getRuntime().availableProcessors()))
                .populations(o.integer("--populations", 8))
                .populationSize(o.integer("--population-size", 40))
                .constraints(o.has("--nested") ? Constraints.of(maxSize, o.integer("--max-depth", 10)).nesting(o.required("--nested"))
                        : Constraints.of(maxSize, o.integer("--max-depth", 10)))
                .loss(Loss.parse(o.text("--loss", "l2")))
                .guesses(o.all("--guess").toArray(String[]::new))
                .equationsPerComplexity(o.integer("--per-complexity", 1))
                .modelSelection(ModelSelection.parse(o.text("--select", "best")))
                .quantize(o.decimal("--quantize", 0))
                .normalization(!o.has("--no-normalize"))
                .linearScaling(o.has("--linear-scaling"))
                .stopRequest(stop);
        Units units = o.has("--units") ? Units.parse(o.required("--units"), data.inputNames(), o.required("--target"),
                o.has("--constants-carry-units")) : null;
        if (units != null) {
            b.units(units, DIMENSIONAL_PENALTY);
        }
        if (o.has("--warm-start")) {
            b.warmStart(FrontFiles.readEquations(Path.of(o.required("--warm-start"))));
        }
        boolean inPlace = progressSeconds > 0 && err == System.err && LiveTable.stderrIsTerminal();
        LiveTable live = new LiveTable(err, inPlace, inPlace ? Math.min(1, progressSeconds) : progressSeconds);
        b.progress(p -> {
            live.offer(p);
            return true;
        });
        try (InterruptGuard guard = new InterruptGuard(stop, "sr: interrupted; printing and writing the front found so far",
                err, INTERRUPT_GRACE_SECONDS)) {
            Dataset dataset = Dataset.of(data.inputs(), data.target(), data.inputNames());
            SearchResult r = b.build().fit(data.weights() == null ? dataset : dataset.withWeights(data.weights()));
            out.printf(Locale.ROOT, "stopped (%s) after %d iterations, %.1f s, %d candidates, %d evaluations, cache hits %.0f%%%n",
                    r.stopReason().name().toLowerCase(Locale.ROOT), r.iterations(), r.elapsed().toMillis() / 1000.0,
                    r.stats().candidates(), r.stats().evaluations(), 100 * r.stats().cacheHitRate());
            printFront(r, units, out);
            out.flush();
            if (o.has("--out")) {
                FrontFiles.writeCsv(r, Path.of(o.required("--out")));
            }
            if (o.has("--plot")) {
                FrontFiles.plot(r, o.required("--target") + " = f(" + String.join(", ", data.inputNames()) + ")",
                        Path.of(o.required("--plot")));
            }
        }
        return 0;
    }

    /**
     * The front as a table, the selected row marked with '*'; below each front entry, the other
     * equations of the hall of fame at that complexity (kept with {@code --per-complexity}), unscored;
     * with units, a column saying whether each equation is dimensionally consistent.
     */
    static void printFront(SearchResult r, Units units, PrintStream out) {
        out.printf(Locale.ROOT, "  %10s  %12s  %9s  %s%s%n", "complexity", "loss", "score", units == null ? "" : "units  ",
                "equation");
        List<Equation> front = r.front();
        for (int i = 0; i < front.size(); i++) {
            Equation e = front.get(i);
            out.printf(Locale.ROOT, "%s %10d  %12.4e  %9.4f  %s%s%n", i == r.selectedIndex() ? "*" : " ", e.complexity(),
                    e.loss(), e.score(), unitsCell(units, e), e.infix(4));
            for (Equation other : r.hallOfFame()) {
                if (other.complexity() == e.complexity() && !other.expression().equals(e.expression())) {
                    out.printf(Locale.ROOT, "  %10s  %12.4e  %9s  %s%s%n", "", other.loss(), "", unitsCell(units, other),
                            other.infix(4));
                }
            }
        }
    }

    private static String unitsCell(Units units, Equation e) {
        return units == null ? "" : units.consistent(e.expression()) ? "ok     " : "wrong  ";
    }
}
