package dev.simplij.sr.data;

import org.apache.commons.rng.UniformRandomProvider;

/**
 * Draws unary-binary tree shapes with exactly {@code n} internal nodes uniformly at random, by the
 * counting method of Lample and Charton, "Deep learning for symbolic mathematics" (ICLR 2020),
 * appendix C. {@code D(e, n)} is the number of ways to complete a prefix that still has {@code e}
 * empty slots with {@code n} more operators:
 * <pre>
 *   D(0, n) = 0,  D(e, 0) = 1,  D(e, n) = D(e - 1, n) + u D(e, n - 1) + b D(e + 1, n - 1)
 * </pre>
 * with {@code u} (resp. {@code b}) 1 when unary (resp. binary) operators exist and 0 otherwise, so
 * every shape is equally likely. Slots are filled in prefix order: at each step the next operator
 * goes into slot {@code k} (the {@code k} slots before it become leaves) with arity {@code a}, with
 * probability {@code D(e - k - 1 + a, n - 1) / D(e, n)}.
 *
 * <p>Immutable and thread-safe; the table is computed once for the largest {@code n}.
 */
final class TreeShapeSampler {
    /** Marks a leaf in a sampled shape; operators are marked by their arity (1 or 2). */
    static final byte LEAF = 0;

    private final int maxOperators;
    private final boolean unary;
    private final boolean binary;
    /** counts[e][n], e in [0, 2 maxOperators + 2]; doubles are exact enough: only ratios are used. */
    private final double[][] counts;

    TreeShapeSampler(int maxOperators, boolean unary, boolean binary) {
        if (maxOperators < 0) {
            throw new IllegalArgumentException("maxOperators must be >= 0, got " + maxOperators);
        }
        if (!unary && !binary && maxOperators > 0) {
            throw new IllegalArgumentException("trees with operators need unary or binary operators");
        }
        this.maxOperators = maxOperators;
        this.unary = unary;
        this.binary = binary;
        int maxEmpty = 2 * maxOperators + 2;
        counts = new double[maxEmpty + 1][maxOperators + 1];
        for (int e = 1; e <= maxEmpty; e++) {
            counts[e][0] = 1;
        }
        for (int n = 1; n <= maxOperators; n++) {
            for (int e = 1; e < maxEmpty; e++) {
                counts[e][n] = counts[e - 1][n] + (unary ? counts[e][n - 1] : 0) + (binary ? counts[e + 1][n - 1] : 0);
            }
        }
    }

    /** The number of distinct shapes with {@code n} operators (a tree starts with one empty slot). */
    double shapeCount(int n) {
        return counts[1][n];
    }

    int maxOperators() {
        return maxOperators;
    }

    /**
     * A shape with {@code n} operators in prefix order: each entry is {@link #LEAF} or an arity.
     * The array has {@code n + leaves} entries.
     */
    byte[] sample(int n, UniformRandomProvider rng) {
        if (n < 0 || n > maxOperators) {
            throw new IllegalArgumentException("n must be in [0, " + maxOperators + "], got " + n);
        }
        if (counts[1][n] == 0) {
            throw new IllegalArgumentException("no tree has " + n + " operators with these arities");
        }
        byte[] shape = new byte[2 * n + 1];
        int length = 0;
        int empty = 1;
        for (int left = n; left > 0; left--) {
            double u = rng.nextDouble() * counts[empty][left];
            int k = 0;
            int arity = 0;
            search:
            for (; k < empty; k++) {
                if (unary) {
                    u -= counts[empty - k][left - 1];
                    if (u < 0) {
                        arity = 1;
                        break search;
                    }
                }
                if (binary) {
                    u -= counts[empty - k + 1][left - 1];
                    if (u < 0) {
                        arity = 2;
                        break search;
                    }
                }
            }
            if (arity == 0) {
                // Rounding left u a hair above the total: take the last admissible choice.
                k = empty - 1;
                arity = binary ? 2 : 1;
            }
            for (int i = 0; i < k; i++) {
                shape[length++] = LEAF;
            }
            shape[length++] = (byte) arity;
            empty = empty - k - 1 + arity;
        }
        for (int i = 0; i < empty; i++) {
            shape[length++] = LEAF;
        }
        return length == shape.length ? shape : java.util.Arrays.copyOf(shape, length);
    }
}
