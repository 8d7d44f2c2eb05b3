package dev.simplij.sr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.simplij.expr.Expr;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class LiveTableTest {
    private static final SearchStats STATS = new SearchStats(100, 400, 50, 50, 10, 0.1);

    private static Progress progress(long iteration, int entries) {
        List<Equation> front = new java.util.ArrayList<>();
        for (int i = 1; i <= entries; i++) {
            front.add(new Equation(Expr.parseInfix("x*<constant>"), new double[] {i}, List.of("x"), i, 1.0 / i, 0));
        }
        return new Progress(iteration, Duration.ofSeconds(iteration), front, STATS);
    }

    private static String show(boolean inPlace, Progress... updates) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        LiveTable table = new LiveTable(new PrintStream(bytes, true, StandardCharsets.UTF_8), inPlace, 1e-9);
        for (Progress p : updates) {
            table.offer(p);
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void onATerminalTheTableIsRedrawnInPlace() {
        String out = show(true, progress(1, 3), progress(2, 20));
        String[] frames = out.split("\u001b\\[J", -1);
        assertEquals(3, frames.length, out);
        assertTrue(frames[1].endsWith("\u001b[5A"), "second frame moves up over the first (header, column names, 3 rows)");
        assertEquals(2 + LiveTable.MAX_ROWS, frames[2].split("\n").length, "at most " + LiveTable.MAX_ROWS + " rows");
        assertTrue(frames[2].contains("iteration 2"), frames[2]);
        assertTrue(frames[2].contains("20*x"), "the most complex rows are kept: " + frames[2]);
        assertFalse(frames[2].contains(" 1*x"), frames[2]);
    }

    @Test
    void elsewhereEachUpdateIsOnePlainLine() {
        String out = show(false, progress(1, 3), progress(2, 4));
        assertFalse(out.contains("\u001b"), out);
        List<String> lines = out.lines().toList();
        assertEquals(2, lines.size(), out);
        assertTrue(lines.get(1).startsWith("iteration 2") && lines.get(1).endsWith("complexity 4: 4*x"), lines.get(1));
    }

    @Test
    void noUpdatesBeforeTheInterval() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        LiveTable table = new LiveTable(new PrintStream(bytes, true, StandardCharsets.UTF_8), false, 3600);
        table.offer(progress(1, 2));
        assertEquals("", bytes.toString(StandardCharsets.UTF_8));
    }
}
