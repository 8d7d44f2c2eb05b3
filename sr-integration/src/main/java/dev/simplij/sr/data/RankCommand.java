package dev.simplij.sr.data;

import dev.simplij.cli.Options;
import dev.simplij.sr.fit.ConstantFitter;
import dev.simplij.sr.fit.Dataset;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * {@code simplij rank}: post-processing of a model's candidate skeletons for one data set: simplify,
 * merge equal canonical forms, fit constants (the SR search's fitter), rank on the Pareto front of
 * complexity against loss with PySR's score. Exit status 0 on success (even when some candidate
 * lines were unusable; they are reported), 2 on bad usage or files.
 */
public final class RankCommand extends OptionCommand {
    static final String USAGE = """
            usage: simplij rank --data FILE.csv --target COLUMN --candidates FILE [--out RANKED.csv] [options]

            Reads candidate skeletons for one data set, one per line, prefix or infix (SymPy syntax),
            free constants written <constant>; simplifies them in skeleton mode and merges those with
            the same canonical form; fits the constants to the data (mean squared error,
            Levenberg-Marquardt with restarts, as the sr command); prints the Pareto front of
            complexity (node count) against loss, best first: the entry PySR's "best" rule picks
            (highest score among losses within 1.5x the lowest), then the others by score.

              --data FILE.csv      numeric CSV with a header row
              --target COLUMN      the column to fit; the other columns are the variables
              --candidates FILE    one candidate per line; blank lines and # comments are skipped
              --out RANKED.csv     write complexity,loss,score,selected,pareto,sympy,skeleton,prefix,
                                   inputs,first_line, best first
              --free-numbers       treat numbers in candidates as free constants too
              --all                also list forms off the front, after it, by loss
              --restarts N         fitter restarts per form (default 2)
              --seed N             random seed of the fits (default 0)
              --ruleset NAME|FILE  rules of the skeleton simplifier (default: the shipped default);
                                   several, separated by commas, are combined
              --help               this text
            """;

    private static final Set<String> FLAGS = Set.of("--help", "--free-numbers", "--all");
    private static final Set<String> VALUED = Set.of("--data", "--target", "--candidates", "--out", "--restarts",
            "--seed", "--ruleset");

    /** For {@link java.util.ServiceLoader}. */
    public RankCommand() {
        super("rank", "simplify, merge, fit and rank a model's candidate skeletons for one data set (Pareto front)",
                USAGE, FLAGS, VALUED);
    }

    @Override
    int execute(Options options, PrintStream out, PrintStream err) throws IOException {
        Path dataFile = Path.of(options.required("--data"));
        Dataset data = readData(dataFile, options.required("--target"));
        Path candidatesFile = Path.of(options.required("--candidates"));
        List<String> lines = Files.readAllLines(candidatesFile, StandardCharsets.UTF_8);
        ConstantFitter fitter = ConstantFitter.builder().restarts(options.integer("--restarts", 2, 0)).build();
        CandidateRanker ranker = new CandidateRanker(skeletonSimplifier(options), fitter, options.wholeNumber("--seed", 0));
        CandidateRanker.Result result = ranker.rank(data, lines, options.has("--free-numbers"), options.has("--all"));
        for (CandidateRanker.Rejected r : result.rejected()) {
            err.println("rank: " + candidatesFile + ":" + r.line() + ": " + r.reason());
        }
        out.printf("%d candidates, %d distinct canonical forms, %d unusable; %d rows of %d%n", result.candidates(),
                result.distinct(), result.rejected().size(), data.rows(), data.names().size() + 1);
        out.printf("%4s %10s %12s %10s  %s%n", "rank", "complexity", "loss", "score", "expression");
        int rank = 1;
        for (CandidateRanker.Ranked r : result.ranked()) {
            out.printf("%4d %10d %12.6g %10.4g  %s%s%n", rank++, r.complexity(), r.loss(), r.score(), r.sympy(),
                    r.selected() ? "   <- selected" : r.pareto() ? "" : "   (off the front)");
        }
        if (options.has("--out")) {
            writeCsv(Path.of(options.text("--out", null)), result.ranked());
        }
        return 0;
    }

    /** A numeric CSV with a header: the target column and the others as inputs, rows with a non-finite value skipped. */
    static Dataset readData(Path file, String target) {
        Csv.Table table = Csv.read(file);
        int t = table.column(target, file);
        List<String> names = new ArrayList<>(table.header());
        names.remove(t);
        Csv.requireVariableColumns(file, names);
        List<double[]> xs = new ArrayList<>();
        List<Double> ys = new ArrayList<>();
        for (int r = 0; r < table.rows().size(); r++) {
            List<String> row = table.rows().get(r);
            double[] x = new double[names.size()];
            double y = 0;
            boolean finite = true;
            for (int c = 0, k = 0; c < row.size(); c++) {
                double v;
                try {
                    v = Double.parseDouble(row.get(c).trim());
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException(file + ": data row " + (r + 1) + ", column '" + table.header().get(c)
                            + "' is not a number: '" + row.get(c) + "'");
                }
                finite &= Double.isFinite(v);
                if (c == t) {
                    y = v;
                } else {
                    x[k++] = v;
                }
            }
            if (finite) {
                xs.add(x);
                ys.add(y);
            }
        }
        return Dataset.of(xs.toArray(double[][]::new), ys.stream().mapToDouble(Double::doubleValue).toArray(), names);
    }

    static void writeCsv(Path file, List<CandidateRanker.Ranked> ranked) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("rank,complexity,loss,score,selected,pareto,sympy,skeleton,prefix,inputs,first_line\n");
            int rank = 1;
            for (CandidateRanker.Ranked r : ranked) {
                w.write(rank++ + "," + r.complexity() + "," + r.loss() + "," + r.score() + "," + r.selected() + ","
                        + r.pareto() + "," + Csv.quote(r.sympy()) + "," + Csv.quote(r.skeleton().toInfix()) + ","
                        + Csv.quote(r.expression().toPrefix()) + "," + r.inputs() + "," + r.firstLine() + "\n");
            }
        }
    }
}
