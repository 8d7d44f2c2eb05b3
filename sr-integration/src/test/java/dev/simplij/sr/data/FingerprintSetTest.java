package dev.simplij.sr.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;

class FingerprintSetTest {
    @Test
    void agreesWithAHashSetWhileGrowing() {
        long seed = 99L;
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
        FingerprintSet set = new FingerprintSet(16, 10_000_000);
        Set<Long> reference = new HashSet<>();
        for (int i = 0; i < 300_000; i++) {
            // Small values repeat often, so both branches of add are exercised; 0 included.
            long v = rng.nextBoolean() ? rng.nextInt(50_000) : rng.nextLong();
            assertEquals(reference.add(v), set.add(v), "seed " + seed + ", value " + v);
        }
        assertEquals(reference.size(), set.size());
        for (long v : reference) {
            assertTrue(set.contains(v));
        }
        assertFalse(set.contains(-123456789L) && !reference.contains(-123456789L));
    }

    @Test
    void zeroIsAnOrdinaryFingerprint() {
        FingerprintSet set = new FingerprintSet(4, 100);
        assertFalse(set.contains(0));
        assertTrue(set.add(0));
        assertFalse(set.add(0));
        assertTrue(set.contains(0));
        assertEquals(1, set.size());
    }

    @Test
    void refusesToGrowPastItsMaximum() {
        FingerprintSet set = new FingerprintSet(4, 10);
        for (long v = 1; v <= 10; v++) {
            set.add(v);
        }
        assertFalse(set.add(5));
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> set.add(11));
        assertTrue(e.getMessage().contains("dedupe.maxEntries"), e.getMessage());
    }
}
