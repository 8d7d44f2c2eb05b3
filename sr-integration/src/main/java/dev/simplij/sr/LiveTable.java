package dev.simplij.sr;

import java.io.IOException;
import java.io.PrintStream;
import java.lang.ProcessBuilder.Redirect;
import java.util.List;
import java.util.Locale;

/**
 * The progress of a running search on standard error. On a terminal, a compact table of the front
 * redrawn in place (cursor moved up with ANSI escapes) at most every {@code seconds}; elsewhere (a
 * file, a pipe, a log) one plain line per update with the best equation, so logs stay readable.
 */
public final class LiveTable {
    /** Rows of the front shown in place: the most complex ones, which hold the best fits. */
    static final int MAX_ROWS = 12;
    /** Equations are cut to this many characters in the live table. */
    static final int EQUATION_WIDTH = 90;

    private final PrintStream err;
    private final boolean inPlace;
    private final long intervalNanos;
    private long lastNanos;
    private int linesShown;

    public LiveTable(PrintStream err, boolean inPlace, double seconds) {
        this.err = err;
        this.inPlace = inPlace;
        this.intervalNanos = (long) (seconds * 1e9);
        this.lastNanos = System.nanoTime();
    }

    /**
     * True when the JVM's standard error is a terminal. Java 17 has no isatty for one stream
     * ({@code System.console()} needs standard input and output to be terminals too), so a shell
     * that inherits standard error answers; false where there is no {@code sh} or it fails.
     */
    public static boolean stderrIsTerminal() {
        try {
            Process p = new ProcessBuilder("sh", "-c", "test -t 2").redirectError(Redirect.INHERIT)
                    .redirectOutput(Redirect.DISCARD).start();
            return p.waitFor() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Shows {@code p} if the interval has passed since the last update. */
    public void offer(Progress p) {
        if (intervalNanos <= 0 || System.nanoTime() - lastNanos < intervalNanos) {
            return;
        }
        lastNanos = System.nanoTime();
        if (inPlace) {
            redraw(p);
        } else {
            err.println(summary(p) + best(p.front()));
        }
    }

    private static String summary(Progress p) {
        return String.format(Locale.ROOT, "iteration %d  %.1f s  %.0f candidates/s  cache hits %.0f%%", p.iteration(),
                p.elapsed().toMillis() / 1000.0, p.candidatesPerSecond(), 100 * p.stats().cacheHitRate());
    }

    private static String best(List<Equation> front) {
        if (front.isEmpty()) {
            return "";
        }
        Equation e = front.get(front.size() - 1);
        return String.format(Locale.ROOT, "  best: loss %.3e, complexity %d: %s", e.loss(), e.complexity(), e.infix(4));
    }

    private void redraw(Progress p) {
        StringBuilder sb = new StringBuilder();
        if (linesShown > 0) {
            sb.append("\u001b[").append(linesShown).append('A'); // cursor up to the table's first line
        }
        sb.append("\u001b[J"); // clear from there to the end of the screen
        List<Equation> front = p.front();
        List<Equation> rows = front.subList(Math.max(0, front.size() - MAX_ROWS), front.size());
        sb.append(summary(p)).append(" (Ctrl-C stops and prints the front)\n");
        sb.append(String.format(Locale.ROOT, "%10s  %10s  %s%n", "complexity", "loss", "equation"));
        for (Equation e : rows) {
            String text = e.infix(4);
            if (text.length() > EQUATION_WIDTH) {
                text = text.substring(0, EQUATION_WIDTH - 3) + "...";
            }
            sb.append(String.format(Locale.ROOT, "%10d  %10.3e  %s%n", e.complexity(), e.loss(), text));
        }
        err.print(sb);
        err.flush();
        linesShown = 2 + rows.size();
    }
}
