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
 * target has no double value, are decided there too at up to {@link #MAX_FAR_POINTS} points; more
 * reject. The source must be finite at enough points, so a rule never rests on an almost empty
 * domain.
 */
final class ValueCheck {
    static final double TIGHT = 1e-12;
    static final double LOOSE_RELATIVE = 1e-6;
    static final double LOOSE_ABSOLUTE = 1e-9;
    /**
     * While mining, at most this many near-miss points go to high precision; more reject the
     * candidate (re-checks of finished rules send all of them).
     */
    static final int MAX_NEAR_MISSES = 128;

    /**
     * Points differing beyond the loose tolerance also go to high precision, up to this many: an
     * ill-conditioned step (tan near a pole in {@code tan + pow5 _0 pi -> tan pow5 _0}) can turn
     * rounding into any difference at a few points; a false identity differs at many.
     */
    static final int MAX_FAR_POINTS = 8;

    /** Defined points every accepted pair is also checked at in high precision. */
    static final int CONFIRMATIONS = 4;

    /** Outcome of the double-precision pass. */
    static final int REJECT = -1;
    static final int TOO_FEW_POINTS = -2;

    private ValueCheck() {
    }

    /**
     * Compares value vectors point by point.
     *
     * @param minDefined the source must be defined at this many points from {@code firstRandom} on:
     *                   corner points do not count, so a source defined only on a set of measure
     *                   zero (such as {@code pow -1 tan asin _0}, defined where {@code tan asin _0}
     *                   is an integer) never yields a rule
     * @param ground    both sides are constant over the points (no placeholders): only point 0 counts
     * @param nearMiss  receives the indices of near-miss points
     * @param maxFar    points beyond the loose tolerance allowed (to be decided in high precision)
     * @return the number of points to decide in high precision ({@link #preciseAgree}; near misses plus
     *         {@link #CONFIRMATIONS} defined points), {@link #REJECT} or {@link #TOO_FEW_POINTS}
     */
    static int compare(double[] source, double[] target, int minDefined, int firstRandom, boolean ground,
                       int[] nearMiss, int maxFar) {
        int n = ground ? 1 : source.length;
        int defined = 0;
        int misses = 0;
        int far = 0;
        for (int p = 0; p < n; p++) {
            double s = source[p];
            if (Double.isNaN(s)) {
                continue;
            }
            if (p >= firstRandom) {
                defined++;
            }
            double t = target[p];
            if (s == t) {
                continue;
            }
            double diff = Math.abs(s - t);
            double size = Math.max(Math.abs(s), Math.abs(t));
            if (diff <= TIGHT * size) {
                continue;
            }
            // a target without a double value (NaN) is undefined there, or only beyond the double
            // range (exp of 1e3 inside sinh of a root of 1e16): high precision tells which
            if ((Double.isNaN(t) || diff > LOOSE_RELATIVE * size + LOOSE_ABSOLUTE) && ++far > maxFar) {
                return REJECT;
            }
            if (misses == nearMiss.length) {
                return REJECT;
            }
            nearMiss[misses++] = p;
        }
        if (ground ? Double.isNaN(source[0]) : defined < minDefined) {
            return TOO_FEW_POINTS;
        }
        // a few defined points always go to high precision: a constant factor such as
        // tanh(e^e) = 1 - 1.4e-13 is within TIGHT of 1 everywhere in doubles, but not in 60 digits
        int confirmed = 0;
        for (int p = ground ? 0 : firstRandom; p < n && confirmed < CONFIRMATIONS && misses < nearMiss.length; p++) {
            if (!Double.isNaN(source[p])) {
                nearMiss[misses++] = p;
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
