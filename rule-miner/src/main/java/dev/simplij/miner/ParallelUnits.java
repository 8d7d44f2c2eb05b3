package dev.simplij.miner;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.Future;
import java.util.function.Function;

/**
 * Runs one stage's units of work on the mining run's own pool, results in unit order, so the output
 * does not depend on the number of threads. Every unit is a task submitted to that pool
 * ({@link ForkJoinPool#invokeAll}): no parallel stream, whose pool is the common one unless it
 * happens to be started from a worker of another (unspecified behaviour).
 */
final class ParallelUnits {
    private ParallelUnits() {
    }

    /** {@code work} applied to every item on {@code pool}, results in item order. */
    static <T, R> List<R> inOrder(ForkJoinPool pool, List<T> items, Function<T, R> work, String failure) {
        List<Callable<R>> tasks = new ArrayList<>(items.size());
        for (T item : items) {
            tasks.add(() -> work.apply(item));
        }
        List<R> results = new ArrayList<>(items.size());
        try {
            for (Future<R> f : pool.invokeAll(tasks)) {
                results.add(f.get());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("mining interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(failure + ": " + e.getCause(), e.getCause());
        }
        return results;
    }
}
