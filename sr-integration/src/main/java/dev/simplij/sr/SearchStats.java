package dev.simplij.sr;

/**
 * Counters of one search.
 *
 * @param candidates             candidates scored (children, initial members)
 * @param evaluations            evaluations of an expression over the whole data set, fitting included
 * @param cacheHits              candidates whose canonical form was already fitted: no evaluation
 * @param cacheMisses            candidates fitted
 * @param changedByNormalization candidates whose skeleton the normalizer changed
 * @param normalizationSeconds   time spent in the normalizer, summed over threads
 */
public record SearchStats(long candidates, long evaluations, long cacheHits, long cacheMisses,
                          long changedByNormalization, double normalizationSeconds) {
    /** Fraction of candidates answered from the cache, without any evaluation. */
    public double cacheHitRate() {
        long n = cacheHits + cacheMisses;
        return n == 0 ? 0 : cacheHits / (double) n;
    }
}
