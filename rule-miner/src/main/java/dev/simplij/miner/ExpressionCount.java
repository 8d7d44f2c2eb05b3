package dev.simplij.miner;

import java.util.List;

/**
 * The number of distinct expressions of each length, by dynamic programming over
 * (length, placeholders used), with placeholders numbered canonically by first occurrence. The
 * enumeration without pruning must produce exactly these counts; with pruning it produces fewer.
 */
final class ExpressionCount {
    private ExpressionCount() {
    }

    /**
     * {@code result[n]} = expressions of exactly {@code n} tokens, {@code 1 <= n <= maxLength}.
     *
     * @param literalLeaves leaves other than placeholders (numbers, pi, E, {@code <constant>})
     * @param variables     placeholders available ({@code _0 .. _{variables-1}})
     */
    static long[] perLength(int unary, int binary, int literalLeaves, int variables, int maxLength) {
        return perLength(unary, binary, 0, literalLeaves, variables, maxLength);
    }

    /**
     * The expressions the enumeration modulo commutativity builds ({@link Enumeration}), per length:
     * {@code ordered} binary operators over every pair of operands, {@code commutative} ones over
     * ordered pairs only. Over operands of lengths {@code a < b} that is the pairs with the shorter
     * one on the left; over two of one length, half the pairs of distinct operands (the number of
     * renamings of a right operand next to a left one is symmetric in the two:
     * {@code C(ca,s) C(cb,s) s!} with {@code s} shared placeholders) and, over one operand twice,
     * one of each pair of renamings that swap into each other, plus the renamings that are their
     * own swap ({@link #ownSwaps}); together {@code (all pairs + own swaps) / 2}.
     */
    static long[] perLengthModuloCommutativity(int unary, int ordered, int commutative, int literalLeaves,
                                               int variables, int maxLength) {
        return perLength(unary, ordered, commutative, literalLeaves, variables, maxLength);
    }

    private static long[] perLength(int unary, int ordered, int commutative, int literalLeaves, int variables,
                                    int maxLength) {
        long[][] count = new long[maxLength + 1][variables + 1];
        long[][] ways = renamingCounts(variables);
        count[1][0] = literalLeaves;
        if (variables > 0) {
            count[1][1] = 1;
        }
        for (int n = 2; n <= maxLength; n++) {
            for (int c = 0; c <= variables; c++) {
                count[n][c] = Math.multiplyExact(unary, count[n - 1][c]);
            }
            for (int a = 1; a <= n - 2; a++) {
                int b = n - 1 - a;
                for (int c = 0; c <= variables; c++) {
                    long pairs = pairs(count, ways, a, b, c);
                    long built = Math.multiplyExact(ordered, pairs);
                    if (a < b) {
                        built = Math.addExact(built, Math.multiplyExact(commutative, pairs));
                    } else if (a == b) {
                        long ownSwaps = 0;
                        for (int d = 0; d <= variables; d++) {
                            ownSwaps = Math.addExact(ownSwaps, Math.multiplyExact(count[a][d], ownSwaps(ways, d, c)));
                        }
                        built = Math.addExact(built, Math.multiplyExact(commutative, (pairs + ownSwaps) / 2));
                    }
                    count[n][c] = Math.addExact(count[n][c], built);
                }
            }
        }
        long[] result = new long[maxLength + 1];
        for (int n = 1; n <= maxLength; n++) {
            for (int c = 0; c <= variables; c++) {
                result[n] = Math.addExact(result[n], count[n][c]);
            }
        }
        return result;
    }

    /** Ordered pairs of operands of lengths {@code a} and {@code b}, renamed, with {@code c} placeholders in all. */
    private static long pairs(long[][] count, long[][] ways, int a, int b, int c) {
        int variables = count[a].length - 1;
        long pairs = 0;
        for (int ca = 0; ca <= c; ca++) {
            for (int cb = 0; cb <= variables; cb++) {
                long w = waysInto(ways, ca, cb, c);
                if (w != 0) {
                    pairs = Math.addExact(pairs, Math.multiplyExact(Math.multiplyExact(count[a][ca], count[b][cb]), w));
                }
            }
        }
        return pairs;
    }

    /**
     * Renamings of an operand with {@code d} placeholders next to itself, {@code c} in all, that are
     * their own swap ({@link Placeholders#swappedOnDiagonal}): the {@code s = 2d - c} shared
     * placeholders are mapped onto themselves by an involution, the others to new ones in order, so
     * {@code C(d, s)} times the involutions of {@code s} elements.
     */
    private static long ownSwaps(long[][] binomial, int d, int c) {
        int shared = 2 * d - c;
        if (shared < 0 || shared > d) {
            return 0;
        }
        long[] involutions = new long[shared + 1];
        involutions[0] = 1;
        for (int k = 1; k <= shared; k++) {
            // element k is fixed, or swapped with one of the k - 1 others
            involutions[k] = involutions[k - 1] + (k >= 2 ? (k - 1) * involutions[k - 2] : 0);
        }
        return binomial[d][shared] * involutions[shared];
    }

    /** Renamings of a right operand with cb placeholders next to a left one with ca, ending with c in all. */
    private static long waysInto(long[][] binomial, int ca, int cb, int c) {
        int fresh = c - ca;
        int shared = cb - fresh;
        if (fresh < 0 || shared < 0 || shared > ca) {
            return 0;
        }
        long injections = 1;
        for (int i = 0; i < shared; i++) {
            injections *= ca - i;
        }
        return binomial[cb][fresh] * injections;
    }

    private static long[][] renamingCounts(int variables) {
        long[][] binomial = new long[variables + 1][variables + 1];
        for (int n = 0; n <= variables; n++) {
            binomial[n][0] = 1;
            for (int k = 1; k <= n; k++) {
                binomial[n][k] = binomial[n - 1][k - 1] + (k <= n - 1 ? binomial[n - 1][k] : 0);
            }
        }
        return binomial;
    }

    /** Total over lengths 1..max. */
    static long total(long[] perLength) {
        long sum = 0;
        for (long v : perLength) {
            sum = Math.addExact(sum, v);
        }
        return sum;
    }

    static String format(List<Long> counts) {
        return counts.toString();
    }
}
