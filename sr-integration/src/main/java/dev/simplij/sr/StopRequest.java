package dev.simplij.sr;

/**
 * A request to end a running search from outside it (Ctrl-C, a user interface): the islands see it
 * within a few steps, the search ends with {@link StopReason#INTERRUPTED}, and the front found so
 * far is still refitted, cleaned and returned. Thread-safe; once requested, it stays requested.
 */
public final class StopRequest {
    private volatile boolean requested;

    /** Asks the search to stop; safe from any thread, including a shutdown hook. */
    public void request() {
        requested = true;
    }

    public boolean isRequested() {
        return requested;
    }
}
