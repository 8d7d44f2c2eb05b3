package dev.simplij.sr;

import dev.simplij.sr.fit.ConstantFitter;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * One population under regularized evolution: tournament selection, mutation or crossover, and the
 * oldest member replaced by the child. Owned by one thread at a time; all randomness comes from the
 * island's own generator.
 */
final class Island {
    private final Search search;
    private final UniformRandomProvider rng;
    private final Member[] members;
    private final int[] complexityCounts;
    final HallOfFame hallOfFame;
    /** This island's window onto the fitness cache, settled by the search after every parallel phase. */
    final FitnessCache.View cache;
    private long births;

    Island(Search search, UniformRandomProvider rng) {
        this.search = search;
        this.rng = rng;
        this.members = new Member[search.settings.populationSize];
        this.complexityCounts = new int[search.settings.constraints.maxComplexity() + 2];
        this.cache = search.scorer.cache().view();
        this.hallOfFame = new HallOfFame(search.settings.constraints.maxComplexity(), search.settings.equationsPerComplexity);
        List<Candidate> guesses = search.guesses;
        for (int i = 0; i < members.length; i++) {
            Member m = i < guesses.size() ? search.scorer.score(guesses.get(i), births++, rng, cache) : null;
            while (m == null) {
                Candidate raw = search.mutator.randomTree(rng.nextInt(search.settings.initialOperators + 1), rng);
                if (admits(raw)) {
                    m = search.scorer.score(raw, births++, rng, cache);
                }
            }
            members[i] = m;
            count(m, 1);
            hallOfFame.offer(m);
        }
    }

    private boolean admits(Candidate raw) {
        return search.settings.constraints.admits(raw.skeleton(), search.settings.complexity.of(raw.skeleton()));
    }

    private void count(Member m, int delta) {
        complexityCounts[Math.min(m.complexity(), complexityCounts.length - 1)] += delta;
    }

    Member[] members() {
        return members.clone();
    }

    /** Runs {@code cycles} selection-and-replacement steps, stopping early when the search says so. */
    void evolve(int cycles) {
        for (int cycle = 0; cycle < cycles; cycle++) {
            if ((cycle & 15) == 0 && search.shouldStop()) {
                return;
            }
            if (rng.nextDouble() < search.settings.crossoverProbability) {
                Candidate[] children = search.mutator.crossover(tournament().candidate(), tournament().candidate(), rng);
                for (Candidate child : children) {
                    if (admits(child)) {
                        Member m = search.scorer.score(child, births++, rng, cache);
                        if (m.loss() < Double.POSITIVE_INFINITY) {
                            replaceOldest(m);
                        }
                    }
                }
            } else {
                replaceOldest(mutateOnce(tournament()));
            }
        }
    }

    private Member mutateOnce(Member parent) {
        Mutator.Kind kind = search.mutator.drawKind(rng);
        switch (kind) {
            case NOTHING, SIMPLIFY -> {
                // Members are canonical already when normalization is on; when it is off, "simplify"
                // must not call SimpliJ, or the comparison would not be off.
                return parent.reborn(births++);
            }
            case PERTURB_CONSTANT -> {
                double[] start = search.mutator.perturb(parent.candidate().constants(), 1.0,
                        search.settings.logScaleConstants ? search.scorer.data() : null, rng);
                return search.scorer.refit(parent, start, search.settings.searchFitter, rng, cache).reborn(births++);
            }
            default -> {
                for (int attempt = 0; attempt < 10; attempt++) {
                    Candidate raw = search.mutator.mutate(parent.candidate(), kind, rng);
                    if (raw != null && admits(raw)) {
                        Member child = search.scorer.score(raw, births++, rng, cache);
                        return child.loss() < Double.POSITIVE_INFINITY ? child : parent.reborn(births++);
                    }
                }
                return parent.reborn(births++);
            }
        }
    }

    /** Tournament selection on the parsimony-adjusted loss: the k-th best wins with probability p(1-p)^k. */
    private Member tournament() {
        int n = Math.min(search.settings.tournamentSize, members.length);
        Member[] pick = new Member[n];
        double[] scores = new double[n];
        // Sample without replacement by a partial Fisher-Yates over the indices.
        int[] idx = new int[members.length];
        for (int i = 0; i < idx.length; i++) {
            idx[i] = i;
        }
        for (int i = 0; i < n; i++) {
            int j = i + rng.nextInt(idx.length - i);
            int t = idx[i];
            idx[i] = idx[j];
            idx[j] = t;
            pick[i] = members[idx[i]];
            scores[i] = adjustedScore(pick[i]);
        }
        // Selection sort of the few picks; n is small.
        for (int i = 0; i < n; i++) {
            int best = i;
            for (int j = i + 1; j < n; j++) {
                if (scores[j] < scores[best]) {
                    best = j;
                }
            }
            double s = scores[i];
            scores[i] = scores[best];
            scores[best] = s;
            Member m = pick[i];
            pick[i] = pick[best];
            pick[best] = m;
            if (rng.nextDouble() < search.settings.tournamentProbability) {
                return pick[i];
            }
        }
        return pick[n - 1];
    }

    /**
     * Loss relative to the constant model, plus parsimony per unit of complexity, scaled up where the
     * island is crowded at that complexity (PySR's adaptive parsimony).
     */
    private double adjustedScore(Member m) {
        Settings s = search.settings;
        double score = m.loss() / search.baselineLoss + s.parsimony * m.complexity();
        if (s.adaptiveParsimony > 0) {
            double frequency = complexityCounts[Math.min(m.complexity(), complexityCounts.length - 1)] / (double) members.length;
            score *= Math.exp(s.adaptiveParsimony * frequency);
        }
        return score;
    }

    private void replaceOldest(Member child) {
        int oldest = 0;
        for (int i = 1; i < members.length; i++) {
            if (members[i].birth() < members[oldest].birth()) {
                oldest = i;
            }
        }
        count(members[oldest], -1);
        members[oldest] = child;
        count(child, 1);
        hallOfFame.offer(child);
    }

    /**
     * Refits the constants of each member with the set probability (PySR's optimize_probability); at
     * the end of every iteration.
     */
    void optimizeSome() {
        ConstantFitter fitter = search.settings.optimizeFitter;
        for (int i = 0; i < members.length; i++) {
            if (rng.nextDouble() < search.settings.optimizeProbability && !search.shouldStop()) {
                Member m = members[i];
                Member better = search.scorer.refit(m, m.candidate().constants(), fitter, rng, cache);
                if (better != m) {
                    members[i] = better;
                    hallOfFame.offer(better);
                }
            }
        }
    }

    /** Replaces a random member (not by age) with a migrant, which is born now. */
    void receive(Member migrant) {
        int i = rng.nextInt(members.length);
        count(members[i], -1);
        members[i] = migrant.reborn(births++);
        count(members[i], 1);
    }

    UniformRandomProvider rng() {
        return rng;
    }
}
