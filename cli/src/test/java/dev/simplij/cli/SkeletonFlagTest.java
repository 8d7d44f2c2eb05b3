package dev.simplij.cli;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** {@code simplij simplify --skeleton} with the shipped rule sets: the default rules and the free-constant ones. */
class SkeletonFlagTest {
    private static String simplify(String... args) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        List<String> line = new ArrayList<>(List.of("simplify"));
        line.addAll(List.of(args));
        int status = Main.run(line, new ByteArrayInputStream(new byte[0]), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(0, status, err.toString(StandardCharsets.UTF_8));
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void skeletonAloneAppliesTheDefaultAndTheFreeConstantRules() throws Exception {
        String[] exprs = {"exp(x1 + <constant>)", "sin(x1)**2 + cos(x1)**2 + <constant>*<constant>"};
        String alone = simplify("--skeleton", exprs[0], exprs[1]);
        assertEquals("<constant>*exp(x1)\n<constant>\n", alone);
        assertEquals(alone, simplify("--skeleton", "--ruleset", "default,skeleton", exprs[0], exprs[1]));
    }
}
