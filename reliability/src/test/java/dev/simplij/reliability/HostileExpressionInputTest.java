package dev.simplij.reliability;

import dev.simplij.expr.Evaluator;
import dev.simplij.expr.Expr;
import dev.simplij.expr.ParseException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Hostile text given to the parsers, printers and evaluator: every refusal is a {@link ParseException}
 * that says what is wrong and where, and nothing recurses with the input's depth.
 */
class HostileExpressionInputTest {
    private static final int DEEP = 1_000_000;

    private static ParseException refused(Function<String, Expr> parser, String text) {
        return assertThrows(ParseException.class, () -> parser.apply(text), () -> "accepted '" + text + "'");
    }

    @ParameterizedTest(name = "infix ''{0}'' -> ''{1}'' at {2}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "\"\"           | empty expression                          | 0",
        "\"   \"        | empty expression                          | 0",
        "x1 +           | ends where an operand is expected         | 4",
        "x1 $ x2        | unexpected character '$'                  | 3",
        "foo(x1)        | unknown function 'foo'                    | 0",
        "((x1)          | unbalanced '('                            | 0",
        "x1)            | unbalanced ')'                            | 2",
        "x1 x2          | unexpected 'x2' after a complete operand  | 3",
        "sin x1         | 'sin' needs parenthesized operands        | 0",
        "1e999          | out of the double range                   | 0",
        "2 * -1e999     | out of the double range                   | 4",
        "nan            | 'nan' is not a finite real number         | 0",
        "inf            | 'inf' is not a finite real number         | 0",
        "x1 - oo        | 'oo' is not a finite real number          | 5",
        "é + 1          | unexpected character U+00E9               | 0",
        "x1 + π         | unexpected character U+03C0               | 5",
        "x1 + \u00a0x2  | unexpected character U+00A0               | 5",
        "sqrt(x1, 2)    | only pow and real_root take two arguments | 7",
        "pow(x1)        | 'pow' takes two arguments                 | 0",
        "pow(x1, 2, 3)  | only pow and real_root take two arguments | 9",
        "real_root(x1, 4) | degrees 3 and 5 only                    | 0",
        "1..2           | unexpected '.2'                           | 2",
        "_0 + 1         | '_0' is a rule placeholder                | 0",
    })
    void infixRefusalsNameWhatAndWhere(String text, String reason, int position) {
        ParseException e = refused(Expr::parseInfix, text);
        assertTrue(e.reason().contains(reason), () -> "reason of '" + text + "' was: " + e.reason());
        assertEquals(position, e.position(), () -> "position of '" + text + "': " + e.getMessage());
    }

    @ParameterizedTest(name = "prefix ''{0}'' -> ''{1}'' at {2}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "\"\"           | empty expression                          | 0",
        "+ x1           | 1 more operand expected (wrong arity?)    | 4",
        "neg            | 1 more operand expected                   | 3",
        "-              | 2 more operands expected                  | 1",
        "+ x1 x2 x3     | trailing token 'x3' (token 4)             | 8",
        "pow2 x1 x2     | trailing token 'x2' (token 3)             | 8",
        "1e999          | out of the double range                   | 0",
        "nan            | 'nan' is not a finite real number         | 0",
        "* 2 inf        | 'inf' is not a finite real number         | 4",
        "+ x1 é         | unknown token 'é' (token 3)               | 5",
        "+ ( x1 x2 )    | unknown token '(' (token 2)               | 2",
        "0x10           | malformed numeric literal '0x10'          | 0",
    })
    void prefixRefusalsNameWhatAndWhere(String text, String reason, int position) {
        ParseException e = refused(Expr::parsePrefix, text);
        assertTrue(e.reason().contains(reason), () -> "reason of '" + text + "' was: " + e.reason());
        assertEquals(position, e.position(), () -> "position of '" + text + "': " + e.getMessage());
    }

    /** Regression (found by Jazzer): non-ASCII digits such as U+0663 or U+07C9 threw NumberFormatException. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "x1 + \u0663 | + x1 \u0663",
        "E\u07c9     | E\u07c9",
        "\u0661.5    | \u0661.5",
        "2e\u0663    | * 2e\u0663 x1",
        "x1 * 1\u0662 | * x1 1\u0662",
        "x1 - .\u0665 | - x1 -.\u0665",
    })
    void nonAsciiDigitsAreRefusedAsParseErrors(String infix, String prefix) {
        refused(Expr::parseInfix, infix);
        refused(Expr::parsePrefix, prefix);
    }

    /** Regression (found by Jazzer): prefix read 'real_root' as a variable, whose printed infix could not be read. */
    @Test
    void realRootIsNotAVariableName() {
        ParseException e = refused(Expr::parsePrefix, "+ real_root x1");
        assertTrue(e.reason().contains("'real_root' is an operator"), e::getMessage);
        assertEquals(2, e.position());
    }

    @Test
    void tenThousandDigitIntegerIsRefusedNotParsedSlowly() {
        String digits = "7".repeat(10_000);
        ParseException infix = refused(Expr::parseInfix, "x1 + " + digits);
        assertTrue(infix.reason().contains("10000 characters is longer than"), infix::getMessage);
        assertEquals(5, infix.position());
        ParseException prefix = refused(Expr::parsePrefix, "+ x1 " + digits);
        assertTrue(prefix.reason().contains("10000 characters"), prefix::getMessage);
    }

    @Test
    void hugeButFiniteLiteralsAreKept() {
        assertEquals(1.7976931348623157e308, Expr.parseInfix("1.7976931348623157e308").number(0));
        assertEquals(4.9e-324, Expr.parsePrefix("4.9e-324").number(0));
        // exact literals: 1e-999 is not 0, and no double is near it
        ParseException underflow = refused(Expr::parsePrefix, "1e-999");
        assertTrue(underflow.reason().contains("out of the double range"), underflow::getMessage);
    }

    @Test
    void tenMegabyteLinesParseOrFailInLinearTime() {
        StringBuilder sum = new StringBuilder(10 << 20);
        int terms = 0;
        while (sum.length() < (10 << 20)) {
            sum.append(terms == 0 ? "" : " + ").append("x").append(terms % 97);
            terms++;
        }
        long t0 = System.nanoTime();
        Expr e = Expr.parseInfix(sum.toString());
        assertEquals(2 * terms - 1, e.size());
        assertEquals(e, Expr.parsePrefix(e.toPrefix()));
        Expr back = Expr.parseInfix(e.toInfix()); // the same terms, in SymPy's order
        assertEquals(e.size(), back.size());
        assertEquals(e.variables().size(), back.variables().size());
        long seconds = (System.nanoTime() - t0) / 1_000_000_000L;
        assertTrue(seconds < 30, "10 MB took " + seconds + " s");

        String oneToken = "x".repeat(10 << 20);
        assertEquals(1, Expr.parsePrefix(oneToken).size());
        String garbage = "x1 + " + "\u00e9".repeat(10 << 20);
        ParseException e2 = refused(Expr::parseInfix, garbage);
        assertTrue(e2.getMessage().length() < 200, "message must stay short, was " + e2.getMessage().length());
        ParseException e3 = refused(Expr::parsePrefix, "+ x1 " + "\u00e9".repeat(10 << 20));
        assertTrue(e3.getMessage().length() < 200, "message must stay short, was " + e3.getMessage().length());
    }

    @Test
    void millionDeepNegChainParsesPrintsAndEvaluatesWithoutRecursion() {
        String prefix = "neg ".repeat(DEEP) + "x1";
        Expr e = SmallStack.call("parsePrefix", () -> Expr.parsePrefix(prefix));
        assertEquals(DEEP + 1, e.size());
        String infix = SmallStack.call("toInfix", e::toInfix);
        assertEquals(DEEP % 2 == 0 ? "x1" : "-x1", infix, "a chain of signs prints as one sign, as in SymPy");
        Expr back = SmallStack.call("parseInfix", () -> Expr.parseInfix(infix));
        assertEquals(Evaluator.compile(back, List.of("x1")).evaluate(new double[] {3.0}),
                Evaluator.compile(e, List.of("x1")).evaluate(new double[] {3.0}));
        assertEquals(prefix, SmallStack.call("toPrefix", e::toPrefix));
        Evaluator ev = Evaluator.compile(e, List.of("x1"));
        assertEquals(3.0, SmallStack.call("evaluate", () -> ev.evaluate(new double[] {3.0})));
        double[] column = SmallStack.call("evaluateColumns",
                () -> ev.evaluateColumns(new double[][] {{-2.0, 5.0}}, 2, new double[0]));
        assertEquals(-2.0, column[0]);
        Expr inner = SmallStack.call("subtree", () -> e.subtree(1));
        assertEquals(DEEP, inner.size());
        assertTrue(SmallStack.call("subtreeEquals", () -> e.subtreeEquals(2, inner, 1)));
    }

    @Test
    void millionDeepParenthesesAndUnaryMinusParseWithoutRecursion() {
        String parens = "(".repeat(DEEP) + "x1" + ")".repeat(DEEP);
        assertEquals(Expr.parseInfix("x1"), SmallStack.call("parseInfix parens", () -> Expr.parseInfix(parens)));
        String minus = "-".repeat(DEEP) + "x1";
        assertEquals(DEEP + 1, SmallStack.call("parseInfix minus", () -> Expr.parseInfix(minus)).size());
        String calls = "sin(".repeat(DEEP) + "x1" + ")".repeat(DEEP);
        Expr sin = SmallStack.call("parseInfix calls", () -> Expr.parseInfix(calls));
        assertEquals(calls, SmallStack.call("toInfix calls", sin::toInfix));
        String rightPowers = "x1**".repeat(DEEP) + "2";
        Expr pow = SmallStack.call("parseInfix powers", () -> Expr.parseInfix(rightPowers));
        assertEquals(pow, SmallStack.call("round trip powers", () -> Expr.parseInfix(pow.toInfix())));
    }

    @Test
    void millionDeepUnbalancedInputIsRefusedWithThePosition() {
        String open = "(".repeat(DEEP) + "x1" + ")".repeat(DEEP - 1);
        ParseException e = SmallStack.call("unbalanced", () -> refused(Expr::parseInfix, open));
        assertTrue(e.reason().contains("unbalanced '('"), e::getMessage);
        String close = "(".repeat(DEEP - 1) + "x1" + ")".repeat(DEEP);
        ParseException e2 = SmallStack.call("unbalanced", () -> refused(Expr::parseInfix, close));
        assertEquals(DEEP - 1 + 2 + DEEP - 1, e2.position());
    }

    @Test
    void evaluatorRefusesMissingColumnsAndConstants() {
        Expr e = Expr.parseInfix("x1 + <constant>*x2");
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
                () -> Evaluator.compile(e, List.of("x1")));
        assertTrue(missing.getMessage().contains("'x2'"), missing::getMessage);
        Evaluator ev = Evaluator.compile(e, List.of("x1", "x2"));
        IllegalArgumentException constants = assertThrows(IllegalArgumentException.class,
                () -> ev.evaluate(new double[] {1, 2}));
        assertTrue(constants.getMessage().contains("1 free constants"), constants::getMessage);
        assertThrows(IllegalArgumentException.class, () -> ev.evaluate(new double[] {1}, new double[] {1}));
    }

    @Test
    void evaluatorGivesNaNNeverInfinityAtPolesAndOverflow() {
        String[] undefined = {"1/x1", "log(x1)", "log(x1 - x1)", "sqrt(-1 - x1**2)", "x1**(-1)", "tan(pi/2 + x1*0)",
            "exp(1000 + x1)", "1e308*10 + x1", "(-8)**(1/3) + x1*0", "asin(2 + x1**2)", "0**(-1) + x1"};
        for (String text : undefined) {
            Expr e = Expr.parseInfix(text);
            double v = Evaluator.compile(e, e.variables()).evaluate(new double[e.variables().size()]);
            assertTrue(Double.isNaN(v) || Double.isFinite(v), text + " gave " + v);
            if (!text.startsWith("tan")) {
                assertTrue(Double.isNaN(v), text + " at 0 should be undefined, gave " + v);
            }
        }
    }
}
