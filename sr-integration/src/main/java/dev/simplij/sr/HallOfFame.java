package dev.simplij.sr;

import java.util.ArrayList;
import java.util.List;

/**
 * The best member found at each complexity. Members are in canonical form, and one complexity holds
 * one member, so the hall holds distinct canonical forms. Not thread-safe: each island keeps its own
 * and the search merges them between iterations.
 */
final class HallOfFame {
    private final Member[] best;

    HallOfFame(int maxComplexity) {
        this.best = new Member[maxComplexity + 1];
    }

    /** Keeps {@code m} if it beats the member at its complexity; true when kept. */
    boolean offer(Member m) {
        int c = m.complexity();
        if (c >= best.length || !(m.loss() < Double.POSITIVE_INFINITY)) {
            return false;
        }
        if (best[c] == null || m.loss() < best[c].loss()) {
            best[c] = m;
            return true;
        }
        return false;
    }

    void addAll(HallOfFame other) {
        for (Member m : other.best) {
            if (m != null) {
                offer(m);
            }
        }
    }

    /** Every member held, by increasing complexity. */
    List<Member> members() {
        List<Member> all = new ArrayList<>();
        for (Member m : best) {
            if (m != null) {
                all.add(m);
            }
        }
        return all;
    }

    /** The Pareto front: by increasing complexity, each with a lower loss than every simpler member. */
    List<Member> front() {
        return paretoFront(members());
    }

    /** The members, sorted by complexity, that have a lower loss than every simpler one. */
    static List<Member> paretoFront(List<Member> byComplexity) {
        List<Member> front = new ArrayList<>();
        double bestLoss = Double.POSITIVE_INFINITY;
        for (Member m : byComplexity) {
            if (m.loss() < bestLoss) {
                front.add(m);
                bestLoss = m.loss();
            }
        }
        return front;
    }
}
