package dev.simplij.sr.fit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;

class LogScaleConstantsTest {
    /** Speeds near 1e8 m/s, a target near 1 (log10 magnitudes 8, 8 and 0). */
    private static final Dataset SPEEDS = Dataset.of(new double[][] {{1e8, 1e8}, {1e8, 1e8}}, new double[] {1, 1},
            List.of("u", "v"));

    @Test
    void drawsCoverAHundredOrdersOfMagnitudeWithBothSigns() {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(1L);
        int[] perDecade = new int[100];
        int negative = 0;
        int n = 200_000;
        for (int i = 0; i < n; i++) {
            double c = LogScaleConstants.draw(SPEEDS, rng);
            assertTrue(Double.isFinite(c) && c != 0, "draw " + c);
            negative += c < 0 ? 1 : 0;
            int decade = (int) Math.floor(Math.log10(Math.abs(c)));
            if (decade >= -50 && decade < 50) {
                perDecade[decade + 50]++;
            }
        }
        for (int d = 0; d < 100; d++) {
            // half the draws are uniform over the 100 decades: about 1,000 per decade
            assertTrue(perDecade[d] > 700, "decade 1e" + (d - 50) + ": " + perDecade[d] + " draws");
        }
        assertEquals(0.5, negative / (double) n, 0.01);
    }

    @Test
    void halfTheDrawsFollowTheDataScales() {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(2L);
        int nearInverseSquare = 0;
        int n = 100_000;
        for (int i = 0; i < n; i++) {
            double c = Math.abs(LogScaleConstants.draw(SPEEDS, rng));
            if (c >= 1e-17 && c <= 1e-15) {
                nearInverseSquare++;
            }
        }
        // 1/u**2, 1/v**2 and 1/(u*v) are 1e-16: the data-scale half lands within a decade of it in about a
        // fifth of its draws, the uniform half in 2% of its draws
        double share = nearInverseSquare / (double) n;
        assertTrue(share > 0.08 && share < 0.2, "share within a decade of 1e-16: " + share);
    }
}
