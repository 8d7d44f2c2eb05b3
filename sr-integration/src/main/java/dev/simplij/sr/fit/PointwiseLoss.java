package dev.simplij.sr.fit;

import java.util.function.DoubleBinaryOperator;

/** A loss that is the (weighted) mean of a per-point loss; see {@link Loss#elementwise}. */
record PointwiseLoss(DoubleBinaryOperator perPoint) implements Loss {
    @Override
    public double loss(double[] prediction, double[] target) {
        return loss(prediction, target, null);
    }

    /** @param weights null for equal weights */
    @Override
    public double loss(double[] prediction, double[] target, double[] weights) {
        double sum = 0;
        double total = 0;
        for (int i = 0; i < prediction.length; i++) {
            double p = prediction[i];
            if (Double.isNaN(p)) {
                return Double.POSITIVE_INFINITY;
            }
            double w = weights == null ? 1 : weights[i];
            sum += w * perPoint.applyAsDouble(p, target[i]);
            total += w;
        }
        double mean = sum / total;
        return Double.isNaN(mean) ? Double.POSITIVE_INFINITY : mean;
    }

    @Override
    public boolean takesWeights() {
        return true;
    }
}
