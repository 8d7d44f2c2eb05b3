package dev.simplij.sr;

import dev.simplij.expr.Expr;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/**
 * Fitted constants and loss per canonical skeleton, bounded in size (least recently used entries are
 * dropped), so candidates equal after normalization share one fitness and are fitted once.
 *
 * <p>Why islands see it through {@link View}s that are settled every few steps, rather than one
 * shared map: with a shared map, which island fits a form first (and so which constants the cache
 * keeps, and which island's random stream the fit consumes) depends on thread timing, and a run with
 * two threads could not be repeated. Here each island reads the entries settled before its last few steps
 * plus its own, and writes only its own; {@link #settle} folds the islands' entries in island order.
 * The cache's contents, and so the whole search, then depend on the seed alone, whatever the number
 * of threads. The settled map is not written while islands run, so they read it without locks.
 */
final class FitnessCache {
    /** A cached fit: constants for the canonical skeleton, and their loss. */
    record Fitness(double[] constants, double loss) {
    }

    /** Insertion order is recency: a used entry moves to the end when settled; the first is dropped first. */
    private final LinkedHashMap<Expr, Fitness> settled = new LinkedHashMap<>();
    private final int capacity;
    private final LongAdder hits = new LongAdder();
    private final LongAdder misses = new LongAdder();

    /** A cache holding at most {@code capacity} settled entries; 0 disables it. */
    FitnessCache(int capacity) {
        if (capacity < 0) {
            throw new IllegalArgumentException("cache capacity must be >= 0, got " + capacity);
        }
        this.capacity = capacity;
    }

    /** A new view for one island (one thread at a time). */
    View view() {
        return new View();
    }

    /**
     * Folds the views' entries into the settled ones, view by view in the order given (island order):
     * entries a view used become the most recent, a view's own fits are kept unless a settled fit of the
     * same form is at least as good, and the least recently used entries beyond the capacity are dropped.
     * Called when no island runs.
     */
    void settle(List<View> views) {
        for (View v : views) {
            for (Expr used : v.used) {
                Fitness f = settled.remove(used);
                if (f != null) {
                    settled.put(used, f);
                }
            }
            for (Map.Entry<Expr, Fitness> e : v.added.entrySet()) {
                Fitness old = settled.remove(e.getKey());
                settled.put(e.getKey(), old != null && !(e.getValue().loss() < old.loss()) ? old : e.getValue());
            }
            v.used.clear();
            v.added.clear();
        }
        Iterator<Expr> eldest = settled.keySet().iterator();
        while (settled.size() > capacity) {
            eldest.next();
            eldest.remove();
        }
    }

    long hits() {
        return hits.sum();
    }

    long misses() {
        return misses.sum();
    }

    /** Settled entries. */
    int size() {
        return settled.size();
    }

    /** One island's window onto the cache during an iteration: the settled entries plus its own. */
    final class View {
        private final LinkedHashMap<Expr, Fitness> added = new LinkedHashMap<>();
        private final List<Expr> used = new ArrayList<>();

        /** The cached fit, counting a hit or a miss; null when absent. */
        Fitness get(Expr canonical) {
            if (capacity == 0) {
                misses.increment();
                return null;
            }
            Fitness f = added.get(canonical);
            if (f == null) {
                f = settled.get(canonical);
                if (f != null) {
                    used.add(canonical);
                }
            }
            (f == null ? misses : hits).increment();
            return f;
        }

        /** Stores a fit unless a better one is already seen; returns the one kept. */
        Fitness offer(Expr canonical, Fitness fitness) {
            if (capacity == 0) {
                return fitness;
            }
            Fitness old = added.get(canonical);
            if (old == null) {
                old = settled.get(canonical);
            }
            if (old != null && !(fitness.loss() < old.loss())) {
                return old;
            }
            added.put(canonical, fitness);
            return fitness;
        }
    }
}
