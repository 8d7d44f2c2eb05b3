package dev.simplij.sr.data;

import dev.simplij.expr.Evaluator;
import dev.simplij.expr.Expr;
import dev.simplij.sr.Normalizer;
import dev.simplij.sr.fit.ConstantFitter;
import dev.simplij.sr.fit.Dataset;
import dev.simplij.sr.fit.FitResult;
import dev.simplij.sr.fit.Loss;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.DoubleSupplier;
import org.apache.commons.rng.UniformRandomProvider;
import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.SingularValueDecomposition;

/**
 * Finds generated skeletons that belong to a test set, so a training set can leave them out.
 * A generated (simplified, skeleton-mode) skeleton matches a test formula when
 * <ul>
 *   <li>symbolically: it equals the test formula's skeleton (every number, {@code pi} and {@code E}
 *       replaced by {@code <constant>}, then simplified by the same simplifier); or</li>
 *   <li>numerically: it uses exactly the test formula's variables, has at most
 *       {@code decontamination.extraConstants} more free constants than the test formula's
 *       skeleton, and after its constants are refit to the test formula's values at shared sample
 *       points (the SR search's {@link ConstantFitter}) agrees with it within a relative tolerance
 *       at all of them, with every fitted constant identifiable (see {@link #everyConstantMatters}). This
 *       catches equivalent forms that the rules do not bring to one canonical form. The conditions
 *       on constants keep out wider families that merely contain the test formula as a special
 *       case ({@code c + x1*x2} contains {@code x1*x2} at {@code c = 0}, {@code c tanh(c + x1) x2}
 *       nearly contains it as {@code c -> infinity}, {@code c x1 / tan(c / x2)} as both go to 0):
 *       a model trained on them has not seen the test formula's form.</li>
 * </ul>
 * A numeric check costs a fit per test formula with the same variables, so it is screened: one
 * short Levenberg-Marquardt run from all-ones constants ({@code decontamination.screenIterations})
 * on {@value #SCREEN_POINTS} of the shared points, and only a skeleton that comes within
 * {@code decontamination.screenError} (relative root mean square error) gets the full fit with
 * restarts. A skeleton whose family contains the test formula
 * only far from all-ones constants (for example {@code cos(c x)} for {@code cos(2 x)} behind other
 * constants) can be screened out: the numeric check is a budgeted heuristic on top of the exact
 * symbolic one.
 *
 * <p>Immutable and thread-safe: a fit's randomness is seeded by the skeleton's hash and the test
 * formula's row, so the verdict on a skeleton never depends on which thread asks or when.
 */
public final class Decontaminator {
    /** One formula of a test set: its row (1-based, after the header), text and skeleton. */
    public record TestFormula(int row, String formula, Expr expr, Expr skeleton) {
    }

    /** A generated skeleton's match: the test formula, and whether it was found symbolically. */
    public record Match(TestFormula test, boolean symbolic) {
    }

    /**
     * The test formulas sharing one set of variables; for each, the shared points where it is
     * defined with its values there as the target (null when it is undefined on most of them).
     */
    private record Group(Dataset points, List<TestFormula> tests, List<Dataset> targets, List<Dataset> screenTargets,
                         double[] meanSquares) {
    }

    /** Smallest singular value of the relative Jacobian, as a fraction of the values' norm, for a match. */
    private static final double IDENTIFIABLE = 1e-4;

    /** Shared points the screening fit uses: the first few of those where the test formula is defined. */
    private static final int SCREEN_POINTS = 8;

    private final List<TestFormula> tests;
    private final Map<Long, List<TestFormula>> bySkeletonHash = new HashMap<>();
    private final Map<List<String>, Group> byVariables = new HashMap<>();
    private final double tolerance;
    private final double screenError;
    private final int maxConstants;
    private final int extraConstants;
    private final boolean numeric;
    private final ConstantFitter screen;
    private final ConstantFitter fitter;
    private final long seed;

    private Decontaminator(List<TestFormula> tests, GeneratorConfig config) {
        this.tests = List.copyOf(tests);
        this.tolerance = config.decontaminationTolerance();
        this.screenError = config.decontaminationScreenError();
        this.maxConstants = config.decontaminationMaxConstants();
        this.extraConstants = config.decontaminationExtraConstants();
        this.numeric = config.decontaminationNumeric();
        this.screen = ConstantFitter.builder().restarts(0).maxIterations(config.decontaminationScreenIterations()).build();
        this.fitter = ConstantFitter.builder().restarts(config.decontaminationRestarts()).build();
        this.seed = config.seed();
        for (TestFormula t : tests) {
            bySkeletonHash.computeIfAbsent(t.skeleton().hash(0), h -> new ArrayList<>()).add(t);
        }
        buildGroups(config);
    }

    /**
     * A decontaminator for the {@code formula} column of a CSV test set.
     *
     * @param normalizer the generator's skeleton-mode simplifier
     * @throws IllegalArgumentException naming the file and row of a formula that does not parse
     */
    public static Decontaminator fromCsv(Path file, Normalizer normalizer, GeneratorConfig config) {
        Csv.Table table = Csv.read(file);
        int column = table.column("formula", file);
        List<String> formulas = new ArrayList<>();
        for (List<String> row : table.rows()) {
            formulas.add(row.get(column));
        }
        return of(formulas, file.toString(), normalizer, config);
    }

    /** A decontaminator for formulas in SymPy syntax; {@code source} names them in errors. */
    public static Decontaminator of(List<String> formulas, String source, Normalizer normalizer,
                                    GeneratorConfig config) {
        List<TestFormula> tests = new ArrayList<>();
        for (int i = 0; i < formulas.size(); i++) {
            Expr e;
            try {
                e = Expr.parseInfix(formulas.get(i));
            } catch (RuntimeException ex) {
                throw new IllegalArgumentException(source + ": formula " + (i + 1) + " '" + formulas.get(i)
                        + "' does not parse: " + ex.getMessage(), ex);
            }
            tests.add(new TestFormula(i + 1, formulas.get(i), e, normalizer.normalize(Skeletons.withFreeNumbers(e))));
        }
        return new Decontaminator(tests, config);
    }

    public List<TestFormula> tests() {
        return tests;
    }

    private void buildGroups(GeneratorConfig config) {
        Map<List<String>, List<TestFormula>> grouped = new HashMap<>();
        for (TestFormula t : tests) {
            grouped.computeIfAbsent(sortedVariables(t.expr()), v -> new ArrayList<>()).add(t);
        }
        // Shared points: one column per variable name, the same for every test formula using it.
        Map<String, double[]> columns = new HashMap<>();
        int m = config.decontaminationPoints();
        TreeSet<String> allNames = new TreeSet<>();
        grouped.keySet().forEach(allNames::addAll);
        UniformRandomProvider rng = Seeds.stream(config.seed(), Seeds.DECONTAMINATION, 0);
        DoubleSupplier draw = config.decontaminationDomain().sampler(rng);
        for (String name : allNames) {
            double[] col = new double[m];
            for (int r = 0; r < m; r++) {
                col[r] = draw.getAsDouble();
            }
            columns.put(name, col);
        }
        for (Map.Entry<List<String>, List<TestFormula>> e : grouped.entrySet()) {
            List<String> names = e.getKey();
            double[][] cols = names.stream().map(columns::get).toArray(double[][]::new);
            double[][] x = new double[m][names.size()];
            for (int r = 0; r < m; r++) {
                for (int c = 0; c < names.size(); c++) {
                    x[r][c] = cols[c][r];
                }
            }
            Dataset points = Dataset.of(x, new double[m], names);
            List<Dataset> targets = new ArrayList<>();
            List<Dataset> screenTargets = new ArrayList<>();
            double[] meanSquares = new double[e.getValue().size()];
            for (int t = 0; t < meanSquares.length; t++) {
                double[] y = Evaluator.compile(e.getValue().get(t).expr(), names).evaluateColumns(cols, m, new double[0]);
                Dataset target = definedRows(points, y);
                targets.add(target);
                screenTargets.add(target == null ? null
                        : target.rows(java.util.stream.IntStream.range(0, Math.min(SCREEN_POINTS, target.rows())).toArray()));
                for (double v : target == null ? new double[0] : target.target()) {
                    meanSquares[t] += v * v / target.rows();
                }
            }
            byVariables.put(names, new Group(points, e.getValue(), targets, screenTargets, meanSquares));
        }
    }

    private static List<String> sortedVariables(Expr e) {
        return List.copyOf(new TreeSet<>(e.variables()));
    }

    /** The first test formula that {@code skeleton} (already simplified) matches, or null. */
    public Match match(Expr skeleton) {
        List<TestFormula> same = bySkeletonHash.get(skeleton.hash(0));
        if (same != null) {
            for (TestFormula t : same) {
                if (t.skeleton().equals(skeleton)) {
                    return new Match(t, true);
                }
            }
        }
        if (!numeric || skeleton.constantCount() > maxConstants) {
            return null;
        }
        Group group = byVariables.get(sortedVariables(skeleton));
        if (group == null) {
            return null;
        }
        Evaluator evaluator = Evaluator.compile(skeleton, group.points().names());
        for (int i = 0; i < group.tests().size(); i++) {
            if (skeleton.constantCount() <= group.tests().get(i).skeleton().constantCount() + extraConstants
                    && agrees(skeleton, evaluator, group, i)) {
                return new Match(group.tests().get(i), false);
            }
        }
        return null;
    }

    private boolean agrees(Expr skeleton, Evaluator evaluator, Group group, int index) {
        Dataset data = group.targets().get(index);
        if (data == null) {
            return false;
        }
        // Errors relative to the root mean square of the test formula's values.
        double meanSquare = Math.max(group.meanSquares()[index], Double.MIN_NORMAL);
        double match = tolerance * tolerance * meanSquare;
        if (evaluator.constantCount() == 0) {
            return data.loss(evaluator, new double[0], Loss.mse()) <= match;
        }
        FitResult quick = screen.fit(evaluator, group.screenTargets().get(index), null, Seeds.stream(seed, Seeds.FIT, 0));
        if (!(quick.loss() <= screenError * screenError * meanSquare)) {
            return false;
        }
        UniformRandomProvider rng = Seeds.stream(seed ^ skeleton.hash(0), Seeds.FIT, group.tests().get(index).row());
        FitResult full = fitter.fit(evaluator, data, quick.constants(), rng);
        return full.loss() <= match && everyConstantMatters(evaluator, data, full.constants());
    }

    /**
     * True when the fitted constants are identifiable: the Jacobian of the predictions with respect
     * to the constants' logarithms (relative changes) has no direction that leaves the predictions
     * nearly unchanged. A constant fitted to zero ({@code c + x1*x2} at {@code c = 0}), a saturated
     * one ({@code tanh(c + x1)} at large {@code c}) or two that only matter together in a limit
     * ({@code c1*x1/tan(c2/x2)} as both go to zero) mean a wider family that contains the test
     * formula only as a special or limiting case.
     */
    static boolean everyConstantMatters(Evaluator evaluator, Dataset data, double[] constants) {
        double[] base = data.predict(evaluator, constants);
        double norm = 0;
        for (double v : base) {
            norm += v * v;
        }
        norm = Math.sqrt(norm);
        double step = 1e-4;
        double[][] jacobian = new double[base.length][constants.length];
        for (int i = 0; i < constants.length; i++) {
            double[] nudged = constants.clone();
            nudged[i] *= 1 + step;
            double[] moved = data.predict(evaluator, nudged);
            for (int r = 0; r < base.length; r++) {
                double d = (moved[r] - base[r]) / step;
                if (!Double.isFinite(d)) {
                    return false;
                }
                jacobian[r][i] = d;
            }
        }
        double[] singular = new SingularValueDecomposition(new Array2DRowRealMatrix(jacobian, false)).getSingularValues();
        return singular[singular.length - 1] > IDENTIFIABLE * Math.max(norm, Double.MIN_NORMAL);
    }

    /** The shared points where the test formula is defined, with its values as the target. */
    private static Dataset definedRows(Dataset points, double[] y) {
        int defined = 0;
        for (double v : y) {
            if (!Double.isNaN(v)) {
                defined++;
            }
        }
        if (defined < Math.max(2, y.length / 2)) {
            return null;
        }
        int[] rows = new int[defined];
        double[] target = new double[defined];
        for (int r = 0, k = 0; r < y.length; r++) {
            if (!Double.isNaN(y[r])) {
                rows[k] = r;
                target[k++] = y[r];
            }
        }
        return points.rows(rows).withTarget(target);
    }
}
