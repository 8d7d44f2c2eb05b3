package dev.simplij.reliability;

import dev.simplij.cli.Command;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The reliability commands are found through the Command SPI, answer --help and refuse bad usage. */
class CommandsTest {
    private static Map<String, Command> commands() {
        Map<String, Command> byName = new TreeMap<>();
        ServiceLoader.load(Command.class).forEach(c -> byName.put(c.name(), c));
        return byName;
    }

    private static int run(Command c, List<String> args, ByteArrayOutputStream out, ByteArrayOutputStream err)
            throws Exception {
        return c.run(args, new ByteArrayInputStream(new byte[0]), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void soundnessFuzzAndLoadAreRegisteredWithHelp() throws Exception {
        Map<String, Command> commands = commands();
        for (String name : List.of("soundness", "fuzz", "load")) {
            Command c = commands.get(name);
            assertTrue(c != null, name + " is not registered; found " + commands.keySet());
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            assertEquals(0, run(c, List.of("--help"), out, new ByteArrayOutputStream()));
            assertTrue(out.toString(StandardCharsets.UTF_8).startsWith("Usage: simplij " + name), out::toString);
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            assertEquals(2, run(c, List.of("--bogus"), new ByteArrayOutputStream(), err));
            assertEquals("simplij " + name + ": unknown option '--bogus'\n", err.toString(StandardCharsets.UTF_8));
        }
    }

    @Test
    void soundnessCommandRunsASmallSeededCheck() throws Exception {
        String rules = java.nio.file.Path.of(getClass().getResource("textbook-identities.rules").toURI()).toString();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int status = run(commands().get("soundness"), List.of("--count", "2000", "--seed", "7", "--threads", "2",
                "--ruleset", rules, "--quiet"), out, new ByteArrayOutputStream());
        String text = out.toString(StandardCharsets.UTF_8);
        assertEquals(0, status, text);
        assertTrue(text.contains("2,000 expressions checked") && text.contains("0 mismatches, 0 crashes"), text);
    }

    @Test
    void loadCommandRunsBriefly() throws Exception {
        String rules = java.nio.file.Path.of(getClass().getResource("textbook-identities.rules").toURI()).toString();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int status = run(commands().get("load"), List.of("--seconds", "3", "--interval", "1", "--threads", "2",
                "--ruleset", rules), out, new ByteArrayOutputStream());
        String text = out.toString(StandardCharsets.UTF_8);
        assertEquals(0, status, text);
        assertTrue(text.contains("0 errors"), text);
    }
}
