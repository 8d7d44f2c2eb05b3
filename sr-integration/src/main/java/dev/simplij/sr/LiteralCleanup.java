package dev.simplij.sr;

import dev.simplij.expr.Evaluator;
import dev.simplij.expr.Expr;
import dev.simplij.expr.NodeKind;
import dev.simplij.simplify.Simplifier;
import dev.simplij.sr.fit.Dataset;
import dev.simplij.sr.fit.Loss;

/**
 * The last step of a front entry, after the final refit and quantization (and of every entry shown
 * while the search runs): a constant whose value does not matter ({@code sin(7.678e-11 + x1)}) is set
 * to 0 and one the fit left at an integer up to rounding ({@code 0.9999999999998}) to that integer,
 * each when the loss does not grow, then the constants are written in as literals and the expression is simplified
 * with exact folding, so {@code 0*x1}, {@code 1*x1}, {@code x1 + 0} and {@code x1**1} do not reach
 * the printed front.
 *
 * <p>Why here and not during the search: the search keeps skeletons (one cache key per shape), where
 * a {@code <constant>} is an unknown and cannot fold; only the final values can. A change is kept only
 * when the loss, recomputed on the data, stays within {@code slack} of the entry's loss; the entry then
 * carries the recomputed loss and the complexity of what is printed.
 */
final class LiteralCleanup {
    /** A constant this close to an integer, relative to {@code max(1, |value|)}, is tried at the integer. */
    static final double SNAP_DISTANCE = 1e-9;
    /** Relative loss growth allowed for a change: rounding noise, not a worse fit. */
    static final double RELATIVE_SLACK = 1e-9;
    /** Snap-and-fold passes at most: a pass can leave a new negligible constant, rarely a second one. */
    static final int MAX_PASSES = 3;

    private final Dataset data;
    private final Loss loss;
    private final Complexity complexity;
    private final double absoluteSlack;
    private final Simplifier folding;

    private static volatile Simplifier standardFolding;

    /**
     * @param absoluteSlack loss growth always allowed: losses below it count as exact fits
     * @param folding       the simplifier that folds the literals, or null to snap constants only (a search
     *                      with normalization off must not call SimpliJ, or the on/off comparison would not be off)
     */
    LiteralCleanup(Dataset data, Loss loss, Complexity complexity, double absoluteSlack, Simplifier folding) {
        if (folding != null && folding.skeleton()) {
            throw new IllegalArgumentException("literal cleanup folds numbers: the simplifier must not be in skeleton mode");
        }
        this.data = data;
        this.loss = loss;
        this.complexity = complexity;
        this.absoluteSlack = absoluteSlack;
        this.folding = folding;
    }

    /** The shipped default rules with folding (not skeleton mode), or the built-in steps alone; built once. */
    static Simplifier standardFolding() {
        Simplifier s = standardFolding;
        if (s == null) {
            s = standardFolding = SimplifierNormalizer.defaultSimplifier(false);
        }
        return s;
    }

    /** The member with integer-valued constants snapped and its literals folded; itself when nothing changes. */
    Member clean(Member m) {
        Candidate c = m.candidate();
        double limit = m.loss() + Math.max(RELATIVE_SLACK * m.loss(), absoluteSlack);
        Candidate cleaned = c;
        // Folding can merge constants into one that does not matter (3.2 + x - 3.2000000000000007): snap again
        for (int pass = 0; pass < MAX_PASSES; pass++) {
            Candidate next = cleanedOnce(cleaned, limit);
            if (next.equals(cleaned)) {
                break;
            }
            cleaned = next;
        }
        if (cleaned.equals(c)) {
            return m;
        }
        return new Member(cleaned, lossOf(cleaned), complexity.of(cleaned.skeleton()), m.birth());
    }

    /** One pass: constants snapped, then the literals folded where the loss stays within {@code limit}. */
    private Candidate cleanedOnce(Candidate c, double limit) {
        double[] values = snapped(c, limit);
        Candidate folded = literals(fold(Candidate.substitute(c.skeleton(), values)));
        return lossOf(folded) <= limit ? folded : new Candidate(c.skeleton(), values);
    }

    /**
     * The constants, each tried at 0 (a negligible term or factor: {@code sin(7.678e-11 + x1)}) and,
     * when within {@link #SNAP_DISTANCE} of an integer, at that integer; a value is kept where the loss
     * stays within {@code limit}.
     */
    private double[] snapped(Candidate c, double limit) {
        double[] values = c.constants().clone();
        Evaluator evaluator = null;
        for (int j = 0; j < values.length; j++) {
            double v = values[j];
            double integer = Math.rint(v) + 0.0; // + 0.0 turns -0.0 into 0.0
            boolean nearInteger = integer != v && Math.abs(v - integer) <= SNAP_DISTANCE * Math.max(1, Math.abs(v));
            for (double tried : nearInteger && integer != 0 ? new double[] {0, integer} : new double[] {0}) {
                if (v == tried) {
                    break;
                }
                if (evaluator == null) {
                    evaluator = data.compile(c.skeleton());
                }
                values[j] = tried;
                if (data.loss(evaluator, values, loss) <= limit) {
                    break;
                }
                values[j] = v;
            }
        }
        return values;
    }

    private Expr fold(Expr literal) {
        if (folding == null) {
            return literal;
        }
        try {
            Expr folded = folding.simplify(literal);
            return folded.size() <= literal.size() ? folded : literal;
        } catch (RuntimeException budgetOrBug) {
            return literal;
        }
    }

    private double lossOf(Candidate c) {
        return data.loss(data.compile(c.skeleton()), c.constants(), loss);
    }

    /** {@code e} as a candidate: each numeric literal a {@code <constant>} with that value. */
    static Candidate literals(Expr e) {
        Expr.Builder b = Expr.builder();
        double[] values = new double[e.size()];
        int count = 0;
        for (int i = 0; i < e.size(); i++) {
            if (e.kind(i) == NodeKind.NUMBER) {
                values[count++] = e.number(i);
                b.constant();
            } else {
                Candidate.copyToken(b, e, i);
            }
        }
        return new Candidate(b.build(), java.util.Arrays.copyOf(values, count));
    }
}
