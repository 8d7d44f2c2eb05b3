package dev.simplij.cli;

import dev.simplij.sr.data.CandidateRanker;
import dev.simplij.sr.data.Csv;
import dev.simplij.sr.fit.ConstantFitter;
import dev.simplij.sr.fit.Dataset;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code simplij rank}: post-processing of a model's candidate skeletons for one data set: simplify,
 * merge equal canonical forms, fit constants (the SR search's fitter), rank on the Pareto front of
 * complexity against loss with PySR's score.
 */
@Command(name = "rank", header = "simplify, merge, fit and rank a model's candidate skeletons for one data set (Pareto "
        + "front)", mixinStandardHelpOptions = true, versionProvider = Main.Version.class, sortOptions = false,
        usageHelpAutoWidth = true,
        description = {"Reads candidate skeletons for one data set, one per line, prefix or infix (SymPy syntax), free "
                + "constants written <constant>; simplifies them in skeleton mode and merges those with the same canonical "
                + "form; fits the constants to the data (mean squared error, Levenberg-Marquardt with restarts, as the sr "
                + "command); prints the Pareto front of complexity (node count) against loss, best first: the entry "
                + "PySR's \"best\" rule picks (highest score among losses within 1.5x the lowest), then the others by "
                + "score. Unusable candidate lines are reported on standard error with their line number."},
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {"0:ranked (even when some candidate lines were unusable)", "2:bad usage or files"})
final class RankCommand implements Callable<Integer> {
    @Option(names = "--data", paramLabel = "FILE.csv", required = true, description = "numeric CSV with a header row")
    Path data;

    @Option(names = "--target", paramLabel = "COLUMN", required = true,
            description = "the column to fit; the other columns are the variables")
    String target;

    @Option(names = "--candidates", paramLabel = "FILE", required = true,
            description = "one candidate per line; blank lines and # comments are skipped")
    Path candidates;

    @Option(names = "--out", paramLabel = "RANKED.csv", description = "write complexity,loss,score,selected,pareto,sympy,"
            + "skeleton,prefix,inputs,first_line, best first")
    Path out;

    @Option(names = "--free-numbers", description = "treat numbers in candidates as free constants too")
    boolean freeNumbers;

    @Option(names = "--all", description = "also list forms off the front, after it, by loss")
    boolean all;

    @Option(names = "--restarts", paramLabel = "N", defaultValue = "2",
            description = "fitter restarts per form (default: ${DEFAULT-VALUE})")
    int restarts;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "0", description = "random seed of the fits (default: "
            + "${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--ruleset", paramLabel = "NAME|FILE[,...]", description = "rules of the skeleton simplifier "
            + "(default: the shipped default); several, separated by commas, are combined")
    String ruleSets;

    @Spec
    CommandSpec spec;

    private final PrintStream stdout;
    private final PrintStream stderr;

    RankCommand(Streams streams) {
        this.stdout = streams.out();
        this.stderr = streams.err();
    }

    @Override
    public Integer call() throws IOException {
        ConstantFitter fitter = ConstantFitter.builder().restarts(OptionChecks.atLeast(spec, "--restarts", restarts, 0))
                .build();
        Dataset dataset = Csv.dataset(data, target);
        List<String> lines = Files.readAllLines(candidates, StandardCharsets.UTF_8);
        CandidateRanker ranker = new CandidateRanker(SkeletonRules.normalizer(ruleSets), fitter, seed);
        CandidateRanker.Result result = ranker.rank(dataset, lines, freeNumbers, all);
        for (CandidateRanker.Rejected r : result.rejected()) {
            stderr.println("simplij rank: " + candidates + ":" + r.line() + ": " + r.reason());
        }
        stdout.printf("%d candidates, %d distinct canonical forms, %d unusable; %d rows of %d%n", result.candidates(),
                result.distinct(), result.rejected().size(), dataset.rows(), dataset.names().size() + 1);
        stdout.printf("%4s %10s %12s %10s  %s%n", "rank", "complexity", "loss", "score", "expression");
        int rank = 1;
        for (CandidateRanker.Ranked r : result.ranked()) {
            stdout.printf("%4d %10d %12.6g %10.4g  %s%s%n", rank++, r.complexity(), r.loss(), r.score(), r.sympy(),
                    r.selected() ? "   <- selected" : r.pareto() ? "" : "   (off the front)");
        }
        if (out != null) {
            CandidateRanker.writeCsv(out, result.ranked());
        }
        return 0;
    }
}
