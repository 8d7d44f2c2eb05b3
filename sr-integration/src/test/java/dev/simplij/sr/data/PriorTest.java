package dev.simplij.sr.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.DoubleSupplier;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;

class PriorTest {
    @Test
    void drawsStayInTheirSupport() {
        long seed = 5L;
        DoubleSupplier u = Prior.parse("uniform(-2, 3)").sampler(RandomSource.XO_RO_SHI_RO_128_PP.create(seed));
        DoubleSupplier lu = Prior.parse("loguniform(0.1, 10)").sampler(RandomSource.XO_RO_SHI_RO_128_PP.create(seed));
        DoubleSupplier slu = Prior.parse("signed-loguniform(0.1, 10)").sampler(RandomSource.XO_RO_SHI_RO_128_PP.create(seed));
        DoubleSupplier c = Prior.parse("choice(1, 2, 3.5)").sampler(RandomSource.XO_RO_SHI_RO_128_PP.create(seed));
        double normalSum = 0;
        DoubleSupplier n = Prior.parse("normal(4, 0.5)").sampler(RandomSource.XO_RO_SHI_RO_128_PP.create(seed));
        for (int i = 0; i < 10_000; i++) {
            double a = u.getAsDouble();
            assertTrue(a >= -2 && a < 3, "seed " + seed + ": " + a);
            double b = lu.getAsDouble();
            assertTrue(b >= 0.1 && b <= 10, "seed " + seed + ": " + b);
            double s = Math.abs(slu.getAsDouble());
            assertTrue(s >= 0.1 && s <= 10, "seed " + seed + ": " + s);
            double v = c.getAsDouble();
            assertTrue(v == 1 || v == 2 || v == 3.5, "seed " + seed + ": " + v);
            normalSum += n.getAsDouble();
        }
        assertEquals(4, normalSum / 10_000, 0.05, "seed " + seed);
        assertEquals(7.25, Prior.parse(" fixed( 7.25 ) ").sampler(RandomSource.XO_RO_SHI_RO_128_PP.create(seed)).getAsDouble());
    }

    @Test
    void badTextIsExplained() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Prior.parse("uniform(3, 1)")).getMessage().contains("a < b"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Prior.parse("gamma(1, 2)")).getMessage().contains("unknown"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Prior.parse("normal(1)")).getMessage().contains("2 arguments"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Prior.parse("uniform")).getMessage().contains("name(arguments)"));
    }
}
