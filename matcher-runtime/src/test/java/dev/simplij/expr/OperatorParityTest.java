package dev.simplij.expr;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The parity and root-degree columns of the operator table agree with the operators' values. */
class OperatorParityTest {
    private static final double[] POINTS = {0.1, 0.37, 0.5, 0.9, 1.3, 2.0, 2.7, 4.5, 11.0};

    @Test
    void oddAndEvenOperatorsAreSoWhereverDefined() {
        for (Operator op : Operator.values()) {
            if (op.arity() != 1) {
                assertFalse(op.isOdd() || op.isEven(), op + " has no single operand");
                continue;
            }
            assertFalse(op.isOdd() && op.isEven(), op.token());
            int checked = 0;
            for (double x : POINTS) {
                double plus = op.apply(x);
                double minus = op.apply(-x);
                if (Double.isNaN(plus) && Double.isNaN(minus)) {
                    continue;
                }
                checked++;
                if (op.isOdd()) {
                    assertEquals(-plus, minus, 1e-12 * (1 + Math.abs(plus)), op.token() + " at " + x);
                } else if (op.isEven()) {
                    assertEquals(plus, minus, 1e-12 * (1 + Math.abs(plus)), op.token() + " at " + x);
                }
            }
            if (op.isOdd() || op.isEven()) {
                assertTrue(checked >= 3, op.token() + " defined at too few points");
            }
        }
    }

    /** A root of degree n to the n-th power is its operand wherever the root is defined, and no other operator is so marked. */
    @Test
    void rootsToTheirDegreeGiveTheirOperand() {
        for (Operator op : Operator.values()) {
            if (op.arity() != 1) {
                assertEquals(0, op.rootDegree(), op.token());
                continue;
            }
            int n = op.rootDegree();
            boolean isRoot = true;
            int defined = 0;
            for (double x : POINTS) {
                for (double at : new double[] {x, -x}) {
                    double root = op.apply(at);
                    if (Double.isNaN(root)) {
                        continue;
                    }
                    defined++;
                    isRoot &= n != 0 && Math.abs(Math.pow(root, n) - at) <= 1e-12 * (1 + Math.abs(at));
                }
            }
            assertTrue(defined >= 3, op.token() + " defined at too few points");
            assertEquals(n != 0, isRoot, op.token() + " with root degree " + n);
        }
    }

    @Test
    void operatorsNotMarkedHaveNoParity() {
        for (Operator op : Operator.values()) {
            if (op.arity() != 1 || op.isOdd() || op.isEven()) {
                continue;
            }
            boolean odd = true;
            boolean even = true;
            for (double x : POINTS) {
                double plus = op.apply(x);
                double minus = op.apply(-x);
                odd &= Double.isNaN(plus) == Double.isNaN(minus) && Math.abs(plus + minus) < 1e-12;
                even &= Double.isNaN(plus) == Double.isNaN(minus) && Math.abs(plus - minus) < 1e-12;
            }
            assertFalse(odd || even, op.token() + " is odd or even but not marked so");
        }
    }
}
