package dev.simplij.reliability;

import dev.simplij.expr.Expr;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.UnaryOperator;

/**
 * Load: one shared simplifier used by every worker thread for a fixed time, printing throughput and
 * heap use per interval, so a cache or store that grows without bound, or throughput that decays,
 * shows in the log. Inputs are seeded random expressions drawn afresh, with a share of repeats so a
 * cache (if any) sees hits.
 */
public final class LoadRun {
    /** One interval of the log. */
    public record Interval(double atSeconds, long expressions, double perSecond, long heapUsedMiB,
                           long heapAfterGcMiB) {
    }

    /** The whole run. */
    public record Result(List<Interval> intervals, long expressions, double seconds, long peakHeapMiB,
                         long peakHeapAfterGcMiB, long errors) {
        public double perSecond() {
            return expressions / seconds;
        }

        /**
         * Growth of the live heap (after a full GC) from the end of the first interval (warm-up) to
         * the end of the run, in MiB per minute: about 0 when nothing accumulates.
         */
        public double liveHeapGrowthMiBPerMinute() {
            int n = intervals.size();
            if (n < 3) {
                return 0;
            }
            Interval first = intervals.get(0);
            Interval last = intervals.get(n - 1);
            return (last.heapAfterGcMiB() - first.heapAfterGcMiB()) / ((last.atSeconds() - first.atSeconds()) / 60);
        }

        /** Throughput of the last third against the first third (after the first interval's warm-up). */
        public double throughputDrift() {
            int n = intervals.size();
            if (n < 4) {
                return 1;
            }
            int third = Math.max(1, (n - 1) / 3);
            double first = 0;
            double last = 0;
            for (int i = 1; i <= third; i++) {
                first += intervals.get(i).perSecond();
                last += intervals.get(n - i).perSecond();
            }
            return last / first;
        }
    }

    private LoadRun() {
    }

    public static Result run(UnaryOperator<Expr> simplifier, int threads, double seconds, double intervalSeconds,
                             long seed, PrintStream log) throws InterruptedException {
        LongAdder done = new LongAdder();
        LongAdder errors = new LongAdder();
        AtomicBoolean stop = new AtomicBoolean();
        RandomExpressions generator = new RandomExpressions(3, 40);
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            long base = seed + t * 1_000_000_000_000L;
            Thread w = new Thread(() -> {
                long i = 0;
                while (!stop.get()) {
                    // Half the inputs repeat an earlier one of this thread: what a search revisits.
                    long which = (i % 2 == 0) ? base + i : base + (i * 7919) % Math.max(1, i);
                    try {
                        simplifier.apply(generator.generate(which));
                    } catch (RuntimeException e) {
                        errors.increment();
                    }
                    done.increment();
                    i++;
                }
            }, "load-" + t);
            w.setDaemon(true);
            workers.add(w);
        }
        long t0 = System.nanoTime();
        workers.forEach(Thread::start);
        List<Interval> intervals = new ArrayList<>();
        long previous = 0;
        long peak = 0;
        long peakAfterGc = 0;
        double elapsed = 0;
        if (log != null) {
            log.printf("%8s %14s %12s %10s %14s%n", "time s", "expressions", "per second", "heap MiB",
                    "live MiB");
        }
        while (elapsed < seconds) {
            Thread.sleep((long) (intervalSeconds * 1000));
            elapsed = (System.nanoTime() - t0) / 1e9;
            long now = done.sum();
            long heap = heapUsedMiB();
            long afterGc = liveHeapMiB();
            peak = Math.max(peak, heap);
            peakAfterGc = Math.max(peakAfterGc, afterGc);
            Interval row = new Interval(elapsed, now, (now - previous) / intervalSeconds, heap, afterGc);
            intervals.add(row);
            previous = now;
            if (log != null) {
                log.printf("%8.0f %,14d %,12.0f %10d %14d%n", row.atSeconds(), row.expressions(), row.perSecond(),
                        row.heapUsedMiB(), row.heapAfterGcMiB());
            }
        }
        stop.set(true);
        for (Thread w : workers) {
            w.join();
        }
        double total = (System.nanoTime() - t0) / 1e9;
        return new Result(intervals, done.sum(), total, peak, peakAfterGc, errors.sum());
    }

    static long heapUsedMiB() {
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() >> 20;
    }

    /**
     * Heap still in use right after a full collection: the figure that grows if something leaks.
     * One System.gc() per interval costs tens of milliseconds on this heap, which the rate absorbs.
     */
    static long liveHeapMiB() {
        System.gc();
        return heapUsedMiB();
    }
}
