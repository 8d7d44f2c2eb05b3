package dev.simplij.sr;

import java.time.Duration;
import java.util.List;

/**
 * The outcome of a search: the Pareto front after the final refit (by increasing complexity), the
 * equation model selection picked, why and when the search stopped, and the hall of fame the front
 * was taken from (up to {@code equationsPerComplexity} equations per complexity, by complexity then
 * loss; unscored).
 */
public record SearchResult(List<Equation> front, int selectedIndex, StopReason stopReason, long iterations,
                           Duration elapsed, SearchStats stats, List<Equation> hallOfFame) {
    public SearchResult {
        front = List.copyOf(front);
        hallOfFame = List.copyOf(hallOfFame);
    }

    /** The equation model selection picked; null when the front is empty. */
    public Equation selected() {
        return selectedIndex < 0 ? null : front.get(selectedIndex);
    }

    /** The equation with the lowest loss; null when the front is empty. */
    public Equation mostAccurate() {
        return front.isEmpty() ? null : front.get(front.size() - 1);
    }
}
