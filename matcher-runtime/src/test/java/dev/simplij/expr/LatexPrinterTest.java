package dev.simplij.expr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.simplij.testing.RandomExpressions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LatexPrinterTest {
    @ParameterizedTest(name = "{0} prints as {1}")
    @CsvSource(delimiterString = "=>", quoteCharacter = '`', value = {
            "sqrt(x) - (x + y)**2         => \\sqrt{x} - \\left(x + y\\right)^{2}",
            "exp(-x)*(x - 1)              => e^{-x} \\left(x - 1\\right)",
            "theta0*pi                    => \\theta_{0} \\pi",
            "x - (y - z)                  => x - \\left(y - z\\right)",
            "(x - y) - z                  => x - y - z",
            "(x/y)**2                     => \\left(\\frac{x}{y}\\right)^{2}",
            "sin(x)**x                    => \\left(\\sin{\\left(x\\right)}\\right)^{x}",
            "x*(-y)                       => x \\left(-y\\right)",
            "`prefix:* x -0.5`            => x \\left(-0.5\\right)",
            "`prefix:* 2 3`               => 2 \\cdot 3",
            "`prefix:* * x 2 y`           => x \\cdot 2 y",
            "`prefix:* x * 2 y`           => x \\left(2 y\\right)",
            "`prefix:* 1.5E-8 x`          => 0.000000015 x",
            "`prefix:pow 1.5E-8 x`        => 0.000000015^{x}",
            "1/(x + 1) + Abs(y)           => \\frac{1}{x + 1} + \\left|y\\right|",
            "real_root(x, 3)*log(y)       => \\sqrt[3]{x} \\log{\\left(y\\right)}",
            "atan(gam) + rho1 + E        => \\operatorname{atan}{\\left(\\mathrm{gam}\\right)} + \\rho_{1} + e",
            "`prefix:+ <constant> m_top`  => c + \\mathrm{m\\_top}",
    })
    void prints(String input, String latex) {
        Expr e = input.startsWith("prefix:") ? Expr.parsePrefix(input.substring(7)) : Expr.parseInfix(input);
        assertEquals(latex, LatexPrinter.print(e));
    }

    @Test
    void everyOperatorPrintsWithBalancedGroups() {
        RandomExpressions random = RandomExpressions.anything(11);
        for (int i = 0; i < 2000; i++) {
            Expr e = random.next(1 + i % 25);
            String latex = LatexPrinter.print(e);
            assertEquals(count(latex, '{'), count(latex, '}'), () -> "braces of " + e + ": " + latex);
            assertEquals(occurrences(latex, "\\left"), occurrences(latex, "\\right"), () -> "parentheses of " + e + ": " + latex);
        }
    }

    @Test
    void deepTreesPrintWithoutRecursion() {
        int depth = 200_000;
        Expr.Builder b = Expr.builder();
        for (int i = 0; i < depth; i++) {
            b.operator(Operator.NEG);
        }
        String latex = LatexPrinter.print(b.variable("x").build());
        assertTrue(latex.startsWith("-\\left(-\\left(-"), latex.substring(0, 20));
        assertEquals(depth, count(latex, '-'));
        assertEquals(depth - 1, occurrences(latex, "\\left("));
    }

    private static int count(String s, char c) {
        return (int) s.chars().filter(ch -> ch == c).count();
    }

    private static int occurrences(String s, String part) {
        int n = 0;
        for (int i = s.indexOf(part); i >= 0; i = s.indexOf(part, i + 1)) {
            n++;
        }
        return n;
    }
}
