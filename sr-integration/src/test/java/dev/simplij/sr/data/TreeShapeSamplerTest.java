package dev.simplij.sr.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;

class TreeShapeSamplerTest {
    @Test
    void countsAreCatalanForBinaryTreesAndSchroderForUnaryBinaryTrees() {
        TreeShapeSampler binary = new TreeShapeSampler(8, false, true);
        long[] catalan = {1, 1, 2, 5, 14, 42, 132, 429, 1430};
        for (int n = 0; n <= 8; n++) {
            assertEquals(catalan[n], binary.shapeCount(n), "binary trees with " + n + " operators");
        }
        TreeShapeSampler both = new TreeShapeSampler(8, true, true);
        long[] schroder = {1, 2, 6, 22, 90, 394, 1806, 8558, 41586};
        for (int n = 0; n <= 8; n++) {
            assertEquals(schroder[n], both.shapeCount(n), "unary-binary trees with " + n + " operators");
        }
    }

    @Test
    void shapesAreDrawnUniformly() {
        long seed = 20240601L;
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
        TreeShapeSampler sampler = new TreeShapeSampler(3, true, true);
        int n = 3;
        int draws = 66_000;
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < draws; i++) {
            byte[] shape = sampler.sample(n, rng);
            assertEquals(n, operators(shape), "seed " + seed);
            seen.merge(java.util.Arrays.toString(shape), 1, Integer::sum);
        }
        assertEquals(22, seen.size(), "seed " + seed + ": every shape occurs");
        double expected = draws / 22.0;
        for (Map.Entry<String, Integer> e : seen.entrySet()) {
            // 6 standard deviations of a binomial count.
            assertTrue(Math.abs(e.getValue() - expected) < 6 * Math.sqrt(expected), "seed " + seed + ": shape "
                    + e.getKey() + " drawn " + e.getValue() + " times, expected about " + expected);
        }
    }

    @Test
    void shapesAreCompletePrefixTrees() {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(7L);
        TreeShapeSampler sampler = new TreeShapeSampler(40, true, true);
        for (int i = 0; i < 2000; i++) {
            int n = rng.nextInt(41);
            byte[] shape = sampler.sample(n, rng);
            int open = 1;
            for (int k = 0; k < shape.length; k++) {
                assertTrue(open > 0, "seed 7: tokens after the tree closed");
                open += shape[k] - 1;
            }
            assertEquals(0, open, "seed 7: the tree is complete");
            assertEquals(n, operators(shape));
        }
    }

    private static int operators(byte[] shape) {
        int ops = 0;
        for (byte b : shape) {
            if (b != TreeShapeSampler.LEAF) {
                ops++;
            }
        }
        return ops;
    }
}
