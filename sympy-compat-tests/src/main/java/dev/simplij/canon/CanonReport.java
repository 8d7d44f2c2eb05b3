package dev.simplij.canon;

import dev.simplij.canon.CanonicalizationBenchmark.Comparison;
import dev.simplij.canon.CanonicalizationBenchmark.Dropped;
import dev.simplij.canon.CanonicalizationBenchmark.Result;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The benchmark's figures and its Markdown report: the share of variants whose output is the
 * formula's and the share of formulas whose variants all collapse to one output, overall, by corpus
 * and by rewrite kind; disagreements by outcome; variants dropped by the value check; the worst
 * examples (also written whole as TSV by {@link #worstTsv}). No times or dates: the same result
 * renders to the same bytes.
 */
final class CanonReport {
    /** Counts of one slice of the comparisons. */
    record Tally(int variants, int agreeing, int formulas, int collapsing) {
        double agreement() {
            return variants == 0 ? Double.NaN : 100.0 * agreeing / variants;
        }

        double collapse() {
            return formulas == 0 ? Double.NaN : 100.0 * collapsing / formulas;
        }
    }

    /** The kinds issue 16 measured its baseline with (96% agreeing, 84% collapsing), for a like-for-like figure. */
    static final Set<Rewrite> ISSUE_KINDS = EnumSet.of(Rewrite.REORDER, Rewrite.REGROUP, Rewrite.SUB_AS_NEG,
            Rewrite.SUB_AS_MINUS_ONE, Rewrite.DIV_AS_POW, Rewrite.DIV_AS_INV, Rewrite.TWICE, Rewrite.POWER_AS_PRODUCT,
            Rewrite.DISTRIBUTE, Rewrite.EXP_SPLIT, Rewrite.CANCEL_INSERTED);

    /** What a disagreement looks like, told from the two outputs' tokens. */
    enum Outcome {
        CRASH("the variant's simplification threw"),
        ORDER("the same tokens in another order (operands, grouping, or where a neg sits)"),
        SIGNS("the same apart from signs (neg, -1, + and -)"),
        SAME_LENGTH("the same length, another arrangement"),
        LONGER("the variant's output longer"),
        SHORTER("the variant's output shorter (the formula's own output missed a simplification)");

        final String description;

        Outcome(String description) {
            this.description = description;
        }

        static Outcome of(Comparison c) {
            if (c.crash() != null) {
                return CRASH;
            }
            List<String> a = c.originalOutput().tokens();
            List<String> b = c.variantOutput().tokens();
            if (sorted(a, false).equals(sorted(b, false))) {
                return ORDER;
            }
            if (sorted(a, true).equals(sorted(b, true))) {
                return SIGNS;
            }
            return a.size() == b.size() ? SAME_LENGTH : b.size() > a.size() ? LONGER : SHORTER;
        }

        private static List<String> sorted(List<String> tokens, boolean withoutSigns) {
            return tokens.stream().filter(t -> !withoutSigns || !Set.of("neg", "-1", "+", "-").contains(t)).sorted().toList();
        }
    }

    private final Result result;

    CanonReport(Result result) {
        this.result = result;
    }

    /** All comparisons. */
    Tally overall() {
        return tally(c -> true);
    }

    Tally corpus(String name) {
        return tally(c -> result.formulas().get(c.formula()).corpus().equals(name));
    }

    /** Variants of the kinds issue 16 measured with. */
    Tally issueKinds() {
        return tally(c -> ISSUE_KINDS.contains(c.kind()));
    }

    /** Variants of one kind; a formula collapses for the kind when all its variants of that kind agree. */
    Tally kind(Rewrite kind) {
        return tally(c -> c.kind() == kind);
    }

    private Tally tally(Predicate<Comparison> which) {
        int variants = 0;
        int agreeing = 0;
        Map<Integer, Boolean> formulas = new LinkedHashMap<>();
        for (Comparison c : result.comparisons()) {
            if (!which.test(c)) {
                continue;
            }
            variants++;
            boolean agrees = c.agrees();
            if (agrees) {
                agreeing++;
            }
            formulas.merge(c.formula(), agrees, Boolean::logicalAnd);
        }
        int collapsing = (int) formulas.values().stream().filter(b -> b).count();
        return new Tally(variants, agreeing, formulas.size(), collapsing);
    }

    /** Disagreements, worst first: largest length difference, then shorter outputs, then run order. */
    List<Comparison> worst() {
        List<Comparison> out = new ArrayList<>();
        for (Comparison c : result.comparisons()) {
            if (!c.agrees()) {
                out.add(c);
            }
        }
        out.sort(Comparator.comparingInt((Comparison c) -> -Math.abs(c.variantOutputSize() - c.originalOutput().size()))
                .thenComparingInt(c -> c.originalOutput().size() + c.variantOutputSize())
                .thenComparingInt(Comparison::formula)
                .thenComparing(Comparison::kind));
        return out;
    }

    String markdown(int examples) {
        StringBuilder b = new StringBuilder();
        CanonicalizationBenchmark.Settings s = result.settings();
        b.append("# Canonicalization benchmark\n\n");
        b.append(String.format(Locale.ROOT, "Seed %d; %d random formulas of %d-%d tokens; corpora: %s; up to %d variants per "
                        + "formula and rewrite kind; %d points per formula for the value check.%n%n",
                s.seed(), s.randomFormulas(), s.minSize(), s.maxSize(),
                s.corpora().isEmpty() ? "none" : String.join(", ", s.corpora().stream().map(Object::toString).toList()),
                s.variantsPerKind(), s.points()));
        Tally all = overall();
        long undefined = result.used().stream().filter(u -> !u).count() - result.crashes().size();
        long crashedVariants = result.comparisons().stream().filter(c -> c.crash() != null).count();
        b.append(String.format(Locale.ROOT, "**Variants agreeing: %s** (%d of %d); **formulas collapsing: %s** (%d of %d). "
                        + "%d formulas read, %d not used (defined at fewer than %d of their points), %d whose simplification "
                        + "threw; %d variants dropped by the value check, %d whose simplification threw (counted as "
                        + "disagreeing).%n%n",
                percent(all.agreement()), all.agreeing(), all.variants(), percent(all.collapse()), all.collapsing(),
                all.formulas(), result.formulas().size(), undefined, CanonicalizationBenchmark.MIN_DEFINED_POINTS,
                result.crashes().size(), result.dropped().size(), crashedVariants));
        Tally issue = issueKinds();
        b.append(String.format(Locale.ROOT, "With the rewrite kinds of issue 16's baseline only (%s): %s of variants "
                        + "agreeing, %s of formulas collapsing.%n%n",
                String.join(", ", ISSUE_KINDS.stream().map(k -> k.label).toList()), percent(issue.agreement()),
                percent(issue.collapse())));

        b.append("## By corpus\n\n| corpus | formulas | variants | variants agreeing | formulas collapsing |\n|---|---:|---:|---:|---:|\n");
        for (String corpus : result.corpora()) {
            Tally t = corpus(corpus);
            b.append(String.format(Locale.ROOT, "| %s | %d | %d | %s | %s |%n", corpus, t.formulas(), t.variants(),
                    percent(t.agreement()), percent(t.collapse())));
        }
        b.append(String.format(Locale.ROOT, "| all | %d | %d | %s | %s |%n%n", all.formulas(), all.variants(),
                percent(all.agreement()), percent(all.collapse())));

        b.append("## By rewrite kind\n\nA formula collapses for a kind when all its variants of that kind agree.\n\n");
        b.append("| kind | rewrite | variants | agreeing | formulas | collapsing | dropped |\n|---|---|---:|---:|---:|---:|---:|\n");
        Map<Rewrite, Integer> droppedByKind = new EnumMap<>(Rewrite.class);
        for (Dropped d : result.dropped()) {
            droppedByKind.merge(d.kind(), 1, Integer::sum);
        }
        for (Rewrite k : Rewrite.values()) {
            Tally t = kind(k);
            b.append(String.format(Locale.ROOT, "| %s | %s | %d | %s | %d | %s | %d |%n", k.label,
                    k.description.replace("|", "\\|"), t.variants(), percent(t.agreement()), t.formulas(),
                    percent(t.collapse()), droppedByKind.getOrDefault(k, 0)));
        }

        List<Comparison> worst = worst();
        b.append("\n## Disagreements by outcome\n\nWith the shortest example of each (formula, variant: the two outputs).\n\n"
                + "| outcome | variants | example |\n|---|---:|---|\n");
        for (Outcome o : Outcome.values()) {
            List<Comparison> these = worst.stream().filter(c -> Outcome.of(c) == o).toList();
            String example = these.stream()
                    .min(Comparator.comparingInt((Comparison c) -> c.variant().size() + result.formulas().get(c.formula()).expr().size())
                            .thenComparingInt(Comparison::formula).thenComparing(Comparison::kind))
                    .map(c -> String.format(Locale.ROOT, "%s: `%s`, `%s`: `%s`, `%s`", c.kind().label,
                            result.formulas().get(c.formula()).expr().toInfix(), c.variant().toInfix(),
                            c.originalOutput().toInfix(), c.variantOutputInfix()))
                    .orElse("");
            b.append(String.format(Locale.ROOT, "| %s | %d | %s |%n", o.description, these.size(), example));
        }

        b.append(String.format(Locale.ROOT, "%n## The %d worst disagreements%n%n"
                + "| corpus | id | kind | formula | variant | formula's output | variant's output |%n|---|---|---|---|---|---|---|%n",
                Math.min(examples, worst.size())));
        for (Comparison c : worst.subList(0, Math.min(examples, worst.size()))) {
            Formula f = result.formulas().get(c.formula());
            b.append(String.format(Locale.ROOT, "| %s | %s | %s | `%s` | `%s` | `%s` | `%s` |%n", f.corpus(), f.id(), c.kind().label,
                    f.expr().toInfix(), c.variant().toInfix(), c.originalOutput().toInfix(), c.variantOutputInfix()));
        }

        if (!result.crashes().isEmpty()) {
            b.append(String.format(Locale.ROOT, "%n## Formulas whose simplification threw (%d, not used)%n%n",
                    result.crashes().size()));
            for (String crash : result.crashes()) {
                b.append("- ").append(crash).append('\n');
            }
        }
        if (!result.dropped().isEmpty()) {
            b.append("\n## Variants dropped by the value check (first 10)\n\n");
            for (Dropped d : result.dropped().subList(0, Math.min(10, result.dropped().size()))) {
                Formula f = result.formulas().get(d.formula());
                b.append(String.format(Locale.ROOT, "- %s %s, %s: `%s` -> `%s`: %s%n", f.corpus(), f.id(), d.kind().label,
                        f.expr().toInfix(), d.variant().toInfix(), d.reason()));
            }
        }
        return b.toString();
    }

    /** Every disagreement, worst first, one per line, tab-separated, with a header line. */
    String worstTsv() {
        StringBuilder b = new StringBuilder("corpus\tid\tkind\tformula\tvariant\tformula_output\tvariant_output"
                + "\tformula_output_prefix\tvariant_output_prefix\tformula_output_len\tvariant_output_len\n");
        for (Comparison c : worst()) {
            Formula f = result.formulas().get(c.formula());
            b.append(String.join("\t", f.corpus(), f.id(), c.kind().label, f.expr().toInfix(), c.variant().toInfix(),
                    c.originalOutput().toInfix(), c.variantOutputInfix(), c.originalOutput().toPrefix(),
                    c.variantOutputPrefix(), Integer.toString(c.originalOutput().size()),
                    c.crash() != null ? "-1" : Integer.toString(c.variantOutput().size()))).append('\n');
        }
        return b.toString();
    }

    static String percent(double p) {
        return Double.isNaN(p) ? "-" : String.format(Locale.ROOT, "%.2f%%", p);
    }
}
