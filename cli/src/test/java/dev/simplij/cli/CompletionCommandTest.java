package dev.simplij.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code simplij completion}: the script, sourced into a real bash, completes commands, options and option values. */
class CompletionCommandTest {
    /**
     * The words bash offers after {@code line} (the last word being completed), sorted. The script's
     * function is called as bash's completion would call it; {@code compopt}, which only sets how the
     * words are shown, works inside a real completion only and is a no-op here.
     */
    private static List<String> complete(Path script, String... line) throws Exception {
        String words = String.join(" ", List.of(line).stream().map(w -> "'" + w + "'").toList());
        String program = "source '" + script + "'\ncompopt() { :; }\nCOMP_WORDS=(" + words + ")\nCOMP_CWORD=" + (line.length - 1)
                + "\nCOMP_LINE=\"${COMP_WORDS[*]}\"\nCOMP_POINT=${#COMP_LINE}\n_complete_simplij\n"
                + "printf '%s\\n' \"${COMPREPLY[@]}\"\n";
        Process bash = new ProcessBuilder("bash", "-c", program).redirectErrorStream(true).start();
        String out = new String(bash.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, bash.waitFor(), out);
        return out.lines().map(String::strip).filter(w -> !w.isEmpty()).sorted().toList();
    }

    @Test
    void theScriptCompletesCommandsOptionsAndValues(@TempDir Path dir) throws Exception {
        Invocation o = Invocation.of("completion");
        assertEquals(0, o.status(), o.err());
        assertTrue(o.out().contains("complete -F _complete_simplij"), o.out());
        Path script = dir.resolve("simplij-completion.bash");
        Files.writeString(script, o.out());
        assertEquals(List.of("simplify", "soundness", "sr", "sr-benchmark"), complete(script, "simplij", "s"));
        assertEquals(List.of("--seed"), complete(script, "simplij", "soundness", "--se"));
        assertEquals(List.of("--skeleton"), complete(script, "simplij", "simplify", "--sk"));
        assertEquals(List.of("jenetics", "symja", "sympy"), complete(script, "simplij", "bench", "--peers", ""));
    }
}
