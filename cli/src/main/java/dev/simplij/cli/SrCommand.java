package dev.simplij.cli;

import dev.simplij.sr.Constraints;
import dev.simplij.sr.CsvData;
import dev.simplij.sr.Equation;
import dev.simplij.sr.FrontFiles;
import dev.simplij.sr.InterruptGuard;
import dev.simplij.sr.LiveTable;
import dev.simplij.sr.ModelSelection;
import dev.simplij.sr.OperatorSet;
import dev.simplij.sr.SearchResult;
import dev.simplij.sr.StopRequest;
import dev.simplij.sr.SymbolicRegression;
import dev.simplij.sr.Units;
import dev.simplij.sr.fit.Dataset;
import dev.simplij.sr.fit.Loss;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code simplij sr}: symbolic regression on a CSV file. Prints the front as a table while it runs
 * and at the end; writes it as CSV with {@code --out} and plots it with {@code --plot}.
 */
@Command(name = "sr", header = "symbolic regression on a CSV file, candidates normalized by SimpliJ",
        mixinStandardHelpOptions = true, versionProvider = Main.Version.class, sortOptions = false,
        usageHelpAutoWidth = true,
        description = {"Finds formulas for COLUMN as a function of the other columns of FILE.csv (header row of names, "
                + "then numbers) and prints the Pareto front of loss against complexity, the selected equation marked "
                + "with '*'."},
        footer = "%nCtrl-C stops the search; the front found so far is still printed and written (exit status 130).",
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {"0:the front is printed and written", "2:bad usage or data", "130:interrupted (Ctrl-C); the "
                + "front found so far is printed and written"})
final class SrCommand implements Callable<Integer> {
    /** How long Ctrl-C waits for the final refit and the files before the JVM exits anyway. */
    private static final long INTERRUPT_GRACE_SECONDS = 60;

    @Option(names = "--data", paramLabel = "FILE.csv", required = true, description = "CSV file with a header row")
    Path data;

    @Option(names = "--target", paramLabel = "COLUMN", required = true,
            description = "the column to fit; the other columns are the inputs")
    String target;

    @Option(names = "--operators", paramLabel = "LIST", defaultValue = "+,-,*,/", description = "operators, "
            + "comma-separated (default ${DEFAULT-VALUE}); any of + - * / pow neg inv abs pow2 pow3 sqrt exp log sin cos "
            + "tan ..., and PySR's names (square, cube, ...)")
    String operators;

    @Option(names = "--time", paramLabel = "SECONDS", defaultValue = "60",
            description = "stop after this long (default ${DEFAULT-VALUE})")
    double seconds;

    @Option(names = "--iterations", paramLabel = "N", description = "stop after N iterations (default: no limit)")
    Long iterations;

    @Option(names = "--loss-threshold", paramLabel = "L", description = "stop once the best loss is at most L")
    Double lossThreshold;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "0", description = "random seed (default ${DEFAULT-VALUE}); "
            + "a run that stops by --iterations, by --loss-threshold or exact is the same for any --threads")
    long seed;

    @Option(names = "--threads", paramLabel = "N", description = "threads for the islands (default: all cores)")
    Integer threads;

    @Option(names = "--early-stop-fvu", paramLabel = "F", description = "stop once the best equation leaves at most this "
            + "fraction of the variance unexplained on the data (default 2^-23, float32 epsilon: exact to rounding); -1 "
            + "never stops on this")
    Double earlyStopFvu;

    @Option(names = "--populations", paramLabel = "N", defaultValue = "8", description = "islands (default ${DEFAULT-VALUE})")
    int populations;

    @Option(names = "--population-size", paramLabel = "N", defaultValue = "40",
            description = "members per island (default ${DEFAULT-VALUE})")
    int populationSize;

    @Option(names = "--max-size", paramLabel = "N", defaultValue = "30",
            description = "maximum complexity (default ${DEFAULT-VALUE})")
    int maxSize;

    @Option(names = "--max-depth", paramLabel = "N", defaultValue = "10", description = "maximum depth (default ${DEFAULT-VALUE})")
    int maxDepth;

    @Option(names = "--select", paramLabel = "MODE", defaultValue = "best",
            description = "best (default), accuracy, or a complexity cap N")
    String select;

    @Option(names = "--loss", paramLabel = "NAME", defaultValue = "l2",
            description = "l2 (default), l1, huber, huber:DELTA or logcosh")
    String loss;

    @Option(names = "--weights", paramLabel = "COLUMN", description = "weight each row by this column (not an input)")
    String weights;

    @Option(names = "--nested", paramLabel = "LIMITS", description = "nesting limits as PySR's nested_constraints, "
            + "outer:inner=N, comma-separated: sin:sin=0,sin:cos=0 forbids sin(... sin ...)")
    String nested;

    @Option(names = "--guess", paramLabel = "EXPR", description = "an initial guess in every island, e.g. "
            + "'2.5*sin(x1) + x2**2'; its numbers start the fitted constants (repeatable)")
    List<String> guesses = List.of();

    @Option(names = "--warm-start", paramLabel = "FILE", description = "start from the equations of an earlier run's "
            + "--out file")
    Path warmStart;

    @Option(names = "--per-complexity", paramLabel = "N", defaultValue = "1",
            description = "keep up to N equations per complexity and show them (default ${DEFAULT-VALUE})")
    int perComplexity;

    @Option(names = "--units", paramLabel = "SPEC", description = "units per column, the target's too, as PySR's "
            + "X_units/y_units: 'm=kg,v=m/s,E=kg*m^2/s^2'; a dimensionally inconsistent equation gets 1000 times the "
            + "constant model's loss added, and the table says which equations are consistent")
    String units;

    @Option(names = "--constants-carry-units", description = "free constants may take any unit (default: dimensionless)")
    boolean constantsCarryUnits;

    @Option(names = "--quantize", paramLabel = "STEP", description = "round the final constants to multiples of STEP")
    double quantize;

    @Option(names = "--no-normalize", description = "do not simplify candidates with SimpliJ (to measure its effect)")
    boolean noNormalize;

    @Option(names = "--linear-scaling", description = "fit every candidate as a + b*candidate, offset and scale in closed "
            + "form (for scales far from 1, such as 6.674e-11)")
    boolean linearScaling;

    @Option(names = "--no-log-scale-constants", description = "no constant proposals on a log scale (+-10^u over 100 "
            + "orders of magnitude; on by default), to measure their effect or save their cost")
    boolean noLogScaleConstants;

    @Option(names = "--out", paramLabel = "FILE.csv", description = "write the final front: complexity,loss,score,"
            + "selected,sympy,...")
    Path out;

    @Option(names = "--plot", paramLabel = "FILE.png", description = "plot loss against complexity")
    Path plot;

    @Option(names = "--progress", paramLabel = "SECONDS", defaultValue = "5", description = "progress on standard error "
            + "every SECONDS (default ${DEFAULT-VALUE}): on a terminal a compact table redrawn in place (every second), "
            + "else one line with the best equation")
    double progressSeconds;

    @Option(names = "--quiet", description = "no progress")
    boolean quiet;

    @Spec
    CommandSpec spec;

    private final PrintStream stdout;
    private final PrintStream stderr;

    SrCommand(Streams streams) {
        this.stdout = streams.out();
        this.stderr = streams.err();
    }

    @Override
    public Integer call() throws IOException {
        if (!(progressSeconds > 0)) {
            throw OptionChecks.usageError(spec, "--progress must be positive, got " + progressSeconds
                    + " (--quiet for no progress)");
        }
        CsvData table = CsvData.read(data, target, weights);
        StopRequest stop = new StopRequest();
        Constraints constraints = Constraints.of(maxSize, maxDepth);
        SymbolicRegression.Builder b = SymbolicRegression.builder()
                .operators(OperatorSet.parse(operators))
                .timeLimit(Duration.ofMillis((long) (1000 * seconds)))
                .maxIterations(iterations != null ? iterations : Long.MAX_VALUE)
                .seed(seed)
                .threads(threads != null ? threads : Runtime.getRuntime().availableProcessors())
                .populations(populations)
                .populationSize(populationSize)
                .constraints(nested != null ? constraints.nesting(nested) : constraints)
                .loss(Loss.parse(loss))
                .guesses(guesses.toArray(String[]::new))
                .equationsPerComplexity(perComplexity)
                .modelSelection(ModelSelection.parse(select))
                .quantize(quantize)
                .normalization(!noNormalize)
                .linearScaling(linearScaling)
                .logScaleConstants(!noLogScaleConstants)
                .stopRequest(stop);
        if (lossThreshold != null) {
            b.lossThreshold(lossThreshold);
        }
        if (earlyStopFvu != null) {
            b.earlyStopFvu(earlyStopFvu);
        }
        Units dimensions = units != null ? Units.parse(units, table.inputNames(), target, constantsCarryUnits) : null;
        if (dimensions != null) {
            b.units(dimensions, Units.DEFAULT_PENALTY);
        }
        if (warmStart != null) {
            b.warmStart(FrontFiles.readEquations(warmStart));
        }
        if (!quiet) {
            // redrawn in place only on the process's own standard error, and only when it is a terminal
            boolean inPlace = stderr == System.err && LiveTable.stderrIsTerminal();
            LiveTable live = new LiveTable(stderr, inPlace, inPlace ? Math.min(1, progressSeconds) : progressSeconds);
            b.progress(p -> {
                live.offer(p);
                return true;
            });
        }
        try (InterruptGuard guard = new InterruptGuard(stop, spec.qualifiedName()
                + ": interrupted; printing and writing the front found so far", stderr, INTERRUPT_GRACE_SECONDS)) {
            Dataset dataset = Dataset.of(table.inputs(), table.target(), table.inputNames());
            SearchResult r = b.build().fit(table.weights() == null ? dataset : dataset.withWeights(table.weights()));
            stdout.printf(Locale.ROOT, "stopped (%s) after %d iterations, %.1f s, %d candidates, %d evaluations, "
                            + "cache hits %.0f%%%n", r.stopReason().name().toLowerCase(Locale.ROOT), r.iterations(),
                    r.elapsed().toMillis() / 1000.0, r.stats().candidates(), r.stats().evaluations(),
                    100 * r.stats().cacheHitRate());
            printFront(r, dimensions, stdout);
            stdout.flush();
            if (out != null) {
                FrontFiles.writeCsv(r, out);
            }
            if (plot != null) {
                FrontFiles.plot(r, target + " = f(" + String.join(", ", table.inputNames()) + ")", plot);
            }
        }
        return 0;
    }

    /**
     * The front as a table, the selected row marked with '*'; below each front entry, the other
     * equations of the hall of fame at that complexity (kept with {@code --per-complexity}), unscored;
     * with units, a column saying whether each equation is dimensionally consistent.
     */
    private static void printFront(SearchResult r, Units units, PrintStream out) {
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
