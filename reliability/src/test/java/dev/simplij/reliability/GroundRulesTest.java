package dev.simplij.reliability;

import dev.simplij.rules.Rule;
import dev.simplij.rules.RuleSet;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The ground rules of the shipped sets (no placeholders: one value each side) against a second,
 * independent opinion: outward-rounded decimal intervals of 200 digits, which hold the exact
 * values. A rule whose left side is certainly defined fails when its right side is certainly
 * undefined or the two intervals are disjoint. Until session 11 the miner took agreement to 50
 * digits, or a difference that shrank from 60 to 120 digits, as enough for a ground pair, and
 * {@code default} shipped 15 rules this check refutes, from {@code * 2 sinh pow4 pi -> exp pow4 pi}
 * (equal to 85 digits) to {@code pow1_2 sin pow2 exp tan tan -1 -> exp tan tan -1} (1.5e-131 apart).
 * Mined again, the sets hold only {@link #BEYOND_120_DIGITS}: false by less than the miner's 120
 * digits can see, listed so that any other refuted rule fails. The default build checks a seeded sixteenth of {@code default}'s ground rules (all of them take
 * about two and a half minutes of one core); {@code -Dsimplij.verify.all=true} checks every set
 * whole ({@code mvn -B test -pl reliability -am -Dtest=GroundRulesTest -Dsimplij.verify.all=true}).
 */
class GroundRulesTest {
    private static final DecimalIntervalEvaluator DIGITS_200 = new DecimalIntervalEvaluator(200);
    private static final double[] NO_POINT = new double[0];
    private static final int SLICE = 16;
    /**
     * {@code y = exp(tan(tan(-1)))} is 3.7e-33: {@code sin(sin(tan(y)))} is {@code y + O(y^5)} (the
     * {@code y^3} terms of tan and of sin twice cancel) and {@code sqrt(sin(y^2))} is
     * {@code y - y^5/12}, so the sides differ by about 1e-130 relative, beyond the 120 digits that
     * decide a ground pair while mining.
     */
    private static final Set<String> BEYOND_120_DIGITS = Set.of(
            "pow1_2 sin pow2 exp tan tan -1 -> exp tan tan -1",
            "pow1_2 tan pow2 exp tan tan -1 -> exp tan tan -1",
            "sin sin tan exp tan tan -1 -> exp tan tan -1",
            "sin tan sin exp tan tan -1 -> exp tan tan -1",
            "tan sin sin exp tan tan -1 -> exp tan tan -1");

    @ParameterizedTest
    @ValueSource(strings = {"default", "trig7", "all5", "small"})
    void everyGroundRuleHoldsInTwoHundredDigitIntervals(String name) {
        boolean all = Boolean.getBoolean("simplij.verify.all");
        assumeTrue(all || name.equals("default"), "the other sets with -Dsimplij.verify.all=true");
        long seed = Seeds.of(11L);
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
        List<String> refuted = new ArrayList<>();
        Set<String> known = new TreeSet<>();
        int checked = 0;
        int decided = 0;
        for (Rule rule : RuleSet.load(name).rules()) {
            if (rule.lhs().placeholderCount() > 0 || (!all && rng.nextInt(SLICE) != 0)) {
                continue;
            }
            checked++;
            Enclosure lhs = DIGITS_200.evaluate(rule.lhs(), List.of(), NO_POINT);
            if (!lhs.certain()) {
                continue;
            }
            Enclosure rhs = DIGITS_200.evaluate(rule.rhs(), List.of(), NO_POINT);
            if (rhs.definedness() == IntervalEvaluator.Definedness.UNDEFINED || (rhs.certain() && lhs.disjoint(rhs))) {
                if (BEYOND_120_DIGITS.contains(rule.toString())) {
                    known.add(rule.toString());
                } else {
                    refuted.add(rule + ": " + lhs + " vs " + rhs);
                }
            }
            decided += rhs.certain() ? 1 : 0;
        }
        assertEquals(List.of(), refuted, name + ": " + refuted.size() + " of " + checked + " ground rules refuted"
                + (all ? "" : " (slice seed " + seed + ")"));
        assertTrue(decided >= checked / 2, name + ": only " + decided + " of " + checked + " ground rules evaluated");
        if (all && !name.equals("small") && !name.equals("all5")) {
            // the listed ones are refuted where shipped: the list is no blanket excuse
            assertEquals(BEYOND_120_DIGITS, known, name);
        }
    }
}
