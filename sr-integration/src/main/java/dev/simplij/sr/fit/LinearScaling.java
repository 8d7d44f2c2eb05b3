package dev.simplij.sr.fit;

/**
 * Linear scaling of the output (Keijzer 2003): an expression's predictions {@code p} are replaced by
 * {@code a + b*p} with the offset and scale that minimize the (weighted) squared error, in closed form.
 * A search with it looks for the shape of a formula and leaves its overall scale and offset, which
 * may lie many orders of magnitude from 1 ({@code 6.674e-11*m1*m2/r**2}), to two lines of algebra.
 */
public final class LinearScaling {
    private LinearScaling() {
    }

    /**
     * The least-squares {@code {a, b}} for predictions {@code p} of {@code target}: {@code b} the
     * weighted covariance over the variance of {@code p} (0 when {@code p} is constant), {@code a} the
     * difference of the means. {@code weights} null for equal weights.
     */
    public static double[] offsetAndScale(double[] p, double[] target, double[] weights) {
        double total = 0;
        double meanP = 0;
        double meanY = 0;
        for (int i = 0; i < p.length; i++) {
            double w = weights == null ? 1 : weights[i];
            total += w;
            meanP += w * p[i];
            meanY += w * target[i];
        }
        meanP /= total;
        meanY /= total;
        double covariance = 0;
        double variance = 0;
        for (int i = 0; i < p.length; i++) {
            double w = weights == null ? 1 : weights[i];
            covariance += w * (p[i] - meanP) * (target[i] - meanY);
            variance += w * (p[i] - meanP) * (p[i] - meanP);
        }
        double b = variance > 0 && Double.isFinite(covariance / variance) ? covariance / variance : 0;
        return new double[] {meanY - b * meanP, b};
    }

    /**
     * {@code p} replaced in place by {@code a + b*p}; left as it is when some prediction is not finite
     * (the loss is infinite anyway).
     */
    static double[] apply(double[] p, double[] target, double[] weights) {
        for (double v : p) {
            if (!Double.isFinite(v)) {
                return p;
            }
        }
        double[] ab = offsetAndScale(p, target, weights);
        for (int i = 0; i < p.length; i++) {
            p[i] = ab[0] + ab[1] * p[i];
        }
        return p;
    }
}
