package dev.simplij.miner;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The local engine: every unit is a task submitted to the run's own {@link ForkJoinPool}
 * ({@link ForkJoinPool#invokeAll}), results in unit order. No parallel stream, whose pool is the
 * common one unless the stream happens to be started from a worker of another (unspecified
 * behaviour).
 */
public final class ParallelUnits implements UnitRunner {
    private final ForkJoinPool pool;

    public ParallelUnits(int threads) {
        this.pool = new ForkJoinPool(threads);
    }

    private <T, R> List<R> inOrder(List<T> units, Function<T, R> work, String failure) {
        List<Callable<R>> tasks = new ArrayList<>(units.size());
        for (T unit : units) {
            tasks.add(() -> work.apply(unit));
        }
        List<R> results = new ArrayList<>(units.size());
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

    @Override
    public <T, R> List<R> shipped(MiningRun run, Stage<T, R> stage, List<T> units, Consumer<T> done, String failure) {
        return inOrder(units, u -> {
            R r = stage.apply(run, u);
            done.accept(u);
            return r;
        }, failure);
    }

    /** Nothing to do: the units run on the run itself. */
    @Override
    public void lengthDone(MiningRun.LengthState state) {
    }

    @Override
    public void close() {
        pool.shutdown();
    }
}
