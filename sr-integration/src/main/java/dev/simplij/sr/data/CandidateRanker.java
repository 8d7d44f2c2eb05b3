package dev.simplij.sr.data;

import dev.simplij.expr.Expr;
import dev.simplij.sr.Complexity;
import dev.simplij.sr.Normalizer;
import dev.simplij.sr.fit.ConstantFitter;
import dev.simplij.sr.fit.Dataset;
import dev.simplij.sr.fit.FitResult;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.IntStream;

/**
 * Post-processing of a model's candidate skeletons for one data set: parse (prefix or infix),
 * simplify in skeleton mode, merge candidates with the same canonical form, fit each form's
 * constants with the SR search's {@link ConstantFitter}, and rank them on the Pareto front of
 * complexity (node count) against loss, with PySR's score and model selection: the front entries
 * within 1.5 times the lowest loss compete on score, the highest score wins.
 *
 * <p>Immutable and thread-safe; the fit of the {@code i}-th distinct form draws from random stream
 * {@code (seed, i)}, so a ranking is reproducible.
 */
public final class CandidateRanker {
    /** PySR's tolerance: "best" considers equations within this factor of the lowest loss. */
    private static final double BEST_LOSS_FACTOR = 1.5;
    /** Losses below this fraction of the target's variance count as equal: rounding noise of exact fits. */
    private static final double RELATIVE_LOSS_FLOOR = 1e-24;

    /**
     * One distinct canonical form, fitted.
     *
     * @param inputs     how many candidate lines simplified to this form
     * @param firstLine  the 1-based line of the first of them
     * @param pareto     on the Pareto front (no simpler-or-equal form has a lower-or-equal loss)
     * @param selected   the one PySR's "best" rule picks
     */
    public record Ranked(Expr skeleton, double[] constants, Expr expression, int complexity, double loss,
                         double score, boolean pareto, boolean selected, int inputs, int firstLine) {
        /** SymPy syntax over the data's column names, constants at full precision. */
        public String sympy() {
            return expression.toInfix();
        }
    }

    /** A candidate line that could not be used, with the reason. */
    public record Rejected(int line, String text, String reason) {
    }

    /**
     * The ranking: {@code ranked} holds the Pareto front best first (the selected entry, then the
     * others by decreasing score), then, when asked for, the dominated forms by increasing loss.
     */
    public record Result(List<Ranked> ranked, List<Rejected> rejected, int candidates, int distinct) {
    }

    private final Normalizer normalizer;
    private final ConstantFitter fitter;
    private final long seed;
    private final Complexity complexity = Complexity.nodeCount();

    /**
     * @param normalizer the skeleton-mode simplifier
     * @param fitter     the constant fitter (the SR search's)
     */
    public CandidateRanker(Normalizer normalizer, ConstantFitter fitter, long seed) {
        this.normalizer = Objects.requireNonNull(normalizer, "normalizer");
        this.fitter = Objects.requireNonNull(fitter, "fitter");
        this.seed = seed;
    }

    /**
     * Ranks candidate lines (prefix or infix; blank lines and lines starting with {@code #} are
     * skipped).
     *
     * @param freeNumbers treat numeric literals in candidates as free constants to refit
     * @param all         keep the dominated forms too, after the front
     */
    public Result rank(Dataset data, List<String> lines, boolean freeNumbers, boolean all) {
        Map<Expr, int[]> forms = new LinkedHashMap<>(); // canonical form -> {inputs, first line}
        List<Rejected> rejected = new ArrayList<>();
        int candidates = 0;
        for (int i = 0; i < lines.size(); i++) {
            String text = lines.get(i).trim();
            if (text.isEmpty() || text.startsWith("#")) {
                continue;
            }
            candidates++;
            Expr e;
            try {
                e = parse(text);
            } catch (RuntimeException ex) {
                rejected.add(new Rejected(i + 1, text, "does not parse as prefix or infix: " + ex.getMessage()));
                continue;
            }
            List<String> unknown = new ArrayList<>(e.variables());
            unknown.removeAll(data.names());
            if (!unknown.isEmpty()) {
                rejected.add(new Rejected(i + 1, text, "variables " + unknown + " are not columns of the data " + data.names()));
                continue;
            }
            Expr canonical = normalizer.normalize(freeNumbers ? Skeletons.withFreeNumbers(e) : e);
            int line = i + 1;
            forms.computeIfAbsent(canonical, k -> new int[] {0, line})[0]++;
        }
        List<Map.Entry<Expr, int[]>> distinct = new ArrayList<>(forms.entrySet());
        Ranked[] fitted = new Ranked[distinct.size()];
        IntStream.range(0, distinct.size()).parallel().forEach(i -> {
            Expr skeleton = distinct.get(i).getKey();
            FitResult fit = fitter.fit(skeleton, data, null, Seeds.stream(seed, Seeds.FIT, i));
            double[] c = fit.constants();
            fitted[i] = new Ranked(skeleton, c, Skeletons.substitute(skeleton, c), complexity.of(skeleton), fit.loss(),
                    0, false, false, distinct.get(i).getValue()[0], distinct.get(i).getValue()[1]);
        });
        double floor = Math.max(RELATIVE_LOSS_FLOOR * data.targetVariance(), Double.MIN_NORMAL);
        return new Result(order(List.of(fitted), floor, all), rejected, candidates, distinct.size());
    }

    /** Prefix when the line reads as prefix, else infix (SymPy syntax). */
    static Expr parse(String text) {
        try {
            return Expr.parsePrefix(text);
        } catch (RuntimeException prefixError) {
            return Expr.parseInfix(text);
        }
    }

    /** Front, scores, selection and order; see {@link Result}. */
    static List<Ranked> order(List<Ranked> fitted, double floor, boolean all) {
        List<Ranked> byComplexity = new ArrayList<>(fitted);
        // Ties in complexity: lower loss first, then the canonical order, so the front is deterministic.
        byComplexity.sort(Comparator.comparingInt(Ranked::complexity).thenComparingDouble(Ranked::loss)
                .thenComparing(Ranked::skeleton, dev.simplij.expr.ExprOrder::compare));
        List<Ranked> front = new ArrayList<>();
        List<Ranked> dominated = new ArrayList<>();
        double bestLoss = Double.POSITIVE_INFINITY;
        for (Ranked r : byComplexity) {
            double l = Math.max(r.loss(), floor);
            if (l < bestLoss) {
                front.add(r);
                bestLoss = l;
            } else {
                dominated.add(r);
            }
        }
        // PySR's score: the drop of log-loss per unit of complexity from the previous front entry.
        List<Ranked> scored = new ArrayList<>();
        double minLoss = Double.POSITIVE_INFINITY;
        for (int i = 0; i < front.size(); i++) {
            Ranked cur = front.get(i);
            double s = 0;
            if (i > 0) {
                Ranked prev = front.get(i - 1);
                double drop = Math.log(Math.max(prev.loss(), floor)) - Math.log(Math.max(cur.loss(), floor));
                s = Math.max(0, drop / (cur.complexity() - prev.complexity()));
            }
            scored.add(with(cur, s, true, false));
            minLoss = Math.min(minLoss, Math.max(cur.loss(), floor));
        }
        int chosen = -1;
        for (int i = 0; i < scored.size(); i++) {
            Ranked r = scored.get(i);
            if (Math.max(r.loss(), floor) <= BEST_LOSS_FACTOR * minLoss && (chosen < 0 || r.score() > scored.get(chosen).score())) {
                chosen = i;
            }
        }
        List<Ranked> out = new ArrayList<>();
        if (chosen >= 0) {
            Ranked c = scored.get(chosen);
            out.add(with(c, c.score(), true, true));
            List<Ranked> rest = new ArrayList<>(scored);
            rest.remove(chosen);
            rest.sort(Comparator.comparingDouble(Ranked::score).reversed().thenComparingInt(Ranked::complexity));
            out.addAll(rest);
        }
        if (all) {
            dominated.sort(Comparator.comparingDouble(Ranked::loss).thenComparingInt(Ranked::complexity));
            out.addAll(dominated);
        }
        return out;
    }

    private static Ranked with(Ranked r, double score, boolean pareto, boolean selected) {
        return new Ranked(r.skeleton(), r.constants(), r.expression(), r.complexity(), r.loss(), score, pareto, selected,
                r.inputs(), r.firstLine());
    }

    /** Writes the ranked forms, best first, as CSV with a header. */
    public static void writeCsv(Path file, List<Ranked> ranked) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("rank,complexity,loss,score,selected,pareto,sympy,skeleton,prefix,inputs,first_line\n");
            int rank = 1;
            for (Ranked r : ranked) {
                w.write(rank++ + "," + r.complexity() + "," + r.loss() + "," + r.score() + "," + r.selected() + ","
                        + r.pareto() + "," + Csv.quote(r.sympy()) + "," + Csv.quote(r.skeleton().toInfix()) + ","
                        + Csv.quote(r.expression().toPrefix()) + "," + r.inputs() + "," + r.firstLine() + "\n");
            }
        }
    }
}
