package dev.simplij.cli;

import dev.simplij.canon.CanonicalizationBenchmark;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code simplij canon-bench}: how often equivalent spellings of a formula simplify to one output. */
@Command(name = "canon-bench", header = "how often value-preserving rewrites of a formula simplify to the formula's own "
        + "output", mixinStandardHelpOptions = true, versionProvider = Main.Version.class, sortOptions = false,
        usageHelpAutoWidth = true,
        description = {"Makes equivalent variants of each formula by value-preserving rewrites (operands reordered and "
                + "regrouped, a - b as a + (-b) and a + (-1)*b, a/b as a*b**-1 and a*(1/b), x + x and 2*x, x*x and x**2, "
                + "products distributed over sums, exp(a + b) split, cancelling terms inserted, variables renamed, and "
                + "more: see the report's table), checks each variant's value at seeded points against the formula, "
                + "simplifies formula and variants with the shipped default rules, and reports the share of variants "
                + "whose output equals the formula's (prefix text, byte for byte; a renamed variant's output is renamed "
                + "back first) and the share of formulas whose variants all collapse to one output, overall, by corpus "
                + "and by rewrite kind. Writes DIR/report.md (also printed) and DIR/disagreements.tsv (every "
                + "disagreement, worst first). The same options give the same bytes."},
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {"0:the run completed (whatever the figures)", "1:the report could not be written",
                "2:bad usage or corpus"})
final class CanonBenchCommand implements Callable<Integer> {
    /** The physics and identities corpora in the repository, relative to its root. */
    static final String IDENTITIES = "sympy-compat-tests/src/test/resources/corpus/identities.tsv";
    static final String FEYNMAN = "sr-integration/src/main/resources/dev/simplij/sr/data/feynman-style-test-set.csv";
    static final List<String> DEFAULT_CORPORA = List.of(IDENTITIES, FEYNMAN);

    @Option(names = "--seed", paramLabel = "N", defaultValue = "1",
            description = "seed of the random formulas, the variants and the points (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--random", paramLabel = "N", defaultValue = "1000",
            description = "seeded random formulas (reliability's generator; default: ${DEFAULT-VALUE}, 0 for none)")
    int random;

    @Option(names = "--min-size", paramLabel = "T", defaultValue = "3",
            description = "smallest random formula in prefix tokens (default: ${DEFAULT-VALUE})")
    int minSize;

    @Option(names = "--max-size", paramLabel = "T", defaultValue = "25",
            description = "largest random formula (default: ${DEFAULT-VALUE})")
    int maxSize;

    @Option(names = "--corpus", paramLabel = "FILE", description = "a golden corpus (.tsv, column input_prefix) or a "
            + "formula list (.csv, name,formula in infix); repeatable; 'none' for none (default, from the repository "
            + "root: " + IDENTITIES + ", " + FEYNMAN + ")")
    List<String> corpora = List.of();

    @Option(names = "--variants", paramLabel = "K", defaultValue = "2",
            description = "variants per formula and rewrite kind (default: ${DEFAULT-VALUE})")
    int variants;

    @Option(names = "--points", paramLabel = "P", defaultValue = "16",
            description = "points per formula for the value check (default: ${DEFAULT-VALUE})")
    int points;

    @Option(names = "--examples", paramLabel = "N", defaultValue = "25",
            description = "worst disagreements listed in the report (default: ${DEFAULT-VALUE})")
    int examples;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "canon-bench-results",
            description = "where to write the report (default: ${DEFAULT-VALUE})")
    Path out;

    @Spec
    CommandSpec spec;

    private final PrintStream stdout;

    CanonBenchCommand(Streams streams) {
        this.stdout = streams.out();
    }

    @Override
    public Integer call() throws IOException {
        OptionChecks.atLeast(spec, "--random", random, 0);
        OptionChecks.atLeast(spec, "--min-size", minSize, 1);
        OptionChecks.atLeast(spec, "--max-size", maxSize, minSize);
        OptionChecks.atLeast(spec, "--variants", variants, 1);
        OptionChecks.atLeast(spec, "--points", points, CanonicalizationBenchmark.MIN_DEFINED_POINTS);
        OptionChecks.atLeast(spec, "--examples", examples, 0);
        CanonicalizationBenchmark.Settings settings = new CanonicalizationBenchmark.Settings(seed, random, minSize,
                maxSize, corpora(), variants, points);
        String md = CanonicalizationBenchmark.writeReport(settings, examples, out);
        stdout.print(md);
        stdout.println();
        stdout.println("wrote " + out.resolve("report.md") + " and " + out.resolve("disagreements.tsv"));
        return 0;
    }

    private List<Path> corpora() {
        List<Path> paths = new ArrayList<>();
        if (corpora.isEmpty()) {
            for (String p : DEFAULT_CORPORA) {
                if (!Files.isRegularFile(Path.of(p))) {
                    throw OptionChecks.usageError(spec, "no " + p + " here: run from the repository root, or give "
                            + "--corpus FILE (or --corpus none)");
                }
                paths.add(Path.of(p));
            }
            return paths;
        }
        for (String p : corpora) {
            if (p.equals("none")) {
                continue;
            }
            if (!Files.isRegularFile(Path.of(p))) {
                throw OptionChecks.usageError(spec, "--corpus " + p + ": no such file");
            }
            paths.add(Path.of(p));
        }
        return paths;
    }
}
