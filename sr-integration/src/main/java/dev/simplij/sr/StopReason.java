package dev.simplij.sr;

/** Why a search ended. */
public enum StopReason {
    /** The time limit passed. */
    TIME,
    /** The iteration limit was reached. */
    ITERATIONS,
    /** The best loss fell to the loss threshold. */
    LOSS,
    /** The progress listener asked to stop. */
    LISTENER
}
