package dev.simplij.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code ./simplij} launcher script, run by bash in a copy of the checkout with stand-ins for
 * {@code mvn} and {@code java} on the path: what it builds, how it starts the JVM, and that Maven's
 * colour codes do not reach standard error on the first build.
 */
@DisabledOnOs(OS.WINDOWS)
class LauncherScriptTest {
    private record Run(int status, String out, String err) {
    }

    private static Run run(Path root, Path bin, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("bash", root.resolve("simplij").toString()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().put("PATH", bin + ":" + System.getenv("PATH"));
        Process p = pb.start();
        CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> {
            try {
                return new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Run(p.waitFor(), out, err.get());
    }

    private static void executable(Path file, String text) throws Exception {
        Files.writeString(file, text);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    @Test
    void theFirstRunBuildsWithoutColourCodesThenStartsTheJar(@TempDir Path dir) throws Exception {
        Path script = Path.of(System.getProperty("user.dir")).getParent().resolve("simplij");
        assertTrue(Files.isRegularFile(script), script.toString());
        Path root = Files.createDirectories(dir.resolve("checkout"));
        Files.copy(script, root.resolve("simplij"));
        Path bin = Files.createDirectories(dir.resolve("bin"));
        // Maven 3.8 writes colour resets even in batch mode, on both streams
        executable(bin.resolve("mvn"), "#!/bin/sh\nprintf '\\033[0m\\033[1m[INFO]\\033[0m building\\n'\n"
                + "printf '\\033[0m[WARNING] a warning\\n' >&2\nmkdir -p cli/target && touch cli/target/simplij.jar\n");
        executable(bin.resolve("java"), "#!/bin/sh\necho \"java $*\"\n");

        Run first = run(root, bin, "simplify", "x+x");
        assertEquals(0, first.status(), first.err());
        assertTrue(first.err().startsWith("simplij: building"), first.err());
        assertTrue(first.err().contains("[INFO] building\n") && first.err().contains("[WARNING] a warning\n"), first.err());
        assertFalse(first.err().contains("\u001b"), "no escape codes: " + first.err());
        Path jar = root.resolve("cli/target/simplij.jar");
        assertEquals("java -XX:TieredStopAtLevel=1 -jar " + jar + " simplify x+x\n", first.out(),
                "expressions as arguments: a short run on C1 alone");

        Run again = run(root, bin, "mine", "--help");
        assertEquals(0, again.status(), again.err());
        assertEquals("", again.err(), "the jar is newer than every source: no build");
        assertEquals("java -jar " + jar + " mine --help\n", again.out());
    }
}
