package dev.simplij.sr.fit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.simplij.expr.Expr;
import java.util.List;
import java.util.function.DoubleBinaryOperator;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;

class ConstantFitterTest {
    private static Dataset data(long seed, DoubleBinaryOperator f) {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
        double[][] x = new double[60][2];
        double[] y = new double[60];
        for (int i = 0; i < x.length; i++) {
            x[i][0] = rng.nextDouble(-2, 2);
            x[i][1] = rng.nextDouble(0.5, 2);
            y[i] = f.applyAsDouble(x[i][0], x[i][1]);
        }
        return Dataset.of(x, y, List.of("x", "y"));
    }

    @Test
    void levenbergMarquardtRecoversConstants() {
        Dataset d = data(1, (x, y) -> 1.7 * Math.sin(x) - 0.3 / y);
        FitResult r = ConstantFitter.standard().fit(Expr.parseInfix("<constant>*sin(x) + <constant>/y"), d, null,
                RandomSource.XO_RO_SHI_RO_128_PP.create(5L));
        assertArrayEquals(new double[] {1.7, -0.3}, r.constants(), 1e-9);
        assertTrue(r.loss() < 1e-20, "loss " + r.loss());
        assertTrue(r.evaluations() > 1);
    }

    @Test
    void restartsEscapeABadStart() {
        // exp(c*x) from c = -5 with a pole-free but flat start: the restarts find c = 0.8.
        Dataset d = data(2, (x, y) -> Math.exp(0.8 * x) + y);
        ConstantFitter fitter = ConstantFitter.builder().restarts(6).build();
        FitResult r = fitter.fit(Expr.parseInfix("exp(<constant>*x) + y"), d, new double[] {-5},
                RandomSource.XO_RO_SHI_RO_128_PP.create(3L));
        assertEquals(0.8, r.constants()[0], 1e-8);
    }

    /** Relativistic addition of speeds u, v in [1e7, 2e8] m/s: (u + v)/(1 + u*v/c**2), 1/c**2 = 1.1e-17. */
    private static Dataset speeds(long seed) {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
        double[][] x = new double[100][2];
        double[] y = new double[100];
        for (int i = 0; i < x.length; i++) {
            x[i][0] = rng.nextDouble(1e7, 2e8);
            x[i][1] = rng.nextDouble(1e7, 2e8);
            y[i] = (x[i][0] + x[i][1]) / (1 + x[i][0] * x[i][1] / (2.998e8 * 2.998e8));
        }
        return Dataset.of(x, y, List.of("u", "v"));
    }

    private static final Expr SPEEDS = Expr.parseInfix("(u + v)/(1 + <constant>*u*v)");
    private static final double INVERSE_C_SQUARED = 1 / (2.998e8 * 2.998e8);

    @Test
    void logScaleRestartsReachAConstantSeventeenOrdersOfMagnitudeFromOne() {
        int plain = 0;
        int logScale = 0;
        for (long seed = 1; seed <= 10; seed++) {
            Dataset d = speeds(seed);
            FitResult p = ConstantFitter.builder().restarts(3).build().fit(SPEEDS, d, null,
                    RandomSource.XO_RO_SHI_RO_128_PP.create(seed));
            FitResult l = ConstantFitter.builder().restarts(3).logScaleRestarts(true).build().fit(SPEEDS, d, null,
                    RandomSource.XO_RO_SHI_RO_128_PP.create(seed));
            plain += Math.abs(p.constants()[0] / INVERSE_C_SQUARED - 1) < 1e-9 ? 1 : 0;
            if (Math.abs(l.constants()[0] / INVERSE_C_SQUARED - 1) < 1e-9) {
                logScale++;
                assertTrue(l.loss() < 1e-20 * d.targetVariance(), "seed " + seed + ": loss " + l.loss());
            }
        }
        // from a start of 1, restarts perturbed or fresh around 1 never get there (0 of 10 seeds); one
        // log-scale restart of 16 screened draws does in 7 of 10
        assertTrue(logScale >= 5 && logScale > plain, "log-scale " + logScale + " of 10, plain " + plain);
    }

    @Test
    void forwardDifferenceStepsAreRelativeToTheConstant() {
        // m0/sqrt(1 - c*v**2), v in [1e7, 2.5e8], from c = 1e-18: a step of 1.5e-8 (absolute) makes every
        // square root undefined, so the Jacobian would be 0; a step of 1.5e-8 times c is a derivative
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(6L);
        double[][] x = new double[80][2];
        double[] y = new double[80];
        for (int i = 0; i < x.length; i++) {
            x[i][0] = rng.nextDouble(1, 5);
            x[i][1] = rng.nextDouble(1e7, 2.5e8);
            y[i] = x[i][0] / Math.sqrt(1 - x[i][1] * x[i][1] * INVERSE_C_SQUARED);
        }
        FitResult r = ConstantFitter.builder().restarts(0).build().fit(Expr.parseInfix("m0/sqrt(1 - <constant>*v*v)"),
                Dataset.of(x, y, List.of("m0", "v")), new double[] {1e-18}, rng);
        assertEquals(INVERSE_C_SQUARED, r.constants()[0], 1e-9 * INVERSE_C_SQUARED);
    }

    @Test
    void otherLossesUseNelderMead() {
        Dataset d = data(3, (x, y) -> 2 * x + 1);
        ConstantFitter fitter = ConstantFitter.builder().loss(Loss.mae()).restarts(1).maxIterations(400).build();
        FitResult r = fitter.fit(Expr.parseInfix("<constant>*x + <constant>"), d, null,
                RandomSource.XO_RO_SHI_RO_128_PP.create(4L));
        assertArrayEquals(new double[] {2, 1}, r.constants(), 1e-4);
    }

    @Test
    void undefinedEverywhereIsInfinite() {
        Dataset d = data(4, (x, y) -> x);
        FitResult r = ConstantFitter.standard().fit(Expr.parseInfix("log(<constant> - y*y*y*y*100)"), d, new double[] {-1},
                RandomSource.XO_RO_SHI_RO_128_PP.create(1L));
        assertEquals(Double.POSITIVE_INFINITY, r.loss());
        FitResult none = ConstantFitter.standard().fit(Expr.parseInfix("x"), d, null, RandomSource.XO_RO_SHI_RO_128_PP.create(1L));
        assertEquals(0, none.loss());
        assertEquals(1, none.evaluations());
    }

    @Test
    void reproducibleFromTheSeed() {
        Dataset d = data(5, (x, y) -> Math.cos(1.3 * x + 0.2) * y);
        Expr e = Expr.parseInfix("cos(<constant>*x + <constant>)*y");
        FitResult a = ConstantFitter.standard().fit(e, d, null, RandomSource.XO_RO_SHI_RO_128_PP.create(9L));
        FitResult b = ConstantFitter.standard().fit(e, d, null, RandomSource.XO_RO_SHI_RO_128_PP.create(9L));
        assertArrayEquals(a.constants(), b.constants());
        assertEquals(a.evaluations(), b.evaluations());
    }

    @Test
    void quantizeRoundsToTheGrid() {
        assertArrayEquals(new double[] {0.37, -1.0, 0}, ConstantFitter.quantize(new double[] {0.3712, -0.996, 0.004}, 0.01));
        assertEquals("0.37", Double.toString(ConstantFitter.quantize(new double[] {0.369999}, 0.01)[0]));
        assertThrows(IllegalArgumentException.class, () -> ConstantFitter.quantize(new double[1], 0));
    }

    @Test
    void datasetValidatesShapes() {
        assertThrows(IllegalArgumentException.class, () -> Dataset.of(new double[][] {{1}}, new double[] {1, 2}, List.of("x")));
        assertThrows(IllegalArgumentException.class, () -> Dataset.of(new double[][] {{1, 2}}, new double[] {1}, List.of("x")));
        assertThrows(IllegalArgumentException.class, () -> Dataset.of(new double[][] {{Double.NaN}}, new double[] {1}, List.of("x")));
    }
}
