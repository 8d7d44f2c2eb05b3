package dev.simplij.sr.fit;

/** The mean squared error, recognized by the fitter as a least-squares problem; weighted when given weights. */
enum MeanSquaredError implements Loss {
    INSTANCE;

    private static final PointwiseLoss SQUARED_ERROR = new PointwiseLoss((p, t) -> (p - t) * (p - t));

    @Override
    public double loss(double[] prediction, double[] target) {
        return SQUARED_ERROR.loss(prediction, target, null);
    }

    /** @param weights null for equal weights */
    @Override
    public double loss(double[] prediction, double[] target, double[] weights) {
        return SQUARED_ERROR.loss(prediction, target, weights);
    }

    @Override
    public boolean takesWeights() {
        return true;
    }

    @Override
    public boolean isMeanSquaredError() {
        return true;
    }
}
