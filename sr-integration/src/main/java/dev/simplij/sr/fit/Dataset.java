package dev.simplij.sr.fit;

import dev.simplij.expr.Evaluator;
import dev.simplij.expr.Expr;
import java.util.Arrays;
import java.util.List;

/**
 * Inputs and one target, stored column by column for the evaluator's batch path. Immutable: the
 * factories copy what they are given.
 */
public final class Dataset {
    private final List<String> names;
    private final double[][] columns;
    private final double[] target;
    /** Null for equal weights. */
    private final double[] weights;
    private final double targetVariance;
    /** log10 of the typical magnitude of each input column, then of the target: see {@link #log10Magnitudes()}. */
    private final double[] log10Magnitudes;

    private Dataset(List<String> names, double[][] columns, double[] target, double[] weights) {
        this.names = List.copyOf(names);
        this.columns = columns;
        this.target = target;
        this.weights = weights;
        double total = 0;
        double mean = 0;
        for (int i = 0; i < target.length; i++) {
            total += weight(i);
            mean += weight(i) * target[i];
        }
        mean /= total;
        double sum = 0;
        for (int i = 0; i < target.length; i++) {
            sum += weight(i) * (target[i] - mean) * (target[i] - mean);
        }
        this.targetVariance = target.length == 0 ? 0 : sum / total;
        this.log10Magnitudes = new double[columns.length + 1];
        for (int c = 0; c < columns.length; c++) {
            log10Magnitudes[c] = log10Magnitude(columns[c]);
        }
        log10Magnitudes[columns.length] = log10Magnitude(target);
    }

    /** The mean of log10 |v| over the values that are not 0 (log10 of their geometric mean); 0 when all are. */
    private static double log10Magnitude(double[] values) {
        double sum = 0;
        int n = 0;
        for (double v : values) {
            if (v != 0) {
                sum += Math.log10(Math.abs(v));
                n++;
            }
        }
        return n == 0 ? 0 : sum / n;
    }

    /**
     * The typical order of magnitude of each input column, in column order, then of the target: the
     * mean of log10 |v| over the nonzero values. The scales the data are measured in, from which
     * {@link LogScaleConstants} proposes constants ({@code 1/c**2} for speeds near {@code c}).
     */
    public double[] log10Magnitudes() {
        return log10Magnitudes.clone();
    }

    private double weight(int row) {
        return weights == null ? 1 : weights[row];
    }

    /**
     * A data set from points given row by row, {@code x[row][column]}.
     *
     * @throws IllegalArgumentException when the shapes disagree, or a value is not finite
     */
    public static Dataset of(double[][] x, double[] y, List<String> names) {
        if (x.length != y.length) {
            throw new IllegalArgumentException(x.length + " rows of inputs but " + y.length + " targets");
        }
        if (x.length == 0) {
            throw new IllegalArgumentException("no data points");
        }
        double[][] columns = new double[names.size()][x.length];
        for (int r = 0; r < x.length; r++) {
            if (x[r].length != names.size()) {
                throw new IllegalArgumentException("row " + r + " has " + x[r].length + " values, expected "
                        + names.size() + " (" + names + ")");
            }
            for (int c = 0; c < names.size(); c++) {
                columns[c][r] = requireFinite(x[r][c], "input " + names.get(c) + " at row " + r);
            }
        }
        double[] target = y.clone();
        for (int r = 0; r < target.length; r++) {
            requireFinite(target[r], "target at row " + r);
        }
        return new Dataset(names, columns, target, null);
    }

    private static double requireFinite(double v, String what) {
        if (!Double.isFinite(v)) {
            throw new IllegalArgumentException(what + " is not finite: " + v);
        }
        return v;
    }

    /** Input column names, in column order. */
    public List<String> names() {
        return names;
    }

    public int rows() {
        return target.length;
    }

    /** A copy of the target values. */
    public double[] target() {
        return target.clone();
    }

    /** The target itself, for this package's hot loops, which must not change it. */
    double[] targetValues() {
        return target;
    }

    /** The weights themselves (null for equal weights), for this package's hot loops, which must not change them. */
    double[] weightValues() {
        return weights;
    }

    /** A copy of one input column. */
    public double[] column(int index) {
        return columns[index].clone();
    }

    /**
     * The same rows with a weight each (PySR's {@code weights}): every loss becomes the weighted mean over
     * the rows.
     *
     * @throws IllegalArgumentException when the count differs from the rows, a weight is negative or not
     *                                  finite, or all are 0
     */
    public Dataset withWeights(double[] w) {
        if (w.length != target.length) {
            throw new IllegalArgumentException(w.length + " weights for " + target.length + " rows");
        }
        double total = 0;
        for (int r = 0; r < w.length; r++) {
            if (!(w[r] >= 0 && w[r] < Double.POSITIVE_INFINITY)) {
                throw new IllegalArgumentException("weight at row " + r + " must be finite and >= 0, got " + w[r]);
            }
            total += w[r];
        }
        if (!(total > 0)) {
            throw new IllegalArgumentException("every weight is 0");
        }
        return new Dataset(names, columns, target, w.clone());
    }

    /** True when rows carry weights. */
    public boolean weighted() {
        return weights != null;
    }

    /** A copy of the weights, or null for equal weights. */
    public double[] weights() {
        return weights == null ? null : weights.clone();
    }

    /** (Weighted) population variance of the target: the MSE of the best constant model. */
    public double targetVariance() {
        return targetVariance;
    }

    /** Compiles an expression over this data set's columns. */
    public Evaluator compile(Expr expr) {
        return Evaluator.compile(expr, names);
    }

    /** The predictions at every row; NaN where the expression is undefined. */
    public double[] predict(Evaluator evaluator, double[] constants) {
        return evaluator.evaluateColumns(columns, target.length, constants);
    }

    /** The loss of the predictions at every row; infinite when any prediction is undefined. */
    public double loss(Evaluator evaluator, double[] constants, Loss loss) {
        return loss(predict(evaluator, constants), loss);
    }

    /** The loss of given predictions, one per row, weighted when the rows are. */
    public double loss(double[] prediction, Loss loss) {
        return weights == null ? loss.loss(prediction, target) : loss.loss(prediction, target, weights);
    }

    /** The rows at the given indices (repeats allowed). */
    public Dataset rows(int[] indices) {
        double[][] cols = new double[columns.length][indices.length];
        double[] t = new double[indices.length];
        for (int i = 0; i < indices.length; i++) {
            for (int c = 0; c < columns.length; c++) {
                cols[c][i] = columns[c][indices[i]];
            }
            t[i] = target[indices[i]];
        }
        double[] w = null;
        if (weights != null) {
            w = new double[indices.length];
            for (int i = 0; i < indices.length; i++) {
                w[i] = weights[indices[i]];
            }
        }
        return new Dataset(names, cols, t, w);
    }

    /** The same inputs with another target. */
    public Dataset withTarget(double[] y) {
        if (y.length != target.length) {
            throw new IllegalArgumentException(y.length + " targets for " + target.length + " rows");
        }
        for (int r = 0; r < y.length; r++) {
            requireFinite(y[r], "target at row " + r);
        }
        return new Dataset(names, columns, y.clone(), weights);
    }
}
