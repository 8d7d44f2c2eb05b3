package dev.simplij.sr.fit;

import java.util.Locale;
import java.util.function.DoubleBinaryOperator;

/**
 * A loss of predictions against targets; smaller is better. A prediction that is NaN (the
 * expression is undefined there) makes the loss infinite, so undefined candidates always lose.
 * Losses that are a mean over points ({@link #elementwise}, and every named one here) also take
 * weights per row, as PySR's {@code weights}.
 */
@FunctionalInterface
public interface Loss {
    /** The loss; {@code prediction} and {@code target} have the same length. */
    double loss(double[] prediction, double[] target);

    /**
     * The loss with a weight per row: for a mean over points, the weighted mean. A loss that sees the
     * whole vector cannot be weighted and says so.
     */
    default double loss(double[] prediction, double[] target, double[] weights) {
        throw new IllegalArgumentException("this loss sees the whole prediction vector and takes no weights; "
                + "write it as Loss.elementwise(...) to weight rows");
    }

    /** True when {@link #loss(double[], double[], double[])} is defined. */
    default boolean takesWeights() {
        return false;
    }

    /**
     * True for the mean squared error, which lets the fitter use Levenberg-Marquardt on residuals
     * instead of a derivative-free search on the loss.
     */
    default boolean isMeanSquaredError() {
        return false;
    }

    /** Mean squared error (L2): the default. */
    static Loss mse() {
        return MeanSquaredError.INSTANCE;
    }

    /** Mean absolute error (L1). */
    static Loss mae() {
        return elementwise((p, t) -> Math.abs(p - t));
    }

    /** Huber: squared error / 2 within {@code delta} of the target, linear beyond (robust to outliers). */
    static Loss huber(double delta) {
        if (!(delta > 0 && delta < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException("Huber delta must be positive and finite, got " + delta);
        }
        return elementwise((p, t) -> {
            double a = Math.abs(p - t);
            return a <= delta ? 0.5 * a * a : delta * (a - 0.5 * delta);
        });
    }

    /** Log-cosh: {@code log(cosh(p - t))}, quadratic near 0 and linear far, computed without overflow. */
    static Loss logCosh() {
        return elementwise((p, t) -> {
            double a = Math.abs(p - t);
            return a + Math.log1p(Math.exp(-2 * a)) - Math.log(2);
        });
    }

    /**
     * A named loss: {@code l2} (or {@code mse}), {@code l1} (or {@code mae}), {@code huber} or
     * {@code huber:DELTA} (delta 1 by default), {@code logcosh}.
     */
    static Loss parse(String name) {
        String n = name.trim().toLowerCase(Locale.ROOT);
        if (n.startsWith("huber:")) {
            try {
                return huber(Double.parseDouble(n.substring("huber:".length())));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("loss '" + name + "': the Huber delta is not a number", e);
            }
        }
        return switch (n) {
            case "l2", "mse" -> mse();
            case "l1", "mae" -> mae();
            case "huber" -> huber(1);
            case "logcosh", "log-cosh" -> logCosh();
            default -> throw new IllegalArgumentException("unknown loss '" + name + "': l2, l1, huber[:DELTA] or logcosh");
        };
    }

    /** The mean over the points of {@code perPoint(prediction, target)}; weighted when given weights. */
    static Loss elementwise(DoubleBinaryOperator perPoint) {
        return new PointwiseLoss(perPoint);
    }
}
