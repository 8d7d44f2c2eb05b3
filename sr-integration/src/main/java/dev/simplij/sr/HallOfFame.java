package dev.simplij.sr;

import java.util.ArrayList;
import java.util.List;

/**
 * The best members found at each complexity: up to {@code perComplexity} distinct canonical forms
 * per complexity (1 by default, PySR's hall of fame; more to show alternatives), each list by
 * increasing loss. Not thread-safe: each island keeps its own and the search merges them between
 * iterations.
 */
final class HallOfFame {
    private final List<List<Member>> best;
    private final int perComplexity;

    HallOfFame(int maxComplexity) {
        this(maxComplexity, 1);
    }

    HallOfFame(int maxComplexity, int perComplexity) {
        if (perComplexity < 1) {
            throw new IllegalArgumentException("equations per complexity must be >= 1, got " + perComplexity);
        }
        this.perComplexity = perComplexity;
        this.best = new ArrayList<>();
        for (int c = 0; c <= maxComplexity; c++) {
            best.add(new ArrayList<>(perComplexity));
        }
    }

    /** Keeps {@code m} if it beats a member at its complexity, or the same form at a higher loss; true when kept. */
    boolean offer(Member m) {
        int c = m.complexity();
        if (c >= best.size() || !(m.loss() < Double.POSITIVE_INFINITY)) {
            return false;
        }
        List<Member> kept = best.get(c);
        for (int i = 0; i < kept.size(); i++) {
            if (kept.get(i).candidate().skeleton().equals(m.candidate().skeleton())) {
                if (!(m.loss() < kept.get(i).loss())) {
                    return false;
                }
                kept.remove(i);
                break;
            }
        }
        int at = 0;
        while (at < kept.size() && !(m.loss() < kept.get(at).loss())) {
            at++;
        }
        if (at >= perComplexity) {
            return false;
        }
        kept.add(at, m);
        if (kept.size() > perComplexity) {
            kept.remove(kept.size() - 1);
        }
        return true;
    }

    void addAll(HallOfFame other) {
        for (List<Member> members : other.best) {
            for (Member m : members) {
                offer(m);
            }
        }
    }

    /** Every member held, by increasing complexity, then increasing loss. */
    List<Member> members() {
        List<Member> all = new ArrayList<>();
        for (List<Member> members : best) {
            all.addAll(members);
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
