package dev.simplij.match;

import dev.simplij.expr.Expr;
import dev.simplij.expr.StructuralHash;

/**
 * 64-bit keys of single tokens and of the shape of a node (its operator and its operands' root
 * tokens), the bucket keys of {@link RuleIndex}. A placeholder operand of a pattern is a
 * {@link #WILDCARD}; a subject node looks up every combination of its operand keys and the wildcard.
 */
final class TokenKey {
    static final long WILDCARD = 0x2545F4914F6CDD1DL;
    /**
     * Both operand keys of a left side {@code op _k _k}: it can match only a node whose operands are
     * equal, so it is looked up only there, not tried (and refused) at every {@code op} node.
     */
    static final long SAME_OPERANDS = 0x5851F42D4C957F2DL;

    private TokenKey() {
    }

    static long of(Subject s, int node) {
        return s.tokenHash(node);
    }

    /** The key of a pattern operand: a wildcard for placeholders. */
    static long ofPattern(Expr pattern, int node) {
        int code = pattern.code(node);
        if (code == Expr.PLACEHOLDER) {
            return WILDCARD;
        }
        return StructuralHash.token(code, pattern.payload(node), code == Expr.VARIABLE ? pattern.variable(node) : null);
    }

    static long shape(int rootCode, long first, long second) {
        long h = StructuralHash.operand(StructuralHash.operand(rootCode * 0xD6E8FEB86659FD93L, first), second);
        return StructuralHash.finish(h, 0);
    }
}
