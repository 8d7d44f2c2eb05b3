package dev.simplij.match;

import dev.simplij.expr.Expr;
import dev.simplij.expr.Operator;

import java.util.Arrays;

/**
 * A test that a candidate must pass before the matcher reads its pattern, kept beside its id in the
 * index's candidate lists: the tokens of a left side's grandchildren and one repeated placeholder
 * among its operands and grandchildren. The bucket key already fixes the root and its operands'
 * tokens, so nearly every failed match failed at a grandchild (a code that differs, or a
 * placeholder bound twice to unequal subtrees, as in {@code + _1 - _0 _1}); this test refuses
 * those from the subject's node and one packed word, without touching the pattern's tokens, which
 * lie far apart in the pattern table.
 *
 * <p>Positions are numbered 0 and 1 for the operands, 2 to 5 for the grandchildren (operand 0's
 * first and second operand, then operand 1's). A check packs the code of each non-placeholder
 * grandchild in byte {@code g - 2} (code + {@value #CODE_BIAS}, so 0 means none), a bit per such
 * byte at {@value #MASK_SHIFT}, and an equality of two positions at {@value #EQUAL_SHIFT}
 * (a valid bit and two 3-bit positions). Passing is necessary for a match, never sufficient.
 */
final class ShapeCheck {
    static final int POSITIONS = 6;
    private static final int CODE_BIAS = 8;
    private static final int MASK_SHIFT = 32;
    private static final int EQUAL_SHIFT = 36;
    private static final long EQUAL = 1L << EQUAL_SHIFT;
    /** Byte masks of the grandchildren named by the 4 mask bits. */
    private static final long[] BYTE_MASKS = new long[16];

    static {
        for (int bits = 0; bits < 16; bits++) {
            for (int g = 0; g < 4; g++) {
                if ((bits & 1 << g) != 0) {
                    BYTE_MASKS[bits] |= 0xFFL << 8 * g;
                }
            }
        }
    }

    private ShapeCheck() {
    }

    /** The check of a left side. */
    static long of(Expr lhs) {
        int[] positions = new int[POSITIONS];
        positions(lhs, positions);
        long check = 0;
        for (int p = 2; p < POSITIONS; p++) {
            int node = positions[p];
            if (node >= 0 && lhs.code(node) != Expr.PLACEHOLDER) {
                check |= (long) (lhs.code(node) + CODE_BIAS) << 8 * (p - 2) | 1L << MASK_SHIFT + p - 2;
            }
        }
        for (int a = 0; a < POSITIONS; a++) {
            for (int b = a + 1; b < POSITIONS; b++) {
                if (isPlaceholder(lhs, positions[a]) && isPlaceholder(lhs, positions[b])
                        && lhs.payload(positions[a]) == lhs.payload(positions[b])) {
                    return check | EQUAL | (long) (a << 3 | b) << EQUAL_SHIFT + 1;
                }
            }
        }
        return check;
    }

    private static boolean isPlaceholder(Expr lhs, int node) {
        return node >= 0 && lhs.code(node) == Expr.PLACEHOLDER;
    }

    private static void positions(Expr e, int[] positions) {
        Arrays.fill(positions, -1);
        int arity = e.arity(0);
        if (arity >= 1) {
            positions[0] = 1;
        }
        if (arity == 2) {
            positions[1] = e.end(1);
        }
        for (int c = 0; c < 2; c++) {
            int child = positions[c];
            if (child >= 0 && e.arity(child) >= 1) {
                positions[2 + 2 * c] = child + 1;
                if (e.arity(child) == 2) {
                    positions[3 + 2 * c] = e.end(child + 1);
                }
            }
        }
    }

    /**
     * The subject's side: fills {@code positions} with the nodes at the six positions of {@code node}
     * (-1 where there is none) and returns the codes of its grandchildren packed as in a check.
     */
    static long signature(Subject s, int node, int[] positions) {
        long signature = 0;
        int arity = arity(s, node);
        int c0 = arity >= 1 ? s.child(node, 0) : -1;
        int c1 = arity == 2 ? s.child(node, 1) : -1;
        positions[0] = c0;
        positions[1] = c1;
        for (int c = 0; c < 2; c++) {
            int child = c == 0 ? c0 : c1;
            int childArity = child >= 0 ? arity(s, child) : 0;
            int g0 = childArity >= 1 ? s.child(child, 0) : -1;
            int g1 = childArity == 2 ? s.child(child, 1) : -1;
            positions[2 + 2 * c] = g0;
            positions[3 + 2 * c] = g1;
            if (g0 >= 0) {
                signature |= (long) (s.code(g0) + CODE_BIAS) << 16 * c;
            }
            if (g1 >= 0) {
                signature |= (long) (s.code(g1) + CODE_BIAS) << 16 * c + 8;
            }
        }
        return signature;
    }

    private static int arity(Subject s, int node) {
        int code = s.code(node);
        return code >= 0 ? Operator.ofOrdinal(code).arity() : 0;
    }

    /** Whether a subject with this signature and these positions may match a left side with this check. */
    static boolean passes(long check, long signature, Subject s, int[] positions) {
        if (((signature ^ check) & BYTE_MASKS[(int) (check >>> MASK_SHIFT) & 15]) != 0) {
            return false;
        }
        if ((check & EQUAL) == 0) {
            return true;
        }
        int a = positions[(int) (check >>> EQUAL_SHIFT + 4) & 7];
        int b = positions[(int) (check >>> EQUAL_SHIFT + 1) & 7];
        // equal subtrees have equal hashes; a missing node means the left side's shape is not there
        return a >= 0 && b >= 0 && s.hash(a) == s.hash(b);
    }
}
