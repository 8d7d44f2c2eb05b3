package dev.simplij.simplify;

import dev.simplij.expr.Expr;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;
import java.math.BigInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Folding and like-term collection are exact beyond longs and doubles: BigInteger where a long overflows. */
class BigLiteralsTest {
    private static final Simplifier SIMPLIFIER = Simplifier.builder().build();

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            // issue 16: read as doubles, these gave 0
            "9007199254740993 - 9007199254740992                                       | 1",
            "123456789012345678901234567890*x - 123456789012345678901234567889*x       | x",
            "x + 9007199254740993                                                      | x + 9007199254740993",
            "9223372036854775807 + 1                                                   | 9223372036854775808",
            "-9223372036854775808 - 1                                                  | -9223372036854775809",
            "4611686018427387904*4611686018427387904                                   | 21267647932558653966460912964485513216",
            "2**100                                                                    | 1267650600228229401496703205376",
            "(-3)**101 + 3**101                                                        | 0",
            "2**1024                                                                   | 2**1024",
            "1/9007199254740993 + 1/9007199254740993                                   | 2/9007199254740993",
            "x/123456789012345678901234567890 + x/123456789012345678901234567890       | x/61728394506172839450617283945",
            "sqrt(1524157875323883675049535156256668194500533455762536198787501905199875019052100)"
                    + " | 1234567890123456789012345678901234567890",
            "0.1 + 0.2                                                                 | 0.3",
            "0.1000000000000000000001 + 0.2                                            | 0.3000000000000000000001",
            "6.674e-11*x                                                               | 0.00000000006674*x",
            "1e20 - 1                                                                  | 99999999999999999999",
            "1e20*x + x                                                                | 100000000000000000001*x",
    })
    void foldsAndCollectsExactly(String input, String expected) {
        assertEquals(expected, SIMPLIFIER.simplifyInfix(input), input);
    }

    /**
     * An exponent beyond a long is no small whole exponent: the default rules hold
     * {@code pow -1 pow5 pow5 pow5 2 -> 1} (the whole table to 6 tokens), whose exponent 2^125 made
     * building a simplifier throw before every such check asked whether it fits.
     */
    @Test
    void exponentsBeyondALongAreNoSmallWholeExponents() {
        Simplifier withRule = Simplifier.builder().rules(java.util.List.of(dev.simplij.rules.Rule.parse(
                "pow -1 pow5 pow5 pow5 2 -> 1"))).build();
        assertEquals("pow -1 42535295865117307932921825928971026432", withRule.simplifyPrefix("pow -1 pow5 pow5 pow5 2"));
        assertEquals("x**1180591620717411303424", SIMPLIFIER.simplifyInfix("x**(2**70)"));
        assertEquals("x**1180591620717411303424*y", SIMPLIFIER.simplifyInfix("x**(2**70)*y"));
    }

    @Test
    void printedResultsReadBackToThemselves() {
        Expr e = Expr.parseInfix("9007199254740993*x1 + 9007199254740993*x1");
        Expr r = SIMPLIFIER.simplify(e);
        assertEquals("18014398509481986*x1", r.toInfix());
        assertEquals(r, Expr.parsePrefix(r.toPrefix()));
        assertEquals(18014398509481986.0, r.number(1));
    }

    /** Seeded: folding random big integer sums and products agrees with BigInteger arithmetic. */
    @Test
    void foldingAgreesWithBigIntegerArithmetic() {
        long seed = 16L;
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
        for (int i = 0; i < 2000; i++) {
            BigInteger a = randomInteger(rng);
            BigInteger b = randomInteger(rng);
            BigInteger c = randomInteger(rng);
            String op = rng.nextBoolean() ? "+" : "*";
            String prefix = op + " " + a + " " + (rng.nextBoolean() ? "- " + b + " " + c : "* " + b + " " + c);
            BigInteger inner = prefix.startsWith(op + " " + a + " - ") ? b.subtract(c) : b.multiply(c);
            BigInteger expected = op.equals("+") ? a.add(inner) : a.multiply(inner);
            assertEquals(expected.toString(), SIMPLIFIER.simplifyPrefix(prefix), "seed " + seed + " #" + i + ": " + prefix);

            Fraction fa = Fraction.of(a, BigInteger.ONE);
            Fraction fb = Fraction.of(b, BigInteger.ONE);
            assertEquals(Fraction.of(a.add(b), BigInteger.ONE), fa.add(fb));
            assertEquals(Fraction.of(a.multiply(b), BigInteger.ONE), fa.multiply(fb));
            assertEquals(Fraction.of(a.subtract(b), BigInteger.ONE), fa.subtract(fb));
            if (b.signum() != 0) {
                assertEquals(new BigDecimal(a).divide(new BigDecimal(b), java.math.MathContext.DECIMAL128),
                        new BigDecimal(fa.divide(fb).bigNum()).divide(new BigDecimal(fa.divide(fb).bigDen()),
                                java.math.MathContext.DECIMAL128), "seed " + seed + " #" + i);
            }
        }
    }

    /** Integers of 1 to 40 digits, either sign: longs, near-long boundaries and beyond. */
    private static BigInteger randomInteger(UniformRandomProvider rng) {
        BigInteger magnitude = switch (rng.nextInt(4)) {
            case 0 -> BigInteger.valueOf(rng.nextLong(1_000_000));
            case 1 -> BigInteger.valueOf(Long.MAX_VALUE).subtract(BigInteger.valueOf(rng.nextInt(3)));
            default -> new BigInteger(1 + rng.nextInt(130), new java.util.Random(rng.nextLong()));
        };
        return rng.nextBoolean() ? magnitude.negate() : magnitude;
    }

    @Test
    void longFastPathAndBigFormAreOneForm() {
        Fraction big = Fraction.of(BigInteger.ONE.shiftLeft(70), BigInteger.ONE.shiftLeft(68));
        assertEquals(Fraction.of(4), big);
        assertEquals(4, big.num());
        Fraction max = Fraction.of(Long.MAX_VALUE);
        Fraction beyond = max.add(Fraction.ONE);
        assertThrows(ArithmeticException.class, beyond::num);
        assertEquals(max, beyond.subtract(Fraction.ONE));
        assertEquals(Fraction.of(Long.MIN_VALUE + 1), max.negate());
        assertEquals(beyond.negate(), Fraction.of(Long.MIN_VALUE));
        assertThrows(ArithmeticException.class, () -> Fraction.of(3).pow(Fraction.MAX_BITS));
    }
}
