package dev.simplij.sr;

import java.time.Duration;
import java.util.List;

/**
 * The state of a running search after one iteration.
 *
 * @param front the current Pareto front, constants as fitted during the search (not yet refitted), literals
 *              cleaned as in the final front
 * @param stats counters so far
 */
public record Progress(long iteration, Duration elapsed, List<Equation> front, SearchStats stats) {
    public Progress {
        front = List.copyOf(front);
    }

    /** Candidates scored per second so far. */
    public double candidatesPerSecond() {
        double s = elapsed.toNanos() / 1e9;
        return s > 0 ? stats.candidates() / s : 0;
    }

    /** Expression evaluations over the whole data set per second so far. */
    public double evaluationsPerSecond() {
        double s = elapsed.toNanos() / 1e9;
        return s > 0 ? stats.evaluations() / s : 0;
    }
}
