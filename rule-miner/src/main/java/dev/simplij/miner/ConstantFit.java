package dev.simplij.miner;

import dev.simplij.expr.Expr;
import dev.simplij.expr.NodeKind;
import dev.simplij.expr.Operator;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.hipparchus.dfp.Dfp;
import org.hipparchus.exception.MathRuntimeException;
import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.ArrayRealVector;
import org.hipparchus.optim.nonlinear.vector.leastsquares.LeastSquaresBuilder;
import org.hipparchus.optim.nonlinear.vector.leastsquares.LeastSquaresOptimizer;
import org.hipparchus.optim.nonlinear.vector.leastsquares.LeastSquaresProblem;
import org.hipparchus.optim.nonlinear.vector.leastsquares.LevenbergMarquardtOptimizer;
import org.hipparchus.util.Pair;

import java.util.Arrays;

/**
 * The check behind every free-constant rule. Semantics: {@code source -> target} holds when, for
 * every value of the source's {@code <constant>}s (where the source is defined somewhere), there
 * are values of the target's constants such that the target equals the source wherever the source
 * is defined on the reals. So {@code exp <constant> -> <constant>} and
 * {@code pow2 * <constant> _0 -> * <constant> pow2 _0} hold, {@code * <constant> pow2 _0 ->
 * pow2 * <constant> _0} does not (a negative factor is no square).
 *
 * <p>"For every value" is probed with {@link #DRAWS} independent assignments of the source's
 * constants with fixed sign patterns (all positive, all negative, alternating, and small integers
 * and halves), so a rule that fails for one sign is refuted. For each draw the target's constants
 * are fitted: a damped Gauss-Newton solve at a few points from several starts (cheap, also the
 * screen that rejects most candidate targets), then a Levenberg-Marquardt polish (Hipparchus) over
 * every defined point, then the same exact check as constant-free rules ({@link ValueCheck}: finite
 * wherever the source is, equal to 1e-12 relative, near misses and a few confirmation points in
 * 60 digits, to {@link #PRECISE_TOLERANCE} because the fitted constants are doubles). A draw where
 * the source is defined at too few points is skipped; a rule needs {@link #MIN_DRAWS} usable draws
 * (one for sources without placeholders).
 *
 * <p>Not thread-safe (scratch space and a {@link PreciseEvaluator}): one instance per thread.
 */
final class ConstantFit {
    static final int DRAWS = 4;
    static final int MIN_DRAWS = 2;
    /** Source constants beyond this many are not supported. */
    static final int MAX_CONSTANTS = 6;
    /** Relative agreement in 60 digits with fitted double constants. */
    static final double PRECISE_TOLERANCE = 1e-10;
    private static final double SCREEN_TOLERANCE = 1e-9;
    private static final double SNAP = 1e-12;
    private static final double[] CORNER_CONSTANTS = {2, -1, 3, -2, 0.5, -0.5};
    private static final double[] STARTS = {1, -1, 0.5, -2, 3, -0.3};
    /**
     * Per source constant: itself, negated, inverted (slots 0-2), shifted by these (3-5), pi minus it
     * (6), halved and doubled (7-8, roots and squares of {@code exp(c x)}), its exponential and minus
     * that (9-10, a constant moved into or out of a logarithm: {@code c + log(-x) = log(-e^c x)}).
     */
    private static final double[] SHIFTS = {0, 0, 0, Math.PI / 2, -Math.PI / 2, Math.PI, 0, 0, 0, 0, 0};

    private final SampleMatrix points;
    private final double[][] draws;
    private final int minDefined;
    private final PreciseEvaluator precise = new PreciseEvaluator();
    private final ValueCheck.Budget budget;
    private final int[] nearMiss;
    private final double[] scratch = new double[64];

    /**
     * @param wide       constants of wider magnitudes (for the re-check on a fresh sample)
     * @param minDefined random points a non-ground source must be defined at for a draw to count
     */
    ConstantFit(SampleMatrix points, long seed, boolean wide, int minDefined) {
        this.points = points;
        this.minDefined = minDefined;
        this.budget = new ValueCheck.Budget(points.size(), ValueCheck.MAX_FAR_POINTS, ValueCheck.MAX_UNKNOWN);
        this.nearMiss = new int[budget.capacity()];
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed ^ 0xC0257A17L);
        double decades = wide ? 1.3 : 0.7;
        draws = new double[DRAWS][MAX_CONSTANTS];
        for (int j = 0; j < MAX_CONSTANTS; j++) {
            draws[0][j] = magnitude(rng, decades);
            draws[1][j] = -magnitude(rng, decades);
            draws[2][j] = (j % 2 == 0 ? 1 : -1) * magnitude(rng, decades);
            draws[3][j] = CORNER_CONSTANTS[rng.nextInt(CORNER_CONSTANTS.length)];
        }
    }

    private static double magnitude(UniformRandomProvider rng, double decades) {
        return Math.pow(10, (rng.nextDouble() * 2 - 1) * decades);
    }

    /** The source's values under every draw, and where to screen it. */
    final class Source {
        final Expr expr;
        final boolean ground;
        final double[][] values = new double[DRAWS][];
        final boolean[] usable = new boolean[DRAWS];
        final int[][] screen = new int[DRAWS][];
        final int usableDraws;

        Source(Expr expr) {
            if (expr.constantCount() > MAX_CONSTANTS) {
                throw new IllegalArgumentException("at most " + MAX_CONSTANTS + " free constants: " + expr);
            }
            this.expr = expr;
            this.ground = expr.placeholderCount() == 0;
            int count = 0;
            for (int d = 0; d < DRAWS; d++) {
                double[] v = VectorOps.evaluate(expr, points, draws[d]);
                values[d] = v;
                int[] chosen = ground ? (Double.isNaN(v[0]) ? null : new int[] {0}) : screenPoints(v);
                if (chosen != null) {
                    usable[d] = true;
                    screen[d] = chosen;
                    count++;
                }
            }
            usableDraws = count;
        }

        /** Enough usable draws to decide anything. */
        boolean decidable() {
            return usableDraws >= (ground ? 1 : MIN_DRAWS);
        }

        /** True when the values do not depend on the constants (every usable draw equal). */
        boolean constantFree() {
            double[] first = null;
            for (int d = 0; d < DRAWS; d++) {
                if (usable[d]) {
                    if (first == null) {
                        first = values[d];
                    } else if (!Arrays.equals(first, values[d])) {
                        return false;
                    }
                }
            }
            return true;
        }
    }

    Source source(Expr e) {
        return new Source(e);
    }

    /** Up to 4 spread random points where {@code v} is defined, or null when too few are. */
    private int[] screenPoints(double[] v) {
        int first = points.cornerPoints();
        int defined = 0;
        for (int p = first; p < v.length; p++) {
            if (!Double.isNaN(v[p])) {
                defined++;
            }
        }
        if (defined < minDefined) {
            return null;
        }
        int[] chosen = new int[Math.min(4, defined)];
        int k = 0;
        int seen = 0;
        int stride = Math.max(1, defined / chosen.length);
        for (int p = first; p < v.length && k < chosen.length; p++) {
            if (!Double.isNaN(v[p]) && seen++ % stride == 0) {
                chosen[k++] = p;
            }
        }
        return k == chosen.length ? chosen : Arrays.copyOf(chosen, k);
    }

    /**
     * The cheap screen: can the target's constants be solved for at the source's screen points
     * under the first usable draw? Most candidate targets fail here.
     */
    boolean screen(Source s, Scalar target) {
        for (int d = 0; d < DRAWS; d++) {
            if (s.usable[d]) {
                return solve(s, d, target) != null;
            }
        }
        return false;
    }

    /** Null when the target fits the source under every usable draw (see the class comment), else why not. */
    String problem(Source s, Expr targetExpr) {
        if (!s.decidable()) {
            return "source defined at too few points under the constant draws";
        }
        Scalar target = new Scalar(targetExpr);
        if (targetExpr.constantCount() > s.expr.constantCount()) {
            return "target has more free constants than the source";
        }
        for (int d = 0; d < DRAWS; d++) {
            if (!s.usable[d]) {
                continue;
            }
            double[] k = solve(s, d, target);
            if (k == null) {
                return "no fit at the screen points for constants " + describe(d, s.expr.constantCount());
            }
            if (k.length > 0 && !s.ground) {
                k = polish(s, d, target, k);
            }
            double[] snapped = snapped(k);
            String problem = snapped == null ? compare(s, d, targetExpr, k) : compare(s, d, targetExpr, snapped);
            if (problem != null && snapped != null) {
                problem = compare(s, d, targetExpr, k);
            }
            if (problem != null) {
                return problem + " for constants " + describe(d, s.expr.constantCount()) + ", fitted "
                        + Arrays.toString(k);
            }
        }
        return null;
    }

    /**
     * The fit with components below {@link #SNAP} set to exactly 0, or null when there are none: a
     * constant that should be 0 (as in {@code + + <constant> _0 <constant>} with constants -1/2 and
     * 1/2) is fitted as 1e-18, which the absorbed-sum guard would then call undefined next to small
     * values.
     */
    private static double[] snapped(double[] k) {
        double[] out = null;
        for (int j = 0; j < k.length; j++) {
            if (k[j] != 0 && Math.abs(k[j]) < SNAP) {
                if (out == null) {
                    out = k.clone();
                }
                out[j] = 0;
            }
        }
        return out;
    }

    private String describe(int d, int count) {
        return Arrays.toString(Arrays.copyOf(draws[d], count));
    }

    private String compare(Source s, int d, Expr target, double[] k) {
        double[] t = VectorOps.evaluate(target, points, k);
        double[] v = s.values[d];
        // the double-range guards speak for the source's evidence; where only the target trips one (a
        // fitted 19.7 absorbing an x the source's 17.7 does not), its plain value is compared instead
        Scalar plain = null;
        for (int p = 0; p < t.length; p++) {
            if (Double.isNaN(t[p]) && !Double.isNaN(v[p])) {
                if (plain == null) {
                    plain = new Scalar(target);
                }
                t[p] = plain.evaluate(points.point(p), k, scratch);
            }
        }
        int verdict = ValueCheck.compare(v, t, s.ground ? 1 : minDefined, points.cornerPoints(), s.ground, nearMiss,
                budget);
        if (verdict == ValueCheck.TOO_FEW_POINTS) {
            return "source defined at too few points";
        }
        if (verdict == ValueCheck.REJECT) {
            return "target differs";
        }
        for (int i = 0; i < verdict; i++) {
            int p = nearMiss[i];
            double[] point = points.point(p);
            Dfp a = precise.evaluate(s.expr, point, draws[d]);
            if (a == null) {
                continue;
            }
            double scale = precise.lastMagnitude();
            Dfp b = precise.evaluate(target, point, k);
            if (b == null && precise.outOfRange()) {
                continue;
            }
            if (b == null) {
                return "target undefined in 60 digits at point " + p;
            }
            scale = Math.max(scale, precise.lastMagnitude());
            if (Math.abs(PreciseEvaluator.toDouble(a.subtract(b))) > PRECISE_TOLERANCE * Math.max(1, scale)) {
                return "target differs in 60 digits at point " + p;
            }
        }
        return null;
    }

    /** Target constants that match the source at the screen points of draw {@code d}, or null. */
    private double[] solve(Source s, int d, Scalar target) {
        int[] at = s.screen[d];
        double[] want = new double[at.length];
        double[][] coords = new double[at.length][];
        for (int i = 0; i < at.length; i++) {
            want[i] = s.values[d][at[i]];
            coords[i] = points.point(at[i]);
        }
        int kt = target.constants;
        if (kt == 0) {
            return residualOk(target, coords, want, new double[0]) ? new double[0] : null;
        }
        int ks = s.expr.constantCount();
        double[] start = new double[kt];
        for (int attempt = 0; attempt < STARTS.length + SHIFTS.length * ks; attempt++) {
            for (int j = 0; j < kt; j++) {
                start[j] = startValue(attempt, j, draws[d], ks);
            }
            double[] k = gaussNewton(target, coords, want, start);
            if (k != null) {
                return k;
            }
        }
        return null;
    }

    /** Starting points: fixed values, then values derived from each source constant ({@link #SHIFTS}). */
    private static double startValue(int attempt, int j, double[] c, int ks) {
        if (attempt < STARTS.length) {
            return STARTS[(attempt + j) % STARTS.length];
        }
        int i = (attempt - STARTS.length) / SHIFTS.length;
        double v = c[(i + j) % ks];
        return switch ((attempt - STARTS.length) % SHIFTS.length) {
            case 0 -> v;
            case 1 -> -v;
            case 2 -> 1 / v;
            case 6 -> Math.PI - v;
            case 7 -> v / 2;
            case 8 -> 2 * v;
            case 9 -> Math.exp(v);
            case 10 -> -Math.exp(v);
            default -> v + SHIFTS[(attempt - STARTS.length) % SHIFTS.length]; // phases of sin and cos
        };
    }

    private boolean residualOk(Scalar t, double[][] coords, double[] want, double[] k) {
        for (int i = 0; i < want.length; i++) {
            double r = t.evaluate(coords[i], k, scratch);
            if (Double.isNaN(r) || Math.abs(r - want[i]) > SCREEN_TOLERANCE * Math.max(1, Math.abs(want[i]))) {
                return false;
            }
        }
        return true;
    }

    /** Damped Gauss-Newton on relative residuals with a numerical Jacobian; null unless it converges. */
    private double[] gaussNewton(Scalar t, double[][] coords, double[] want, double[] start) {
        int m = want.length;
        int kt = start.length;
        double[] k = start.clone();
        double[] r = new double[m];
        double[][] jac = new double[m][kt];
        double norm = residuals(t, coords, want, k, r);
        if (Double.isNaN(norm)) {
            return null;
        }
        double lambda = 1e-9;
        for (int iter = 0; iter < 40; iter++) {
            if (norm < 1e-26 * m) {
                return residualOk(t, coords, want, k) ? k : null;
            }
            for (int j = 0; j < kt; j++) {
                double h = 1e-7 * Math.max(1, Math.abs(k[j]));
                double saved = k[j];
                k[j] = saved + h;
                for (int i = 0; i < m; i++) {
                    double v = t.evaluate(coords[i], k, scratch);
                    jac[i][j] = (((v - want[i]) / weight(want[i])) - r[i]) / h;
                }
                k[j] = saved;
            }
            double[][] a = new double[kt][kt + 1];
            for (int p = 0; p < kt; p++) {
                for (int q = 0; q < kt; q++) {
                    double sum = 0;
                    for (int i = 0; i < m; i++) {
                        sum += jac[i][p] * jac[i][q];
                    }
                    a[p][q] = sum;
                }
                double g = 0;
                for (int i = 0; i < m; i++) {
                    g -= jac[i][p] * r[i];
                }
                a[p][kt] = g;
            }
            boolean improved = false;
            for (int tries = 0; tries < 8 && !improved; tries++) {
                double[] step = solveDamped(a, lambda);
                if (step == null) {
                    return null;
                }
                double[] next = k.clone();
                for (int j = 0; j < kt; j++) {
                    next[j] += step[j];
                }
                double[] rn = new double[m];
                double nn = residuals(t, coords, want, next, rn);
                if (!Double.isNaN(nn) && nn < norm) {
                    k = next;
                    System.arraycopy(rn, 0, r, 0, m);
                    norm = nn;
                    lambda = Math.max(1e-12, lambda / 10);
                    improved = true;
                } else {
                    lambda = lambda * 10 + 1e-6;
                }
            }
            if (!improved) {
                break; // at the rounding floor (sin of a large argument), or stuck
            }
        }
        return residualOk(t, coords, want, k) ? k : null;
    }

    private static double weight(double want) {
        return Math.max(1, Math.abs(want));
    }

    /** Fills relative residuals; returns their squared norm, NaN where the target is undefined. */
    private double residuals(Scalar t, double[][] coords, double[] want, double[] k, double[] r) {
        double sum = 0;
        for (int i = 0; i < want.length; i++) {
            double v = t.evaluate(coords[i], k, scratch);
            if (Double.isNaN(v)) {
                return Double.NaN;
            }
            r[i] = (v - want[i]) / weight(want[i]);
            sum += r[i] * r[i];
        }
        return sum;
    }

    /** Solves {@code (A + lambda diag(A)) x = b} for the augmented {@code [A | b]}; null when singular. */
    private static double[] solveDamped(double[][] augmented, double lambda) {
        int n = augmented.length;
        double[][] a = new double[n][];
        for (int p = 0; p < n; p++) {
            a[p] = augmented[p].clone();
            a[p][p] += lambda * Math.max(a[p][p], 1e-300);
        }
        for (int col = 0; col < n; col++) {
            int pivot = col;
            for (int row = col + 1; row < n; row++) {
                if (Math.abs(a[row][col]) > Math.abs(a[pivot][col])) {
                    pivot = row;
                }
            }
            if (a[pivot][col] == 0 || Double.isNaN(a[pivot][col])) {
                return null;
            }
            double[] tmp = a[col];
            a[col] = a[pivot];
            a[pivot] = tmp;
            for (int row = col + 1; row < n; row++) {
                double f = a[row][col] / a[col][col];
                for (int c = col; c <= n; c++) {
                    a[row][c] -= f * a[col][c];
                }
            }
        }
        double[] x = new double[n];
        for (int row = n - 1; row >= 0; row--) {
            double sum = a[row][n];
            for (int c = row + 1; c < n; c++) {
                sum -= a[row][c] * x[c];
            }
            x[row] = sum / a[row][row];
        }
        return x;
    }

    /**
     * Levenberg-Marquardt over every point where the source is defined (relative residuals), started
     * from the screen's solution; the screen's solution when the polish fails or is worse.
     */
    private double[] polish(Source s, int d, Scalar target, double[] start) {
        double[] v = s.values[d];
        int defined = 0;
        for (double x : v) {
            if (!Double.isNaN(x)) {
                defined++;
            }
        }
        final int count = defined;
        int[] at = new int[count];
        int m = 0;
        for (int p = 0; p < v.length; p++) {
            if (!Double.isNaN(v[p])) {
                at[m++] = p;
            }
        }
        double[][] coords = new double[count][];
        double[] want = new double[count];
        for (int i = 0; i < count; i++) {
            want[i] = v[at[i]];
            coords[i] = points.point(at[i]);
        }
        int kt = start.length;
        LeastSquaresProblem problem = new LeastSquaresBuilder()
                .start(start)
                .target(new double[count])
                .maxEvaluations(200)
                .maxIterations(100)
                .model(k -> {
                    double[] kk = k.toArray();
                    double[] stack = scratch;
                    double[] r = new double[count];
                    double[][] jac = new double[count][kt];
                    for (int i = 0; i < count; i++) {
                        r[i] = penalized((target.evaluate(coords[i], kk, stack) - want[i]) / weight(want[i]));
                    }
                    for (int j = 0; j < kt; j++) {
                        double h = 1e-7 * Math.max(1, Math.abs(kk[j]));
                        double saved = kk[j];
                        kk[j] = saved + h;
                        for (int i = 0; i < count; i++) {
                            double ri = penalized((target.evaluate(coords[i], kk, stack) - want[i]) / weight(want[i]));
                            jac[i][j] = (ri - r[i]) / h;
                        }
                        kk[j] = saved;
                    }
                    return new Pair<>(new ArrayRealVector(r, false), new Array2DRowRealMatrix(jac, false));
                })
                .build();
        try {
            LeastSquaresOptimizer.Optimum optimum = new LevenbergMarquardtOptimizer().optimize(problem);
            double[] k = optimum.getPoint().toArray();
            double[] r = new double[count];
            double before = residuals(target, coords, want, start, r);
            double after = residuals(target, coords, want, k, r);
            return !Double.isNaN(after) && (Double.isNaN(before) || after <= before) ? k : start;
        } catch (MathRuntimeException e) {
            return start;
        }
    }

    /** An undefined target value is a large residual, so the optimizer moves away from it. */
    private static double penalized(double r) {
        return Double.isNaN(r) ? 1e3 : r;
    }

    /**
     * An expression compiled for fast evaluation at one point with given constants (plain operator
     * semantics: NaN where undefined). The exact check uses {@link VectorOps} instead.
     */
    static final class Scalar {
        private final int[] kind;
        private final Operator[] ops;
        private final double[] numbers;
        private final int[] slot;
        final int constants;

        Scalar(Expr e) {
            int n = e.size();
            kind = new int[n];
            ops = new Operator[n];
            numbers = new double[n];
            slot = new int[n];
            int c = 0;
            for (int i = 0; i < n; i++) {
                NodeKind k = e.kind(i);
                switch (k) {
                    case PLACEHOLDER -> {
                        kind[i] = 0;
                        slot[i] = e.placeholder(i);
                    }
                    case CONSTANT -> {
                        kind[i] = 1;
                        slot[i] = c++;
                    }
                    case NUMBER -> {
                        kind[i] = 2;
                        numbers[i] = e.number(i);
                    }
                    case OPERATOR -> {
                        Operator op = e.operator(i);
                        if (op.arity() == 0) {
                            kind[i] = 2;
                            numbers[i] = op.constantValue();
                        } else {
                            kind[i] = 2 + op.arity();
                            ops[i] = op;
                        }
                    }
                    default -> throw new IllegalArgumentException("cannot evaluate " + e.token(i) + " in " + e);
                }
            }
            constants = c;
        }

        /** The value at {@code point} with constants {@code k}; {@code stack} is scratch of at least its size. */
        double evaluate(double[] point, double[] k, double[] stack) {
            int top = 0;
            for (int i = kind.length - 1; i >= 0; i--) {
                double v = switch (kind[i]) {
                    case 0 -> point[slot[i]];
                    case 1 -> k[slot[i]];
                    case 2 -> numbers[i];
                    case 3 -> ops[i].apply(stack[--top]);
                    default -> {
                        double left = stack[--top];
                        double right = stack[--top];
                        yield ops[i].apply(left, right);
                    }
                };
                stack[top++] = v;
            }
            return stack[0];
        }
    }
}
