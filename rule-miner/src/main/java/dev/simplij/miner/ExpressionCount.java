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
        return perLength(unary, binary, 0, 0, literalLeaves, variables, maxLength);
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
        return perLength(unary, ordered, commutative, 0, literalLeaves, variables, maxLength);
    }

    /**
     * The expressions the enumeration modulo associativity builds ({@link Enumeration}), per length:
     * as {@link #perLengthModuloCommutativity}, with {@code associative} of the commutative
     * operators also associative, whose chains of three operands (none of them that operator) are
     * built with the first operand alone only ({@link Enumeration#chainOrder}: by length, then number
     * of placeholders, then ExprOrder). Modulo commutativity such a chain is built once for each
     * operand alone (the pair in order); of those, the ones with another operand first are not
     * built ({@link #chainsNotBuilt}).
     */
    static long[] perLengthModuloAssociativity(int unary, int ordered, int commutative, int associative,
                                               int literalLeaves, int variables, int maxLength) {
        return perLength(unary, ordered, commutative, associative, literalLeaves, variables, maxLength);
    }

    private static long[] perLength(int unary, int ordered, int commutative, int associative, int literalLeaves,
                                    int variables, int maxLength) {
        long[][] count = new long[maxLength + 1][variables + 1];
        // expressions whose root is one given associative operator, and the others (its chains' operands)
        long[][] rooted = new long[maxLength + 1][variables + 1];
        long[][] otherRoot = new long[maxLength + 1][variables + 1];
        long[][] ways = renamingCounts(variables);
        count[1][0] = literalLeaves;
        if (variables > 0) {
            count[1][1] = 1;
        }
        otherRoot[1] = count[1].clone();
        for (int n = 2; n <= maxLength; n++) {
            long[] inOrder = new long[variables + 1];
            for (int c = 0; c <= variables; c++) {
                count[n][c] = Math.multiplyExact(unary, count[n - 1][c]);
            }
            for (int a = 1; a <= n - 2; a++) {
                int b = n - 1 - a;
                for (int c = 0; c <= variables; c++) {
                    long pairs = pairs(count, ways, a, b, c);
                    count[n][c] = Math.addExact(count[n][c], Math.multiplyExact(ordered, pairs));
                    if (a < b) {
                        inOrder[c] = Math.addExact(inOrder[c], pairs);
                    } else if (a == b) {
                        long ownSwaps = 0;
                        for (int d = 0; d <= variables; d++) {
                            ownSwaps = Math.addExact(ownSwaps, Math.multiplyExact(count[a][d], ownSwaps(ways, d, c)));
                        }
                        inOrder[c] = Math.addExact(inOrder[c], (pairs + ownSwaps) / 2);
                    }
                }
            }
            for (int c = 0; c <= variables; c++) {
                count[n][c] = Math.addExact(count[n][c], Math.multiplyExact(commutative, inOrder[c]));
                if (associative > 0) {
                    rooted[n][c] = inOrder[c] - chainsNotBuilt(otherRoot, ways, n, c);
                    count[n][c] = Math.addExact(count[n][c], Math.multiplyExact(associative, rooted[n][c]));
                }
                otherRoot[n][c] = count[n][c] - rooted[n][c];
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

    /**
     * Chains of three of length {@code n} with {@code c} placeholders that the enumeration modulo
     * commutativity builds and modulo associativity does not: those whose lone operand is not first
     * in the chain order, over {@code blocks} (operands that are no chain of the operator).
     * <ul>
     *   <li>Three distinct blocks: each set is built three times (each one alone), once with the
     *       first alone; the renamings depend on the placeholder counts only, whatever the order
     *       ({@link #renamingsOfThree}), so that is 2/6 of the ordered triples
     *       ({@link #distinctTriples}).</li>
     *   <li>A block {@code X} twice and {@code Y} once: {@code X} alone (the pair {@code X' Y}) is not
     *       built when {@code Y} comes first, {@code Y} alone (the pair {@code X X'}, one of each
     *       swapped renaming) when {@code X} does. Blocks of different length or placeholder count
     *       are ordered by those; of two blocks alike in both, one comes first, so each unordered
     *       pair loses both counts once.</li>
     * </ul>
     */
    private static long chainsNotBuilt(long[][] blocks, long[][] ways, int n, int c) {
        int variables = blocks[1].length - 1;
        long distinct = 0;
        for (int lo = 1; lo <= n - 4; lo++) {
            for (int lh = 1; lo + lh <= n - 3; lh++) {
                distinct = Math.addExact(distinct, distinctTriples(blocks, ways, lo, lh, n - 2 - lo - lh, c));
            }
        }
        long notBuilt = distinct / 3;
        for (int lx = 1; 2 * lx <= n - 3; lx++) {
            int ly = n - 2 - 2 * lx;
            for (int cx = 0; cx <= variables; cx++) {
                for (int cy = 0; cy <= variables; cy++) {
                    long xAlone = renamingsOfThree(ways, cx, cx, cy, c);
                    long yAlone = 0;
                    for (int cp = 0; cp <= variables; cp++) {
                        long pairs = (waysInto(ways, cx, cx, cp) + ownSwaps(ways, cx, cp)) / 2;
                        yAlone = Math.addExact(yAlone, Math.multiplyExact(pairs, waysInto(ways, cy, cp, c)));
                    }
                    long lost;
                    if (lx == ly && cx == cy) {
                        long x = blocks[lx][cx];
                        lost = Math.multiplyExact((x * x - x) / 2, xAlone + yAlone);
                    } else {
                        boolean yFirst = ly < lx || ly == lx && cy < cx;
                        lost = Math.multiplyExact(Math.multiplyExact(blocks[lx][cx], blocks[ly][cy]),
                                yFirst ? xAlone : yAlone);
                    }
                    notBuilt = Math.addExact(notBuilt, lost);
                }
            }
        }
        return notBuilt;
    }

    /**
     * Ordered triples of three distinct blocks of lengths {@code lo, lh, lt} from {@code blocks},
     * jointly renamed with {@code c} placeholders in all: every triple, less those with two or three
     * the same block (inclusion and exclusion; a block twice is counted once per block).
     */
    private static long distinctTriples(long[][] blocks, long[][] ways, int lo, int lh, int lt, int c) {
        int variables = blocks[1].length - 1;
        long all = 0;
        long sameOH = 0;
        long sameOT = 0;
        long sameHT = 0;
        long sameAll = 0;
        for (int x = 0; x <= variables; x++) {
            for (int y = 0; y <= variables; y++) {
                if (lo == lh) {
                    sameOH += blocks[lo][x] * blocks[lt][y] * renamingsOfThree(ways, x, x, y, c);
                }
                if (lo == lt) {
                    sameOT += blocks[lo][x] * blocks[lh][y] * renamingsOfThree(ways, x, y, x, c);
                }
                if (lh == lt) {
                    sameHT += blocks[lo][y] * blocks[lh][x] * renamingsOfThree(ways, y, x, x, c);
                }
                for (int z = 0; z <= variables; z++) {
                    all = Math.addExact(all, Math.multiplyExact(blocks[lo][x] * blocks[lh][y] * blocks[lt][z],
                            renamingsOfThree(ways, x, y, z, c)));
                }
            }
            if (lo == lh && lh == lt) {
                sameAll += blocks[lo][x] * renamingsOfThree(ways, x, x, x, c);
            }
        }
        return all - sameOH - sameOT - sameHT + 2 * sameAll;
    }

    /**
     * Renamings of three operands with {@code co}, {@code ch}, {@code ct} placeholders into one
     * expression with {@code c}: the second and third joined first, then the pair next to the first
     * ({@link #waysInto} twice). It counts the ways to identify placeholders of different operands,
     * so it does not depend on the operands' order.
     */
    private static long renamingsOfThree(long[][] ways, int co, int ch, int ct, int c) {
        long total = 0;
        for (int cp = 0; cp < ways.length; cp++) {
            total += waysInto(ways, ch, ct, cp) * waysInto(ways, co, cp, c);
        }
        return total;
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
