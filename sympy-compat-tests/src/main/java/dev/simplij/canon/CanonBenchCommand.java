package dev.simplij.canon;

import dev.simplij.cli.Command;
import dev.simplij.cli.Options;
import dev.simplij.simplify.Simplifier;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** {@code simplij canon-bench}: how often equivalent spellings of a formula simplify to one output. */
public final class CanonBenchCommand implements Command {
    /** The physics and identities corpora in the repository, relative to its root. */
    static final List<String> DEFAULT_CORPORA = List.of("sympy-compat-tests/src/test/resources/corpus/identities.tsv",
            "sr-integration/src/main/resources/dev/simplij/sr/data/feynman-style-test-set.csv");

    static final String USAGE = """
            Usage: simplij canon-bench [--seed N] [--random N] [--min-size T] [--max-size T] [--corpus FILE ...]
                                       [--variants K] [--points P] [--examples N] [--out DIR]

            Makes equivalent variants of each formula by value-preserving rewrites (operands reordered
            and regrouped, a - b as a + (-b) and a + (-1)*b, a/b as a*b**-1 and a*(1/b), x + x and 2*x,
            x*x and x**2, products distributed over sums, exp(a + b) split, cancelling terms inserted,
            variables renamed, and more: see the report's table), checks each variant's value at seeded
            points against the formula, simplifies formula and variants with the shipped default rules,
            and reports the share of variants whose output equals the formula's (prefix text, byte for
            byte; a renamed variant's output is renamed back first) and the share of formulas whose
            variants all collapse to one output, overall, by corpus and by rewrite kind. Writes
            DIR/report.md (also printed) and DIR/disagreements.tsv (every disagreement, worst first).
            The same options give the same bytes.

              --seed N       seed of the random formulas, the variants and the points (default 1)
              --random N     seeded random formulas (reliability's generator; default 1000, 0 for none)
              --min-size T   smallest random formula in prefix tokens (default 3)
              --max-size T   largest random formula (default 25)
              --corpus FILE  a golden corpus (.tsv, column input_prefix) or a formula list (.csv,
                             name,formula in infix); repeatable; 'none' for none (default, from the
                             repository root: %s)
              --variants K   variants per formula and rewrite kind (default 2)
              --points P     points per formula for the value check (default 16)
              --examples N   worst disagreements listed in the report (default 25)
              --out DIR      where to write the report (default canon-bench-results)
              --help         this text

            Exit status 0 when the run completes (whatever the figures), 2 on bad usage.
            """.formatted(String.join(", ", DEFAULT_CORPORA));

    @Override
    public String name() {
        return "canon-bench";
    }

    @Override
    public String summary() {
        return "how often value-preserving rewrites of a formula simplify to the formula's own output";
    }

    @Override
    public String help() {
        return USAGE;
    }

    @Override
    public int run(List<String> args, InputStream in, PrintStream out, PrintStream err) throws IOException {
        CanonicalizationBenchmark.Settings settings;
        Path dir;
        int examples;
        try {
            Options o = Options.parse(args, Set.of("--help"), Set.of("--seed", "--random", "--min-size", "--max-size",
                    "--corpus", "--variants", "--points", "--examples", "--out"));
            if (o.has("--help")) {
                out.print(USAGE);
                return 0;
            }
            settings = new CanonicalizationBenchmark.Settings(o.wholeNumber("--seed", 1), o.integer("--random", 1000, 0),
                    o.integer("--min-size", 3, 1), o.integer("--max-size", 25, 1), corpora(o.all("--corpus")),
                    o.integer("--variants", 2, 1), o.integer("--points", 16, CanonicalizationBenchmark.MIN_DEFINED_POINTS));
            examples = o.integer("--examples", 25, 0);
            dir = Path.of(o.text("--out", "canon-bench-results"));
            if (settings.maxSize() < settings.minSize()) {
                throw new IllegalArgumentException("--max-size must be at least --min-size");
            }
        } catch (IllegalArgumentException e) {
            err.println("simplij canon-bench: " + e.getMessage());
            return 2;
        }
        CanonReport report = new CanonReport(CanonicalizationBenchmark.run(settings, Simplifier.standard()));
        String md = report.markdown(examples);
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("report.md"), md, StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("disagreements.tsv"), report.worstTsv(), StandardCharsets.UTF_8);
        out.print(md);
        out.println();
        out.println("wrote " + dir.resolve("report.md") + " and " + dir.resolve("disagreements.tsv"));
        return 0;
    }

    private static List<Path> corpora(List<String> given) {
        if (given.isEmpty()) {
            List<Path> out = new ArrayList<>();
            for (String p : DEFAULT_CORPORA) {
                Path path = Path.of(p);
                if (!Files.isRegularFile(path)) {
                    throw new IllegalArgumentException("no " + p + " here: run from the repository root, or give --corpus "
                            + "FILE (or --corpus none)");
                }
                out.add(path);
            }
            return out;
        }
        List<Path> out = new ArrayList<>();
        for (String p : given) {
            if (p.equals("none")) {
                continue;
            }
            if (!Files.isRegularFile(Path.of(p))) {
                throw new IllegalArgumentException("--corpus " + p + ": no such file");
            }
            out.add(Path.of(p));
        }
        return out;
    }
}
