package dev.simplij.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Start-up of {@code simplij simplify EXPR} (issue 18: picocli must not slow it by more than 10%):
 * a command line of expressions alone never builds picocli's command model, whose classes cost
 * about 0.15 s of CPU to load and verify. (Verifying the launcher still loads two or three of
 * picocli's small exception classes, which the checks below allow.) Checked in a fresh JVM, which
 * logs every class it loads.
 */
class StartupTest {
    private static List<String> loadedClasses(String... args) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-Xlog:class+load=info", "-cp",
                System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), out);
        return out.lines().toList();
    }

    /** Whether a line of the class-loading log is picocli's command line or its command model. */
    private static boolean picocliParser(String line) {
        return line.contains(" picocli.CommandLine source:") || line.contains(" picocli.CommandLine$Model$");
    }

    @Test
    void expressionsAloneDoNotLoadPicocliParser() throws Exception {
        List<String> lines = loadedClasses("simplify", "x+x");
        assertTrue(lines.contains("2*x"), "the result is printed");
        assertFalse(lines.stream().anyMatch(StartupTest::picocliParser), "picocli's parser loaded");
        List<String> withOption = loadedClasses("simplify", "--prefix", "+ x x");
        assertTrue(withOption.stream().anyMatch(StartupTest::picocliParser),
                "an option goes through picocli (else the check above would prove nothing)");
    }
}
