package dev.simplij.rulesets;

import dev.simplij.miner.RuleVerifier;
import dev.simplij.rules.Rule;
import dev.simplij.rules.RuleSet;
import dev.simplij.simplify.Simplifier;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The shipped rule files: valid, reproducible, sound on a fresh sample, with the known identities. */
class ShippedRuleSetsTest {
    static final String DIRECTORY = "dev/simplij/rulesets/";
    /** The default build re-verifies one rule in this many of the larger sets. */
    static final int SLICE = 16;

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = ShippedRuleSetsTest.class.getClassLoader().getResourceAsStream(DIRECTORY + name
                + ".rules")) {
            assertTrue(in != null, "no shipped rule set " + name);
            return in.readAllBytes();
        }
    }

    private static boolean has(RuleSet set, String rule) {
        return set.rules().stream().anyMatch(r -> r.toString().equals(rule));
    }

    @ParameterizedTest
    @ValueSource(strings = {"small", "default", "trig7", "all5", "skeleton"})
    void loadsValidatedWithFullProvenance(String name) {
        RuleSet set = RuleSet.load(name);
        assertTrue(set.size() > 0);
        for (String key : List.of("miner", "operators", "leaves", "max-source", "max-target", "samples",
                "all-per-length", "enumerated-per-length", "rules-per-length", "command", "checksum")) {
            assertTrue(set.header().containsKey(key), name + " header lacks " + key);
        }
        assertTrue(set.header().get("command").startsWith("./simplij mine "));
    }

    /**
     * Every rule of {@code small}, and a seeded sixteenth of the larger sets' rules, hold on a fresh
     * seeded sample. The whole of every set takes about four minutes on two cores, so it runs with
     * {@code -Dsimplij.verify.all=true} ({@code mvn -B test -pl rulesets -am -Dsimplij.verify.all=true}),
     * or as {@code ./simplij mine --verify NAME}; {@code -Dsimplij.verify.slice.seed=N} draws another slice.
     */
    @ParameterizedTest
    @ValueSource(strings = {"small", "default", "trig7", "all5", "skeleton"})
    void rulesHoldOnAFreshSeededSample(String name) {
        RuleSet set = RuleSet.load(name);
        boolean all = Boolean.getBoolean("simplij.verify.all") || name.equals("small");
        long sliceSeed = Long.getLong("simplij.verify.slice.seed", 18L);
        RuleSet checked = all ? set : slice(set, SLICE, sliceSeed);
        assertTrue(all || checked.size() >= set.size() / (2 * SLICE), "the slice is about 1/" + SLICE + " of the rules");
        List<String> failures = RuleVerifier.forRules(set.rules(), 1024, 20240607L).verify(checked);
        assertEquals(List.of(), failures, name + ": " + failures.size() + " of " + checked.size() + " rules fail"
                + (all ? "" : " (slice seed " + sliceSeed + ")"));
    }

    /** One rule in {@code every}, drawn independently per rule with a seeded generator. */
    static RuleSet slice(RuleSet set, int every, long seed) {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
        List<Rule> kept = set.rules().stream().filter(r -> rng.nextInt(every) == 0).toList();
        return RuleSet.of(set.header().get("name") + "-slice", Map.of(), kept);
    }

    @Test
    void defaultHasTheKnownIdentitiesAndNoUnsoundOnes() {
        RuleSet set = RuleSet.defaultRuleSet();
        for (String expected : List.of("- _0 _0 -> 0", "/ _0 _0 -> 1", "log exp _0 -> _0", "pow1_2 pow2 _0 -> abs _0")) {
            assertTrue(has(set, expected), expected + " missing");
        }
        Set<String> unsound = Set.of("pow1_2 pow2 _0 -> _0", "log pow2 _0 -> * 2 log _0",
                "pow1_2 * _0 _1 -> * pow1_2 _0 pow1_2 _1", "asin sin _0 -> _0");
        for (Rule r : set.rules()) {
            assertFalse(unsound.contains(r.toString()), r.toString());
        }
        // each extension reaches what its own operators and lengths allow, and keeps its base's rules
        assertTrue(has(set, "+ pow2 sin _0 pow2 cos _0 -> 1") || has(set, "+ pow2 cos _0 pow2 sin _0 -> 1"),
                "Pythagoras, 7 tokens (trig7)");
        assertTrue(has(set, "+ 1 pow2 tan _0 -> inv pow2 cos _0"), "1 + tan^2 = 1/cos^2 (trig7)");
        assertTrue(has(set, "* / abs _0 _0 tan _0 -> tan abs _0"), "tan is odd, at 7 tokens (trig7)");
        assertTrue(has(set, "- pow2 cosh _0 pow2 sinh _0 -> 1"), "cosh^2 - sinh^2 = 1, 7 tokens (default's extension)");
        assertTrue(has(set, "/ sinh _0 cosh _0 -> tanh _0"), "sinh/cosh = tanh, 5 tokens (all5)");
    }

    /** {@code default} extends {@code trig7}, which extends {@code all5}: each header names its base by checksum. */
    @Test
    void extensionsNameTheirBaseByChecksum() {
        for (String[] pair : new String[][] {{"default", "trig7"}, {"trig7", "all5"}}) {
            RuleSet set = RuleSet.load(pair[0]);
            RuleSet base = RuleSet.load(pair[1]);
            String line = set.header().get("base");
            assertTrue(line.startsWith("rulesets/src/main/resources/dev/simplij/rulesets/" + pair[1] + ".rules ("
                    + base.size() + " rules, checksum " + base.header().get("checksum") + ")"), pair[0] + ": " + line);
            assertTrue(set.header().get("command").contains("--base rulesets/src/main/resources/dev/simplij/rulesets/"
                    + pair[1] + ".rules "), set.header().get("command"));
        }
    }

    /**
     * The free-constant set: its header states the semantics, its rules (re-verified above by a
     * fit of the right side's constants per draw of the left side's) reduce the known skeleton
     * identities and leave the unsound directions alone.
     */
    @Test
    void skeletonReducesTheFreeConstantIdentities() {
        RuleSet set = RuleSet.load("skeleton");
        assertTrue(set.header().get("semantics").contains("for every value of the lhs constants"));
        assertTrue(has(set, "+ <constant> <constant> -> <constant>"));
        assertTrue(has(set, "exp <constant> -> <constant>"));
        assertTrue(has(set, "/ _0 <constant> -> * <constant> _0"));
        Simplifier rules = Simplifier.builder().rules(set.rules()).folding(false).likeTerms(false)
                .canonicalOrder(false).build();
        for (String[] pair : new String[][] {
                {"* <constant> * _0 <constant>", "* <constant> _0"},
                {"+ _0 * <constant> _0", "* <constant> _0"},
                {"exp + _0 <constant>", "* <constant> exp _0"},
                {"pow1_2 pow2 <constant>", "<constant>"},
                {"pow2 * <constant> _0", "* <constant> pow2 _0"},
                {"* <constant> pow2 _0", "* <constant> pow2 _0"},
                {"log * <constant> _0", "log * <constant> _0"}}) {
            assertEquals(pair[1], rules.simplifyPrefix(pair[0]), pair[0]);
        }
    }
}
