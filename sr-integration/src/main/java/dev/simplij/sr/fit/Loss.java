package dev.simplij.sr.fit;

import java.util.function.DoubleBinaryOperator;

/**
 * A loss of predictions against targets; smaller is better. A prediction that is NaN (the
 * expression is undefined there) makes the loss infinite, so undefined candidates always lose.
 */
@FunctionalInterface
public interface Loss {
    /** The loss; {@code prediction} and {@code target} have the same length. */
    double loss(double[] prediction, double[] target);

    /**
     * True for the mean squared error, which lets the fitter use Levenberg-Marquardt on residuals
     * instead of a derivative-free search on the loss.
     */
    default boolean isMeanSquaredError() {
        return false;
    }

    /** Mean squared error: the default. */
    static Loss mse() {
        return MeanSquaredError.INSTANCE;
    }

    /** Mean absolute error. */
    static Loss mae() {
        return elementwise((p, t) -> Math.abs(p - t));
    }

    /** The mean over the points of {@code perPoint(prediction, target)}. */
    static Loss elementwise(DoubleBinaryOperator perPoint) {
        return (prediction, target) -> {
            double sum = 0;
            for (int i = 0; i < prediction.length; i++) {
                double p = prediction[i];
                if (Double.isNaN(p)) {
                    return Double.POSITIVE_INFINITY;
                }
                sum += perPoint.applyAsDouble(p, target[i]);
            }
            double mean = sum / prediction.length;
            return Double.isNaN(mean) ? Double.POSITIVE_INFINITY : mean;
        };
    }
}
