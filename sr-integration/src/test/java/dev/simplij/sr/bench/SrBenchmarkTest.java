package dev.simplij.sr.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.simplij.expr.Expr;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;

class SrBenchmarkTest {
    @Test
    void suitesAreWellFormed() {
        assertEquals(8, Problems.nguyen().size());
        assertEquals(2, Problems.neuralOde().size());
        assertEquals(20, Problems.feynman().size());
        assertEquals(12, Problems.physics().size());
        Set<String> names = new HashSet<>();
        List<Problem> problems = new java.util.ArrayList<>(Problems.suite("all"));
        problems.addAll(Problems.suite("physics"));
        for (Problem p : problems) {
            assertTrue(names.add(p.name()), p.name());
            assertTrue(p.truth().variables().stream().allMatch(p.inputs()::contains), p.name());
            double[] y = p.target(p.sample(200, RandomSource.XO_RO_SHI_RO_128_PP.create(1L)));
            for (double v : y) {
                assertTrue(Double.isFinite(v), p.name() + " is undefined somewhere on its box");
            }
        }
    }

    @Test
    void physicsFormulasCarryConstantsFarFromOne() {
        for (Problem p : Problems.physics()) {
            double farthest = 0;
            Expr truth = p.truth();
            for (int i = 0; i < truth.size(); i++) {
                if (truth.kind(i) == dev.simplij.expr.NodeKind.NUMBER) {
                    farthest = Math.max(farthest, Math.abs(Math.log10(Math.abs(truth.number(i)))));
                }
            }
            assertTrue(farthest >= 8, p.name() + " has no constant 8 orders of magnitude from 1");
        }
    }

    @Test
    void truthSkeletonTurnsNumbersIntoConstants() {
        Problem p = Problems.suite("feynman").stream().filter(q -> q.name().equals("II.3.24")).findFirst().orElseThrow();
        Expr skeleton = SrBenchmark.truthSkeleton(p);
        assertTrue(skeleton.constantCount() >= 1, skeleton.toString());
        assertTrue(skeleton.toPrefix().indexOf("pi") < 0, skeleton.toString());
    }

    @Test
    void smallSeededRunsRecoverEasyProblems() {
        for (Problem p : List.of(Problems.neuralOde().get(0), Problems.feynman().get(2))) {
            SrBenchmark.Outcome o = SrBenchmark.solve(p, true, new SrBenchmark.Budget(30, Double.POSITIVE_INFINITY), 1, 3, 60);
            assertTrue(o.recovered(), p.name() + ": " + o.result().front());
        }
    }

    @Test
    void spreadIsMedianAndRangeWithUnrecoveredRunsAboveTheBudget() {
        assertEquals("2.0 [1.0 - 5.0]", SrBenchmark.spread(new double[] {5, 1, 2}, "%.1f"));
        assertEquals("3.5 [1.0 - > budget]", SrBenchmark.spread(new double[] {1, 3, 4, Double.POSITIVE_INFINITY}, "%.1f"));
        assertEquals("> budget [1.0 - > budget]",
                SrBenchmark.spread(new double[] {1, Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY}, "%.1f"));
        assertEquals("7", SrBenchmark.spread(new double[] {7, 7}, "%.0f"));
    }

    @Test
    void onlyKeepsTheSuitesOrderAndRefusesANameNotInIt() {
        assertEquals(List.of("Nguyen-2", "Nguyen-8"),
                SrBenchmark.only(Problems.suite("nguyen"), List.of("Nguyen-8", "Nguyen-2")).stream().map(Problem::name).toList());
        IllegalArgumentException miscased = assertThrows(IllegalArgumentException.class,
                () -> SrBenchmark.only(Problems.suite("nguyen"), List.of("nguyen-1")));
        assertTrue(miscased.getMessage().startsWith("--only: no problem 'nguyen-1' in this suite; valid names: Nguyen-1, "),
                miscased.getMessage());
    }

    @Test
    void theProblemListNamesEverySuite() {
        String list = SrBenchmark.problemList();
        assertTrue(list.startsWith("  nguyen   Nguyen-1, Nguyen-2,") && list.contains("\n  node     dx/dt, dy/dt\n")
                && list.contains("\n  feynman  I.6.2a, ") && list.contains("\n  feynman-full  120 equations, "), list);
        assertTrue(list.lines().allMatch(l -> l.length() <= SrBenchmark.PROBLEM_LIST_WIDTH), list);
        assertTrue(list.contains("\n           I.") && list.contains(" II.38.14\n"),
                "the Feynman names go on over more lines, aligned: " + list);
    }
}
