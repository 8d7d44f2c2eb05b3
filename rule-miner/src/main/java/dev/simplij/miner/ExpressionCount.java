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
                for (int ca = 0; ca <= variables; ca++) {
                    for (int cb = 0; cb <= variables; cb++) {
                        long pairs = Math.multiplyExact(count[a][ca], count[b][cb]);
                        for (int c = 0; c <= variables; c++) {
                            long w = c >= ca ? waysInto(ways, ca, cb, c) : 0;
                            count[n][c] = Math.addExact(count[n][c], Math.multiplyExact(binary,
                                    Math.multiplyExact(pairs, w)));
                        }
                    }
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
