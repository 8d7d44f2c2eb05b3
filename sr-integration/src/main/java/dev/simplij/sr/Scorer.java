package dev.simplij.sr;

import dev.simplij.expr.Expr;
import dev.simplij.sr.fit.ConstantFitter;
import dev.simplij.sr.fit.Dataset;
import dev.simplij.sr.fit.FitResult;
import java.util.concurrent.atomic.LongAdder;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * Turns a raw candidate into a scored member: normalize its skeleton (when on), look the canonical
 * form up in the fitness cache, and on a miss fit the constants and store the fit.
 *
 * <p>Why the skeleton and not the expression with its numbers: the canonical form of a skeleton is
 * the same for every value of the constants, so one cache entry serves every candidate of that
 * shape and the hall of fame compares shapes, which is what "recovered up to constants" means. It
 * is sound because a normalizer only merges or reparametrizes constants (the canonical form denotes
 * at least every function the raw skeleton denotes), so refitting it can only lower the best loss;
 * the raw values are dropped because they no longer align with the canonical constants. Folding the
 * numbers instead would keep the values but give a different key for every value, so nothing would
 * be shared.
 */
final class Scorer {
    private final Dataset data;
    private final ConstantFitter fitter;
    private final Normalizer normalizer;
    private final FitnessCache cache;
    private final Complexity complexity;
    /** Null when the columns carry no units. */
    private final Units units;
    private final double dimensionalPenalty;

    final LongAdder candidates = new LongAdder();
    final LongAdder evaluations = new LongAdder();
    final LongAdder changedByNormalization = new LongAdder();
    final LongAdder normalizationFailures = new LongAdder();
    final LongAdder normalizationNanos = new LongAdder();

    /**
     * @param normalizer         null when normalization is off
     * @param units              null when the columns carry no units
     * @param dimensionalPenalty added to the loss of a candidate that is not dimensionally consistent
     */
    Scorer(Dataset data, ConstantFitter fitter, Normalizer normalizer, FitnessCache cache, Complexity complexity,
           Units units, double dimensionalPenalty) {
        this.units = units;
        this.dimensionalPenalty = dimensionalPenalty;
        this.data = data;
        this.fitter = fitter;
        this.normalizer = normalizer;
        this.cache = cache;
        this.complexity = complexity;
    }

    Dataset data() {
        return data;
    }

    FitnessCache cache() {
        return cache;
    }

    boolean normalizing() {
        return normalizer != null;
    }

    /** The canonical form of a skeleton; the skeleton itself when off, or when the normalizer fails or grows it. */
    Expr canonical(Expr skeleton) {
        if (normalizer == null) {
            return skeleton;
        }
        long t0 = System.nanoTime();
        Expr c;
        try {
            c = normalizer.normalize(skeleton);
        } catch (RuntimeException e) {
            normalizationFailures.increment();
            c = skeleton;
        }
        normalizationNanos.add(System.nanoTime() - t0);
        if (c.size() > skeleton.size()) {
            normalizationFailures.increment();
            return skeleton;
        }
        if (!c.equals(skeleton)) {
            changedByNormalization.increment();
        }
        return c;
    }

    /**
     * Scores a raw candidate, through the island's view of the cache; the member's loss is infinite
     * where it is undefined on some point.
     */
    Member score(Candidate raw, long birth, UniformRandomProvider rng, FitnessCache.View view) {
        candidates.increment();
        Expr skeleton = raw.skeleton();
        Expr canonical = canonical(skeleton);
        FitnessCache.Fitness f = view.get(canonical);
        if (f == null) {
            double[] start = canonical == skeleton || canonical.equals(skeleton) ? raw.constants() : null;
            FitResult r = fitter.fit(data.compile(canonical), data, start, rng);
            evaluations.add(r.evaluations());
            f = view.offer(canonical, new FitnessCache.Fitness(r.constants(), r.loss()));
        }
        Candidate scored = new Candidate(canonical, f.constants());
        return new Member(scored, f.loss() + penalty(scored), complexity.of(canonical), birth);
    }

    /**
     * What a candidate's loss carries for its units: 0 when consistent or without units (the cache keeps
     * losses without it, as the data gives them). Judged with the values in, so a numeric exponent
     * ({@code v**2} of a cleaned entry) scales a unit where a free one could not.
     */
    double penalty(Candidate c) {
        return units == null || units.consistent(Candidate.substitute(c.skeleton(), c.constants())) ? 0 : dimensionalPenalty;
    }

    /**
     * Refits a member's constants with {@code refitter}, starting from {@code start} (its own values,
     * or a perturbation of them), and records an improvement in the cache.
     */
    Member refit(Member m, double[] start, ConstantFitter refitter, UniformRandomProvider rng, FitnessCache.View view) {
        Expr skeleton = m.candidate().skeleton();
        if (skeleton.constantCount() == 0) {
            return m;
        }
        FitResult r = refitter.fit(data.compile(skeleton), data, start, rng);
        evaluations.add(r.evaluations());
        double penalty = penalty(m.candidate());
        if (!(r.loss() + penalty < m.loss())) {
            return m;
        }
        FitnessCache.Fitness kept = view.offer(skeleton, new FitnessCache.Fitness(r.constants(), r.loss()));
        return new Member(new Candidate(skeleton, kept.constants()), kept.loss() + penalty, m.complexity(), m.birth());
    }
}
