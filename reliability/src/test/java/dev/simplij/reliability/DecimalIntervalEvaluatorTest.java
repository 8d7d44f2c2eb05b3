package dev.simplij.reliability;

import dev.simplij.expr.Evaluator;
import dev.simplij.expr.Expr;
import dev.simplij.expr.Operator;
import org.apache.commons.rng.UniformRandomProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The second look's enclosures hold the true value, are narrow, and know where an expression is undefined. */
class DecimalIntervalEvaluatorTest {
    private static final List<String> X = List.of("x1");
    private static final DecimalIntervalEvaluator DIGITS_40 = new DecimalIntervalEvaluator(40);
    private static final DecimalIntervalEvaluator DIGITS_120 = new DecimalIntervalEvaluator(120);

    private static Enclosure at(DecimalIntervalEvaluator precise, String infix, double x) {
        return precise.evaluate(Expr.parseInfix(infix), X, new double[] {x});
    }

    /** Reference values to 60 digits (published tables; pi/4, pi/6 and so on). */
    @ParameterizedTest(name = "{0} at x1={1}")
    @CsvSource(delimiter = '|', value = {
        "pi          | 0   | 3.14159265358979323846264338327950288419716939937510582097494",
        "E           | 0   | 2.71828182845904523536028747135266249775724709369995957496696",
        "log(x1)     | 2   | 0.693147180559945309417232121458176568075500134360255254120680",
        "exp(x1)     | 10  | 22026.4657948067165169579006452842443663535126185567810742354",
        "sin(x1)     | 1   | 0.841470984807896506652502321630298999622563060798371065672751",
        "cos(x1)     | 1   | 0.540302305868139717400936607442976603732310420617922227670097",
        "tan(x1)     | 1   | 1.55740772465490223050697480745836017308725077238152003838394",
        "atan(x1)    | 1   | 0.785398163397448309615660845819875721049292349843776455243736",
        "asin(x1)    | 0.5 | 0.523598775598298873077107230546583814032861566562517636829157",
        "acos(x1)    | 0.5 | 1.04719755119659774615421446109316762806572313312503527365831",
        "sinh(x1)    | 1   | 1.17520119364380145688238185059560081515571798133409587022956",
        "cosh(x1)    | 1   | 1.54308063481524377847790562075706168260152911236586370473740",
        "tanh(x1)    | 1   | 0.761594155955764888119458282604793590412768597257936551596810",
        "sqrt(x1)    | 2   | 1.41421356237309504880168872420969807856967187537694807317667",
        "real_root(x1, 3) | 2 | 1.25992104989487316476721060727822835057025146470150798008197",
        "real_root(x1, 5) | 2 | 1.14869835499703500679862694677792758944385088909779750551371",
        "x1**(1/4)   | 2   | 1.18920711500272106671749997056047591529297209246381741301900",
    })
    void enclosesTheReferenceValueWithin1e38(String infix, double x, String reference) {
        Enclosure v = at(DIGITS_40, infix, x);
        BigDecimal truth = new BigDecimal(reference);
        BigDecimal slack = BigDecimal.ONE.movePointLeft(58).multiply(truth.abs().max(BigDecimal.ONE));
        assertTrue(v.certain() && v.lo().compareTo(truth.add(slack)) <= 0 && truth.subtract(slack).compareTo(v.hi()) <= 0,
                () -> infix + " = " + reference + " is not inside " + v);
        assertTrue(v.narrowerThan(38), () -> infix + ": " + v + " is wider than 1e-38 relative");
    }

    /**
     * Every operator at seeded random points of all magnitudes: the 40- and 120-digit enclosures
     * overlap (both hold the truth), and the JDK's double result is within 4 ulps of them.
     */
    @Test
    void agreesWithItselfAcrossPrecisionsAndWithTheJdkWithinUlps() {
        long seed = Seeds.of(6_200_001L);
        UniformRandomProvider rng = RandomExpressions.rng(seed);
        int checked = 0;
        for (Operator op : Operator.values()) {
            if (op.arity() != 1) {
                continue;
            }
            Expr e = Expr.builder().operator(op).variable("x1").build();
            Evaluator doubles = Evaluator.compile(e, X);
            for (int i = 0; i < 100; i++) {
                double x = (rng.nextBoolean() ? 1 : -1) * Math.pow(10, rng.nextDouble(-12, op == Operator.EXP
                        || op == Operator.SINH || op == Operator.COSH ? 2.8 : 14));
                double expected = doubles.evaluate(new double[] {x});
                Enclosure coarse = DIGITS_40.evaluate(e, X, new double[] {x});
                Enclosure fine = DIGITS_120.evaluate(e, X, new double[] {x});
                String where = op + " at " + x + " (seed " + seed + ")";
                if (Double.isNaN(expected)) {
                    assertEquals(IntervalEvaluator.Definedness.UNDEFINED, coarse.definedness(), where);
                    continue;
                }
                assertTrue(coarse.certain() && fine.certain() && !coarse.disjoint(fine), () -> where + ": " + coarse
                        + " vs " + fine);
                assertTrue(fine.narrowerThan(100), () -> where + ": " + fine);
                double ulps = 4 * Math.ulp(expected);
                BigDecimal value = new BigDecimal(expected);
                BigDecimal slack = new BigDecimal(ulps);
                assertTrue(fine.lo().compareTo(value.add(slack)) <= 0 && value.subtract(slack).compareTo(fine.hi()) <= 0,
                        () -> where + ": the JDK's " + expected + " is more than 4 ulps from " + fine);
                checked++;
            }
        }
        assertTrue(checked > 1_000, "too few defined points: " + checked);
    }

    @Test
    void recognisesUndefinedAndUndecidablePoints() {
        assertEquals(IntervalEvaluator.Definedness.UNDEFINED, at(DIGITS_40, "log(x1 - 1)", 1).definedness());
        assertEquals(IntervalEvaluator.Definedness.UNDEFINED, at(DIGITS_40, "(x1 - 2)**0.5", 1).definedness());
        assertEquals(IntervalEvaluator.Definedness.UNDEFINED, at(DIGITS_40, "1/(x1 - x1)", 3).definedness());
        assertEquals(IntervalEvaluator.Definedness.UNDEFINED, at(DIGITS_40, "asin(x1)", 1.0000000000000002).definedness());
        // tan(pi/2) has a pole that no finite precision can place exactly: undecided, never a value
        assertEquals(IntervalEvaluator.Definedness.UNKNOWN, at(DIGITS_120, "tan(pi/2)", 0).definedness());
        // the exact product 2^-1080 is a real number, not 0: no double underflow in decimals
        Enclosure tiny = at(DIGITS_40, "x1*x1", 0x1p-540);
        assertTrue(tiny.certain() && tiny.lo().signum() > 0, tiny::toString);
        assertTrue(at(DIGITS_40, "1/(x1*x1)", 0x1p-540).certain(), "an underflowed divisor is not a pole");
        // operations whose decimal result is exact stay points, so an integer exponent stays one
        assertTrue(at(DIGITS_40, "x1*3/3", 0.5).isPoint());
        assertEquals(IntervalEvaluator.Definedness.DEFINED, at(DIGITS_40, "x1**(x1*3/3 + 1)", -2).definedness());
        Enclosure evenPower = at(DIGITS_40, "(x1 - 2)**80", 1);
        assertTrue(evenPower.isPoint() && evenPower.lo().compareTo(BigDecimal.ONE) == 0, evenPower::toString);
        Enclosure sinPi = at(DIGITS_40, "sin(pi*x1)", 1);
        assertTrue(sinPi.contains(BigDecimal.ZERO) && sinPi.hi().subtract(sinPi.lo()).compareTo(new BigDecimal("1e-38")) < 0,
                sinPi::toString);
        assertTrue(at(DIGITS_40, "exp(exp(x1))", 10).narrowerThan(38), "exp(e^10) = 9.4e9565 is a real number");
        assertFalse(at(DIGITS_40, "exp(exp(x1))", 15).certain(), "exp(e^15) = 10^1419820 is beyond the exp limit");
    }
}
