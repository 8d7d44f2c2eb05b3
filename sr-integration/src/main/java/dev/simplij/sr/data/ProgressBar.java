package dev.simplij.sr.data;

import java.io.PrintStream;
import java.util.function.LongConsumer;

/**
 * A one-line progress bar on a terminal ({@code \r}-redrawn, at most five times a second), or a
 * line every 10% when the stream is not a terminal, so logs stay short.
 */
public final class ProgressBar implements LongConsumer {
    private static final int WIDTH = 30;
    private final PrintStream out;
    private final long total;
    private final String unit;
    private final boolean terminal;
    private final long start = System.nanoTime();
    private long lastDraw;
    private long lastDecile = -1;

    public ProgressBar(PrintStream out, long total, String unit) {
        this.out = out;
        this.total = Math.max(1, total);
        this.unit = unit;
        this.terminal = System.console() != null;
    }

    @Override
    public void accept(long done) {
        long now = System.nanoTime();
        if (terminal) {
            if (now - lastDraw < 200_000_000L && done < total) {
                return;
            }
            lastDraw = now;
            out.print('\r' + line(done, now));
            out.flush();
        } else {
            long decile = done * 10 / total;
            if (decile != lastDecile) {
                lastDecile = decile;
                out.println(line(done, now));
            }
        }
    }

    private String line(long done, long now) {
        int filled = (int) (WIDTH * Math.min(done, total) / total);
        double seconds = (now - start) / 1e9;
        double rate = seconds > 0 ? done / seconds : 0;
        double eta = rate > 0 ? (total - done) / rate : 0;
        return String.format("[%s%s] %3d%% %,d/%,d %s  %,.0f/s  eta %.0fs", "#".repeat(filled), " ".repeat(WIDTH - filled),
                done * 100 / total, done, total, unit, rate, eta);
    }

    /** Ends the bar's line. */
    public void finish() {
        if (terminal) {
            out.println();
        }
    }
}
