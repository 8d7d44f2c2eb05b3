package dev.simplij.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.simplij.sr.FrontFiles;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/** Ctrl-C on a real {@code simplij sr} process: SIGINT sent with {@code kill -INT} to a child JVM. */
@DisabledOnOs(OS.WINDOWS)
class SrInterruptTest {
    @TempDir
    Path dir;

    /**
     * Whether this JVM was started with SIGINT ignored (bit 2 of {@code SigIgn} in
     * {@code /proc/self/status}), as a background job of a non-interactive shell is: its child inherits
     * that, no JVM then installs its Ctrl-C handling, and there is nothing to observe.
     */
    private static boolean sigintIgnored() throws java.io.IOException {
        Path status = Path.of("/proc/self/status");
        if (!Files.isReadable(status)) {
            return false;
        }
        for (String line : Files.readAllLines(status)) {
            if (line.startsWith("SigIgn:")) {
                return (Long.parseUnsignedLong(line.substring("SigIgn:".length()).trim(), 16) & 2) != 0;
            }
        }
        return false;
    }

    @Test
    void sigintStopsTheSearchAndStillPrintsAndWritesTheFront() throws Exception {
        Assumptions.assumeFalse(sigintIgnored(), "SIGINT is ignored in this process (started as a background job), "
                + "so a child cannot receive Ctrl-C: run the tests in the foreground");
        StringBuilder csv = new StringBuilder("x,y\n");
        for (int i = 0; i < 60; i++) {
            double x = -2 + i / 15.0;
            csv.append(x).append(',').append(Math.exp(Math.sin(3 * x)) / (1.3 + x * x)).append('\n');
        }
        Path data = dir.resolve("data.csv");
        Files.writeString(data, csv);
        Path front = dir.resolve("front.csv");
        Path plot = dir.resolve("front.png");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), Main.class.getName(), "sr",
                "--data", data.toString(), "--target", "y", "--operators", "+,-,*,/,sin,exp", "--time", "600",
                "--early-stop-fvu", "-1", "--threads", "1", "--progress", "0.1", "--out", front.toString(),
                "--plot", plot.toString()).start();
        CountDownLatch searching = new CountDownLatch(1);
        StringBuilder err = new StringBuilder();
        CompletableFuture<Void> errReader = CompletableFuture.runAsync(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(child.getErrorStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null; ) {
                    synchronized (err) {
                        err.append(line).append('\n');
                    }
                    if (line.startsWith("iteration")) {
                        searching.countDown();
                    }
                }
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> {
            try {
                return new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        try {
            assertTrue(searching.await(60, TimeUnit.SECONDS), "no progress line from the child: " + err);
            Process kill = new ProcessBuilder("kill", "-INT", Long.toString(child.pid())).start();
            assertEquals(0, kill.waitFor());
            assertTrue(child.waitFor(60, TimeUnit.SECONDS), "the child did not exit after SIGINT: " + err);
        } finally {
            child.destroyForcibly();
        }
        errReader.get(10, TimeUnit.SECONDS);
        String printed = out.get(10, TimeUnit.SECONDS);
        assertEquals(130, child.exitValue(), "128 + SIGINT; stderr: " + err);
        assertTrue(err.toString().contains("interrupted"), err.toString());
        assertTrue(printed.contains("stopped (interrupted)"), printed);
        assertTrue(printed.lines().anyMatch(l -> l.startsWith("*")), "the table marks the selected equation: " + printed);
        List<String> lines = Files.readAllLines(front);
        assertEquals(FrontFiles.HEADER, lines.get(0));
        assertTrue(lines.size() >= 2, "at least one equation written: " + lines);
        byte[] png = Files.readAllBytes(plot);
        assertTrue(png.length > 1000 && png[1] == 'P' && png[2] == 'N' && png[3] == 'G', "PNG written; stderr: " + err);
    }
}
