package dev.simplij.miner;

import dev.simplij.expr.Expr;

/**
 * The exact check behind every mined rule. Semantics: {@code source -> target} is sound when both
 * are equal wherever the source is defined on the reals; the target may be defined at more points
 * (as in {@code exp log _0 -> _0}), never at fewer.
 *
 * <p>In double precision a point passes when the values agree to {@link #TIGHT} relative. A point
 * where they differ by more, but by less than rounding of cancelling terms could explain
 * ({@link #LOOSE_RELATIVE}, {@link #LOOSE_ABSOLUTE}), is a near miss: it is re-evaluated in 60
 * digits ({@link PreciseEvaluator}) and decides there. Larger differences, and points where only the
 * target is undefined in doubles, are decided there too at up to {@link #MAX_FAR_POINTS} points;
 * more reject. A point where the target is {@link VectorOps#UNKNOWN} (absorbed, cancelled,
 * saturated, beyond the double range) or the source {@link VectorOps#CANCELLED} is no evidence
 * either way in doubles: a spread of {@link #MAX_UNKNOWN} of them is decided in high precision, the
 * rest are skipped (as are the points where the source is otherwise unknown). The source must
 * have a value at enough points, and be compared with the target at enough of them, so a rule
 * never rests on an almost empty domain.
 */
final class ValueCheck {
    static final double TIGHT = 1e-12;
    static final double LOOSE_RELATIVE = 1e-6;
    static final double LOOSE_ABSOLUTE = 1e-9;
    /** At most this many near-miss points go to high precision while mining; more reject. */
    static final int MAX_NEAR_MISSES = 128;

    /**
     * Points differing beyond the loose tolerance also go to high precision, up to this many: an
     * ill-conditioned step (tan near a pole in {@code tan + pow5 _0 pi -> tan pow5 _0}) can turn
     * rounding into any difference at a few points; a false identity differs at many.
     */
    static final int MAX_FAR_POINTS = 8;

    /**
     * While mining, this many of the points where a side is {@link VectorOps#UNKNOWN}, spread over
     * them, go to high precision; the others are no evidence either way.
     */
    static final int MAX_UNKNOWN = 8;

    /** Re-checks decide this many of the points where a side is unknown (a spread of them). */
    static final int RECHECK_UNKNOWN = 16;

    /** Defined points every accepted pair is also checked at in high precision. */
    static final int CONFIRMATIONS = 4;

    /** Outcome of the double-precision pass. */
    static final int REJECT = -1;
    static final int TOO_FEW_POINTS = -2;

    /**
     * How many points of each kind one comparison may send to high precision: near misses (more
     * reject), far points (more reject) and points where a side is unknown (a spread of this many is
     * sent, the rest skipped).
     */
    record Budget(int nearMisses, int farPoints, int unknownPoints) {
        /** The miner's screen. */
        static final Budget MINING = new Budget(MAX_NEAR_MISSES, MAX_FAR_POINTS, MAX_UNKNOWN);

        /**
         * Re-checks: every near miss and far point of a sample of {@code points} decided in high
         * precision, and a spread of {@link #RECHECK_UNKNOWN} of the points where a side is unknown
         * (at 60 and 120 digits, cosh and sinh of a few hundred take milliseconds each).
         */
        static Budget recheck(int points) {
            return new Budget(points, points, RECHECK_UNKNOWN);
        }

        /** The size of the array of points to decide that {@link #compare} fills. */
        int capacity() {
            return nearMisses + unknownPoints + CONFIRMATIONS;
        }
    }

    private ValueCheck() {
    }

    /**
     * Compares value vectors point by point.
     *
     * @param minDefined the source must have a value at this many points from {@code firstRandom}
     *                   on: corner points do not count, so a source defined only on a set of measure
     *                   zero (such as {@code pow -1 tan asin _0}, defined where {@code tan asin _0}
     *                   is an integer) never yields a rule; and the target must be compared with it
     *                   at as many
     * @param ground    both sides are constant over the points (no placeholders): only point 0 counts
     * @param decide    receives the indices of the points to decide in high precision, at least
     *                  {@link Budget#capacity()} long
     * @return the number of points to decide in high precision ({@link #preciseAgree}; near misses,
     *         far points, a spread of the points where a side is unknown, and {@link #CONFIRMATIONS}
     *         defined points), {@link #REJECT} or {@link #TOO_FEW_POINTS}
     */
    static int compare(double[] source, double[] target, int minDefined, int firstRandom, boolean ground,
                       int[] decide, Budget budget) {
        int n = ground ? 1 : source.length;
        int defined = 0;
        int compared = 0;
        int unknown = 0;
        int misses = 0;
        int far = 0;
        for (int p = 0; p < n; p++) {
            double s = source[p];
            double t = target[p];
            if (s != s) {
                // undefined: no constraint on the target; unknown: no evidence, but a cancellation can
                // mark just the region where a false rule is wrong, so those points are decided
                unknown += VectorOps.isCancelled(s) && !ground ? 1 : 0;
                continue;
            }
            boolean random = p >= firstRandom;
            defined += random ? 1 : 0;
            if (VectorOps.isUnknown(t)) {
                unknown++;
                continue;
            }
            compared += random ? 1 : 0;
            if (s == t) {
                continue;
            }
            double diff = Math.abs(s - t);
            double size = Math.max(Math.abs(s), Math.abs(t));
            if (diff <= TIGHT * size) {
                continue;
            }
            // a target undefined in doubles where the source is defined refutes the rule, unless it is
            // a rounding artefact: high precision decides
            if ((Double.isNaN(t) || diff > LOOSE_RELATIVE * size + LOOSE_ABSOLUTE) && ++far > budget.farPoints()) {
                return REJECT;
            }
            if (misses == budget.nearMisses()) {
                return REJECT;
            }
            decide[misses++] = p;
        }
        if (ground ? Double.isNaN(source[0]) : defined < minDefined) {
            return TOO_FEW_POINTS;
        }
        if (!ground && 2 * compared < defined) {
            // the target has no double value at most of the source's points: too little to go on in
            // doubles, and too many points for high precision (saturated or overflowed targets such
            // as tanh exp _0 would send nearly every candidate there)
            return REJECT;
        }
        // where the target has no double value or the source cancelled, doubles say nothing either
        // way: a spread of those points goes to high precision. Skipping the cancelled ones would let
        // a false rule through on the points it gets right: x + |x| is 0 wherever x + x is not
        if (unknown > 0 && budget.unknownPoints() > 0) {
            int stride = (unknown + budget.unknownPoints() - 1) / budget.unknownPoints();
            int seen = 0;
            for (int p = 0; p < n; p++) {
                double s = source[p];
                if (VectorOps.isCancelled(s) || (s == s && VectorOps.isUnknown(target[p]))) {
                    if (seen++ % stride == 0) {
                        decide[misses++] = p;
                        compared += p >= firstRandom ? 1 : 0;
                    }
                }
            }
        }
        if (!ground && compared < minDefined) {
            return REJECT; // the target tells too little about this source
        }
        // a few defined points always go to high precision: a constant factor such as
        // tanh(e^e) = 1 - 1.4e-13 is within TIGHT of 1 everywhere in doubles, but not in 60 digits
        int confirmed = 0;
        for (int p = ground ? 0 : firstRandom; p < n && confirmed < CONFIRMATIONS; p++) {
            if (!Double.isNaN(source[p])) {
                decide[misses++] = p;
                confirmed++;
            }
        }
        return misses;
    }

    /**
     * Decides near-miss points in high precision: every point where the source is defined must have
     * the target defined and equal.
     */
    static boolean preciseAgree(PreciseEvaluator precise, Expr source, Expr target, SampleMatrix points,
                                int[] nearMiss, int count) {
        return firstPreciseDisagreement(precise, source, target, points, nearMiss, count) < 0;
    }

    /**
     * The first near-miss point where high precision says the sides differ, or -1. A ground source
     * has one value only, so there an undecided point (a pole, a value out of range, a difference
     * below even 120 digits) refutes too: no ground rule rests on an undecided value.
     */
    static int firstPreciseDisagreement(PreciseEvaluator precise, Expr source, Expr target, SampleMatrix points,
                                        int[] nearMiss, int count) {
        double[] none = new double[0];
        boolean ground = source.placeholderCount() == 0;
        for (int k = 0; k < count; k++) {
            int p = nearMiss[k];
            PreciseEvaluator.Verdict verdict = precise.compare(source, target, points.point(p), none);
            if (verdict == PreciseEvaluator.Verdict.DISAGREE || (ground && verdict == PreciseEvaluator.Verdict.UNDECIDED)) {
                return p;
            }
        }
        return -1;
    }
}
