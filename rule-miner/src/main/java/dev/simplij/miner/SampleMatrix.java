package dev.simplij.miner;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.apache.commons.rng.simple.RandomSource;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The seeded points at which every expression is evaluated, stored column by column.
 *
 * <p>The point set is closed under permutations of the coordinates: base points are drawn, then
 * every permutation of each is added. That is what makes evaluation compositional across placeholder
 * renaming: the value vector of {@code r} with its placeholders renamed by a permutation
 * {@code sigma} is the value vector of {@code r} read through {@link #permutation(int)}, so a child is
 * evaluated once and reused under every renaming.
 *
 * <p>Coordinates come from several distributions so that domains and poles are probed: exact corner
 * points (0, 1, -1, 2, -2, 1/2, -1/2, 3 and their combinations), normal, wide uniform and log-uniform
 * magnitudes of both signs. A "wide" matrix (for re-checks) uses a fresh seed and wider scales.
 */
final class SampleMatrix {
    private static final double[] CORNERS = {0, 1, -1, 2, -2, 0.5, -0.5, 3, Math.PI, -Math.PI, Math.PI / 2,
        -Math.PI / 2, Math.E, -Math.E, 1e8, -1e8, 1e16, -1e16};

    private final int variables;
    private final int[][] permutations;
    private final double[][] columns;
    private final int[][] permutedIndex;
    private final int corners;

    private SampleMatrix(int variables, int[][] permutations, double[][] columns, int[][] permutedIndex, int corners) {
        this.variables = variables;
        this.permutations = permutations;
        this.columns = columns;
        this.permutedIndex = permutedIndex;
        this.corners = corners;
    }

    /**
     * Draws about {@code samples} points (rounded up to whole permutation orbits).
     *
     * @param wide wider scales, for the second, independent check
     */
    static SampleMatrix create(int variables, int samples, long seed, boolean wide) {
        int[][] perms = permutations(variables);
        int orbit = perms.length;
        int bases = Math.max(1, (samples + orbit - 1) / orbit);
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
        ZigguratSampler.NormalizedGaussian gauss = ZigguratSampler.NormalizedGaussian.of(rng);
        List<double[]> base = new ArrayList<>();
        if (variables > 0) {
            int cornerBudget = Math.max(CORNERS.length, bases / 4);
            for (double c : CORNERS) {
                double[] point = new double[variables];
                Arrays.fill(point, c);
                base.add(point);
            }
            while (base.size() < cornerBudget) {
                double[] point = new double[variables];
                for (int j = 0; j < variables; j++) {
                    point[j] = CORNERS[rng.nextInt(CORNERS.length)];
                }
                base.add(point);
            }
        }
        int cornerCount = base.size();
        while (base.size() < bases) {
            double[] point = new double[variables];
            for (int j = 0; j < variables; j++) {
                point[j] = draw(rng, gauss, wide);
            }
            base.add(point);
        }
        int n = base.size() * orbit;
        double[][] columns = new double[variables][n];
        for (int b = 0; b < base.size(); b++) {
            for (int p = 0; p < orbit; p++) {
                for (int j = 0; j < variables; j++) {
                    columns[j][b * orbit + p] = base.get(b)[perms[p][j]];
                }
            }
        }
        int[][] permutedIndex = new int[orbit][n];
        for (int s = 0; s < orbit; s++) {
            for (int p = 0; p < orbit; p++) {
                int composed = indexOf(perms, compose(perms[p], perms[s]));
                for (int b = 0; b < base.size(); b++) {
                    permutedIndex[s][b * orbit + p] = b * orbit + composed;
                }
            }
        }
        return new SampleMatrix(variables, perms, columns, permutedIndex, cornerCount * orbit);
    }

    private static double draw(UniformRandomProvider rng, ZigguratSampler.NormalizedGaussian gauss, boolean wide) {
        double scale = wide ? 10 : 1;
        return switch (rng.nextInt(4)) {
            case 0 -> gauss.sample() * scale;
            case 1 -> gauss.sample() * 5 * scale;
            case 2 -> (rng.nextDouble() * 2 - 1) * 50 * scale;
            default -> {
                double decades = wide ? 6 : 3;
                double magnitude = Math.pow(10, (rng.nextDouble() * 2 - 1) * decades);
                yield rng.nextBoolean() ? magnitude : -magnitude;
            }
        };
    }

    /** All permutations of {@code 0..k-1} in lexicographic order; the identity first. */
    static int[][] permutations(int k) {
        List<int[]> out = new ArrayList<>();
        permute(new int[k], new boolean[k], 0, out);
        return out.toArray(int[][]::new);
    }

    private static void permute(int[] current, boolean[] used, int at, List<int[]> out) {
        if (at == current.length) {
            out.add(current.clone());
            return;
        }
        for (int v = 0; v < current.length; v++) {
            if (!used[v]) {
                used[v] = true;
                current[at] = v;
                permute(current, used, at + 1, out);
                used[v] = false;
            }
        }
    }

    private static int[] compose(int[] outer, int[] inner) {
        int[] r = new int[inner.length];
        for (int j = 0; j < inner.length; j++) {
            r[j] = outer[inner[j]];
        }
        return r;
    }

    static int indexOf(int[][] perms, int[] perm) {
        for (int i = 0; i < perms.length; i++) {
            if (Arrays.equals(perms[i], perm)) {
                return i;
            }
        }
        throw new IllegalArgumentException("not a permutation: " + Arrays.toString(perm));
    }

    int size() {
        return columns.length == 0 ? permutedIndex[0].length : columns[0].length;
    }

    int variables() {
        return variables;
    }

    /** Number of leading points that are exact corner points. */
    int cornerPoints() {
        return corners;
    }

    /** Coordinate {@code variable} of every point. */
    double[] column(int variable) {
        return columns[variable];
    }

    double coordinate(int variable, int point) {
        return columns[variable][point];
    }

    /** Every coordinate of one point. */
    double[] point(int point) {
        double[] coordinates = new double[variables];
        for (int j = 0; j < variables; j++) {
            coordinates[j] = columns[j][point];
        }
        return coordinates;
    }

    /** All permutations of the variables; index 0 is the identity. */
    int[][] permutations() {
        return permutations;
    }

    /**
     * For permutation {@code sigma}: the index of the point whose coordinate {@code j} is coordinate
     * {@code sigma[j]} of point {@code p}. An expression renamed by {@code _j -> _sigma[j]} has at
     * {@code p} the value the original has at that point.
     */
    int[] permutation(int sigma) {
        return permutedIndex[sigma];
    }

    /**
     * The value vector of an expression renamed by permutation {@code sigma}, from the vector
     * {@code v} of the expression itself: {@code v} for the identity, else read into {@code scratch}.
     */
    double[] renamed(double[] v, int sigma, double[] scratch) {
        if (sigma == 0) {
            return v;
        }
        int[] perm = permutedIndex[sigma];
        for (int p = 0; p < scratch.length; p++) {
            scratch[p] = v[perm[p]];
        }
        return scratch;
    }
}
