package dev.simplij.reliability;

import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * Runs a task on a thread with a deliberately small stack, so any recursion whose depth follows the
 * input's depth overflows at once instead of hiding behind the build's {@code -Xss}.
 */
final class SmallStack {
    static final long STACK_BYTES = 256 * 1024;

    private SmallStack() {
    }

    static <T> T call(String what, Supplier<T> task) {
        AtomicReference<T> result = new AtomicReference<>();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread thread = new Thread(null, () -> {
            try {
                result.set(task.get());
            } catch (Throwable t) {
                failure.set(t);
            }
        }, "small-stack " + what, STACK_BYTES);
        thread.start();
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        Throwable t = failure.get();
        if (t instanceof StackOverflowError) {
            fail(what + " recursed with the input's depth: StackOverflowError on a "
                    + STACK_BYTES / 1024 + " KiB stack", t);
        }
        if (t instanceof RuntimeException e) {
            throw e;
        }
        if (t instanceof Error e) {
            throw e;
        }
        return result.get();
    }
}
