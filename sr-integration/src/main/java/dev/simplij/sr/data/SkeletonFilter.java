package dev.simplij.sr.data;

import dev.simplij.expr.Evaluator;
import dev.simplij.expr.Expr;
import dev.simplij.expr.NodeKind;
import java.util.List;
import java.util.function.DoubleSupplier;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * Decides whether a simplified skeleton is worth keeping: not constant (no variable left, or the same
 * value at every validation point), using every declared variable, and defined on most of its
 * sampled domain. Each check can be switched off in the configuration.
 *
 * <p>The validation points and constant values are drawn once per run from the run's seed (each
 * variable from its domain prior, each constant from the constant prior), so the numeric verdict is
 * a function of the skeleton alone: the generator may reuse it for a skeleton seen before without
 * changing a single output byte. Immutable and thread-safe.
 */
final class SkeletonFilter {
    /** Why a skeleton was rejected, or {@link #KEPT}. */
    enum Verdict {
        KEPT, CONSTANT, FEWER_VARIABLES, UNDEFINED
    }

    private final boolean rejectConstant;
    private final boolean rejectFewerVariables;
    private final double maxUndefinedFraction;
    private final int points;
    private final List<String> names;
    private final double[][] columns;
    /**
     * The first half of the points, when a skeleton defined and varying there is kept whatever the
     * other half says (undefined at most half the points, not constant); null otherwise.
     */
    private final double[][] firstHalf;
    private final double[] constants;

    SkeletonFilter(GeneratorConfig config) {
        rejectConstant = config.rejectConstant();
        rejectFewerVariables = config.rejectFewerVariables();
        maxUndefinedFraction = config.rejectUndefinedFraction();
        points = config.validationPoints();
        names = config.variableNames();
        UniformRandomProvider rng = Seeds.stream(config.seed(), Seeds.VALIDATION, 0);
        columns = new double[names.size()][points];
        for (int c = 0; c < names.size(); c++) {
            DoubleSupplier draw = config.domain(names.get(c)).sampler(rng);
            for (int r = 0; r < points; r++) {
                columns[c][r] = draw.getAsDouble();
            }
        }
        int half = points / 2;
        firstHalf = half >= 2 && points - half <= maxUndefinedFraction * points ? new double[names.size()][] : null;
        if (firstHalf != null) {
            for (int col = 0; col < names.size(); col++) {
                firstHalf[col] = java.util.Arrays.copyOf(columns[col], half);
            }
        }
        // A skeleton has at most one constant a leaf: operators.max + 1 of them.
        constants = new double[config.maxOperators() + 1];
        DoubleSupplier draw = config.constantPrior().sampler(rng);
        for (int k = 0; k < constants.length; k++) {
            constants[k] = draw.getAsDouble();
        }
    }

    /** The verdict on {@code skeleton}, declared with {@code declared} variables {@code x1 .. xd}. */
    Verdict check(Expr skeleton, int declared) {
        Verdict v = structuralVerdict(skeleton, declared);
        return v == Verdict.KEPT ? numericVerdict(skeleton) : v;
    }

    /** The part of the verdict that reads the tree alone: no variable, or fewer than declared. */
    Verdict structuralVerdict(Expr skeleton, int declared) {
        int used = countVariables(skeleton);
        if (used == 0 && rejectConstant) {
            return Verdict.CONSTANT;
        }
        if (used < declared && rejectFewerVariables) {
            return Verdict.FEWER_VARIABLES;
        }
        return Verdict.KEPT;
    }

    /** The part of the verdict that depends on values: undefined, or constant at the validation points. */
    Verdict numericVerdict(Expr skeleton) {
        if (maxUndefinedFraction >= 1 && !rejectConstant) {
            return Verdict.KEPT;
        }
        int k = skeleton.constantCount();
        double[] c = k <= constants.length ? constants : java.util.Arrays.copyOf(constants, k);
        Evaluator evaluator = Evaluator.compile(skeleton, names);
        if (firstHalf != null) {
            // Defined and varying on the first half: the verdict on all points is KEPT already.
            double[] head = evaluator.evaluateColumns(firstHalf, firstHalf[0].length, c);
            if (definedAndVarying(head)) {
                return Verdict.KEPT;
            }
        }
        double[] values = evaluator.evaluateColumns(columns, points, c);
        int undefined = 0;
        double first = Double.NaN;
        boolean varies = false;
        for (double v : values) {
            if (Double.isNaN(v)) {
                undefined++;
            } else if (Double.isNaN(first)) {
                first = v;
            } else if (Math.abs(v - first) > 1e-12 * Math.max(1, Math.abs(first))) {
                varies = true;
            }
        }
        if (undefined > maxUndefinedFraction * points) {
            return Verdict.UNDEFINED;
        }
        return rejectConstant && !varies ? Verdict.CONSTANT : Verdict.KEPT;
    }

    /** K for a name {@code xK} with K a positive decimal number, else -1 (a hot path: no parseInt). */
    private static int generatedIndex(String name) {
        int n = name.length();
        if (n < 2 || n > 4 || name.charAt(0) != 'x') {
            return -1;
        }
        int k = 0;
        for (int j = 1; j < n; j++) {
            char c = name.charAt(j);
            if (c < '0' || c > '9') {
                return -1;
            }
            k = 10 * k + (c - '0');
        }
        return k;
    }

    private static boolean definedAndVarying(double[] values) {
        boolean varies = false;
        for (double v : values) {
            if (Double.isNaN(v)) {
                return false;
            }
            varies |= Math.abs(v - values[0]) > 1e-12 * Math.max(1, Math.abs(values[0]));
        }
        return varies;
    }

    /** Distinct variables of a generated skeleton, whose variables are {@code x1 .. x64} at most. */
    static int countVariables(Expr skeleton) {
        long seen = 0;
        int count = 0;
        for (int i = 0, n = skeleton.size(); i < n; i++) {
            if (skeleton.kind(i) == NodeKind.VARIABLE) {
                int index = generatedIndex(skeleton.variable(i));
                if (index < 1 || index > 64) {
                    return skeleton.variables().size();
                }
                long bit = 1L << (index - 1);
                if ((seen & bit) == 0) {
                    seen |= bit;
                    count++;
                }
            }
        }
        return count;
    }
}
