package dev.simplij.miner;

import java.io.Serializable;
import java.util.List;
import java.util.function.Consumer;

/**
 * The engine that runs a stage's units of work (the enumeration's {@link Enumeration.Unit}s, the
 * chunks of free-constant sources) and hands back their results in unit order, so the rules do not
 * depend on how or where the units ran. A mining run reaches its engine through this interface
 * only. The local engine is {@link ParallelUnits}; a distributed one (spark-jobs) runs the shipped
 * stage on replicas of the run ({@link MiningRun#replica}) that it brings to the run's state after
 * every length ({@link #lengthDone}), while the steps between stages (merging, the same-length
 * Kruskal step, sorting the next layer) stay with the run.
 */
public interface UnitRunner extends AutoCloseable {
    /** The work of a stage on one unit, applied to the run or to a replica of it: captures no run. */
    interface Stage<T, R> extends Serializable {
        R apply(MiningRun run, T unit);
    }

    /**
     * {@code stage} applied to every unit (serializable), on {@code run} or on replicas of it in its
     * current state, results in unit order; {@code done} is told each unit once its result is in.
     *
     * @param failure what failed, for the exception thrown when a unit throws
     */
    <T, R> List<R> shipped(MiningRun run, Stage<T, R> stage, List<T> units, Consumer<T> done, String failure);

    /** Length {@code state.length()} is mined: replicas elsewhere are to {@link MiningRun#advance} with it. */
    void lengthDone(MiningRun.LengthState state);

    /** Releases the engine's threads. */
    @Override
    void close();
}
