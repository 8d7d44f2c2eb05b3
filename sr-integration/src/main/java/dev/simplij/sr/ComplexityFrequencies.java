package dev.simplij.sr;

import java.util.Arrays;

/**
 * How often each complexity occurs in the populations, over a moving window: SymbolicRegression.jl's
 * {@code RunningSearchStatistics}, the basis of its adaptive parsimony. Every complexity starts at a count of 1;
 * after each iteration the members of every island are counted in island order, and once the counts sum past
 * the window the excess is taken from every count above 1 in equal parts. Islands read the normalized
 * frequencies of the last update, so the search stays the same for any number of threads.
 */
final class ComplexityFrequencies {
    /** SymbolicRegression.jl's window size. */
    static final double WINDOW = 100_000;
    /** The frequency given to a complexity above the maximum (SymbolicRegression.jl's, in its acceptance rule). */
    static final double OUTSIDE = 1e-6;

    private final double[] counts;
    private final double window;
    private volatile double[] normalized;

    ComplexityFrequencies(int maxComplexity, double window) {
        if (maxComplexity < 1 || !(window > maxComplexity)) {
            throw new IllegalArgumentException("need maxComplexity >= 1 and a window above it, got " + maxComplexity
                    + ", " + window);
        }
        this.counts = new double[maxComplexity + 1];
        Arrays.fill(counts, 1, counts.length, 1.0);
        this.window = window;
        normalize();
    }

    /** Counts one more member of this complexity; seen by {@link #of} after the next {@link #update}. */
    void add(int complexity) {
        if (complexity >= 1 && complexity < counts.length) {
            counts[complexity]++;
        }
    }

    /** Moves the window and publishes the normalized frequencies. */
    void update() {
        double excess = sum() - window;
        // SymbolicRegression.jl's move_window!: subtract equally from every count above 1, never below 1
        for (int loop = 0; excess > 1e-9 && loop < 1000; loop++) {
            int above = 0;
            double smallest = Double.POSITIVE_INFINITY;
            for (int c = 1; c < counts.length; c++) {
                if (counts[c] > 1) {
                    above++;
                    smallest = Math.min(smallest, counts[c]);
                }
            }
            if (above == 0) {
                break;
            }
            double each = Math.min(excess / above, smallest - 1);
            for (int c = 1; c < counts.length; c++) {
                if (counts[c] > 1) {
                    counts[c] -= each;
                }
            }
            excess -= each * above;
        }
        normalize();
    }

    private double sum() {
        double sum = 0;
        for (int c = 1; c < counts.length; c++) {
            sum += counts[c];
        }
        return sum;
    }

    private void normalize() {
        double sum = sum();
        double[] f = new double[counts.length];
        for (int c = 1; c < counts.length; c++) {
            f[c] = counts[c] / sum;
        }
        normalized = f;
    }

    /** The published frequency of a complexity; {@code outside} for one not in 1..maximum. */
    double of(int complexity, double outside) {
        double[] f = normalized;
        return complexity >= 1 && complexity < f.length ? f[complexity] : outside;
    }
}
