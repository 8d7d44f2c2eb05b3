package dev.simplij.library;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.spi.ToolProvider;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The README's Java snippet is the consumer project's {@code Example.java} (src/it/consumer), word for
 * word, and it compiles and prints {@code expected-output.txt} against this module's dependencies,
 * which are what a user of {@code dev.simplij:simplij} gets. The {@code consumer-it} profile builds
 * the same project with Maven against the installed artifacts.
 */
class ReadmeSnippetTest {
    private static final Path CONSUMER = Path.of("src/it/consumer");
    private static final Path EXAMPLE = CONSUMER.resolve("src/main/java/example/Example.java");

    @Test
    void theReadmeShowsTheConsumersExampleWordForWord() throws Exception {
        String readme = Files.readString(Path.of("../README.md"), StandardCharsets.UTF_8);
        String example = Files.readString(EXAMPLE, StandardCharsets.UTF_8);
        assertTrue(readme.contains("```java\n" + example + "```\n"),
                "README.md must show " + EXAMPLE + " as a ```java block, unchanged");
    }

    @Test
    void theExampleCompilesAndPrintsTheExpectedLines(@TempDir Path classes) throws Exception {
        ToolProvider javac = ToolProvider.findFirst("javac").orElseThrow();
        ByteArrayOutputStream diagnostics = new ByteArrayOutputStream();
        PrintStream messages = new PrintStream(diagnostics, true, StandardCharsets.UTF_8);
        int status = javac.run(messages, messages, "-d", classes.toString(), "-cp", System.getProperty("java.class.path"),
                EXAMPLE.toString());
        assertEquals(0, status, diagnostics.toString(StandardCharsets.UTF_8));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream original = System.out;
        try (URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()},
                ReadmeSnippetTest.class.getClassLoader())) {
            Method main = loader.loadClass("example.Example").getMethod("main", String[].class);
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            main.invoke(null, (Object) new String[0]);
        } finally {
            System.setOut(original);
        }
        assertEquals(Files.readString(CONSUMER.resolve("expected-output.txt"), StandardCharsets.UTF_8),
                out.toString(StandardCharsets.UTF_8).replace(System.lineSeparator(), "\n"));
    }
}
