package dev.simplij.sr;

import dev.simplij.sr.fit.ConstantFitter;
import java.util.Arrays;
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
    final HallOfFame hallOfFame;
    /** This island's window onto the fitness cache, settled by the search after every parallel phase. */
    final FitnessCache.View cache;
    private long births;

    Island(Search search, UniformRandomProvider rng) {
        this.search = search;
        this.rng = rng;
        this.members = new Member[search.settings.populationSize];
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
            hallOfFame.offer(m);
        }
    }

    private boolean admits(Candidate raw) {
        return search.settings.constraints.admits(raw.skeleton(), search.settings.complexity.of(raw.skeleton()));
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
        Settings s = search.settings;
        Mutator.Kind kind = search.mutator.drawKind(parent.candidate(), parent.complexity() >= s.constraints.maxComplexity(),
                rng);
        switch (kind) {
            case NOTHING, SIMPLIFY -> {
                // Members are canonical already when normalization is on; when it is off, "simplify"
                // must not call SimpliJ, or the comparison would not be off.
                return parent.reborn(births++);
            }
            case PERTURB_CONSTANT -> {
                double[] start = search.mutator.perturb(parent.candidate().constants(), 1.0,
                        s.logScaleConstants ? search.scorer.data() : null, rng);
                return search.scorer.refit(parent, start, s.searchFitter, rng, cache).reborn(births++);
            }
            default -> {
                for (int attempt = 0; attempt < 10; attempt++) {
                    Candidate raw = search.mutator.mutate(parent.candidate(), kind, rng);
                    if (raw != null && admits(raw)) {
                        Member child = search.scorer.score(raw, births++, rng, cache);
                        return child.loss() < Double.POSITIVE_INFINITY && accepts(parent, child)
                                ? child : parent.reborn(births++);
                    }
                }
                return parent.reborn(births++);
            }
        }
    }

    /**
     * SymbolicRegression.jl's acceptance of a mutated child with its annealing off: with probability
     * {@code frequency(parent's complexity) / frequency(child's)} (at most 1), so that moves to a crowded
     * complexity are often undone. A refused child still reaches the hall of fame: it was scored already.
     */
    private boolean accepts(Member parent, Member child) {
        if (search.settings.adaptiveParsimony == 0) {
            return true;
        }
        double ratio = search.frequencies.of(parent.complexity(), ComplexityFrequencies.OUTSIDE)
                / search.frequencies.of(child.complexity(), ComplexityFrequencies.OUTSIDE);
        if (ratio >= 1 || rng.nextDouble() < ratio) {
            return true;
        }
        hallOfFame.offer(child);
        return false;
    }

    /**
     * Tournament selection, SymbolicRegression.jl's: {@code tournamentSize} members drawn without replacement,
     * ranked by the adjusted score, and the k-th best picked with probability proportional to {@code p(1-p)^k}.
     */
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
            scores[i] = logAdjustedScore(pick[i]);
        }
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(scores[a], scores[b]));
        return pick[order[rankDrawn(n, search.settings.tournamentProbability, rng)]];
    }

    /**
     * A rank in 0..n-1 drawn with probability proportional to {@code p(1-p)^k}: a geometric law cut at n (uniform
     * at p = 0, its limit).
     */
    static int rankDrawn(int n, double p, UniformRandomProvider rng) {
        if (p >= 1) {
            return 0;
        }
        if (p <= 0) {
            return rng.nextInt(n);
        }
        // P(rank < k) = (1 - (1-p)^k) / (1 - (1-p)^n), inverted
        double u = rng.nextDouble() * (1 - Math.pow(1 - p, n));
        int k = (int) Math.floor(Math.log1p(-u) / Math.log1p(-p));
        return Math.min(Math.max(k, 0), n - 1);
    }

    /** {@link #logAdjustedScore(double, int, double, double, double)} of a member, at its complexity's frequency. */
    private double logAdjustedScore(Member m) {
        Settings s = search.settings;
        return logAdjustedScore(m.loss() / search.baselineLoss, m.complexity(), search.frequencies.of(m.complexity(), 0),
                s.parsimony, s.adaptiveParsimony);
    }

    /**
     * The log of SymbolicRegression.jl's tournament score: the loss relative to the constant model plus
     * parsimony per unit of complexity, times {@code exp(adaptiveParsimony * frequency)} of the member's
     * complexity over all islands (0 above the maximum). In logs, as the factor overflows a double past {@code e^709}.
     */
    static double logAdjustedScore(double relativeLoss, int complexity, double frequency, double parsimony,
            double adaptiveParsimony) {
        return Math.log(relativeLoss + parsimony * complexity) + adaptiveParsimony * frequency;
    }

    private void replaceOldest(Member child) {
        int oldest = 0;
        for (int i = 1; i < members.length; i++) {
            if (members[i].birth() < members[oldest].birth()) {
                oldest = i;
            }
        }
        members[oldest] = child;
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
        members[rng.nextInt(members.length)] = migrant.reborn(births++);
    }

    UniformRandomProvider rng() {
        return rng;
    }
}
