package dev.simplij.expr;

/**
 * The structural hash of {@link Expr#hash}, exposed so that other term representations (the
 * simplifier's hash-consed store, the rule index) compute hashes equal to those of {@link Expr}:
 * {@code finish(operand(operand(token(...), h0), h1), size)}, operands in order.
 */
public final class StructuralHash {
    private StructuralHash() {
    }

    /**
     * The hash of a node's own token.
     *
     * @param code         as {@link Expr#code}
     * @param payload      as {@link Expr#payload} (ignored for variables)
     * @param variableName the name for a variable node, else ignored
     */
    public static long token(int code, long payload, String variableName) {
        long base = Hashing.mix(code * 0x9E3779B97F4A7C15L + 0x632BE59BD9B4E019L);
        return switch (code) {
            case Expr.VARIABLE -> Hashing.mix(base ^ variableName.hashCode());
            case Expr.NUMBER, Expr.PLACEHOLDER -> Hashing.mix(base ^ payload);
            default -> base;
        };
    }

    /** Folds in the hash of the next operand. */
    public static long operand(long accumulated, long operandHash) {
        return Hashing.combine(accumulated, operandHash);
    }

    /** Completes the hash of a subtree of {@code size} prefix tokens. */
    public static long finish(long accumulated, int size) {
        return Hashing.finish(accumulated, size);
    }
}
