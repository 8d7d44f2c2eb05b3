package dev.simplij.simplify;

/**
 * Counters of one of the simplifier's process-wide caches: its fixed capacity (entries) and the
 * lookups it answered (hits) or had to compute (misses) since the process started.
 */
public record CacheStatistics(String name, int capacity, long hits, long misses) {
    /** Hits over lookups; NaN before the first lookup. */
    public double hitRate() {
        long lookups = hits + misses;
        return lookups == 0 ? Double.NaN : (double) hits / lookups;
    }
}
