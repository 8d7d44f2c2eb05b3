package dev.simplij.miner;

import java.util.List;
import java.util.function.Function;

/**
 * The engine that runs a stage's units of work (the enumeration's {@link Enumeration.Unit}s, the
 * chunks of free-constant sources) and hands back their results in unit order, so the rules do not
 * depend on how or where the units ran. A mining run reaches its engine through this interface
 * only. The local engine is {@link ParallelUnits}; a distributed one would ship each unit with the
 * read-only state of its length (the layers, the target index, the kept rules) and collect the
 * results in order, while the steps between stages (merging, the same-length Kruskal step, sorting
 * the next layer) stay on the driver.
 */
interface UnitRunner extends AutoCloseable {
    /**
     * {@code work} applied to every unit, results in unit order.
     *
     * @param failure what failed, for the exception thrown when a unit throws
     */
    <T, R> List<R> inOrder(List<T> units, Function<T, R> work, String failure);

    /** Releases the engine's threads. */
    @Override
    void close();
}
