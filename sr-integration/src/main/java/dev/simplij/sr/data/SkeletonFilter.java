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
 * <p>Immutable and thread-safe; randomness (validation points and constant values) comes from the
 * generator passed in.
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
    private final Prior constantPrior;
    private final Prior[] domains;
    private final List<List<String>> columnsByCount;

    SkeletonFilter(GeneratorConfig config) {
        rejectConstant = config.rejectConstant();
        rejectFewerVariables = config.rejectFewerVariables();
        maxUndefinedFraction = config.rejectUndefinedFraction();
        points = config.validationPoints();
        constantPrior = config.constantPrior();
        List<String> names = config.variableNames();
        domains = names.stream().map(config::domain).toArray(Prior[]::new);
        columnsByCount = new java.util.ArrayList<>();
        for (int d = 0; d <= names.size(); d++) {
            columnsByCount.add(List.copyOf(names.subList(0, d)));
        }
    }

    /** Samplers bound to one generator, made once per block of skeletons. */
    final class Draws {
        final DoubleSupplier constants;
        final DoubleSupplier[] coordinates;

        Draws(UniformRandomProvider rng) {
            constants = constantPrior.sampler(rng);
            coordinates = new DoubleSupplier[domains.length];
            for (int i = 0; i < domains.length; i++) {
                coordinates[i] = domains[i].sampler(rng);
            }
        }
    }

    Draws draws(UniformRandomProvider rng) {
        return new Draws(rng);
    }

    /** The verdict on {@code skeleton}, declared with {@code declared} variables {@code x1 .. xd}. */
    Verdict check(Expr skeleton, int declared, Draws draws) {
        int used = countVariables(skeleton);
        if (used == 0 && rejectConstant) {
            return Verdict.CONSTANT;
        }
        if (used < declared && rejectFewerVariables) {
            return Verdict.FEWER_VARIABLES;
        }
        if (maxUndefinedFraction >= 1 && !rejectConstant) {
            return Verdict.KEPT;
        }
        double[][] columns = new double[declared][points];
        for (int c = 0; c < declared; c++) {
            for (int r = 0; r < points; r++) {
                columns[c][r] = draws.coordinates[c].getAsDouble();
            }
        }
        double[] constants = new double[skeleton.constantCount()];
        for (int k = 0; k < constants.length; k++) {
            constants[k] = draws.constants.getAsDouble();
        }
        double[] values = Evaluator.compile(skeleton, columnsByCount.get(declared))
                .evaluateColumns(columns, points, constants);
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

    /** Distinct variables of a generated skeleton, whose variables are {@code x1 .. x64} at most. */
    static int countVariables(Expr skeleton) {
        long seen = 0;
        int count = 0;
        for (int i = 0, n = skeleton.size(); i < n; i++) {
            if (skeleton.kind(i) == NodeKind.VARIABLE) {
                String name = skeleton.variable(i);
                int index = name.length() > 1 && name.charAt(0) == 'x' ? Integer.parseInt(name, 1, name.length(), 10) : -1;
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
