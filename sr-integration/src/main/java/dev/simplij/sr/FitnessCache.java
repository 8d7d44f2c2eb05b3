package dev.simplij.sr;

import dev.simplij.expr.Expr;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/**
 * Fitted constants and loss per canonical skeleton, bounded in size (least recently used entries are
 * dropped), so candidates equal after normalization share one fitness and are fitted once.
 * Thread-safe: the key space is split into stripes, each a small synchronized LRU map.
 */
final class FitnessCache {
    /** A cached fit: constants for the canonical skeleton, and their loss. */
    record Fitness(double[] constants, double loss) {
    }

    private static final int STRIPES = 16;

    private final Stripe[] stripes;
    private final boolean enabled;
    private final LongAdder hits = new LongAdder();
    private final LongAdder misses = new LongAdder();

    /** A cache holding at most {@code capacity} entries; 0 disables it. */
    FitnessCache(int capacity) {
        if (capacity < 0) {
            throw new IllegalArgumentException("cache capacity must be >= 0, got " + capacity);
        }
        this.enabled = capacity > 0;
        this.stripes = new Stripe[STRIPES];
        for (int i = 0; i < STRIPES; i++) {
            stripes[i] = new Stripe(Math.max(1, capacity / STRIPES));
        }
    }

    private Stripe stripe(Expr key) {
        return stripes[(int) (key.hash(0) >>> 60)];
    }

    /** The cached fit, counting a hit or a miss; null when absent. */
    Fitness get(Expr canonical) {
        if (!enabled) {
            misses.increment();
            return null;
        }
        Fitness f;
        Stripe s = stripe(canonical);
        synchronized (s) {
            f = s.get(canonical);
        }
        (f == null ? misses : hits).increment();
        return f;
    }

    /** Stores a fit unless a better one is already there; returns the one kept. */
    Fitness offer(Expr canonical, Fitness fitness) {
        if (!enabled) {
            return fitness;
        }
        Stripe s = stripe(canonical);
        synchronized (s) {
            Fitness old = s.get(canonical);
            if (old != null && !(fitness.loss() < old.loss())) {
                return old;
            }
            s.put(canonical, fitness);
            return fitness;
        }
    }

    long hits() {
        return hits.sum();
    }

    long misses() {
        return misses.sum();
    }

    int size() {
        int n = 0;
        for (Stripe s : stripes) {
            synchronized (s) {
                n += s.size();
            }
        }
        return n;
    }

    private static final class Stripe extends LinkedHashMap<Expr, Fitness> {
        private static final long serialVersionUID = 1L;
        private final int capacity;

        Stripe(int capacity) {
            super(16, 0.75f, true);
            this.capacity = capacity;
        }

        @Override
        protected boolean removeEldestEntry(Map.Entry<Expr, Fitness> eldest) {
            return size() > capacity;
        }
    }
}
