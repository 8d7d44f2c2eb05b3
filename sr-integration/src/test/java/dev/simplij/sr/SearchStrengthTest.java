package dev.simplij.sr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.simplij.expr.Expr;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;

/** SymbolicRegression.jl's selection, adaptive parsimony and mutations, as taken over by the search. */
class SearchStrengthTest {
    private final Mutator mutator = new Mutator(OperatorSet.parse("+,-,*,/,sin,exp"), List.of("x", "y"));

    private static Candidate candidate(String prefix) {
        return LiteralCleanup.literals(Expr.parsePrefix(prefix));
    }

    @Test
    void rotationMovesAnOperandOfThePivotAndCarriesTheConstants() {
        Candidate c = candidate("+ * 2 x 3");                   // 2*x + 3: only + has an operator operand
        Map<String, Integer> seen = new HashMap<>();
        for (long seed = 0; seed < 200; seed++) {
            Candidate r = Mutator.rotate(c, RandomSource.XO_RO_SHI_RO_128_PP.create(seed));
            assertEquals(c.size(), r.size());
            seen.merge(r.concrete().toPrefix(), 1, Integer::sum);
        }
        // (2 + 3)*x or 2*(x + 3), each about half of the time
        assertEquals(Map.of("* + 2 3 x", seen.get("* + 2 3 x"), "* 2 + x 3", seen.get("* 2 + x 3")), seen);
        assertTrue(seen.get("* + 2 3 x") > 60 && seen.get("* 2 + x 3") > 60, seen.toString());
        // a unary root: sin(x*y) -> sin(x)*y or x*sin(y)
        Candidate r = Mutator.rotate(candidate("sin * x y"), RandomSource.XO_RO_SHI_RO_128_PP.create(1L));
        assertTrue(List.of("* sin x y", "* x sin y").contains(r.concrete().toPrefix()), r.concrete().toPrefix());
        assertNull(Mutator.rotate(candidate("+ x 3"), RandomSource.XO_RO_SHI_RO_128_PP.create(1L)));
    }

    @Test
    void mutationsAreDrawnByTheirWeightsAmongThoseThatApply() {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(5L);
        Candidate tree = candidate("+ * 2 x sin y");
        int draws = 200_000;
        Map<Mutator.Kind, Integer> counts = new EnumMap<>(Mutator.Kind.class);
        for (int i = 0; i < draws; i++) {
            counts.merge(mutator.drawKind(tree, false, rng), 1, Integer::sum);
        }
        double total = 0;
        for (Mutator.Kind k : Mutator.Kind.values()) {
            total += k.defaultWeight;
        }
        for (Mutator.Kind k : Mutator.Kind.values()) {
            double expected = draws * k.defaultWeight / total;
            int got = counts.getOrDefault(k, 0);
            assertTrue(Math.abs(got - expected) <= 5 * Math.sqrt(expected) + 1, k + ": " + got + " drawn, " + expected + " expected");
        }
        for (int i = 0; i < 20_000; i++) {
            Mutator.Kind leaf = mutator.drawKind(candidate("x"), false, rng);
            assertTrue(leaf != Mutator.Kind.ROTATE_TREE && leaf != Mutator.Kind.CHANGE_OPERATOR
                    && leaf != Mutator.Kind.SWAP_OPERANDS && leaf != Mutator.Kind.SIMPLIFY
                    && leaf != Mutator.Kind.PERTURB_CONSTANT, leaf.toString());
            Mutator.Kind full = mutator.drawKind(tree, true, rng);
            assertTrue(full != Mutator.Kind.ADD_NODE && full != Mutator.Kind.INSERT_NODE, full.toString());
        }
    }

    @Test
    void tournamentRanksFollowTheCutGeometricLaw() {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(9L);
        int n = 4;
        double p = 0.5;
        int draws = 100_000;
        int[] counts = new int[n];
        for (int i = 0; i < draws; i++) {
            counts[Island.rankDrawn(n, p, rng)]++;
        }
        double norm = 1 - Math.pow(1 - p, n);
        for (int k = 0; k < n; k++) {
            double expected = draws * p * Math.pow(1 - p, k) / norm;    // 53.3%, 26.7%, 13.3%, 6.7%
            assertTrue(Math.abs(counts[k] - expected) <= 5 * Math.sqrt(expected), k + ": " + counts[k] + " vs " + expected);
        }
        int best = 0;
        for (int i = 0; i < draws; i++) {
            best += Island.rankDrawn(15, 0.982, rng) == 0 ? 1 : 0;
        }
        assertEquals(0.982, best / (double) draws, 0.002);
        for (int i = 0; i < 1000; i++) {
            int uniform = Island.rankDrawn(3, 0, rng);
            assertTrue(uniform >= 0 && uniform < 3);
        }
    }

    @Test
    void theDefaultTournamentWeighsFitSizeAndCrowdingTogether() {
        // a member of complexity 9 with a tenth of the relative loss of one of complexity 10, whose complexity is
        // rarer by one point of frequency (3 of 8 x 40 members): at the defaults the fit decides; at PySR 1.x's 0 and
        // 1040 crowding does (README, "The relativistic-mass regression")
        Settings defaults = new Settings();
        double better = Island.logAdjustedScore(0.01, 9, 0.06, defaults.parsimony, defaults.adaptiveParsimony);
        double rarer = Island.logAdjustedScore(0.1, 10, 0.05, defaults.parsimony, defaults.adaptiveParsimony);
        assertTrue(better < rarer, better + " vs " + rarer);
        assertTrue(Island.logAdjustedScore(0.01, 9, 0.06, 0, 1040) > Island.logAdjustedScore(0.1, 10, 0.05, 0, 1040));
        // a short form at a thousandth of the constant model's loss beats a long approximation at 1e-8 at the same
        // frequency: the fixed parsimony floors the score; without it the log of the loss lets the approximation win
        double shortForm = Island.logAdjustedScore(1e-3, 9, 0.05, defaults.parsimony, defaults.adaptiveParsimony);
        double longForm = Island.logAdjustedScore(1e-8, 25, 0.05, defaults.parsimony, defaults.adaptiveParsimony);
        assertTrue(shortForm < longForm, shortForm + " vs " + longForm);
        assertTrue(Island.logAdjustedScore(1e-3, 9, 0.05, 0, 1040) > Island.logAdjustedScore(1e-8, 25, 0.05, 0, 1040));
        // and without adaptive scaling the score is the log of the relative loss plus the fixed parsimony
        assertEquals(Math.log(0.01 + 0.0032 * 9), Island.logAdjustedScore(0.01, 9, 0.06, 0.0032, 0), 1e-12);
    }

    @Test
    void complexityFrequenciesMoveTheirWindowWithoutGoingBelowOne() {
        ComplexityFrequencies f = new ComplexityFrequencies(4, 40);
        assertEquals(0.25, f.of(3, 0), 1e-12);                    // every complexity starts at a count of 1
        assertEquals(7, f.of(5, 7), 0);                           // above the maximum: the caller's value
        for (int i = 0; i < 100; i++) {
            f.add(2);
        }
        assertEquals(0.25, f.of(2, 0), 1e-12);                    // not seen before the update
        f.update();                                               // counts 1, 101, 1, 1: 64 over the window of 40
        assertEquals(37 / 40.0, f.of(2, 0), 1e-12);
        assertEquals(1 / 40.0, f.of(1, 0), 1e-12);
        for (int i = 0; i < 30; i++) {
            f.add(3);
        }
        f.update();                                               // 1, 37, 31, 1: 30 over; 15 each from 2 and 3
        assertEquals(22 / 40.0, f.of(2, 0), 1e-12);
        assertEquals(16 / 40.0, f.of(3, 0), 1e-12);
        for (int i = 0; i < 200; i++) {
            f.add(2);
        }
        f.update();                                               // 1, 222, 16, 1: 3 would go below 1, so stops at 1
        assertEquals(1 / 40.0, f.of(3, 0), 1e-12);
        assertEquals(37 / 40.0, f.of(2, 0), 1e-12);
    }
}
