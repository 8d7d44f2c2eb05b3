package dev.simplij.canon;

import dev.simplij.canon.CanonReport.Tally;
import dev.simplij.canon.CanonicalizationBenchmark.Comparison;
import dev.simplij.canon.CanonicalizationBenchmark.Result;
import dev.simplij.canon.CanonicalizationBenchmark.Settings;
import dev.simplij.expr.Expr;
import dev.simplij.simplify.Simplifier;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A seeded slice of the canonicalization benchmark ({@code simplij canon-bench}): the report is
 * well-formed and reproducible, the rewrites keep values, and the agreement figures stay above
 * their floors. {@code -Dsimplij.seed=N} runs another slice (the floors are set for the default seed).
 */
class CanonicalizationBenchmarkTest {
    static final long SEED = Long.getLong("simplij.seed", 1L);
    static final Path IDENTITIES = Path.of("src/test/resources/corpus/identities.tsv");
    static final Path FEYNMAN = Path.of("../sr-integration/src/main/resources/dev/simplij/sr/data/feynman-style-test-set.csv");
    static final Settings SLICE = new Settings(SEED, 200, 3, 25, List.of(IDENTITIES, FEYNMAN), 2, 16);

    /*
     * Floors just below the figures measured on this slice at the default seed (session 11: 99.59%
     * of 4,369 variants agreeing, 96.14% of 259 formulas collapsing, issue-16 kinds 99.63%; session 7,
     * results written from their canonical form: 99.31%, 93.05%, 99.20%; stage 1, main c3350aa: 96.86%, 71.43%, 97.49%; main 9182df7
     * before it: 96.59%, 70.27%, 97.00%). A regression of the core fails here. The floors rise as the
     * core improves: raise them to just below each new measurement (issue 16's targets are 99% and
     * 97% on the full benchmark).
     */
    static final double AGREEMENT_FLOOR = 99.5;
    static final double COLLAPSE_FLOOR = 95.5;
    static final double ISSUE_KINDS_AGREEMENT_FLOOR = 99.5;

    private static Result result;
    private static CanonReport report;

    @BeforeAll
    static void runSlice() {
        result = CanonicalizationBenchmark.run(SLICE, Simplifier.standard());
        report = new CanonReport(result);
    }

    private static String where() {
        return "seed " + SEED + " (-Dsimplij.seed=" + SEED + "), " + report.overall();
    }

    @Test
    void agreementStaysAboveItsFloor() {
        Tally all = report.overall();
        System.out.printf("canon-bench slice, seed %d: %s of %d variants agree, %s of %d formulas collapse; issue-16 kinds %s%n",
                SEED, CanonReport.percent(all.agreement()), all.variants(), CanonReport.percent(all.collapse()),
                all.formulas(), CanonReport.percent(report.issueKinds().agreement()));
        assertTrue(all.agreement() >= AGREEMENT_FLOOR, () -> "variants agreeing below the floor " + AGREEMENT_FLOOR + "%: " + where());
        assertTrue(all.collapse() >= COLLAPSE_FLOOR, () -> "formulas collapsing below the floor " + COLLAPSE_FLOOR + "%: " + where());
        assertTrue(report.issueKinds().agreement() >= ISSUE_KINDS_AGREEMENT_FLOOR,
                () -> "issue-16 kinds agreeing below " + ISSUE_KINDS_AGREEMENT_FLOOR + "%: " + report.issueKinds() + ", " + where());
    }

    /** A documented guarantee of the simplifier: swapping operands of + and * never changes the output. */
    @Test
    void reorderedOperandsAlwaysAgree() {
        for (Comparison c : result.comparisons()) {
            if (c.kind() == Rewrite.REORDER) {
                assertTrue(c.agrees(), () -> where() + ": " + c);
            }
        }
    }

    @Test
    void reportIsWellFormed() {
        Tally all = report.overall();
        assertTrue(all.variants() > 3000 && all.formulas() > 250, where());
        int variants = 0;
        int formulas = 0;
        String md = report.markdown(10);
        assertTrue(md.startsWith("# Canonicalization benchmark\n"), md);
        for (String corpus : List.of("random", "identities.tsv", "feynman-style-test-set.csv")) {
            Tally t = report.corpus(corpus);
            assertTrue(t.variants() > 0 && t.agreeing() <= t.variants() && t.collapsing() <= t.formulas(), corpus + " " + t);
            assertTrue(md.contains(String.format(java.util.Locale.ROOT, "| %s | %d | %d | %s | %s |", corpus, t.formulas(),
                    t.variants(), CanonReport.percent(t.agreement()), CanonReport.percent(t.collapse()))), md);
            variants += t.variants();
            formulas += t.formulas();
        }
        assertEquals(all.variants(), variants, "corpora add up");
        assertEquals(all.formulas(), formulas, "corpora add up");
        int byKind = 0;
        for (Rewrite k : Rewrite.values()) {
            Tally t = report.kind(k);
            assertTrue(t.variants() > 0, () -> k.label + " made no variant: " + where());
            assertTrue(md.contains("| " + k.label + " | "), k.label);
            byKind += t.variants();
        }
        assertEquals(all.variants(), byKind, "kinds add up");
        assertTrue(md.contains("**Variants agreeing: " + CanonReport.percent(all.agreement()) + "**"), md);

        List<String> tsv = report.worstTsv().lines().toList();
        assertEquals(all.variants() - all.agreeing() + 1, tsv.size(), "one TSV line per disagreement and a header");
        for (String line : tsv.subList(1, tsv.size())) {
            String[] cells = line.split("\t", -1);
            assertEquals(11, cells.length, line);
            if (cells[8].startsWith("CRASH ")) {
                assertEquals("-1", cells[10], line);
                continue;
            }
            assertTrue(!cells[7].equals(cells[8]), line);
            assertEquals(Expr.parsePrefix(cells[7]).size(), Integer.parseInt(cells[9]), line);
            assertEquals(Expr.parsePrefix(cells[8]).size(), Integer.parseInt(cells[10]), line);
        }
    }

    /** The rewrites are exact: nearly every variant passes the value check (doubles may still overflow). */
    @Test
    void rewritesKeepValues() {
        assertTrue(result.dropped().size() * 200 < result.comparisons().size(), () -> "dropped " + result.dropped());
    }

    /** A simplifier that throws is reported, not fatal: its formulas are listed, its variants disagree. */
    @Test
    void crashesAreCountedNotFatal() {
        Simplifier standard = Simplifier.standard();
        Settings small = new Settings(SEED, 0, 3, 20, List.of(FEYNMAN), 1, 16);
        Result thrown = CanonicalizationBenchmark.runWith(small, e -> {
            if (e.toPrefix().contains("neg")) {
                throw new IllegalStateException("simulated");
            }
            return standard.simplify(e);
        });
        CanonReport report = new CanonReport(thrown);
        assertTrue(thrown.comparisons().stream().anyMatch(c -> c.crash() != null && !c.agrees()));
        assertTrue(report.markdown(5).contains("| the variant's simplification threw | "), report.markdown(5));
        assertTrue(report.worstTsv().contains("\tCRASH java.lang.IllegalStateException: simulated\t"));
    }

    @Test
    void sameSeedSameBytes() {
        Settings small = new Settings(SEED, 40, 3, 20, List.of(FEYNMAN), 2, 16);
        CanonReport a = new CanonReport(CanonicalizationBenchmark.run(small, Simplifier.standard()));
        CanonReport b = new CanonReport(CanonicalizationBenchmark.run(small, Simplifier.standard()));
        assertEquals(a.markdown(50), b.markdown(50));
        assertEquals(a.worstTsv(), b.worstTsv());
    }

    @Test
    void eachRewriteKindOnAnExample() {
        Map<Rewrite, String[]> cases = new java.util.LinkedHashMap<>();
        cases.put(Rewrite.REGROUP, new String[] {"+ + x1 x2 x3", "+ x1 + x2 x3"});
        cases.put(Rewrite.SUB_AS_NEG, new String[] {"- x1 x2", "+ x1 neg x2"});
        cases.put(Rewrite.SUB_AS_MINUS_ONE, new String[] {"- x1 x2", "+ x1 * -1 x2"});
        cases.put(Rewrite.SUB_SWAP, new String[] {"- x1 x2", "neg - x2 x1"});
        cases.put(Rewrite.NEG_AS_MINUS_ONE, new String[] {"neg x1", "* -1 x1"});
        cases.put(Rewrite.DIV_AS_POW, new String[] {"/ x1 x2", "* x1 pow x2 -1"});
        cases.put(Rewrite.DIV_AS_INV, new String[] {"/ x1 x2", "* x1 / 1 x2"});
        cases.put(Rewrite.QUOTIENT_SPLIT, new String[] {"/ + x1 x2 x3", "+ / x1 x3 / x2 x3"});
        cases.put(Rewrite.TWICE, new String[] {"* 2 x1", "+ x1 x1"});
        cases.put(Rewrite.POWER_AS_PRODUCT, new String[] {"pow3 x1", "* x1 pow2 x1"});
        cases.put(Rewrite.DISTRIBUTE, new String[] {"* x1 - x2 x3", "- * x1 x2 * x1 x3"});
        cases.put(Rewrite.EXP_SPLIT, new String[] {"exp - x1 x2", "/ exp x1 exp x2"});
        cases.put(Rewrite.PARITY, new String[] {"sin x1", "neg sin neg x1"});
        cases.put(Rewrite.NUMBER_SPLIT, new String[] {"0.25", "/ 1 4"});
        for (Map.Entry<Rewrite, String[]> c : cases.entrySet()) {
            Map<String, String> renaming = new HashMap<>();
            Tree out = c.getKey().apply(Tree.of(Expr.parsePrefix(c.getValue()[0])), List.of("x1", "x2", "x3"),
                    RandomSource.SPLIT_MIX_64.create(1L), renaming);
            assertEquals(c.getValue()[1], out.prefix(), c.getKey().label);
        }
        assertNull(Rewrite.EXP_SPLIT.apply(Tree.of(Expr.parsePrefix("sin x1")), List.of("x1"),
                RandomSource.SPLIT_MIX_64.create(1L), new HashMap<>()), "exp-split applies only to exp of a sum");
        Map<String, String> renaming = new HashMap<>();
        Tree renamed = Rewrite.RENAME.apply(Tree.of(Expr.parsePrefix("- x1 x2")), List.of("x1", "x2"),
                RandomSource.SPLIT_MIX_64.create(3L), renaming);
        assertEquals("- " + renaming.get("x1") + " " + renaming.get("x2"), renamed.prefix());
        // a renamed variant's output is compared up to the order of + and * operands, nothing more
        assertEquals(Tree.of(Expr.parsePrefix("+ * * x1 x2 x3 sin + x1 x2")).operandOrderForgotten(),
                Tree.of(Expr.parsePrefix("+ sin + x2 x1 * x2 * x3 x1")).operandOrderForgotten());
        assertTrue(!Tree.of(Expr.parsePrefix("- x1 x2")).operandOrderForgotten()
                .equals(Tree.of(Expr.parsePrefix("- x2 x1")).operandOrderForgotten()));
        assertTrue(!Tree.of(Expr.parsePrefix("* x1 + x2 x3")).operandOrderForgotten()
                .equals(Tree.of(Expr.parsePrefix("+ * x1 x2 x3")).operandOrderForgotten()));
    }
}
