package dev.simplij.sr.bench;

import dev.simplij.expr.Evaluator;
import dev.simplij.expr.Expr;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * One benchmark problem: a target formula over named inputs, each input drawn uniformly from its
 * range, and the operators the search may use.
 *
 * @param name      as in the benchmark's literature (Nguyen-5, I.12.2, ...)
 * @param formula   the ground truth in SymPy syntax over {@code inputs}
 * @param operators the operator set, comma-separated
 */
record Problem(String suite, String name, String formula, List<String> inputs, double[] low, double[] high,
               String operators) {
    Expr truth() {
        return Expr.parseInfix(formula);
    }

    /** {@code n} points drawn from the box; row by row. */
    double[][] sample(int n, UniformRandomProvider rng) {
        double[][] x = new double[n][inputs.size()];
        for (double[] row : x) {
            for (int j = 0; j < row.length; j++) {
                row[j] = low[j] + (high[j] - low[j]) * rng.nextDouble();
            }
        }
        return x;
    }

    /** The ground truth at the points. */
    double[] target(double[][] x) {
        return Evaluator.compile(truth(), inputs).evaluate(x);
    }
}
