package dev.simplij.sr.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
        Set<String> names = new HashSet<>();
        for (Problem p : Problems.suite("all")) {
            assertTrue(names.add(p.name()), p.name());
            assertTrue(p.truth().variables().stream().allMatch(p.inputs()::contains), p.name());
            double[] y = p.target(p.sample(200, RandomSource.XO_RO_SHI_RO_128_PP.create(1L)));
            for (double v : y) {
                assertTrue(Double.isFinite(v), p.name() + " is undefined somewhere on its box");
            }
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
            SrBenchmark.Outcome o = SrBenchmark.solve(p, true, 30, 1, 3, 60);
            assertTrue(o.recovered(), p.name() + ": " + o.result().front());
        }
    }
}
