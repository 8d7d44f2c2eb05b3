package dev.simplij.canon;

import dev.simplij.expr.Expr;
import dev.simplij.simplify.Simplifier;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * Does the simplifier give one output per formula? For each formula, variants are made with every
 * {@link Rewrite} kind, checked to keep the formula's value ({@link VariantCheck}), and simplified
 * beside the formula; a variant agrees when its output (renamed back for {@link Rewrite#RENAME}) is
 * the formula's output, prefix text byte for byte. Everything is drawn from the seed: the same
 * settings give the same result, whatever the machine.
 */
public final class CanonicalizationBenchmark {
    /** A formula is used when it is defined at this many of its points at least. */
    public static final int MIN_DEFINED_POINTS = 3;

    /**
     * @param seed            seeds the random formulas, the variants and the points
     * @param randomFormulas  how many random formulas (0 for none)
     * @param minSize         smallest random formula in prefix tokens
     * @param maxSize         largest random formula
     * @param corpora         golden corpora (.tsv) and formula lists (.csv)
     * @param variantsPerKind variants drawn per formula and kind
     * @param points          points per formula for the value check
     */
    public record Settings(long seed, int randomFormulas, int minSize, int maxSize, List<Path> corpora,
                           int variantsPerKind, int points) {
        public Settings {
            corpora = List.copyOf(corpora);
        }
    }

    /**
     * Runs with the shipped default rules and writes {@code dir/report.md} (listing the worst
     * {@code examples} disagreements) and {@code dir/disagreements.tsv}; returns the report's Markdown.
     */
    public static String writeReport(Settings settings, int examples, Path dir) throws IOException {
        CanonReport report = new CanonReport(run(settings, Simplifier.standard()));
        String md = report.markdown(examples);
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("report.md"), md, StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("disagreements.tsv"), report.worstTsv(), StandardCharsets.UTF_8);
        return md;
    }

    /**
     * A formula and one of its variants, simplified. The outputs must be equal byte for byte, except
     * for a renamed variant: the canonical order of {@code +} and {@code *} operands follows the names
     * (as SymPy's does), so its output, renamed back, must equal the formula's up to that order. A
     * variant whose simplification threw has no output and its exception as {@code crash}; it does not
     * agree.
     */
    record Comparison(int formula, Rewrite kind, Expr variant, Expr originalOutput, Expr variantOutput, String crash) {
        boolean agrees() {
            if (crash != null) {
                return false;
            }
            if (kind == Rewrite.RENAME) {
                return Tree.of(originalOutput).operandOrderForgotten().equals(Tree.of(variantOutput).operandOrderForgotten());
            }
            return originalOutput.toPrefix().equals(variantOutput.toPrefix());
        }

        String variantOutputInfix() {
            return crash != null ? "CRASH " + crash : variantOutput.toInfix();
        }

        String variantOutputPrefix() {
            return crash != null ? "CRASH " + crash : variantOutput.toPrefix();
        }

        /** Length of the variant's output; a crash counts as infinitely long. */
        int variantOutputSize() {
            return crash != null ? Integer.MAX_VALUE / 2 : variantOutput.size();
        }
    }

    /** A variant not used because it does not have the formula's value in doubles. */
    record Dropped(int formula, Rewrite kind, Expr variant, String reason) {
    }

    /**
     * @param corpora     corpus names in the order run
     * @param formulas    every formula read, in order; comparisons and drops refer to it by index
     * @param used        which formulas were defined at enough points to be used
     * @param comparisons every compared variant, in formula then kind order
     * @param dropped     variants not used
     * @param crashes     formulas not used because simplifying them threw, with the exception
     */
    record Result(Settings settings, List<String> corpora, List<Formula> formulas, List<Boolean> used,
                  List<Comparison> comparisons, List<Dropped> dropped, List<String> crashes) {
    }

    private CanonicalizationBenchmark() {
    }

    /** The formulas of the settings: random ones first, then each corpus in order. */
    static List<Formula> formulas(Settings s) {
        List<Formula> out = new ArrayList<>();
        if (s.randomFormulas() > 0) {
            out.addAll(Formula.random(s.seed(), s.randomFormulas(), s.minSize(), s.maxSize()));
        }
        for (Path p : s.corpora()) {
            out.addAll(Formula.read(p));
        }
        return out;
    }

    static Result run(Settings s, Simplifier simplifier) {
        return runWith(s, simplifier::simplify);
    }

    /** The benchmark of any simplifying function (tests give one that throws). */
    static Result runWith(Settings s, UnaryOperator<Expr> simplifier) {
        List<Formula> formulas = formulas(s);
        List<String> corpora = formulas.stream().map(Formula::corpus).distinct().toList();
        List<Boolean> used = new ArrayList<>();
        List<Comparison> comparisons = new ArrayList<>();
        List<Dropped> dropped = new ArrayList<>();
        List<String> crashes = new ArrayList<>();
        for (int f = 0; f < formulas.size(); f++) {
            Formula formula = formulas.get(f);
            UniformRandomProvider rng = RandomSource.SPLIT_MIX_64.create(mix(s.seed(), f));
            VariantCheck check = new VariantCheck(formula.expr(), s.points(), rng);
            boolean enough = check.definedPoints() >= MIN_DEFINED_POINTS;
            Expr output = null;
            if (enough) {
                try {
                    output = simplifier.apply(formula.expr());
                } catch (RuntimeException e) {
                    crashes.add(formula.corpus() + " " + formula.id() + ": `" + formula.expr().toInfix() + "`: " + e);
                }
            }
            used.add(output != null);
            if (output == null) {
                continue;
            }
            Tree tree = Tree.of(formula.expr());
            for (Rewrite kind : Rewrite.values()) {
                Set<String> seen = new HashSet<>();
                seen.add(tree.prefix());
                for (int v = 0, tries = 0; v < s.variantsPerKind() && tries < 4 * s.variantsPerKind(); tries++) {
                    Map<String, String> renaming = new HashMap<>();
                    Tree variant = kind.apply(tree, check.variables(), rng, renaming);
                    if (variant == null) {
                        break; // the kind does not apply to this formula
                    }
                    if (!seen.add(variant.prefix())) {
                        continue;
                    }
                    v++;
                    Expr variantExpr = variant.toExpr();
                    VariantCheck.Verdict verdict = check.check(variantExpr, renaming);
                    if (!verdict.ok()) {
                        dropped.add(new Dropped(f, kind, variantExpr, verdict.reason()));
                        continue;
                    }
                    Expr variantOutput;
                    try {
                        variantOutput = simplifier.apply(variantExpr);
                    } catch (RuntimeException e) {
                        comparisons.add(new Comparison(f, kind, variantExpr, output, null, e.toString()));
                        continue;
                    }
                    if (!renaming.isEmpty()) {
                        variantOutput = renameBack(variantOutput, renaming);
                    }
                    comparisons.add(new Comparison(f, kind, variantExpr, output, variantOutput, null));
                }
            }
        }
        return new Result(s, corpora, List.copyOf(formulas), List.copyOf(used), List.copyOf(comparisons),
                List.copyOf(dropped), List.copyOf(crashes));
    }

    private static Expr renameBack(Expr e, Map<String, String> renaming) {
        Map<String, String> back = new LinkedHashMap<>();
        renaming.forEach((from, to) -> back.put(to, from));
        return Tree.of(e).rename(back, e.variables()).toExpr();
    }

    /** One well-mixed seed from a run seed and a formula's index (SplitMix64's finalizer). */
    static long mix(long seed, long index) {
        long z = seed * 0x9E3779B97F4A7C15L + index + 0x632BE59BD9B4E019L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
