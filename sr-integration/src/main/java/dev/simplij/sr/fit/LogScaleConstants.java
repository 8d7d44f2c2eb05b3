package dev.simplij.sr.fit;

import org.apache.commons.rng.UniformRandomProvider;

/**
 * Proposes values for a free constant on a log scale, so that a constant far from 1 (G = 6.674e-11,
 * 1/c**2 = 1.1e-17 inside a square root, h/kB = 4.8e-11 inside an exponential) is proposed as readily
 * as one near 1. Drawn from a local optimizer's start, these reach constants that no perturbation of
 * a value near 1 reaches (issue 19). Two kinds of draw, half each:
 *
 * <ul>
 *   <li><b>anywhere</b>: {@code ±10^u} with {@code u} uniform over [-{@value #DECADES}, {@value
 *       #DECADES}], 100 orders of magnitude;
 *   <li><b>the data's scales</b>: {@code ±10^u} with {@code u} the log10 magnitudes of one or two
 *       columns (inputs or target, {@link Dataset#log10Magnitudes()}) times powers in {-2, -1, 1, 2},
 *       plus a uniform jitter of one decade either way: the constant that makes {@code c*v**2} of the
 *       order of 1 for speeds near 3e8, or {@code c*f/T} for frequencies near 1e14 and temperatures
 *       near 1e3.
 * </ul>
 *
 * <p>Stateless; the generator is passed in, so draws are reproducible from a seed.
 */
public final class LogScaleConstants {
    /** Orders of magnitude either side of 1 that the draws anywhere cover. */
    public static final double DECADES = 50;
    private static final int[] POWERS = {-2, -1, 1, 2};

    private LogScaleConstants() {
    }

    /** One proposal for a constant over {@code data}: nonzero, finite, either sign. */
    public static double draw(Dataset data, UniformRandomProvider rng) {
        double sign = rng.nextBoolean() ? 1 : -1;
        if (rng.nextBoolean()) {
            return sign * Math.pow(10, DECADES * (2 * rng.nextDouble() - 1));
        }
        double[] scales = data.log10Magnitudes();
        double u = 2 * rng.nextDouble() - 1;
        int factors = 1 + rng.nextInt(2);
        for (int f = 0; f < factors; f++) {
            u += scales[rng.nextInt(scales.length)] * POWERS[rng.nextInt(POWERS.length)];
        }
        return sign * Math.pow(10, Math.max(-300, Math.min(300, u)));
    }
}
