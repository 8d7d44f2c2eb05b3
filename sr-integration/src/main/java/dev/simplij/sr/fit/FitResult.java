package dev.simplij.sr.fit;

/**
 * The outcome of fitting the free constants of one skeleton.
 *
 * @param constants   the best values found, one per {@code <constant>} occurrence in prefix order
 * @param loss        the loss at those values (infinite when the expression is undefined somewhere)
 * @param evaluations how many times the expression was evaluated over the data set
 */
public record FitResult(double[] constants, double loss, long evaluations) {
    public FitResult {
        constants = constants.clone();
    }

    @Override
    public double[] constants() {
        return constants.clone();
    }
}
