package dev.simplij.sr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.simplij.expr.Expr;
import dev.simplij.expr.Operator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConstraintsTest {
    private final Complexity nodes = Complexity.nodeCount();

    private boolean admits(Constraints c, String infix) {
        Expr e = Expr.parseInfix(infix);
        return c.admits(e, nodes.of(e));
    }

    @Test
    void sizeAndDepth() {
        Constraints c = Constraints.of(5, 3);
        assertTrue(admits(c, "x + sin(y)"));
        assertFalse(admits(c, "x + sin(y) + 1"), "6 nodes");
        assertFalse(admits(c, "sin(sin(sin(x)))"), "depth 4");
    }

    @Test
    void nesting() {
        Constraints c = Constraints.of(30, 10).noSelfNesting(List.of(Operator.SIN, Operator.EXP, Operator.ADD));
        assertTrue(admits(c, "sin(x) + sin(y)"));
        assertTrue(admits(c, "sin(exp(x))"));
        assertFalse(admits(c, "sin(x + sin(x))"));
        assertFalse(admits(c, "exp(exp(x))"));
        assertTrue(admits(c, "x + (y + x)"), "binary operators are not limited by noSelfNesting");
        Constraints once = Constraints.of(30, 10).nesting(Operator.EXP, Operator.SIN, 1);
        assertTrue(admits(once, "exp(sin(x) + sin(y))"), "one per path");
        assertFalse(admits(once, "exp(sin(sin(x)))"));
    }

    @Test
    void weightedComplexity() {
        Complexity w = Complexity.weighted(Map.of(Operator.EXP, 3), 1, 2);
        assertEquals(3 + 1 + 1 + 2, w.of(Expr.parseInfix("exp(x*<constant>)")));
        assertEquals(4, nodes.of(Expr.parseInfix("exp(x*<constant>)")));
    }
}
