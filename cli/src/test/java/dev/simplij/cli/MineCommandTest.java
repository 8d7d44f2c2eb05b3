package dev.simplij.cli;

import dev.simplij.rules.RuleSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code simplij mine}: usage errors, a recorded command read without a shell, and a shipped file regenerated. */
class MineCommandTest {
    @Test
    void usageErrorsNameTheOption() throws Exception {
        Invocation noOut = Invocation.of("mine", "--operators", "neg", "--leaves", "_0");
        assertEquals(2, noOut.status());
        assertTrue(noOut.err().startsWith("simplij mine: Missing required option: '--out'\n"), noOut.err());
        Invocation seed = Invocation.of("mine", "--operators", "neg", "--leaves", "_0", "--max-source", "2",
                "--max-target", "1", "--seed", "one", "--out", "x.rules");
        assertEquals(2, seed.status());
        assertTrue(seed.err().startsWith("simplij mine: Invalid value for option '--seed': 'one' is not a whole number\n"),
                seed.err());
        Invocation stray = Invocation.of("mine", "x");
        assertEquals(2, stray.status());
        assertTrue(stray.err().startsWith("simplij mine: Unmatched argument at index 0: 'x'\n"), stray.err());
        Invocation badOperator = Invocation.of("mine", "--operators", "nope", "--leaves", "_0", "--max-source", "2",
                "--max-target", "1", "--out", "x.rules");
        assertEquals(2, badOperator.status());
        assertTrue(badOperator.err().startsWith("simplij mine: ") && badOperator.err().contains("nope"), badOperator.err());
    }

    /** Refused before mining starts, which can take hours, not when the rules are written. */
    @Test
    void anOutputThatIsADirectoryIsRefusedUpFront(@TempDir Path dir) throws Exception {
        Invocation r = Invocation.of("mine", "--operators", "neg", "--leaves", "_0", "--max-source", "2",
                "--max-target", "1", "--out", dir.toString());
        assertEquals(2, r.status());
        assertTrue(r.err().startsWith("simplij mine: --out " + dir + " is a directory; give the rule file's path"), r.err());
    }

    @Test
    void quotedValuesOfARecordedCommandLoseTheirQuotes(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("tiny.rules");
        Invocation r = Invocation.of("mine", "--operators", "neg,abs", "--leaves", "'_0,0'", "--max-source=3",
                "--max-target", "1", "--samples", "64", "--name", "'tiny'", "--threads", "1", "--quiet", "--out",
                file.toString());
        assertEquals(0, r.status(), r.err());
        RuleSet rules = RuleSet.load(file.toString());
        assertEquals("tiny", rules.header().get("name"));
        assertTrue(rules.header().get("command").contains("--leaves _0,0 "), rules.header().get("command"));
        assertTrue(rules.rules().stream().anyMatch(rule -> rule.toString().equals("neg neg _0 -> _0")),
                rules.rules().toString());
        Invocation verified = Invocation.of("mine", "--verify", file.toString(), "--samples", "64");
        assertEquals(0, verified.status(), verified.err());
        assertTrue(verified.out().endsWith(" rules hold on a fresh sample (seed 1)\n"), verified.out());
    }

    /** The option is recorded in the header's command, which runs again; the rules are those of a plain run. */
    @Test
    void shorterRulesFirstIsRecordedAndMinesTheSameRules(@TempDir Path dir) throws Exception {
        Path plain = dir.resolve("plain.rules");
        Path first = dir.resolve("first.rules");
        String[] common = {"mine", "--operators", "+,*,neg", "--leaves", "_0,_1,0,1", "--max-source", "4",
                "--max-target", "2", "--samples", "64", "--threads", "1", "--quiet", "--name", "t"};
        Invocation a = Invocation.of(concat(common, "--out", plain.toString()));
        Invocation b = Invocation.of(concat(common, "--shorter-rules-first", "--out", first.toString()));
        assertEquals(0, a.status(), a.err());
        assertEquals(0, b.status(), b.err());
        RuleSet shorterFirst = RuleSet.load(first.toString());
        assertTrue(shorterFirst.header().get("command").contains(" --shorter-rules-first "),
                shorterFirst.header().get("command"));
        assertEquals(RuleSet.load(plain.toString()).rules().toString(), shorterFirst.rules().toString());
    }

    /** The option is recorded in the header's command, and that command, run again, writes the same bytes. */
    @Test
    void moduloCommutativityIsRecordedAndItsCommandRunsAgainByteForByte(@TempDir Path dir) throws Exception {
        String out = recordedAndRunAgain(dir, "4", "--modulo-commutativity");
        assertTrue(out.startsWith(String.format("%3s %14s %14s", "len", "all", "all-mod-comm")), out);
    }

    @Test
    void moduloAssociativityIsRecordedAndItsCommandRunsAgainByteForByte(@TempDir Path dir) throws Exception {
        String out = recordedAndRunAgain(dir, "5", "--modulo-commutativity", "--modulo-associativity");
        assertTrue(out.startsWith(String.format("%3s %14s %14s %14s", "len", "all", "all-mod-comm", "all-mod-assoc")),
                out);
        Invocation alone = Invocation.of("mine", "--operators", "+,*", "--leaves", "_0,1", "--max-source", "3",
                "--max-target", "2", "--quiet", "--modulo-associativity", "--out", dir.resolve("x.rules").toString());
        assertTrue(alone.status() != 0 && alone.err().contains("--modulo-commutativity --modulo-associativity"),
                alone.err());
    }

    /**
     * Mines with {@code options}, checks they are recorded in the header's command and that the
     * command, run again, writes the same bytes; returns the second run's standard output.
     */
    private static String recordedAndRunAgain(Path dir, String maxSource, String... options) throws Exception {
        Path file = dir.resolve("modulo.rules");
        Invocation r = Invocation.of(concat(new String[] {"mine", "--operators", "+,*,neg", "--leaves", "_0,_1,0,1",
                "--max-source", maxSource, "--max-target", "2", "--samples", "64", "--threads", "1", "--quiet"},
                concat(options, "--name", "t", "--out", file.toString())));
        assertEquals(0, r.status(), r.err());
        byte[] written = Files.readAllBytes(file);
        String command = RuleSet.load(file.toString()).header().get("command");
        assertTrue(command.contains(" " + String.join(" ", options) + " "), command);
        List<String> args = new ArrayList<>(List.of(command.split(" ")));
        assertEquals("./simplij", args.remove(0));
        args.add("--quiet");
        Invocation again = Invocation.of(args.toArray(String[]::new));
        assertEquals(0, again.status(), again.err());
        assertArrayEquals(written, Files.readAllBytes(file));
        return again.out();
    }

    private static String[] concat(String[] a, String... b) {
        String[] all = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }

    /** Runs the shipped small rule set's recorded command, writing to a temporary file, and compares bytes. */
    @Test
    void smallRegeneratesByteForByte(@TempDir Path temp) throws Exception {
        byte[] shipped = shipped("small");
        String command = RuleSet.load("small").header().get("command");
        List<String> args = new ArrayList<>(List.of(command.split(" ")));
        assertEquals("./simplij", args.remove(0));
        int out = args.indexOf("--out");
        String recorded = args.get(out + 1);
        Path file = temp.resolve(recorded);
        args.set(out + 1, file.toString());
        args.add("--quiet");
        Invocation r = Invocation.of(args.toArray(String[]::new));
        assertEquals(0, r.status(), r.err());
        // the command recorded in the regenerated file names the temporary path: put the recorded one back
        String regenerated = Files.readString(file, StandardCharsets.UTF_8).replace(file.toString(), recorded);
        assertArrayEquals(shipped, regenerated.getBytes(StandardCharsets.UTF_8),
                "small.rules does not regenerate byte for byte from: " + command);
    }

    private static byte[] shipped(String name) throws IOException {
        try (InputStream in = RuleSet.class.getClassLoader().getResourceAsStream("dev/simplij/rulesets/" + name
                + ".rules")) {
            assertTrue(in != null, "no shipped rule set " + name);
            return in.readAllBytes();
        }
    }
}
