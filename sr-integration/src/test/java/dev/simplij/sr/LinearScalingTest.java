package dev.simplij.sr;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.simplij.sr.fit.Dataset;
import dev.simplij.sr.fit.LinearScaling;
import java.util.List;
import org.junit.jupiter.api.Test;

class LinearScalingTest {
    @Test
    void offsetAndScaleInClosedForm() {
        double[] p = {1, 2, 3, 4};
        double[] y = {5, 7, 9, 11};
        assertArrayEquals(new double[] {3, 2}, LinearScaling.offsetAndScale(p, y, null), 1e-12);
        assertArrayEquals(new double[] {2.5, 0}, LinearScaling.offsetAndScale(new double[] {1, 1}, new double[] {2, 3}, null),
                1e-12, "a constant prediction: the mean, no scale");
        double[] weighted = LinearScaling.offsetAndScale(new double[] {0, 1, 2}, new double[] {0, 1, 100}, new double[] {1, 1, 0});
        assertArrayEquals(new double[] {0, 1}, weighted, 1e-12, "a row of weight 0 does not count");
    }

    /** Newton's gravity with G = 6.674e-11 and an offset of 3: far from 1, the scale a search's constants start at. */
    @Test
    void aShapeWithoutConstantsFitsAScaleFarFromOne() {
        Dataset data = SearchTest.box(4, 50, List.of("m1", "m2", "r"), 1, 5, r -> 3 + 6.674e-11 * r[0] * r[1] / (r[2] * r[2]));
        SymbolicRegression.Builder b = SymbolicRegression.builder().seed(1).populations(2).populationSize(10).maxIterations(0)
                .guesses("m1*m2/r**2");
        Equation scaled = b.linearScaling(true).build().fit(data).mostAccurate();
        assertTrue(scaled.loss() <= 0x1p-23 * data.targetVariance(), scaled.sympy() + " " + scaled.loss());
        double[] at = scaled.predict(new double[][] {{2, 3, 4}});
        assertEquals(3 + 6.674e-11 * 6 / 16, at[0], 1e-9, scaled.sympy());
        Equation unscaled = b.linearScaling(false).build().fit(data).mostAccurate();
        assertTrue(unscaled.loss() > 1e-6 * data.targetVariance(), "without scaling the shape alone cannot fit: "
                + unscaled.sympy());
        Units units = Units.parse("r=m", List.of("m1", "m2", "r"), "y", false);
        assertThrows(IllegalArgumentException.class, () -> b.linearScaling(true).units(units, 1000).build().fit(data));
    }

    /** The scaled form is longer than the search's candidates: the front may exceed the maximum complexity by it. */
    @Test
    void aScaledFormMayBeLongerThanTheMaximumComplexity() {
        Dataset data = SearchTest.box(6, 40, List.of("a", "b"), 1, 2, r -> 7 + 3 * r[0] * r[1]);
        SearchResult r = SymbolicRegression.builder().seed(2).populations(2).populationSize(10).maxIterations(2)
                .constraints(Constraints.of(3, 3)).guesses("a*b").linearScaling(true).build().fit(data);
        Equation best = r.mostAccurate();
        assertTrue(best.complexity() > 3, best.sympy());
        assertEquals(7 + 3 * 2, best.predict(new double[][] {{1, 2}})[0], 1e-9, best.sympy());
    }
}
