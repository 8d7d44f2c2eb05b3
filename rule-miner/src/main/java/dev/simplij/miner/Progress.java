package dev.simplij.miner;

import java.io.PrintStream;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A one-line progress bar on stderr for one stage: done/total, percentage, rate and time left,
 * redrawn at most every half second by whichever worker reports. Silent when the stream is null.
 */
final class Progress {
    private static final long REDRAW_NANOS = 500_000_000L;

    private final PrintStream out;
    private final String label;
    private final long total;
    private final long start = System.nanoTime();
    private final AtomicLong done = new AtomicLong();
    private final AtomicLong lastDraw = new AtomicLong(start);

    Progress(PrintStream out, String label, long total) {
        this.out = out;
        this.label = label;
        this.total = Math.max(1, total);
    }

    void advance(long amount) {
        long now = done.addAndGet(amount);
        if (out == null) {
            return;
        }
        long t = System.nanoTime();
        long last = lastDraw.get();
        if (t - last >= REDRAW_NANOS && lastDraw.compareAndSet(last, t)) {
            draw(now, t, false);
        }
    }

    void finish() {
        if (out != null) {
            draw(done.get(), System.nanoTime(), true);
        }
    }

    private synchronized void draw(long now, long t, boolean last) {
        double seconds = Math.max(1e-9, (t - start) / 1e9);
        double rate = now / seconds;
        double fraction = Math.min(1, (double) now / total);
        int width = 30;
        int filled = (int) (fraction * width);
        String bar = "#".repeat(filled) + ".".repeat(width - filled);
        String eta = rate > 0 ? clock((total - now) / rate) : "--:--";
        out.printf("\r%-22s [%s] %,d/%,d %5.1f%% %,.0f/s %s %s", label, bar, now, total, 100 * fraction, rate,
                last ? "took" : "ETA", last ? clock(seconds) : eta);
        if (last) {
            out.println();
        }
        out.flush();
    }

    private static String clock(double seconds) {
        long s = Math.round(seconds);
        return String.format("%d:%02d:%02d", s / 3600, (s / 60) % 60, s % 60);
    }
}
