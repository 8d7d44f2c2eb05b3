package dev.simplij.sr.fit;

import dev.simplij.expr.Evaluator;
import dev.simplij.expr.Expr;
import java.util.Arrays;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.hipparchus.exception.MathRuntimeException;
import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.ArrayRealVector;
import org.hipparchus.linear.DiagonalMatrix;
import org.hipparchus.linear.RealVector;
import org.hipparchus.optim.InitialGuess;
import org.hipparchus.optim.MaxEval;
import org.hipparchus.optim.PointValuePair;
import org.hipparchus.optim.SimpleValueChecker;
import org.hipparchus.optim.nonlinear.scalar.GoalType;
import org.hipparchus.optim.nonlinear.scalar.ObjectiveFunction;
import org.hipparchus.optim.nonlinear.scalar.noderiv.NelderMeadSimplex;
import org.hipparchus.optim.nonlinear.scalar.noderiv.SimplexOptimizer;
import org.hipparchus.optim.nonlinear.vector.leastsquares.LeastSquaresBuilder;
import org.hipparchus.optim.nonlinear.vector.leastsquares.LeastSquaresProblem;
import org.hipparchus.optim.nonlinear.vector.leastsquares.LevenbergMarquardtOptimizer;
import org.hipparchus.util.Pair;

/**
 * Fits the free constants ({@code <constant>} occurrences) of an expression skeleton to a data set.
 *
 * <p>For the mean squared error it runs Levenberg-Marquardt (Hipparchus) on the residuals with a
 * forward-difference Jacobian (steps relative to each constant); for any other {@link Loss} it runs
 * Nelder-Mead on the loss. Each fit starts from the given values (or ones) and then restarts from
 * random perturbations of the best point so far, from fresh random points, and with {@link
 * Builder#logScaleRestarts} from log-scale draws of one constant, keeping the best; it stops early
 * once the fit is exact to rounding.
 *
 * <p>Immutable and thread-safe; all randomness comes from the generator passed to {@link #fit}, so a
 * fit is reproducible from a seed.
 *
 * <pre>{@code
 * ConstantFitter fitter = ConstantFitter.builder().restarts(3).build();
 * FitResult r = fitter.fit(Expr.parseInfix("<constant>*sin(x) + <constant>"), data, null,
 *         RandomSource.XO_RO_SHI_RO_128_PP.create(42L));
 * }</pre>
 */
public final class ConstantFitter {
    /** Residual used where the expression is undefined, so that the optimizer steps away from there. */
    private static final double UNDEFINED_RESIDUAL = 1e30;
    /** The square root of the double's epsilon: a forward difference's relative step. */
    private static final double SQRT_EPSILON = 1.4901161193847656e-8;
    /** Log-scale draws screened by their loss for one log-scale restart. */
    private static final int LOG_SCALE_DRAWS = 16;

    private final Loss loss;
    private final int restarts;
    private final int maxIterations;
    private final double exactTolerance;
    private final boolean linearScaling;
    private final boolean logScaleRestarts;

    private ConstantFitter(Builder b) {
        this.logScaleRestarts = b.logScaleRestarts;
        this.linearScaling = b.linearScaling;
        this.loss = b.loss;
        this.restarts = b.restarts;
        this.maxIterations = b.maxIterations;
        this.exactTolerance = b.exactTolerance;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Mean squared error, 2 restarts, 100 iterations per start. */
    public static ConstantFitter standard() {
        return builder().build();
    }

    public Loss loss() {
        return loss;
    }

    /**
     * Fits the constants of {@code skeleton} over {@code data}.
     *
     * @param start initial values, one per {@code <constant>}, or null to start from ones
     * @param rng   the source of the restarts' perturbations
     */
    public FitResult fit(Expr skeleton, Dataset data, double[] start, UniformRandomProvider rng) {
        return fit(data.compile(skeleton), data, start, rng);
    }

    /** As {@link #fit(Expr, Dataset, double[], UniformRandomProvider)} for an already compiled skeleton. */
    public FitResult fit(Evaluator skeleton, Dataset data, double[] start, UniformRandomProvider rng) {
        int k = skeleton.constantCount();
        double[] x0 = new double[k];
        if (start != null) {
            if (start.length != k) {
                throw new IllegalArgumentException("skeleton has " + k + " constants, got " + start.length + " start values");
            }
            for (int j = 0; j < k; j++) {
                x0[j] = Double.isFinite(start[j]) ? start[j] : 1;
            }
        } else {
            Arrays.fill(x0, 1.0);
        }
        Counter counter = new Counter();
        double bestLoss = lossAt(skeleton, data, x0, counter);
        double[] best = x0.clone();
        if (k == 0) {
            return new FitResult(best, bestLoss, counter.evaluations);
        }
        double exact = exactTolerance * Math.max(data.targetVariance(), Double.MIN_NORMAL);
        ZigguratSampler.NormalizedGaussian gauss = ZigguratSampler.NormalizedGaussian.of(rng);
        for (int attempt = 0; attempt <= restarts && !(bestLoss <= exact); attempt++) {
            double[] from = best.clone();
            RestartKind kind = restartKind(attempt);
            if (kind == RestartKind.LOG_SCALE) {
                int j = rng.nextInt(k);
                from[j] = screenedLogScaleDraw(skeleton, data, from, j, rng, counter);
            } else if (kind != RestartKind.GIVEN) {
                for (int j = 0; j < k; j++) {
                    from[j] = kind == RestartKind.PERTURBED
                            ? from[j] * (1 + 0.5 * gauss.sample()) + 0.1 * gauss.sample()
                            : 2 * gauss.sample();
                }
            }
            double[] found = loss.isMeanSquaredError()
                    ? levenbergMarquardt(skeleton, data, from, counter)
                    : nelderMead(skeleton, data, from, counter);
            double l = lossAt(skeleton, data, found, counter);
            if (l < bestLoss) {
                bestLoss = l;
                best = found;
            }
        }
        return new FitResult(best, bestLoss, counter.evaluations);
    }

    /** Where a start comes from. */
    private enum RestartKind {
        /** The given values. */
        GIVEN,
        /** The best point so far, each constant times 1 + N(0, 0.5^2) plus N(0, 0.1^2) (PySR's restarts). */
        PERTURBED,
        /** The best point so far with one constant drawn on a log scale ({@link LogScaleConstants}). */
        LOG_SCALE,
        /** Every constant drawn afresh from N(0, 2^2). */
        FRESH
    }

    /**
     * The kind of the {@code attempt}-th start: the given values, then perturbed and fresh in turn; with
     * log-scale restarts, log-scale, perturbed and fresh in turn (one restart is a log-scale one).
     */
    private RestartKind restartKind(int attempt) {
        if (attempt == 0) {
            return RestartKind.GIVEN;
        }
        if (logScaleRestarts) {
            return switch (attempt % 3) {
                case 1 -> RestartKind.LOG_SCALE;
                case 2 -> RestartKind.PERTURBED;
                default -> RestartKind.FRESH;
            };
        }
        return attempt % 2 == 1 ? RestartKind.PERTURBED : RestartKind.FRESH;
    }

    /**
     * The best of {@value #LOG_SCALE_DRAWS} log-scale draws for constant {@code j}, the others as in
     * {@code point}: the draw with the lowest loss, each draw one evaluation, so the optimizer starts in
     * the right decade and with the right sign far more often than from one draw (an optimizer run costs
     * 20 to 400 evaluations). {@code point} is left as it was.
     */
    private double screenedLogScaleDraw(Evaluator skeleton, Dataset data, double[] point, int j, UniformRandomProvider rng,
                                        Counter counter) {
        double saved = point[j];
        double bestDraw = LogScaleConstants.draw(data, rng);
        double bestLoss = Double.POSITIVE_INFINITY;
        for (int d = 0; d < LOG_SCALE_DRAWS; d++) {
            double draw = d == 0 ? bestDraw : LogScaleConstants.draw(data, rng);
            point[j] = draw;
            double l = lossAt(skeleton, data, point, counter);
            if (l < bestLoss) {
                bestLoss = l;
                bestDraw = draw;
            }
        }
        point[j] = saved;
        return bestDraw;
    }

    /** The predictions at given constants, linearly scaled when the fitter scales. */
    private double[] predictions(Evaluator e, Dataset data, double[] constants) {
        double[] p = data.predict(e, constants);
        return linearScaling ? LinearScaling.apply(p, data.targetValues(), data.weightValues()) : p;
    }

    /** The loss at given constants, counted as one evaluation. */
    private double lossAt(Evaluator e, Dataset data, double[] constants, Counter counter) {
        counter.evaluations++;
        double l = data.loss(predictions(e, data, constants), loss);
        return Double.isNaN(l) ? Double.POSITIVE_INFINITY : l;
    }

    /**
     * Levenberg-Marquardt from {@code from}; the best point evaluated when the optimizer gives up (too
     * many evaluations, a singular system).
     */
    private double[] levenbergMarquardt(Evaluator e, Dataset data, double[] from, Counter counter) {
        int k = from.length;
        int n = data.rows();
        double[] target = data.target();
        double[] weights = data.weightValues();
        double[][] best = {from.clone()};
        double[] bestCost = {Double.POSITIVE_INFINITY};
        LeastSquaresProblem problem = new LeastSquaresBuilder()
                .start(from)
                .target(target)
                .model(point -> {
                    double[] c = point.toArray();
                    double[] value = residualSafe(predictions(e, data, c), target);
                    counter.evaluations += k + 1;
                    double cost = 0;
                    for (int r = 0; r < n; r++) {
                        double d = value[r] - target[r];
                        cost += (weights == null ? 1 : weights[r]) * d * d;
                    }
                    if (cost < bestCost[0]) {
                        bestCost[0] = cost;
                        best[0] = c.clone();
                    }
                    double[][] jacobian = new double[n][k];
                    for (int j = 0; j < k; j++) {
                        // A step relative to the constant, so a constant of 1e-17 (1/c**2) is not moved by
                        // 1e9 times its size; where that step is lost in rounding (every row unchanged, as
                        // for an offset near 0 added to 1), one relative to 1 instead.
                        double saved = c[j];
                        double h = SQRT_EPSILON * (saved != 0 ? Math.abs(saved) : 1);
                        c[j] = saved + h;
                        double[] shifted = residualSafe(predictions(e, data, c), target);
                        if (h < SQRT_EPSILON && Arrays.equals(shifted, value)) {
                            h = SQRT_EPSILON;
                            c[j] = saved + h;
                            shifted = residualSafe(predictions(e, data, c), target);
                            counter.evaluations++;
                        }
                        c[j] = saved;
                        for (int r = 0; r < n; r++) {
                            double d = (shifted[r] - value[r]) / h;
                            jacobian[r][j] = Double.isFinite(d) ? d : 0;
                        }
                    }
                    RealVector v = new ArrayRealVector(value, false);
                    return new Pair<>(v, new Array2DRowRealMatrix(jacobian, false));
                })
                .weight(data.weighted() ? new DiagonalMatrix(data.weights(), false) : null)
                .lazyEvaluation(false)
                .maxIterations(maxIterations)
                .maxEvaluations(maxIterations * 4)
                .build();
        try {
            return new LevenbergMarquardtOptimizer().optimize(problem).getPoint().toArray();
        } catch (MathRuntimeException tooManyOrSingular) {
            return best[0];
        }
    }

    /** Predictions with undefined points replaced by a large value far from any target. */
    private static double[] residualSafe(double[] prediction, double[] target) {
        for (int r = 0; r < prediction.length; r++) {
            if (!Double.isFinite(prediction[r])) {
                prediction[r] = target[r] + UNDEFINED_RESIDUAL;
            }
        }
        return prediction;
    }

    private double[] nelderMead(Evaluator e, Dataset data, double[] from, Counter counter) {
        double[] steps = new double[from.length];
        for (int j = 0; j < steps.length; j++) {
            steps[j] = 0.1 * Math.max(Math.abs(from[j]), 1);
        }
        try {
            PointValuePair p = new SimplexOptimizer(new SimpleValueChecker(1e-12, 1e-300)).optimize(
                    new MaxEval(maxIterations * (from.length + 1)),
                    new ObjectiveFunction(c -> Math.min(lossAt(e, data, c, counter), Double.MAX_VALUE)),
                    GoalType.MINIMIZE,
                    new InitialGuess(from),
                    new NelderMeadSimplex(steps));
            return p.getPoint();
        } catch (MathRuntimeException tooMany) {
            return from;
        }
    }

    /**
     * Rounds every constant to the nearest multiple of {@code step}, as for a final model that should
     * read {@code 0.5} rather than {@code 0.4999998}.
     */
    public static double[] quantize(double[] constants, double step) {
        if (!(step > 0)) {
            throw new IllegalArgumentException("quantization step must be positive, got " + step);
        }
        double[] q = new double[constants.length];
        for (int j = 0; j < q.length; j++) {
            // Round through the decimal form of the step so that 0.01 grids print as 0.37, not 0.37000000000000005.
            q[j] = new java.math.BigDecimal(Math.rint(constants[j] / step))
                    .multiply(java.math.BigDecimal.valueOf(step)).doubleValue();
        }
        return q;
    }

    private static final class Counter {
        long evaluations;
    }

    /** Settings of a {@link ConstantFitter}. */
    public static final class Builder {
        private Loss loss = Loss.mse();
        private int restarts = 2;
        private int maxIterations = 100;
        private double exactTolerance = 1e-24;
        private boolean linearScaling;
        private boolean logScaleRestarts;

        private Builder() {
        }

        /**
         * Every third restart, from the first on, starts one random constant from the best of several
         * draws of {@link LogScaleConstants} (the others at the best point so far), so constants many
         * orders of magnitude from 1 are reached; off by default (restarts are perturbed and fresh in turn).
         */
        public Builder logScaleRestarts(boolean on) {
            this.logScaleRestarts = on;
            return this;
        }

        /**
         * Fit the constants of {@code a + b*skeleton}, with {@code a} and {@code b} in closed form at every
         * step ({@link LinearScaling}); off by default.
         */
        public Builder linearScaling(boolean on) {
            this.linearScaling = on;
            return this;
        }

        /** The loss to minimize; mean squared error by default. */
        public Builder loss(Loss loss) {
            this.loss = java.util.Objects.requireNonNull(loss, "loss");
            return this;
        }

        /** Extra starts after the first, from random perturbations; 2 by default. */
        public Builder restarts(int restarts) {
            if (restarts < 0) {
                throw new IllegalArgumentException("restarts must be >= 0, got " + restarts);
            }
            this.restarts = restarts;
            return this;
        }

        /** Optimizer iterations per start; 100 by default. */
        public Builder maxIterations(int maxIterations) {
            if (maxIterations < 1) {
                throw new IllegalArgumentException("maxIterations must be >= 1, got " + maxIterations);
            }
            this.maxIterations = maxIterations;
            return this;
        }

        /**
         * A loss below this fraction of the target's variance counts as exact and ends the restarts;
         * 1e-24 by default.
         */
        public Builder exactTolerance(double exactTolerance) {
            if (!(exactTolerance >= 0)) {
                throw new IllegalArgumentException("exactTolerance must be >= 0, got " + exactTolerance);
            }
            this.exactTolerance = exactTolerance;
            return this;
        }

        public ConstantFitter build() {
            return new ConstantFitter(this);
        }
    }
}
