package dev.simplij.cli;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** {@code simplij simplify --skeleton} with the shipped rule sets: the default rules and the free-constant ones. */
class SkeletonFlagTest {
    private static String simplify(String... args) throws Exception {
        List<String> line = new ArrayList<>(List.of("simplify"));
        line.addAll(List.of(args));
        Invocation run = Invocation.of(line.toArray(String[]::new));
        assertEquals(0, run.status(), run.err());
        return run.out();
    }

    @Test
    void skeletonAloneAppliesTheDefaultAndTheFreeConstantRules() throws Exception {
        String[] exprs = {"exp(x1 + <constant>)", "sin(x1)**2 + cos(x1)**2 + <constant>*<constant>"};
        String alone = simplify("--skeleton", exprs[0], exprs[1]);
        assertEquals("<constant>*exp(x1)\n<constant>\n", alone);
        assertEquals(alone, simplify("--skeleton", "--ruleset", "default,skeleton", exprs[0], exprs[1]));
    }
}
