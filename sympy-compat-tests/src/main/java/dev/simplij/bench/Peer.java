package dev.simplij.bench;

import dev.simplij.expr.Expr;

import java.io.IOException;
import java.util.List;

/**
 * A simplifier that the benchmark compares SimpliJ with. Each call times the peer's own
 * simplification only, not the conversion of the expression into or out of the peer's form.
 */
interface Peer extends AutoCloseable {
    /** What happened to one expression. */
    enum Status {
        /** Simplified, and the result is in SimpliJ's vocabulary. */
        OK,
        /** Stopped at the time-out. */
        TIMEOUT,
        /** Simplified, but the result has no SimpliJ spelling, so its length is unknown. */
        UNSUPPORTED,
        /** The peer threw or returned no result. */
        ERROR
    }

    /**
     * @param micros wall time of the peer's simplification; for a time-out, the time until it
     *               was stopped
     * @param result the result as a SimpliJ expression, null unless {@code status} is OK
     */
    record Outcome(Status status, double micros, Expr result, String note) {
    }

    /** Short name used in tables and legends. */
    String name();

    /**
     * Runs the peer on expressions that are never measured, so that its JIT and caches are warm but
     * hold nothing that a measured expression could reuse.
     */
    default void warmUp(List<Expr> expressions) throws IOException {
        for (Expr e : expressions) {
            simplify(e);
        }
    }

    Outcome simplify(Expr input) throws IOException;

    @Override
    void close();
}
