package dev.simplij.expr;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** PySR's operator names read as the table's operators; named constants are refused as variables with their own message. */
class PysrNamesTest {
    @Test
    void squareAndCubeAreAliasesOfPow2AndPow3() {
        assertEquals("+ pow2 x1 pow3 x2", Expr.parseInfix("square(x1) + cube(x2)").toPrefix());
        assertEquals("x1**2 + x2**3", Expr.parseInfix("square(x1) + cube(x2)").toInfix(), "printed in SymPy's syntax");
        assertEquals("* pow2 x1 pow3 x1", Expr.parsePrefix("* square x1 cube x1").toPrefix());
        assertEquals(Operator.POW2, Operator.byToken("square"));
        assertEquals(Operator.POW3, Operator.byToken("cube"));
    }

    @Test
    void aNamedConstantIsNotAVariableAndSaysSo() {
        assertEquals("'E' is the named constant E, not a variable",
                assertThrows(IllegalArgumentException.class, () -> Expr.builder().variable("E")).getMessage());
        assertEquals("'pi' is the named constant pi, not a variable",
                assertThrows(IllegalArgumentException.class, () -> Expr.builder().variable("pi")).getMessage());
        assertEquals("'square' is an operator, not a variable",
                assertThrows(IllegalArgumentException.class, () -> Expr.builder().variable("square")).getMessage());
    }
}
