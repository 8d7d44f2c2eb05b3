package dev.simplij.cli;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code soundness} and {@code load} end to end on a small rule file. */
class ReliabilityCommandsTest {
    private static final String RULES = "../reliability/src/test/resources/dev/simplij/reliability/textbook-identities.rules";

    @Test
    void soundnessRunsASmallSeededCheck() throws Exception {
        Invocation o = Invocation.of("soundness", "--count", "2000", "--seed", "7", "--threads", "2", "--ruleset", RULES,
                "--quiet");
        assertEquals(0, o.status(), o.out() + o.err());
        assertTrue(o.out().contains("2,000 expressions checked") && o.out().contains("0 mismatches, 0 crashes"), o.out());
        assertEquals("", o.err(), "--quiet: no progress lines");
    }

    @Test
    void loadRunsBriefly() throws Exception {
        Invocation o = Invocation.of("load", "--seconds", "3", "--interval", "1", "--threads", "2", "--ruleset", RULES);
        assertEquals(0, o.status(), o.out() + o.err());
        assertTrue(o.out().contains("0 errors"), o.out());
    }

    @Test
    void aBadRuleFileIsAUsageErrorNamingIt() throws Exception {
        Invocation o = Invocation.of("soundness", "--count", "1", "--ruleset", "no/such.rules");
        assertEquals(2, o.status());
        assertTrue(o.err().startsWith("simplij soundness: ") && o.err().contains("no/such.rules"), o.err());
    }
}
