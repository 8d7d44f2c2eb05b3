package dev.simplij.sr;

import dev.simplij.expr.Expr;
import dev.simplij.expr.Operator;
import dev.simplij.sr.fit.ConstantFitter;
import dev.simplij.sr.fit.Dataset;
import dev.simplij.sr.fit.FitResult;
import dev.simplij.sr.fit.LinearScaling;
import dev.simplij.sr.fit.Loss;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;

/**
 * One run of the search over one data set: islands evolve in parallel for an iteration, then the
 * hall of fame is merged, migrants move, progress is reported and the budgets are checked.
 */
final class Search {
    /**
     * Steps each island takes between two settlings of the fitness cache: islands see each other's fits
     * this often, in a fixed order, so sharing stays deterministic; settling once per iteration (200
     * steps) lost about a fifth of the first iteration's cache hits.
     */
    static final int CACHE_SETTLE_STEPS = 25;

    /** Exact fits: losses below this fraction of the target variance count as equal. */
    static final double EXACT_FRACTION = 1e-20;

    final Settings settings;
    final Scorer scorer;
    final Mutator mutator;
    final double baselineLoss;
    /** How often each complexity occurs over all islands, for adaptive parsimony; updated after every iteration. */
    final ComplexityFrequencies frequencies;
    private final Dataset data;
    private final long startNanos;
    private final long deadlineNanos;
    private final LiteralCleanup cleanup;
    /**
     * The printed form of each front member shown while the search runs: the front changes little from
     * one iteration to the next, and cleaning (simplifier, evaluations) is not cheap. A candidate's data
     * loss is a function of it, so the candidate is the key. Used on the search's own thread only.
     */
    private final Map<Candidate, Member> shownForms = new HashMap<>();
    private static final int MAX_SHOWN_FORMS = 10_000;
    /** The initial guesses as candidates: their numbers are the constants' starting values. */
    final List<Candidate> guesses;

    Search(Settings settings, Dataset data) {
        this.settings = settings;
        this.data = data;
        this.startNanos = System.nanoTime();
        this.deadlineNanos = settings.timeLimit == null ? Long.MAX_VALUE : startNanos + settings.timeLimit.toNanos();
        this.baselineLoss = Math.max(constantModelLoss(data, settings.loss), Double.MIN_NORMAL);
        this.scorer = new Scorer(data, settings.searchFitter, settings.normalization ? settings.normalizer : null,
                new FitnessCache(settings.cacheSize), settings.complexity, settings.units,
                settings.dimensionalPenalty * baselineLoss);
        this.mutator = new Mutator(settings.operators, data.names());
        this.frequencies = new ComplexityFrequencies(settings.constraints.maxComplexity(), ComplexityFrequencies.WINDOW);
        this.cleanup = new LiteralCleanup(data, settings.loss, settings.complexity, EXACT_FRACTION * baselineLoss,
                settings.normalization ? LiteralCleanup.standardFolding() : null);
        this.guesses = settings.guesses.stream().map(g -> guess(g, data.names())).toList();
    }

    /** A guess as a candidate, checked against the data's columns. */
    private static Candidate guess(Expr g, List<String> names) {
        List<String> unknown = g.variables().stream().filter(v -> !names.contains(v)).toList();
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("guess '" + g.toInfix() + "' uses " + unknown + ", not among the inputs "
                    + names);
        }
        return LiteralCleanup.literals(g);
    }

    /** The loss of predicting the target's mean everywhere: the scale that parsimony is relative to. */
    private static double constantModelLoss(Dataset data, Loss loss) {
        double[] mean = new double[data.rows()];
        Arrays.fill(mean, Arrays.stream(data.target()).average().orElse(0));
        return data.loss(mean, loss);
    }

    /**
     * The seed of one random stream of a run. A {@code Long} seed is expanded by SplitMix64, so even
     * 0 gives a good state (a raw {@code long[]} of zeros would give the generator's all-zero state).
     */
    static Long streamSeed(long seed, int stream) {
        return seed + 0x9E3779B97F4A7C15L * (stream + 2L);
    }

    boolean shouldStop() {
        return settings.stopRequest.isRequested() || System.nanoTime() > deadlineNanos;
    }

    SearchResult run() {
        UniformRandomProvider master = RandomSource.XO_RO_SHI_RO_128_PP.create(streamSeed(settings.seed, -1));
        Island[] islands = new Island[settings.populations];
        ExecutorService pool = settings.threads > 1 ? Executors.newFixedThreadPool(settings.threads, r -> {
            Thread t = new Thread(r, "simplij-sr");
            t.setDaemon(true);
            return t;
        }) : null;
        HallOfFame hallOfFame = new HallOfFame(settings.constraints.maxComplexity(), settings.equationsPerComplexity);
        StopReason reason = null;
        long iteration = 0;
        try {
            parallel(pool, settings.populations, i -> islands[i] = new Island(this,
                    RandomSource.XO_RO_SHI_RO_128_PP.create(streamSeed(settings.seed, i))));
            settleCache(islands);
            for (Island island : islands) {
                hallOfFame.addAll(island.hallOfFame);
            }
            while (reason == null) {
                if (iteration >= settings.maxIterations) {
                    reason = StopReason.ITERATIONS;
                    break;
                }
                for (int done = 0; done < settings.cyclesPerIteration && !shouldStop(); done += CACHE_SETTLE_STEPS) {
                    int steps = Math.min(CACHE_SETTLE_STEPS, settings.cyclesPerIteration - done);
                    parallel(pool, islands.length, i -> islands[i].evolve(steps));
                    settleCache(islands);
                }
                parallel(pool, islands.length, i -> islands[i].optimizeSome());
                settleCache(islands);
                iteration++;
                for (Island island : islands) {
                    hallOfFame.addAll(island.hallOfFame);
                    for (Member m : island.members()) {
                        frequencies.add(m.complexity());
                    }
                }
                frequencies.update();
                migrate(islands, hallOfFame, master);
                List<Member> front = hallOfFame.front();
                double bestLoss = front.isEmpty() ? Double.POSITIVE_INFINITY : front.get(front.size() - 1).loss();
                if (settings.listener != null
                        && !settings.listener.onIteration(new Progress(iteration, elapsed(),
                        ModelSelection.score(equations(cleaned(front)), EXACT_FRACTION * baselineLoss), stats()))) {
                    reason = StopReason.LISTENER;
                } else if (settings.stopRequest.isRequested()) {
                    reason = StopReason.INTERRUPTED;
                } else if (bestLoss <= settings.lossThreshold) {
                    reason = StopReason.LOSS;
                } else if (bestLoss <= settings.earlyStopFvu * baselineLoss) {
                    reason = StopReason.EXACT;
                } else if (System.nanoTime() > deadlineNanos) {
                    reason = StopReason.TIME;
                }
            }
        } finally {
            if (pool != null) {
                pool.shutdownNow();
            }
        }
        List<Member> kept = finalHallOfFame(hallOfFame, master);
        double floor = EXACT_FRACTION * baselineLoss;
        List<Equation> front = ModelSelection.score(equations(HallOfFame.paretoFront(kept)), floor);
        int selected = settings.modelSelection.select(front, floor);
        return new SearchResult(front, selected, reason, iteration, elapsed(), stats(), equations(kept));
    }

    /** The islands' cache entries of the last parallel phase, folded in island order: the same for any thread count. */
    private void settleCache(Island[] islands) {
        List<FitnessCache.View> views = new ArrayList<>(islands.length);
        for (Island island : islands) {
            views.add(island.cache);
        }
        scorer.cache().settle(views);
    }

    private interface IndexTask {
        void run(int index);
    }

    /** Runs {@code task(0..n-1)}: in order on this thread when single-threaded, else on the pool. */
    private static void parallel(ExecutorService pool, int n, IndexTask task) {
        if (pool == null) {
            for (int i = 0; i < n; i++) {
                task.run(i);
            }
            return;
        }
        List<Future<?>> futures = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int index = i;
            futures.add(pool.submit(() -> task.run(index)));
        }
        try {
            for (Future<?> f : futures) {
                f.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("search interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("an island failed", e.getCause());
        }
    }

    /**
     * Copies of other islands' best members and of the hall of fame's Pareto front (SymbolicRegression.jl migrates
     * its dominating members) replace random members.
     */
    private void migrate(Island[] islands, HallOfFame hallOfFame, UniformRandomProvider rng) {
        List<Member> fame = hallOfFame.front();
        Member[][] snapshot = new Member[islands.length][];
        for (int i = 0; i < islands.length; i++) {
            snapshot[i] = islands[i].members();
            Arrays.sort(snapshot[i], (a, b) -> Double.compare(a.loss(), b.loss()));
        }
        for (int i = 0; i < islands.length; i++) {
            int size = settings.populationSize;
            int fromIslands = islands.length > 1 ? draws(size * settings.migrationFraction, rng) : 0;
            for (int k = 0; k < fromIslands; k++) {
                int other = (i + 1 + rng.nextInt(islands.length - 1)) % islands.length;
                Member[] best = snapshot[other];
                islands[i].receive(best[rng.nextInt(Math.max(1, best.length / 4))]);
            }
            int fromFame = fame.isEmpty() ? 0 : draws(size * settings.hallOfFameMigrationFraction, rng);
            for (int k = 0; k < fromFame; k++) {
                islands[i].receive(fame.get(rng.nextInt(fame.size())));
            }
        }
    }

    /** {@code expected} rounded randomly, so small fractions still migrate now and then. */
    private static int draws(double expected, UniformRandomProvider rng) {
        int whole = (int) expected;
        return whole + (rng.nextDouble() < expected - whole ? 1 : 0);
    }

    /**
     * The hall of fame refitted thoroughly (and quantized when asked), with its literals cleaned, by
     * complexity then loss, without repeats and at most {@code equationsPerComplexity} per complexity
     * (cleaning can make two entries one, or move one to a lower complexity).
     */
    private List<Member> finalHallOfFame(HallOfFame hallOfFame, UniformRandomProvider rng) {
        List<Member> refitted = new ArrayList<>();
        for (Member m : hallOfFame.members()) {
            Candidate c = m.candidate();
            double loss = m.loss() - scorer.penalty(c);
            double[] values = c.constants();
            if (values.length > 0) {
                FitResult r = settings.finalFitter.fit(c.skeleton(), data, values, rng);
                scorer.evaluations.add(r.evaluations());
                if (r.loss() < loss) {
                    values = r.constants();
                    loss = r.loss();
                }
                if (settings.quantize > 0) {
                    values = ConstantFitter.quantize(values, settings.quantize);
                    loss = data.loss(data.compile(c.skeleton()), values, settings.loss);
                }
            }
            refitted.add(printed(m, new Candidate(c.skeleton(), values), loss));
        }
        Set<Candidate> seen = new HashSet<>();
        // keyed by complexity, not an array up to the maximum: a linearly scaled form is longer than the search's
        Map<Integer, Integer> perComplexity = new HashMap<>();
        return byComplexity(refitted).stream()
                .filter(m -> seen.add(m.candidate())
                        && perComplexity.merge(m.complexity(), 1, Integer::sum) <= settings.equationsPerComplexity)
                .toList();
    }

    /**
     * A hall-of-fame member as the tables print it: scaled (with linear scaling), literals cleaned, and
     * the dimensional penalty in its loss. Cleanup sees the loss without the penalty ({@code dataLoss}),
     * so that it keeps a change only when the fit on the data stays as good.
     */
    private Member printed(Member from, Candidate candidate, double dataLoss) {
        Member m = cleanup.clean(scaledForm(new Member(candidate, dataLoss, from.complexity(), from.birth())));
        double penalty = scorer.penalty(m.candidate());
        return penalty == 0 ? m : new Member(m.candidate(), m.loss() + penalty, m.complexity(), m.birth());
    }

    /**
     * With linear scaling, the member as it predicts: {@code a + b*(candidate)} with the closed-form
     * offset and scale as constants, its loss recomputed and its complexity that of the whole (cleanup
     * then drops an offset of 0 or a scale of 1). Itself without linear scaling.
     */
    private Member scaledForm(Member m) {
        if (!settings.linearScaling) {
            return m;
        }
        Candidate c = m.candidate();
        double[] ab = LinearScaling.offsetAndScale(data.predict(data.compile(c.skeleton()), c.constants()), data.target(),
                data.weights());
        Expr.Builder b = Expr.builder().operator(Operator.ADD).constant().operator(Operator.MUL).constant();
        for (int i = 0; i < c.skeleton().size(); i++) {
            Candidate.copyToken(b, c.skeleton(), i);
        }
        double[] values = new double[c.constants().length + 2];
        values[0] = ab[0];
        values[1] = ab[1];
        System.arraycopy(c.constants(), 0, values, 2, c.constants().length);
        Candidate scaled = new Candidate(b.build(), values);
        double loss = data.loss(data.compile(scaled.skeleton()), values, settings.loss);
        return new Member(scaled, loss, settings.complexity.of(scaled.skeleton()), m.birth());
    }

    private static List<Member> byComplexity(List<Member> members) {
        List<Member> sorted = new ArrayList<>(members);
        sorted.sort(Comparator.comparingInt(Member::complexity).thenComparingDouble(Member::loss));
        return sorted;
    }

    /**
     * The members with their literals cleaned, as a Pareto front. Also applied to the front shown while
     * the search runs, so no table ever prints {@code 1*x1} or a constant the fit left at 1e-11.
     * Cleaning can lower an entry's complexity, so the front is taken again.
     */
    private List<Member> cleaned(List<Member> members) {
        List<Member> clean = new ArrayList<>(members.size());
        if (shownForms.size() > MAX_SHOWN_FORMS) {
            shownForms.clear();
        }
        for (Member m : members) {
            clean.add(shownForms.computeIfAbsent(m.candidate(),
                    c -> printed(m, c, m.loss() - scorer.penalty(c))).reborn(m.birth()));
        }
        return HallOfFame.paretoFront(byComplexity(clean));
    }

    private List<Equation> equations(List<Member> members) {
        List<Equation> list = new ArrayList<>(members.size());
        for (Member m : members) {
            list.add(new Equation(m.candidate().skeleton(), m.candidate().constants(), data.names(), m.complexity(),
                    m.loss(), 0));
        }
        return list;
    }

    private Duration elapsed() {
        return Duration.ofNanos(System.nanoTime() - startNanos);
    }

    SearchStats stats() {
        return new SearchStats(scorer.candidates.sum(), scorer.evaluations.sum(), scorer.cache().hits(),
                scorer.cache().misses(), scorer.changedByNormalization.sum(), scorer.normalizationNanos.sum() / 1e9);
    }
}
