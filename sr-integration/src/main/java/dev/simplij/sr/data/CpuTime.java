package dev.simplij.sr.data;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/**
 * CPU time of the current thread, for the benchmark's projection to an unloaded machine: on a
 * shared machine wall-clock time counts other people's work, CPU time counts only ours.
 */
final class CpuTime {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final boolean SUPPORTED = THREADS.isCurrentThreadCpuTimeSupported();

    private CpuTime() {
    }

    /** Nanoseconds of CPU time used by the current thread so far, or 0 where the JVM cannot tell. */
    static long now() {
        return SUPPORTED ? THREADS.getCurrentThreadCpuTime() : 0;
    }
}
