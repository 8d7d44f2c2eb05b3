package dev.simplij.sr;

/** Told after every iteration of a search; may end it. Called on the thread that runs {@code fit}. */
@FunctionalInterface
public interface ProgressListener {
    /** @return false to stop the search (it then ends with {@link StopReason#LISTENER}) */
    boolean onIteration(Progress progress);
}
