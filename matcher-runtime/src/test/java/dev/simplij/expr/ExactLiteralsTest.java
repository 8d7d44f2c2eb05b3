package dev.simplij.expr;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigDecimal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Literals are exact at any size: read exactly, compared and hashed by value, printed as written. */
class ExactLiteralsTest {
    private static final String HUGE = "123456789012345678901234567890123456789012345678901234567890";

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "9007199254740993", "-9007199254740993", "9007199254740992", "18446744073709551617",
            HUGE, "-" + HUGE, "0.1000000000000000000001", "3.14159265358979323846264338327950288",
            "-0.000000000000000000000000000000123456789123456789", "12345678901234567890.0987654321",
            "0.1", "2.5", "1234567", "100000000000000000000", "282879384806159000"})
    void prefixAndInfixReadBackTheLiteralAsWritten(String literal) {
        BigDecimal exact = new BigDecimal(literal).stripTrailingZeros();
        for (Expr e : new Expr[] {Expr.parsePrefix(literal), Expr.parseInfix(literal)}) {
            assertEquals(0, e.exactNumber(0).compareTo(exact), literal);
            assertEquals(exact.toPlainString(), e.toPrefix());
            assertEquals(e, Expr.parsePrefix(e.toPrefix()));
            assertEquals(e, Expr.parseInfix(e.toInfix()));
        }
    }

    @Test
    void hugeLiteralsRoundTripInsideExpressions() {
        String prefix = "+ * " + HUGE + " x1 - 0.10000000000000000000000007 -9007199254740993";
        Expr e = Expr.parsePrefix(prefix);
        assertEquals(prefix, e.toPrefix());
        // infix prints flat in SymPy's order and reads back to the same value (the literals exactly),
        // not the same tree; the text is a fixed point of reading and printing
        String infix = e.toInfix();
        assertEquals(HUGE + "*x1 + 0.10000000000000000000000007 + 9007199254740993", infix);
        assertEquals(infix, Expr.parseInfix(infix).toInfix());
    }

    @Test
    void equalityAndHashAreByExactValue() {
        Expr a = Expr.parseInfix("x + 9007199254740993");
        Expr b = Expr.builder().operator(Operator.ADD).variable("x").number(new BigDecimal("9007199254740993.000")).build();
        Expr c = Expr.parseInfix("x + 9007199254740992");
        assertEquals(a, b);
        assertEquals(a.hashCode(), b.hashCode());
        assertNotEquals(a, c);
        assertNotEquals(a.hash(0), c.hash(0));
        assertEquals(9007199254740992.0, a.number(2)); // the nearest double, for evaluation
        assertFalse(a.isDoubleLiteral(2));
        assertTrue(c.isDoubleLiteral(2));
        assertTrue(ExprOrder.compare(c, a) < 0);
        // a value a double stands for is held inline however it was built
        assertEquals(Expr.builder().number(0.1).build(), Expr.builder().number(new BigDecimal("0.100")).build());
        assertEquals(Expr.parsePrefix("100000000000000000000"), Expr.builder().number(1e20).build());
    }

    @Test
    void copiesKeepTheExactValue() {
        Expr e = Expr.parsePrefix("* " + HUGE + " sin " + HUGE);
        Expr sub = e.subtree(3);
        assertEquals(HUGE, sub.toPrefix());
        Expr copy = Expr.builder().operator(Operator.NEG).subtree(e, 0).build();
        assertEquals("neg " + e.toPrefix(), copy.toPrefix());
        Expr token = Expr.builder().token(e, 1).build();
        assertEquals(HUGE, token.toPrefix());
    }

    @ParameterizedTest(name = "{0} prints {1}")
    @CsvSource(delimiter = '|', value = {
            "6.674e-11              | 0.00000000006674",
            "1e20                   | 100000000000000000000",
            "1.5E3                  | 1500",
            "0.0001                 | 0.0001",
            "1e-7                   | 0.0000001",
            "12345678.5             | 12345678.5",
            "2.5e-3                 | 0.0025",
            ".5                     | 0.5",
            "7.                     | 7",
            "1.e5                   | 100000",
            "0.1000                 | 0.1",
            "9.007199254740993e15   | 9007199254740993",
            "-1.0E16                | -10000000000000000",
            "1e300                  | 1" + "00000000000000000000000000000000000000000000000000"
                    + "00000000000000000000000000000000000000000000000000"
                    + "00000000000000000000000000000000000000000000000000"
                    + "00000000000000000000000000000000000000000000000000"
                    + "00000000000000000000000000000000000000000000000000"
                    + "00000000000000000000000000000000000000000000000000",
    })
    void printsPlainNotation(String literal, String printed) {
        assertEquals(printed, Expr.parsePrefix(literal).toPrefix());
        assertEquals(printed, Expr.parseInfix(literal).toInfix());
        if (!Double.isNaN(Literals.inline(new BigDecimal(literal)))) { // a double stands for it
            assertEquals(printed, Expr.builder().number(Double.parseDouble(literal)).build().toPrefix());
        }
    }

    @Test
    void exponentOnlyWhereThePlainFormWouldBeLongerThanALiteralMayBe() {
        String digits = "123456789".repeat(10);
        String literal = digits.charAt(0) + "." + digits.substring(1) + "e-320";
        Expr e = Expr.parsePrefix(literal);
        assertEquals(literal, e.toPrefix());
        assertTrue(e.toPrefix().length() <= Numbers.MAX_LITERAL_LENGTH);
        assertEquals(e, Expr.parsePrefix(e.toPrefix()));
        assertEquals(e, Expr.parseInfix(e.toInfix()));
        // the shortest subnormal double still prints plain
        assertEquals("0." + "0".repeat(323) + "49", Expr.parsePrefix("4.9e-324").toPrefix());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"1e400", "-1e309", "1e-400", "1e99999999999"})
    void literalsBeyondTheDoubleRangeAreRefused(String literal) {
        ParseException prefix = assertThrows(ParseException.class, () -> Expr.parsePrefix(literal));
        assertTrue(prefix.getMessage().contains("out of the double range"), prefix.getMessage());
        assertThrows(ParseException.class, () -> Expr.parseInfix(literal));
        assertThrows(IllegalArgumentException.class, () -> Expr.builder().number(new BigDecimal(literal)));
    }

    @Test
    void theLengthGuardStays() {
        String longest = "0." + "1".repeat(Numbers.MAX_LITERAL_LENGTH - 2);
        assertEquals(longest, Expr.parsePrefix(longest).toPrefix());
        assertEquals(longest, Expr.parseInfix(longest).toInfix());
        String tooLong = "1".repeat(Numbers.MAX_LITERAL_LENGTH + 1);
        ParseException e = assertThrows(ParseException.class, () -> Expr.parsePrefix(tooLong));
        assertTrue(e.getMessage().contains("longer than " + Numbers.MAX_LITERAL_LENGTH), e.getMessage());
        assertThrows(ParseException.class, () -> Expr.parseInfix(tooLong));
    }

    @Test
    void aDoubleStandsForItsShortestDecimal() {
        // Java 17's Double.toString writes 2.82879384806159008E17 for this double; it stands for the 15 digits
        assertEquals(new BigDecimal("282879384806159000").stripTrailingZeros(), Literals.exact(2.82879384806159E17));
        assertTrue(Expr.parsePrefix("282879384806159000").isDoubleLiteral(0));
        assertEquals("282879384806159000", Expr.builder().number(2.82879384806159E17).build().toPrefix());
        assertEquals(new BigDecimal("5E-324"), Literals.exact(Double.MIN_VALUE)); // shortest: one digit
        assertFalse(Expr.parsePrefix("4.9e-324").isDoubleLiteral(0)); // so 4.9e-324 is pooled, exact
        assertEquals(new BigDecimal("0.1"), Literals.exact(0.1));
        // a decimal that needs 17 digits, and the one next to it that no double stands for
        assertEquals(new BigDecimal("0.30000000000000004"), Literals.exact(0.1 + 0.2));
        assertTrue(Expr.parsePrefix("0.30000000000000004").isDoubleLiteral(0));
        assertFalse(Expr.parsePrefix("0.30000000000000005").isDoubleLiteral(0));
    }

    @Test
    void aPooledLiteralIsNoSpelling() {
        // 2.0000000000000000001 is not 2: x**that stays a power, not pow2
        assertEquals("pow x 2.0000000000000000001", Expr.parseInfix("x**2.0000000000000000001").toPrefix());
        assertEquals("pow2 x", Expr.parseInfix("x**2.000").toPrefix());
    }
}
