package dev.simplij.sr.data;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;

/**
 * Independent, reproducible random streams derived from one run seed: stream {@code (purpose,
 * index)} depends only on the seed and those two numbers, so work split into blocks gives the same
 * bytes on any number of threads.
 */
final class Seeds {
    /** Stream purposes: one per independent use of randomness in a run. */
    static final long SKELETONS = 1;
    static final long DATA = 2;
    static final long DECONTAMINATION = 3;
    static final long FIT = 4;
    static final long VALIDATION = 5;

    private Seeds() {
    }

    static UniformRandomProvider stream(long seed, long purpose, long index) {
        long a = mix(seed + 0x9E3779B97F4A7C15L * (purpose + 1));
        long b = mix(a ^ (index * 0xC2B2AE3D27D4EB4FL + 0x165667B19E3779F9L));
        return RandomSource.XO_RO_SHI_RO_128_PP.create(new long[] {a ^ b, mix(b)});
    }

    /** SplitMix64's finalizer. */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
