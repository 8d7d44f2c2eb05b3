package dev.simplij.canon;

import dev.simplij.expr.Evaluator;
import dev.simplij.expr.Expr;
import org.apache.commons.rng.UniformRandomProvider;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Whether a variant has its formula's value: at seeded points (half with every coordinate in
 * (0.2, 3), where roots and logarithms of plain variables are defined, half in (-3, 3)), wherever the
 * formula is defined the variant must be defined too and agree to a relative 1e-9. A variant that
 * fails is not used: it is counted and reported with its first failing point.
 */
final class VariantCheck {
    /** Why a variant was not used; null fields when it was. */
    record Verdict(boolean ok, String reason) {
        static final Verdict OK = new Verdict(true, null);
    }

    private final List<String> variables;
    private final double[][] points;
    private final double[] values;
    private final int defined;

    /** Evaluates {@code formula} at {@code count} points drawn from {@code rng}. */
    VariantCheck(Expr formula, int count, UniformRandomProvider rng) {
        this.variables = formula.variables();
        this.points = new double[count][];
        this.values = new double[count];
        Evaluator f = Evaluator.compile(formula, variables);
        int n = 0;
        for (int p = 0; p < count; p++) {
            double[] point = new double[variables.size()];
            for (int i = 0; i < point.length; i++) {
                point[i] = p % 2 == 0 ? 0.2 + 2.8 * rng.nextDouble() : -3 + 6 * rng.nextDouble();
            }
            points[p] = point;
            values[p] = f.evaluate(point);
            if (Double.isFinite(values[p])) {
                n++;
            }
        }
        this.defined = n;
    }

    List<String> variables() {
        return variables;
    }

    /** Points where the formula is defined. */
    int definedPoints() {
        return defined;
    }

    /**
     * Checks a variant whose variables are the formula's renamed by {@code renaming} (empty when not
     * renamed).
     */
    Verdict check(Expr variant, Map<String, String> renaming) {
        List<String> columns = new ArrayList<>(variables.size());
        for (String v : variables) {
            columns.add(renaming.getOrDefault(v, v));
        }
        Evaluator g;
        try {
            g = Evaluator.compile(variant, columns);
        } catch (IllegalArgumentException e) {
            return new Verdict(false, "variables differ: " + e.getMessage());
        }
        for (int p = 0; p < points.length; p++) {
            double a = values[p];
            if (!Double.isFinite(a)) {
                continue;
            }
            double b = g.evaluate(points[p]);
            if (!Double.isFinite(b)) {
                return new Verdict(false, "undefined in doubles where the formula is " + a + " at " + point(p));
            }
            if (Math.abs(a - b) > 1e-9 * Math.max(1, Math.abs(a))) {
                return new Verdict(false, "value " + b + " where the formula is " + a + " at " + point(p));
            }
        }
        return Verdict.OK;
    }

    private String point(int p) {
        StringBuilder b = new StringBuilder("(");
        for (int i = 0; i < variables.size(); i++) {
            b.append(i == 0 ? "" : ", ").append(variables.get(i)).append(" = ").append(points[p][i]);
        }
        return b.append(')').toString();
    }
}
