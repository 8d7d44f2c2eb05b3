package dev.simplij.sr;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;

/**
 * Symbolic distillation: turn a black-box function (a trained network's component, a simulator)
 * into one equation per output, by sampling it over a box or by fitting recorded input/output pairs.
 */
public final class Distillation {
    private Distillation() {
    }

    /**
     * Samples {@code f} at {@code samples} points drawn uniformly (seeded) from the box
     * {@code [lower, upper]} and fits each output with {@code sr}. Points where an output is not
     * finite are left out of that output's data.
     *
     * @return one result per output, in output order
     */
    public static List<SearchResult> distill(Function<double[], double[]> f, double[] lower, double[] upper,
                                             int samples, List<String> inputNames, SymbolicRegression sr, long seed) {
        if (lower.length != inputNames.size() || upper.length != inputNames.size()) {
            throw new IllegalArgumentException("box has " + lower.length + "/" + upper.length + " bounds for "
                    + inputNames.size() + " inputs " + inputNames);
        }
        if (samples < 1) {
            throw new IllegalArgumentException("samples must be >= 1, got " + samples);
        }
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
        double[][] inputs = new double[samples][lower.length];
        double[][] outputs = new double[samples][];
        for (int i = 0; i < samples; i++) {
            for (int j = 0; j < lower.length; j++) {
                inputs[i][j] = lower[j] + (upper[j] - lower[j]) * rng.nextDouble();
            }
            outputs[i] = f.apply(inputs[i].clone());
        }
        return distill(inputs, outputs, inputNames, sr);
    }

    /**
     * Fits each output column of recorded pairs ({@code outputs[row][output]}) as a function of the
     * inputs ({@code inputs[row][column]}). Rows where an output is not finite are left out of that
     * output's data.
     */
    public static List<SearchResult> distill(double[][] inputs, double[][] outputs, List<String> inputNames,
                                             SymbolicRegression sr) {
        if (inputs.length != outputs.length || inputs.length == 0) {
            throw new IllegalArgumentException(inputs.length + " input rows but " + outputs.length + " output rows");
        }
        int width = outputs[0].length;
        List<SearchResult> results = new ArrayList<>(width);
        for (int k = 0; k < width; k++) {
            List<double[]> x = new ArrayList<>();
            List<Double> y = new ArrayList<>();
            for (int i = 0; i < inputs.length; i++) {
                if (outputs[i].length != width) {
                    throw new IllegalArgumentException("output row " + i + " has " + outputs[i].length + " values, expected " + width);
                }
                if (Double.isFinite(outputs[i][k])) {
                    x.add(inputs[i]);
                    y.add(outputs[i][k]);
                }
            }
            results.add(sr.fit(x.toArray(double[][]::new), y.stream().mapToDouble(Double::doubleValue).toArray(), inputNames));
        }
        return results;
    }
}
