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
            "exp(-x)*(x - 1)              => \\left(x - 1\\right) e^{-x}",
            "theta0*pi                    => \\pi \\theta_{0}",
            "x - (y - z)                  => x - y + z",
            "(x - y) - z                  => x - y - z",
            "(x/y)**2                     => \\left(\\frac{x}{y}\\right)^{2}",
            "sin(x)**x                    => \\left(\\sin{\\left(x\\right)}\\right)^{x}",
            "x*(-y)                       => -x y",
            "`prefix:* x -0.5`            => -0.5 x",
            "`prefix:* 2 3`               => 2 \\cdot 3",
            "`prefix:* * x 2 y`           => 2 x y",
            "`prefix:* x * 2 y`           => 2 x y",
            "`prefix:* 1.5E-8 x`          => 0.000000015 x",
            "`prefix:pow 1.5E-8 x`        => 0.000000015^{x}",
            "1/(x + 1) + Abs(y)           => \\left|y\\right| + \\frac{1}{x + 1}",
            "real_root(x, 3)*log(y)       => \\sqrt[3]{x} \\log{\\left(y\\right)}",
            "atan(gam) + rho1 + E        => \\rho_{1} + \\operatorname{atan}{\\left(\\mathrm{gam}\\right)} + e",
            "`prefix:+ <constant> m_top`  => c + \\mathrm{m\\_top}",
            // SymPy's reading order, as in infix: flat, numbers first, one fraction
            "q1*q2/(4*pi*epsilon*r**2)    => \\frac{q_{1} q_{2}}{4 \\pi \\epsilon r^{2}}",
            "1 + x**2 - 2*x               => x^{2} - 2 x + 1",
            "x*3/4                        => \\frac{3 x}{4}",
            "-x/2                         => -\\frac{x}{2}",
            "y*(x + 1)/2                  => \\frac{y \\left(x + 1\\right)}{2}",
            "(x + 1)/2                    => \\frac{x + 1}{2}",
            "`prefix:* -1 + x y`          => -\\left(x + y\\right)",
            "y*x**(-2)                    => \\frac{y}{x^{2}}",
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
            b.operator(i % 2 == 0 ? Operator.SIN : Operator.NEG);
        }
        String latex = LatexPrinter.print(b.variable("x").build());
        assertTrue(latex.startsWith("\\sin{\\left(-\\sin{\\left(-"), latex.substring(0, 20));
        assertEquals(depth / 2, count(latex, '-'));
        assertEquals(depth / 2, occurrences(latex, "\\left("));
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
