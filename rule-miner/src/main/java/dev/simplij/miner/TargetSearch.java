package dev.simplij.miner;

import dev.simplij.expr.Expr;
import dev.simplij.expr.ExprOrder;
import dev.simplij.miner.TargetIndex.Target;

import java.util.function.IntSupplier;
import java.util.function.Supplier;

/**
 * Grouping and exact check, the third stage of a length: among the targets of the source's
 * fingerprint bucket ({@link TargetIndex#candidates}), in {@link ExprOrder}, the first shorter than
 * the source whose value vector passes {@link ValueCheck} against the source's, high precision
 * deciding where doubles cannot. One per thread (scratch space and a {@link PreciseEvaluator}); the
 * index it searches is shared and read-only.
 */
final class TargetSearch {
    private final SampleMatrix points;
    private final int minDefined;
    private final double[] targetValues;
    private final int[] decide = new int[ValueCheck.Budget.MINING.capacity()];
    private final PreciseEvaluator precise = new PreciseEvaluator();

    /** {@code minDefined}: see {@link ValueCheck#compare}. */
    TargetSearch(SampleMatrix points, int minDefined) {
        this.points = points;
        this.minDefined = minDefined;
        this.targetValues = new double[points.size()];
    }

    /** {@link #find}'s answer when no target is shorter than what the rules kept so far reach. */
    static final int REACHED_BY_SHORTER_RULES = -2;

    /**
     * The id in {@code targets} of the smallest target equal to a source of {@code length} tokens,
     * -1 if there is none, or {@link #REACHED_BY_SHORTER_RULES} when the first target that passes in
     * doubles is no shorter than {@code shorterReach}: the Kruskal step would drop that candidate
     * (the kept rules reduce its source as far), so its high-precision decision is skipped.
     *
     * @param values       the source's value vector
     * @param distinct     the source's distinct placeholders
     * @param occ          its placeholder occurrences ({@link Placeholders#occurrences})
     * @param source       the source itself, asked for only when high precision must decide
     * @param shorterReach the length the rules kept so far reduce the source to ({@code length} when
     *                     that is not to be asked), asked for only before a high-precision decision
     */
    int find(TargetIndex targets, double[] values, int length, int distinct, long occ, Supplier<Expr> source,
             IntSupplier shorterReach) {
        for (int id : targets.candidates(values)) {
            Target t = targets.target(id);
            if (t.expr().size() >= length) {
                break;
            }
            if (!Placeholders.within(t.occurrences(), occ)) {
                continue;
            }
            int verdict = ValueCheck.compare(values, targets.values(id, targetValues), minDefined,
                    points.cornerPoints(), distinct == 0, decide, ValueCheck.Budget.MINING);
            if (verdict == ValueCheck.TOO_FEW_POINTS) {
                return -1;
            }
            if (verdict == ValueCheck.REJECT) {
                continue;
            }
            if (t.expr().size() >= shorterReach.getAsInt()) {
                return REACHED_BY_SHORTER_RULES; // targets come shortest first: none left is shorter
            }
            if (verdict > 0 && !ValueCheck.preciseAgree(precise, source.get(), t.expr(), points, decide, verdict)) {
                continue;
            }
            return id;
        }
        return -1;
    }
}
