package dev.simplij.sr.fit;

/** The mean squared error, recognized by the fitter as a least-squares problem. */
enum MeanSquaredError implements Loss {
    INSTANCE;

    @Override
    public double loss(double[] prediction, double[] target) {
        double sum = 0;
        for (int i = 0; i < prediction.length; i++) {
            double d = prediction[i] - target[i];
            sum += d * d;
        }
        double mean = sum / prediction.length;
        return Double.isFinite(mean) ? mean : Double.POSITIVE_INFINITY;
    }

    @Override
    public boolean isMeanSquaredError() {
        return true;
    }
}
