package dev.simplij.miner;

import dev.simplij.expr.Expr;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.hipparchus.dfp.Dfp;
import org.hipparchus.dfp.DfpField;
import org.hipparchus.dfp.DfpMath;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PreciseEvaluatorTest {
    @Test
    void toDoubleIsTheNearestDouble() {
        DfpField field = new DfpField(60);
        DfpField wide = new DfpField(120);
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(7L);
        for (int i = 0; i < 2_000; i++) {
            Dfp x = field.newDfp(Math.pow(10, rng.nextDouble() * 40 - 20) * (rng.nextBoolean() ? 1 : -1));
            Dfp y = field.newDfp(Math.pow(10, rng.nextDouble() * 40 - 20));
            Dfp v = switch (i % 4) {
                case 0 -> x.multiply(y);
                case 1 -> x.divide(y);
                case 2 -> DfpMath.exp(field.newDfp(rng.nextDouble() * 1400 - 700));
                default -> DfpMath.sin(x);
            };
            double d = PreciseEvaluator.toDouble(v);
            Dfp exact = wide.newDfp(v.toString());
            Dfp error = distance(exact, d);
            assertTrue(!distance(exact, Math.nextUp(d)).lessThan(error)
                    && !distance(exact, Math.nextDown(d)).lessThan(error), "seed 7, value " + v + " as " + d);
        }
    }

    private static Dfp distance(Dfp exact, double d) {
        return exact.subtract(exact.getField().newDfp(d)).abs();
    }

    @Test
    void toDoubleKeepsSignedZeroInfinityAndNaN() {
        DfpField field = new DfpField(60);
        assertEquals(0.0, PreciseEvaluator.toDouble(field.getZero()));
        assertEquals(Double.POSITIVE_INFINITY, PreciseEvaluator.toDouble(field.newDfp(Double.POSITIVE_INFINITY)));
        assertEquals(Double.NEGATIVE_INFINITY, PreciseEvaluator.toDouble(field.newDfp(Double.NEGATIVE_INFINITY)));
        assertTrue(Double.isNaN(PreciseEvaluator.toDouble(field.newDfp(Double.NaN))));
        assertEquals(Double.POSITIVE_INFINITY, PreciseEvaluator.toDouble(DfpMath.exp(field.newDfp(800))));
    }

    /**
     * Values are remembered between calls: a remembered value must come back with what its
     * evaluation noted (out of range, not undefined), whatever was evaluated in between, and be the
     * value a fresh evaluator computes; an expression with placeholders is remembered per point.
     */
    @Test
    void aRememberedValueKeepsWhatItsEvaluationNoted() {
        PreciseEvaluator precise = new PreciseEvaluator();
        double[] none = new double[0];
        Expr huge = Expr.parsePrefix("exp exp exp 2");   // e^(e^7.39) = e^1618: out of range, not undefined
        Expr undefined = Expr.parsePrefix("log neg 2");
        Expr value = Expr.parsePrefix("tanh cosh pi");
        assertNull(precise.evaluate(huge, none, none));
        assertTrue(precise.outOfRange());
        assertNull(precise.evaluate(undefined, none, none));
        assertFalse(precise.outOfRange());
        assertNull(precise.evaluate(huge, none, none));
        assertTrue(precise.outOfRange(), "the remembered out-of-range verdict");
        Dfp first = precise.evaluate(value, none, none);
        double magnitude = precise.lastMagnitude();
        precise.evaluate(Expr.parsePrefix("exp 30"), none, none);
        assertEquals(first, precise.evaluate(value, none, none));
        assertEquals(magnitude, precise.lastMagnitude());
        assertEquals(first.toString(), new PreciseEvaluator().evaluate(value, none, none).toString());
        Expr sine = Expr.parsePrefix("sin _0");
        double[] one = {1};
        String atOne = precise.evaluate(sine, one, none).toString();
        String atTwo = precise.evaluate(sine, new double[] {2}, none).toString();
        assertTrue(!atOne.equals(atTwo), atOne + " at 1 and at 2");
        assertEquals(atOne, precise.evaluate(sine, new double[] {1}, none).toString());
        assertEquals(atOne, new PreciseEvaluator().evaluate(sine, one, none).toString());
    }

    /**
     * A ground pair has a single value each side, so closeness is no evidence: {@code 2 sinh(pi^4)}
     * is {@code exp(pi^4) - exp(-pi^4)}, equal to {@code exp(pi^4)} to 85 digits, and was shipped as a
     * rule until 120 digits decided every ground pair. True ground identities, including ones that
     * only agree to rounding ({@code sin pi} is 1e-60 in 60 digits), still agree. Beyond it
     * (rule-miner README): differences below 120 digits ({@code pow1_2 sin pow2 exp tan tan -1} is
     * 1.5e-131 from {@code exp tan tan -1}).
     */
    /**
     * A value whose sinh drops its exp(-x) is right to the precision: a pair with placeholders is
     * decided there (1/sinh(231) is 1e-100, not 0), not left undecided at every point.
     */
    @Test
    void aDroppedExponentialStillDecidesAPairWithPlaceholders() {
        PreciseEvaluator precise = new PreciseEvaluator();
        assertEquals(PreciseEvaluator.Verdict.DISAGREE, precise.compare(Expr.parsePrefix("inv sinh pow2 exp exp cosh _0"),
                Expr.parsePrefix("0"), new double[] {0.5}, new double[0]));
    }

    @Test
    void groundPairsCloserThanSixtyDigitsAreDecidedAtTwice() {
        PreciseEvaluator precise = new PreciseEvaluator();
        double[] none = new double[0];
        String[][] falseRules = {
                {"* 2 sinh pow4 pi", "exp pow4 pi"},
                {"* 2 cosh pow4 pi", "exp pow4 pi"},
                {"/ exp pow4 pi 2", "sinh pow4 pi"},
                {"tanh pow4 pi", "1"},
                {"exp inv exp exp pow2 tan 2", "1"},
                {"sin exp tan tan -1", "exp tan tan -1"},
                {"log exp sin exp tan tan -1", "exp tan tan -1"},
                {"inv exp pow5 pi", "0"},
                {"cos inv exp pow4 pi", "1"},
                {"pow sin E pow5 pi", "0"},
        };
        for (String[] rule : falseRules) {
            PreciseEvaluator.Verdict verdict = precise.compare(Expr.parsePrefix(rule[0]), Expr.parsePrefix(rule[1]), none, none);
            assertTrue(verdict != PreciseEvaluator.Verdict.AGREE, rule[0] + " -> " + rule[1] + ": " + verdict);
        }
        String[][] trueRules = {
                {"sin pi", "0"},
                {"* 2 sinh 1", "- E inv E"},
                {"- pow2 cosh pi pow2 sinh pi", "1"},
                {"exp log pi", "pi"},
                {"tan / pi 4", "1"},
                {"- pow2 tan pi pow2 sin pi", "0"},
                {"pow pow1_2 2 pow4 2", "256"},
                {"acos cos pow1_2 2", "pow1_2 2"},
                {"/ + exp pow4 pi exp neg pow4 pi 2", "cosh pow4 pi"},
        };
        for (String[] rule : trueRules) {
            assertEquals(PreciseEvaluator.Verdict.AGREE,
                    precise.compare(Expr.parsePrefix(rule[0]), Expr.parsePrefix(rule[1]), none, none), rule[0] + " -> " + rule[1]);
        }
    }
}
