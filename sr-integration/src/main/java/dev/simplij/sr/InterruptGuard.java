package dev.simplij.sr;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Makes Ctrl-C (SIGINT, and SIGTERM) end a search the way PySR does: the search stops, and the command
 * still prints the table and writes its files before the JVM exits. A shutdown hook asks the search to
 * stop, then holds the JVM's exit until {@link #close()} says the output is written (at most
 * {@code graceSeconds}, so a stuck run still exits).
 *
 * <p>Why a shutdown hook and not a signal handler: it is the standard API for SIGINT and SIGTERM;
 * the JVM keeps running the command's thread while hooks run, which is all this needs.
 */
public final class InterruptGuard implements AutoCloseable {
    private final Thread hook;
    private final CountDownLatch written = new CountDownLatch(1);

    public InterruptGuard(StopRequest stop, String message, java.io.PrintStream err, long graceSeconds) {
        this.hook = new Thread(() -> {
            err.println(message);
            stop.request();
            try {
                written.await(graceSeconds, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "simplij-sr-interrupt");
        Runtime.getRuntime().addShutdownHook(hook);
    }

    /** The output is written: an interrupted JVM may now exit; otherwise the hook is no longer needed. */
    @Override
    public void close() {
        written.countDown();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running (Ctrl-C): it returns now that the output is written
        }
    }
}
