package dev.simplij.bench;

import dev.simplij.expr.Evaluator;
import dev.simplij.expr.Expr;
import dev.simplij.reliability.IntervalEvaluator;
import dev.simplij.reliability.IntervalEvaluator.Interval;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Compares an expression with its simplification at seeded random points where the input is
 * defined: the simplification must be defined there too and have the same value. Points are drawn as
 * in {@code make_corpus.py}: half with every variable in (0, 3], half in [-3, 3].
 *
 * <p>Values are compared with a relative tolerance; where the doubles disagree, the exact values are
 * bounded with interval arithmetic ({@link IntervalEvaluator}), since double evaluation of an input
 * that cancels or takes a root of a rounding residue can be far from its real value, and an output
 * whose double evaluation overflows on the way ({@code x3/exp(2600)}, NaN by the evaluator's
 * convention) can still be defined on the reals, with the input's value.
 */
public final class ValueCheck {
    /** Relative tolerance on the values. */
    public static final double RELATIVE = 1e-6;
    /** Absolute tolerance, for values that should be 0. */
    public static final double ABSOLUTE = 1e-12;

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
            if (!close(input, output, columns, p, a, b)) {
                return new Result(defined.size(), new Mismatch(columns, p, a, b));
            }
        }
        return new Result(defined.size(), null);
    }

    /**
     * True when {@code b}, the output's double value at {@code p}, matches {@code a}, the input's.
     * When the doubles disagree, interval arithmetic decides: the input's exact value lies in its
     * interval, so a point where that interval is wide (cancellation, a root of a rounding residue)
     * or may be undefined does not count against the output.
     */
    public static boolean close(Expr input, List<String> columns, double[] p, double a, double b) {
        return close(input, null, columns, p, a, b);
    }

    static boolean close(Expr input, Expr output, List<String> columns, double[] p, double a, double b) {
        if (!Double.isNaN(b) && Math.abs(a - b) <= tolerance(a, b)) {
            return true;
        }
        Interval in = IntervalEvaluator.evaluate(input, columns, p);
        if (!in.certain()) {
            return true; // in exact arithmetic the input may be undefined here: not a point to judge
        }
        // a NaN output is judged too: in doubles an intermediate overflow is undefined (x/exp(2600)),
        // on the reals it is not, and the guarantee is about the reals
        Interval out = output == null ? null : IntervalEvaluator.evaluate(output, columns, p);
        if (out == null || !out.certain()) {
            out = new Interval(b, b, IntervalEvaluator.Definedness.DEFINED);
        }
        if (Double.isNaN(out.lo())) {
            return false;
        }
        double scale = Math.max(Math.max(Math.abs(in.lo()), Math.abs(in.hi())), Math.max(Math.abs(out.lo()), Math.abs(out.hi())));
        return in.gap(out) <= RELATIVE * scale + ABSOLUTE;
    }

    private static double tolerance(double a, double b) {
        return RELATIVE * Math.max(Math.abs(a), Math.abs(b)) + ABSOLUTE;
    }
}
