package dev.simplij.expr;

import dev.simplij.testing.RandomExpressions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Prefix prints and reads back to the same tree. Infix reads back to the same tree modulo the
 * documented spellings of the infix parser, which picks the shortest operator of the table:
 * {@code / 1 x} reads as {@code inv x}; {@code pow x 2|3|4|5} as {@code pow2..pow5 x};
 * {@code pow x 0.5}, {@code pow x (1/2)} as {@code pow1_2 x}; {@code pow x 0.25} as {@code pow1_4 x};
 * {@code pow x -1} as {@code inv x}.
 */
class NotationRoundTripTest {
    private static final int EXPRESSIONS = 4000;

    @Test
    void prefixRoundTrip() {
        long seed = 31L;
        RandomExpressions gen = RandomExpressions.anything(seed);
        for (int i = 0; i < EXPRESSIONS; i++) {
            Expr e = gen.next(1 + gen.rng().nextInt(40));
            assertEquals(e, Expr.parsePrefix(e.toPrefix()), "seed " + seed + " #" + i + ": " + e);
        }
    }

    @Test
    void infixRoundTripModuloSpellings() {
        long seed = 37L;
        RandomExpressions gen = RandomExpressions.anything(seed);
        for (int i = 0; i < EXPRESSIONS; i++) {
            Expr e = gen.next(1 + gen.rng().nextInt(40));
            String infix = e.toInfix();
            assertEquals(respell(e).toPrefix(), Expr.parseInfix(infix).toPrefix(),
                    "seed " + seed + " #" + i + ": " + e + " printed " + infix);
        }
    }

    @ParameterizedTest(name = "{0} reads as {1}")
    @CsvSource(delimiter = '|', value = {
            "x1**2            | pow2 x1",
            "x1^3             | pow3 x1",
            "x1**(1/2)        | pow1_2 x1",
            "x1**0.5          | pow1_2 x1",
            "sqrt(x1)         | pow1_2 x1",
            "x1**(1/4)        | pow1_4 x1",
            "1/x1             | inv x1",
            "x1**(-1)         | inv x1",
            "real_root(x1, 3) | pow1_3 x1",
            "pow(x1, 3)       | pow3 x1",
            "Pow(x1, x2 + 1)  | pow x1 + x2 1",
            "pow(2, -x1)*x2   | * pow 2 neg x1 x2",
            "Abs(x1)          | abs x1",
            "-x1**2           | neg pow2 x1",
            "-2**2            | neg pow2 2",
            "-2*x1            | * -2 x1",
            "x1 - -2          | - x1 -2",
            "2**3**2          | pow 2 pow2 3",
            "sin(x1)**2 + cos(x1)**2 | + pow2 sin x1 pow2 cos x1",
    })
    void documentedSpellings(String infix, String prefix) {
        assertEquals(prefix, Expr.parseInfix(infix).toPrefix());
    }

    /** The tree the infix parser builds for the printed form of {@code e}. */
    static Expr respell(Expr e) {
        Expr current = e;
        // Respelling one node can enable another (pow x (/ 1 2) -> pow x (inv 2) -> pow1_2 x): repeat.
        while (true) {
            Expr next = respellOnce(current);
            if (next.equals(current)) {
                return current;
            }
            current = next;
        }
    }

    private static Expr respellOnce(Expr e) {
        Expr.Builder b = Expr.builder();
        int i = 0;
        while (i < e.size()) {
            Operator op = e.operator(i);
            if (op == Operator.DIV && isNumber(e, i + 1, 1)) {
                b.operator(Operator.INV);
                b.subtree(e, e.end(i + 1));
                i = e.end(i);
                continue;
            }
            if (op == Operator.POW) {
                int exponent = e.end(i + 1);
                Operator unary = unaryFor(e, exponent);
                if (unary != null) {
                    b.operator(unary);
                    b.subtree(e, i + 1);
                    i = e.end(i);
                    continue;
                }
            }
            b.token(e, i);
            i++;
        }
        return b.build();
    }

    private static Operator unaryFor(Expr e, int exponent) {
        if (e.kind(exponent) == NodeKind.NUMBER) {
            double v = e.number(exponent);
            return v == 2 ? Operator.POW2 : v == 3 ? Operator.POW3 : v == 4 ? Operator.POW4 : v == 5 ? Operator.POW5
                    : v == 0.5 ? Operator.POW1_2 : v == 0.25 ? Operator.POW1_4 : v == -1 ? Operator.INV : null;
        }
        if (e.operator(exponent) == Operator.INV) {
            return isNumber(e, exponent + 1, 2) ? Operator.POW1_2 : isNumber(e, exponent + 1, 4) ? Operator.POW1_4 : null;
        }
        return null;
    }

    private static boolean isNumber(Expr e, int node, double value) {
        return e.kind(node) == NodeKind.NUMBER && e.number(node) == value;
    }
}
