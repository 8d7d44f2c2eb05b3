package dev.simplij.sr;

import dev.simplij.sr.fit.ConstantFitter;
import dev.simplij.sr.fit.Loss;
import dev.simplij.expr.Expr;
import java.time.Duration;
import java.util.List;

/** Every setting of a search; filled by {@link SymbolicRegression.Builder}, copied when built. */
final class Settings implements Cloneable {
    /** 2^-23: a fraction of unexplained variance this small is a fit exact to single-precision rounding. */
    static final double FLOAT32_EPSILON = 0x1p-23;

    OperatorSet operators = OperatorSet.arithmetic();
    Complexity complexity = Complexity.nodeCount();
    Constraints constraints = Constraints.of(30, 10);
    int populations = 8;
    int populationSize = 40;
    // SymbolicRegression.jl's defaults (as PySR 1.x sets them): tournament_selection_n and _p,
    // crossover_probability, fraction_replaced and fraction_replaced_hof
    int tournamentSize = 15;
    double tournamentProbability = 0.982;
    double crossoverProbability = 0.0259;
    // PySR 0.x's parsimony and adaptive_parsimony_scaling, not 1.x's 0 and 1040. Without a fixed parsimony a
    // tournament ranks by the log of the loss, so long approximations at 1e-8 of the constant model's loss beat every
    // short form; at 1040 one point of frequency (3 members of 320) outweighs a factor 33,000 of loss, so crowding
    // decides, not fit or size. This search fits every new form's constants and takes few steps; the relativistic
    // mass m0/sqrt(1 - v**2/2.998e8**2) was found at 0 of 6 seeds with 0 and 1040, 1 with 0.0032 and 1040, 0 with
    // 0 and 20, 3 with 0.0032 and 20 (README, "The relativistic-mass regression")
    double parsimony = 0.0032;
    double adaptiveParsimony = 20;
    int cyclesPerIteration = 200;
    double migrationFraction = 0.00036;
    double hallOfFameMigrationFraction = 0.0614;
    /** PySR's optimize_probability: the share of each population whose constants are refitted every iteration. */
    double optimizeProbability = 0.14;
    int initialOperators = 3;
    Loss loss = Loss.mse();
    ConstantFitter searchFitter;
    ConstantFitter optimizeFitter;
    ConstantFitter finalFitter;
    boolean fittersSet;
    /** Null until built: then SimpliJ's standard skeleton simplifier unless one was set. */
    Normalizer normalizer;
    boolean normalization = true;
    int cacheSize = 100_000;
    long seed = 0;
    int threads = 1;
    Duration timeLimit = null;
    long maxIterations = 100;
    double lossThreshold = Double.NEGATIVE_INFINITY;
    double earlyStopFvu = FLOAT32_EPSILON;
    StopRequest stopRequest = new StopRequest();
    ModelSelection modelSelection = ModelSelection.best();
    double quantize = 0;
    ProgressListener listener = null;
    int equationsPerComplexity = 1;
    /** Expressions (numbers as starting constants) put into every island at the start. */
    List<Expr> guesses = List.of();
    /** Null when the columns carry no units. */
    Units units;
    /** Added to the loss of a dimensionally inconsistent candidate, in units of the constant model's loss. */
    double dimensionalPenalty = Units.DEFAULT_PENALTY;
    /** Fit every candidate as {@code a + b*candidate}, offset and scale in closed form. */
    boolean linearScaling;
    /** Log-scale constant proposals in the fitters' restarts and the constant perturbations ({@code LogScaleConstants}). */
    boolean logScaleConstants = true;

    /** The three fitters follow the loss unless they were set. */
    void completeFitters() {
        if (!fittersSet) {
            searchFitter = null;
            optimizeFitter = null;
            finalFitter = null;
        }
        if (searchFitter == null) {
            // the one restart of a new form's fit is from a screened log-scale draw of one constant: a constant far
            // from 1 inside a function is found when the form is first met, or the form is judged by a bad fit
            searchFitter = ConstantFitter.builder().loss(loss).linearScaling(linearScaling).restarts(1).maxIterations(10)
                    .logScaleRestarts(logScaleConstants).build();
        }
        if (optimizeFitter == null) {
            // PySR's optimizer_nrestarts = 2 and optimizer_iterations = 8 (BFGS); here restarts from a screened
            // log-scale draw of one constant and from a perturbed point, at most 20 iterations each (with 100,
            // refitting 14% of the members every iteration doubled the evaluations per candidate)
            optimizeFitter = ConstantFitter.builder().loss(loss).linearScaling(linearScaling).restarts(2).maxIterations(20)
                    .logScaleRestarts(logScaleConstants).build();
        }
        if (finalFitter == null) {
            finalFitter = ConstantFitter.builder().loss(loss).linearScaling(linearScaling).restarts(8).maxIterations(300)
                    .logScaleRestarts(logScaleConstants).build();
        }
    }

    Settings copy() {
        try {
            return (Settings) clone();
        } catch (CloneNotSupportedException e) {
            throw new AssertionError(e);
        }
    }
}
