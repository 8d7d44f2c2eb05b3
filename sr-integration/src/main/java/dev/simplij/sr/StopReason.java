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
    LISTENER,
    /** The best equation fits the data exactly up to rounding (see {@code SymbolicRegression.Builder#earlyStopFvu}). */
    EXACT,
    /** A {@link StopRequest} was made (Ctrl-C at the command line). */
    INTERRUPTED
}
