package dev.simplij.miner;

import dev.simplij.expr.Expr;
import dev.simplij.expr.ExprOrder;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * The possible right sides (every irreducible expression up to the maximum target length, under
 * every placeholder renaming), in {@link ExprOrder}, bucketed by {@link Fingerprint} at a few index
 * points. A source looks up the bucket at an index point where it is defined (a valid target is
 * defined wherever the source is), so candidates are found without comparing against all targets.
 * A target with placeholders whose double value is {@link VectorOps#UNKNOWN} at an index point
 * (saturated, beyond the double range) may be valid whatever the source's value there: it is a
 * candidate of every lookup at that point, and a source looks up the point with the fewest such
 * targets among those where it is defined. Immutable and thread-safe.
 */
final class TargetIndex {
    private static final int INDEX_POINTS = 24;
    /** Cells lie well within +-2^30 (|asinh| < 720 on doubles, cell width 1e-4). */
    private static final long CELL_OFFSET = 1L << 30;

    /**
     * One possible right side: a block renamed by permutation {@code sigma}, whose value vector is
     * the block's own {@code blockValues} read through that permutation ({@link #values}), so a
     * renaming costs no vector of its own.
     */
    record Target(Expr expr, double[] blockValues, int sigma, long occurrences) {
    }

    private final List<Target> targets;
    private final SampleMatrix points;
    private final int[] indexPoints;
    private final long[][] keys;
    private final int[][] ids;
    /** Per index point, the ids (ascending) of the targets without a double value known there. */
    private final int[][] unknown;

    private TargetIndex(List<Target> targets, SampleMatrix points, int[] indexPoints, long[][] keys, int[][] ids,
                        int[][] unknown) {
        this.targets = targets;
        this.points = points;
        this.indexPoints = indexPoints;
        this.keys = keys;
        this.ids = ids;
        this.unknown = unknown;
    }

    static TargetIndex of(List<Target> unsorted, SampleMatrix points) {
        List<Target> targets = new ArrayList<>(unsorted);
        targets.sort(Comparator.comparing(Target::expr, ExprOrder::compare));
        int n = points.size();
        int first = points.cornerPoints() < n ? points.cornerPoints() : 0;
        int count = Math.min(INDEX_POINTS, n - first);
        int[] indexPoints = new int[count];
        for (int k = 0; k < count; k++) {
            indexPoints[k] = first + (int) ((long) k * (n - first) / count);
        }
        long[][] keys = new long[count][];
        int[][] ids = new int[count][];
        int[][] unknown = new int[count][];
        for (int k = 0; k < count; k++) {
            int p = indexPoints[k];
            // (cell, id) packed so that one primitive sort orders by cell, then by id
            long[] packed = new long[targets.size()];
            int[] unknownHere = new int[targets.size()];
            int m = 0;
            int u = 0;
            for (int id = 0; id < targets.size(); id++) {
                Target t = targets.get(id);
                double v = t.blockValues()[points.permutation(t.sigma())[p]];
                if (!Double.isNaN(v)) {
                    packed[m++] = (Fingerprint.cell(Fingerprint.scaled(v)) + CELL_OFFSET) << 32 | id;
                } else if (VectorOps.isUnknown(v) && t.occurrences() != 0) {
                    unknownHere[u++] = id; // a ground target unknown here is unknown everywhere: no rule
                }
            }
            unknown[k] = Arrays.copyOf(unknownHere, u);
            Arrays.sort(packed, 0, m);
            keys[k] = new long[m];
            ids[k] = new int[m];
            for (int i = 0; i < m; i++) {
                keys[k][i] = (packed[i] >> 32) - CELL_OFFSET;
                ids[k][i] = (int) packed[i];
            }
        }
        return new TargetIndex(List.copyOf(targets), points, indexPoints, keys, ids, unknown);
    }

    int size() {
        return targets.size();
    }

    Target target(int id) {
        return targets.get(id);
    }

    /** The value vector of target {@code id}: its block's, or read through its renaming into {@code scratch}. */
    double[] values(int id, double[] scratch) {
        Target t = targets.get(id);
        return points.renamed(t.blockValues(), t.sigma(), scratch);
    }

    /**
     * Ids (ascending, so best first) of the targets that may equal a source with these values; all
     * targets when the source is undefined at every index point.
     */
    int[] candidates(double[] source) {
        int chosen = -1;
        for (int k = 0; k < indexPoints.length; k++) {
            if (!Double.isNaN(source[indexPoints[k]]) && (chosen < 0 || unknown[k].length < unknown[chosen].length)) {
                chosen = k;
            }
        }
        if (chosen < 0) {
            int[] all = new int[targets.size()];
            Arrays.setAll(all, i -> i);
            return all;
        }
        double v = source[indexPoints[chosen]];
        long low = Fingerprint.lowCell(v);
        long high = Fingerprint.highCell(v);
        long[] keyRow = keys[chosen];
        int from = lowerBound(keyRow, low);
        int to = from;
        while (to < keyRow.length && keyRow[to] <= high) {
            to++;
        }
        int[] wildcards = unknown[chosen];
        int[] found = Arrays.copyOf(Arrays.copyOfRange(ids[chosen], from, to), to - from + wildcards.length);
        System.arraycopy(wildcards, 0, found, to - from, wildcards.length);
        if (high != low || wildcards.length > 0) {
            Arrays.sort(found);
        }
        return found;
    }

    private static int lowerBound(long[] a, long key) {
        int lo = 0;
        int hi = a.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (a[mid] < key) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
