package dev.simplij.miner;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertTrue;

class FingerprintTest {
    @Test
    void valuesWithinTheLooseToleranceShareACell() {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(5L);
        for (int i = 0; i < 200_000; i++) {
            double v = Math.pow(10, rng.nextDouble() * 40 - 20) * (rng.nextBoolean() ? 1 : -1);
            double size = Math.abs(v);
            double w = v + (rng.nextDouble() * 2 - 1) * (ValueCheck.LOOSE_RELATIVE * size + ValueCheck.LOOSE_ABSOLUTE);
            long cellOfW = Fingerprint.cell(Fingerprint.scaled(w));
            assertTrue(Fingerprint.lowCell(v) <= cellOfW && cellOfW <= Fingerprint.highCell(v),
                    "seed 5, value " + v + " and " + w);
        }
    }

    @Test
    void roundingErrorOfSinPiSharesTheCellOfZero() {
        long zero = Fingerprint.cell(Fingerprint.scaled(0));
        assertTrue(Fingerprint.lowCell(Math.sin(Math.PI)) <= zero && zero <= Fingerprint.highCell(Math.sin(Math.PI)));
    }
}
