package dev.simplij.bench;

import dev.simplij.expr.Expr;

import java.io.IOException;

/**
 * SymPy's {@code simplify} in the long-lived {@link SympyWorker} process, timed there, with SymPy's
 * cache cleared before each expression; results come back in SimpliJ prefix tokens as the golden
 * corpora write them.
 */
final class SympyPeer implements Peer {
    private final SympyWorker worker;
    private final double timeoutSeconds;

    SympyPeer(SympyWorker worker, double timeoutSeconds) {
        this.worker = worker;
        this.timeoutSeconds = timeoutSeconds;
    }

    @Override
    public String name() {
        return "SymPy";
    }

    @Override
    public Outcome simplify(Expr input) throws IOException {
        SympyWorker.Simplified s = worker.simplify(input.toPrefix(), timeoutSeconds);
        Status status = switch (s.status()) {
            case "ok" -> Status.OK;
            case "timeout" -> Status.TIMEOUT;
            case "unsupported" -> Status.UNSUPPORTED;
            default -> Status.ERROR;
        };
        double micros = status == Status.TIMEOUT ? Math.max(s.micros(), timeoutSeconds * 1e6) : s.micros();
        return new Outcome(status, micros, s.ok() ? Expr.parsePrefix(s.prefix()) : null, s.note());
    }

    @Override
    public void close() {
        worker.close();
    }
}
