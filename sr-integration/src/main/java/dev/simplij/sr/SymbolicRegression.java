package dev.simplij.sr;

import dev.simplij.sr.fit.ConstantFitter;
import dev.simplij.sr.fit.Dataset;
import dev.simplij.sr.fit.Loss;
import dev.simplij.expr.Expr;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Symbolic regression in the manner of PySR, with SimpliJ as the normalization layer: islands under
 * regularized evolution (tournament selection, the oldest member replaced), migration between them,
 * mutations and crossover under complexity and nesting constraints, constants fitted by
 * Levenberg-Marquardt, every candidate normalized before it is scored and candidates equal after
 * normalization sharing one fitness, and a Pareto hall of fame of the best loss per complexity.
 *
 * <p>Build once, fit many data sets; immutable and thread-safe. A run stopped by iterations (100 by
 * default), a loss threshold or an exact fit is reproducible from the seed with any number of threads:
 * the same seed gives the same front, counters included, on 1 thread or 8 (islands share fits only
 * every few steps, in island order). A time limit, a CPU budget or a stop request ends the run
 * wherever the clock or the user says, which no seed can repeat.
 *
 * <pre>{@code
 * SearchResult r = SymbolicRegression.builder()
 *         .operators(OperatorSet.parse("+,-,*,/,sin,cos"))
 *         .timeLimit(Duration.ofSeconds(30)).seed(7)
 *         .build()
 *         .fit(x, y, List.of("x", "y"));
 * System.out.println(r.selected().sympy());
 * }</pre>
 */
public final class SymbolicRegression {
    private final Settings settings;

    private SymbolicRegression(Settings settings) {
        this.settings = settings;
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Fits {@code y} as a function of the columns of {@code x} (row by row, {@code x[row][column]}),
     * whose names are {@code names}.
     */
    public SearchResult fit(double[][] x, double[] y, List<String> names) {
        return fit(Dataset.of(x, y, names));
    }

    /** Fits a data set's target as a function of its inputs; weighted rows ({@link Dataset#withWeights}) weight the loss. */
    public SearchResult fit(Dataset data) {
        if (data.weighted() && !settings.loss.takesWeights()) {
            throw new IllegalArgumentException("the data has weights but the loss takes none: use a named loss or "
                    + "Loss.elementwise(...)");
        }
        if (settings.linearScaling && settings.units != null) {
            throw new IllegalArgumentException("units and linear scaling cannot be combined yet: the offset and scale "
                    + "would need units of their own");
        }
        return new Search(settings, data).run();
    }

    /** A builder holding these settings, to derive a variant (another seed, normalization off). */
    public Builder toBuilder() {
        return new Builder(settings.copy());
    }

    /** The settings of a {@link SymbolicRegression}; every one has a default. */
    public static final class Builder {
        private final Settings s;

        private Builder() {
            this(new Settings());
        }

        private Builder(Settings s) {
            this.s = s;
        }

        /** The operators to build with; {@code + - * /} by default. */
        public Builder operators(OperatorSet operators) {
            s.operators = Objects.requireNonNull(operators, "operators");
            return this;
        }

        /** How complexity is measured; node count by default. */
        public Builder complexity(Complexity complexity) {
            s.complexity = Objects.requireNonNull(complexity, "complexity");
            return this;
        }

        /** Maximum complexity and depth, nesting limits; complexity 30, depth 10 by default. */
        public Builder constraints(Constraints constraints) {
            s.constraints = Objects.requireNonNull(constraints, "constraints");
            return this;
        }

        /** Number of islands; 8 by default. */
        public Builder populations(int populations) {
            s.populations = atLeast(1, populations, "populations");
            return this;
        }

        /** Members per island; 40 by default. */
        public Builder populationSize(int populationSize) {
            s.populationSize = atLeast(2, populationSize, "populationSize");
            return this;
        }

        /**
         * Members drawn per tournament, and {@code p}: the k-th best of them wins with probability proportional to
         * {@code p(1-p)^k}; 15 and 0.982 by default, SymbolicRegression.jl's.
         */
        public Builder tournament(int size, double probability) {
            s.tournamentSize = atLeast(1, size, "tournament size");
            s.tournamentProbability = fraction(probability, "tournament probability");
            return this;
        }

        /** Chance that a step is a crossover rather than a mutation; 0.0259 by default, SymbolicRegression.jl's. */
        public Builder crossoverProbability(double p) {
            s.crossoverProbability = fraction(p, "crossover probability");
            return this;
        }

        /**
         * Parsimony added to the relative loss per unit of complexity, and the adaptive scaling (0 disables): the
         * tournament multiplies the relative loss by {@code exp(adaptive * frequency)} of the member's complexity over
         * all islands, and a mutated child of another complexity is kept with probability {@code frequency(parent's) /
         * frequency(child's)}, as SymbolicRegression.jl does. 0.0032 and 20 by default, PySR 0.x's: with PySR 1.x's 0
         * and 1040 tournaments go to crowding and to long approximations, not to short good fits (README).
         */
        public Builder parsimony(double parsimony, double adaptive) {
            if (!(parsimony >= 0) || !(adaptive >= 0)) {
                throw new IllegalArgumentException("parsimony must be >= 0, got " + parsimony + ", " + adaptive);
            }
            s.parsimony = parsimony;
            s.adaptiveParsimony = adaptive;
            return this;
        }

        /** Steps per island between migrations; 200 by default. */
        public Builder cyclesPerIteration(int cycles) {
            s.cyclesPerIteration = atLeast(1, cycles, "cyclesPerIteration");
            return this;
        }

        /**
         * Expected fractions of each island replaced at every migration by other islands' best
         * members and by the hall of fame's Pareto front; 0.00036 and 0.0614 by default, SymbolicRegression.jl's.
         */
        public Builder migration(double fromIslands, double fromHallOfFame) {
            s.migrationFraction = fraction(fromIslands, "migration fraction");
            s.hallOfFameMigrationFraction = fraction(fromHallOfFame, "hall-of-fame migration fraction");
            return this;
        }

        /**
         * Chance per member and iteration of a thorough constant refit with restarts, one of them from a
         * log-scale draw (PySR's optimize_probability); 0.14 by default, as PySR's.
         */
        public Builder optimizeProbability(double p) {
            s.optimizeProbability = fraction(p, "optimize probability");
            return this;
        }

        /** The loss; mean squared error by default. Fitters not set explicitly follow it. */
        public Builder loss(Loss loss) {
            s.loss = Objects.requireNonNull(loss, "loss");
            return this;
        }

        /**
         * The fitters: one for each new canonical form during the search, one for the periodic
         * refits, one for the final front. Their losses should be the search's.
         */
        public Builder fitters(ConstantFitter search, ConstantFitter optimize, ConstantFitter last) {
            s.searchFitter = Objects.requireNonNull(search, "search fitter");
            s.optimizeFitter = Objects.requireNonNull(optimize, "optimize fitter");
            s.finalFitter = Objects.requireNonNull(last, "final fitter");
            s.fittersSet = true;
            return this;
        }

        /**
         * The normalizer applied to every candidate's skeleton; {@link SimplifierNormalizer#standard()}
         * (SimpliJ in skeleton mode) by default.
         */
        public Builder normalizer(Normalizer normalizer) {
            s.normalizer = Objects.requireNonNull(normalizer, "normalizer");
            return this;
        }

        /** Normalization on (the default) or off, to measure its effect. */
        public Builder normalization(boolean on) {
            s.normalization = on;
            return this;
        }

        /** Canonical forms whose fit is cached; 100,000 by default, 0 disables the cache. */
        public Builder cacheSize(int entries) {
            s.cacheSize = atLeast(0, entries, "cacheSize");
            return this;
        }

        public Builder seed(long seed) {
            s.seed = seed;
            return this;
        }

        /** Threads for the islands; 1 by default. The result does not depend on it, only the time does. */
        public Builder threads(int threads) {
            s.threads = atLeast(1, threads, "threads");
            return this;
        }

        /** Stop after this much time; none by default. */
        public Builder timeLimit(Duration limit) {
            s.timeLimit = limit;
            return this;
        }

        /** Stop after this many iterations; 100 by default, {@link Long#MAX_VALUE} for none. */
        public Builder maxIterations(long iterations) {
            if (iterations < 0) {
                throw new IllegalArgumentException("maxIterations must be >= 0, got " + iterations);
            }
            s.maxIterations = iterations;
            return this;
        }

        /** Stop once the best loss is at most this; none by default. */
        public Builder lossThreshold(double threshold) {
            s.lossThreshold = threshold;
            return this;
        }

        /**
         * Stop once the best loss is at most {@code fvu} times the loss of the constant model (for the
         * mean squared error, a fraction of variance unexplained at most {@code fvu} on the fit data):
         * the fit is then exact to rounding and more search only reshuffles rounding noise. Float32
         * epsilon (2^-23) by default; a negative value never stops on this.
         */
        public Builder earlyStopFvu(double fvu) {
            if (Double.isNaN(fvu)) {
                throw new IllegalArgumentException("earlyStopFvu must be a number, got NaN");
            }
            s.earlyStopFvu = fvu;
            return this;
        }

        /** A handle to end the search from another thread; the front found so far is still returned. */
        public Builder stopRequest(StopRequest request) {
            s.stopRequest = Objects.requireNonNull(request, "stopRequest");
            return this;
        }

        /**
         * Up to this many distinct equations kept per complexity (1 by default): the front is still the
         * best per complexity, and {@link SearchResult#hallOfFame()} shows the alternatives.
         */
        public Builder equationsPerComplexity(int n) {
            s.equationsPerComplexity = atLeast(1, n, "equationsPerComplexity");
            return this;
        }

        /**
         * Initial guesses, as PySR's {@code guesses}: formulas in infix ({@code "2.5*sin(x1) + x2**2"}) put
         * into every island at the start, their numbers as starting values of fitted constants.
         *
         * @throws IllegalArgumentException naming a guess that does not parse
         */
        public Builder guesses(String... infix) {
            List<Expr> parsed = new ArrayList<>(s.guesses);
            for (String g : infix) {
                try {
                    parsed.add(Expr.parseInfix(g));
                } catch (RuntimeException e) {
                    throw new IllegalArgumentException("guess '" + g + "' does not parse: " + e.getMessage(), e);
                }
            }
            s.guesses = List.copyOf(parsed);
            return this;
        }

        /**
         * Warm start: the equations of an earlier run (its front, read back with
         * {@link FrontFiles#readEquations}) join the initial guesses, so a new run starts where it ended.
         */
        public Builder warmStart(List<Expr> equations) {
            List<Expr> all = new ArrayList<>(s.guesses);
            all.addAll(equations);
            s.guesses = List.copyOf(all);
            return this;
        }

        /** Warm start from an earlier result in this JVM: its front and alternatives. */
        public Builder warmStart(SearchResult earlier) {
            return warmStart(earlier.hallOfFame().stream().map(Equation::expression).toList());
        }

        /**
         * Units of the columns (PySR's {@code X_units}, {@code y_units}): a dimensionally inconsistent
         * candidate's loss gets {@code penalty} times the constant model's loss added (1000 by default).
         */
        public Builder units(Units units, double penalty) {
            if (!(penalty >= 0)) {
                throw new IllegalArgumentException("dimensional penalty must be >= 0, got " + penalty);
            }
            s.units = Objects.requireNonNull(units, "units");
            s.dimensionalPenalty = penalty;
            return this;
        }

        /**
         * Linear scaling of the output: every candidate is fitted as {@code a + b*candidate} with the
         * offset and scale in closed form (least squares), and the front prints them. Complexity during
         * the search is the candidate's; the front's is of what it prints. Off by default. Fitters set
         * with {@link #fitters} must scale too.
         */
        public Builder linearScaling(boolean on) {
            s.linearScaling = on;
            return this;
        }

        /**
         * Constants proposed on a log scale over 100 orders of magnitude and the data's scales
         * ({@link dev.simplij.sr.fit.LogScaleConstants}): one restart of every constant fit starts from
         * the best of several such draws, and a quarter of the constant perturbations jump to one. On by
         * default; off, the restarts are perturbed and fresh only and perturbations multiplicative, to
         * measure the effect or to save their cost where every constant is near 1. Fitters set with
         * {@link #fitters} keep their own restarts.
         */
        public Builder logScaleConstants(boolean on) {
            s.logScaleConstants = on;
            return this;
        }

        public Builder modelSelection(ModelSelection selection) {
            s.modelSelection = Objects.requireNonNull(selection, "modelSelection");
            return this;
        }

        /** After the final refit, round constants to multiples of {@code step}; 0 (off) by default. */
        public Builder quantize(double step) {
            if (!(step >= 0)) {
                throw new IllegalArgumentException("quantization step must be >= 0, got " + step);
            }
            s.quantize = step;
            return this;
        }

        /** Told after every iteration; may stop the search. */
        public Builder progress(ProgressListener listener) {
            s.listener = listener;
            return this;
        }

        /** Operators in the random initial trees, at most; 3 by default. */
        public Builder initialOperators(int operators) {
            s.initialOperators = atLeast(0, operators, "initialOperators");
            return this;
        }

        public SymbolicRegression build() {
            Settings copy = s.copy();
            copy.completeFitters();
            if (copy.normalizer == null) {
                copy.normalizer = SimplifierNormalizer.standard();
            }
            return new SymbolicRegression(copy);
        }

        private static int atLeast(int min, int value, String what) {
            if (value < min) {
                throw new IllegalArgumentException(what + " must be >= " + min + ", got " + value);
            }
            return value;
        }

        private static double fraction(double p, String what) {
            if (!(p >= 0 && p <= 1)) {
                throw new IllegalArgumentException(what + " must be in [0, 1], got " + p);
            }
            return p;
        }
    }
}
