package dev.simplij.expr;

/** 64-bit structural hashing of trees: order-sensitive combination of a token with its operands. */
final class Hashing {
    private Hashing() {
    }

    /** The finalizer of SplitMix64 / MurmurHash3: spreads every input bit over the output. */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    static long combine(long accumulated, long operand) {
        return Long.rotateLeft(accumulated, 17) * 0x9E3779B97F4A7C15L + operand;
    }

    static long finish(long accumulated, int length) {
        return mix(accumulated + length);
    }
}
