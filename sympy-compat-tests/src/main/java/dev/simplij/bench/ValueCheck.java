package dev.simplij.bench;

import dev.simplij.expr.Evaluator;
import dev.simplij.expr.Expr;
import dev.simplij.expr.NodeKind;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Compares an expression with its simplification at seeded random points where the input is
 * defined: the simplification must be defined there too and have the same value. Points are drawn as
 * in {@code make_corpus.py}: half with every variable in (0, 3], half in [-3, 3].
 *
 * <p>Values are compared with a relative tolerance; where the input itself cancels large terms, the
 * tolerance grows with the largest intermediate value of the input at that point, since double
 * evaluation of the input cannot be more exact than that.
 */
public final class ValueCheck {
    /** Relative tolerance on the values. */
    public static final double RELATIVE = 1e-6;
    /** Tolerance relative to the largest intermediate value of the input (cancellation error). */
    public static final double CANCELLATION = 1e-9;

    private final int points;
    private final int tries;

    /**
     * @param points how many points where the input is defined to compare at
     * @param tries  how many points to draw at most while looking for those
     */
    public ValueCheck(int points, int tries) {
        this.points = points;
        this.tries = tries;
    }

    /** The outcome for one pair; {@code compared} is 0 when the input was defined at no drawn point. */
    public record Result(int compared, Mismatch mismatch) {
        public boolean ok() {
            return mismatch == null;
        }
    }

    /** The first point where the two differ. */
    public record Mismatch(List<String> variables, double[] point, double inputValue, double outputValue) {
        @Override
        public String toString() {
            StringBuilder s = new StringBuilder();
            for (int i = 0; i < variables.size(); i++) {
                s.append(i == 0 ? "" : ", ").append(variables.get(i)).append('=').append(point[i]);
            }
            return "at {" + s + "} input = " + inputValue + ", output = " + outputValue;
        }
    }

    /** The seed of one row's points: the base seed mixed with the row's name. */
    public static long rowSeed(long seed, String rowId) {
        long h = seed * 0x9E3779B97F4A7C15L;
        for (int i = 0; i < rowId.length(); i++) {
            h = (h ^ rowId.charAt(i)) * 0xBF58476D1CE4E5B9L;
        }
        return h ^ (h >>> 31);
    }

    /** Columns for evaluating both: the input's variables, then any the output adds. */
    public static List<String> columns(Expr input, Expr output) {
        Set<String> names = new LinkedHashSet<>(input.variables());
        names.addAll(output.variables());
        return List.copyOf(names);
    }

    /** Points where the input is defined, drawn from {@code seed}; at most {@code points} of them. */
    public List<double[]> definedPoints(Expr input, List<String> columns, long seed) {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
        Evaluator in = Evaluator.compile(input, columns);
        List<double[]> out = new ArrayList<>();
        for (int t = 0; t < tries && out.size() < points; t++) {
            double lo = t % 2 == 0 ? 0 : -3;
            double[] p = new double[columns.size()];
            for (int c = 0; c < p.length; c++) {
                double v = lo + (3 - lo) * rng.nextDouble();
                p[c] = v == 0 ? 0.25 : v;
            }
            if (!Double.isNaN(in.evaluate(p))) {
                out.add(p);
            }
        }
        return out;
    }

    public Result compare(Expr input, Expr output, long seed) {
        List<String> columns = columns(input, output);
        Evaluator in = Evaluator.compile(input, columns);
        Evaluator out = Evaluator.compile(output, columns);
        List<double[]> defined = definedPoints(input, columns, seed);
        for (double[] p : defined) {
            double a = in.evaluate(p);
            double b = out.evaluate(p);
            if (!close(input, columns, p, a, b)) {
                return new Result(defined.size(), new Mismatch(columns, p, a, b));
            }
        }
        return new Result(defined.size(), null);
    }

    /** True when {@code b}, a value of the output, matches {@code a}, the input's value at {@code p}. */
    public static boolean close(Expr input, List<String> columns, double[] p, double a, double b) {
        if (Double.isNaN(b)) {
            return false;
        }
        double diff = Math.abs(a - b);
        if (diff <= RELATIVE * Math.max(Math.abs(a), Math.abs(b)) + 1e-12) {
            return true;
        }
        return diff <= CANCELLATION * largestIntermediate(input, columns, p);
    }

    /** The largest magnitude of any subexpression of {@code e} at {@code p}; slow, for the failure path. */
    static double largestIntermediate(Expr e, List<String> columns, double[] p) {
        double max = 0;
        for (int i = 0; i < e.size(); i++) {
            if (e.kind(i) == NodeKind.OPERATOR) {
                double v = Evaluator.compile(e.subtree(i), columns).evaluate(p);
                if (!Double.isNaN(v)) {
                    max = Math.max(max, Math.abs(v));
                }
            }
        }
        return max;
    }

    static String format(double[] p) {
        return Arrays.toString(p);
    }
}
