package dev.simplij.miner;

import dev.simplij.expr.Expr;
import dev.simplij.expr.ExprOrder;
import dev.simplij.expr.Operator;
import dev.simplij.miner.Placeholders.Renaming;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Predicate;

/**
 * Enumeration, the first stage of a length: the candidates of length {@code n} are split into units
 * of work over the irreducible blocks of shorter lengths, in a fixed order (units are merged in
 * this order, so the output does not depend on the threads).
 *
 * <p>Modulo commutativity ({@link MinerConfig#moduloCommutativity()}), {@code + A B} and
 * {@code * A B} are built only with the left block {@code A} before the right block {@code B} in
 * {@link ExprOrder} (shorter first; within a length, the layers are in that order), so of
 * {@code + A B'} and its swap {@code + B A'} (renumbered) only one is built. Over one block twice,
 * {@code + A A'}, the swap is {@code + A A''} with another renaming
 * ({@link Placeholders#swappedOnDiagonal}), and the smaller of the two in {@link ExprOrder} is
 * built. That is one expression per class of swapped operands at the root over given blocks.
 * Swaps inside an operand that amount to renaming its placeholders are not folded:
 * {@code * _0 + _0 _1} and {@code * _0 + _1 _0} are both built ({@code EnumerationCountTest}
 * counts the classes under every swap against it).
 *
 * <p>Modulo associativity as well ({@link MinerConfig#moduloAssociativity()}), a chain of three
 * operands of {@code +} or {@code *} ({@code op O (op H T)} in either order, none of {@code O, H, T}
 * an {@code op}; the pair's operands in order) is built with the first operand alone only
 * ({@link #builtAsChain}, first in {@link #chainOrder}): of {@code + a + b c}, {@code + b + a c}
 * and {@code + c + a b} (the blocks {@code a < b < c}), the first; of {@code + _0 + _1 sin _0} and
 * {@code + sin _0 + _0 _1}, the first. Where the first one's pair reduces (it is no block, so that
 * chain is never enumerated), the other groupings are built: every class of chains under
 * regrouping with a member whose operands are blocks keeps a member. Longer chains are built over
 * the chosen chains of three.
 */
final class Enumeration {
    private static final int LEFT_CHUNK = 16;
    private static final int UNARY_CHUNK = 512;

    /** A slice of the candidates of one length: {@code op} over left blocks {@code from..to}. */
    record Unit(Operator op, int leftLength, int from, int to, long candidates) implements java.io.Serializable {
    }

    private Enumeration() {
    }

    /**
     * The units of length {@code n}: every unary operator over slices of the blocks of length
     * {@code n - 1}, every binary operator over slices of the left blocks of each length {@code a}
     * with every right block of length {@code n - 1 - a} under every renaming; modulo
     * commutativity, a commutative operator only over ordered pairs of blocks
     * ({@link #ordersOperands}). A unit's count of candidates (for the progress) is exact but
     * modulo associativity, where it also counts the chains of three that are not built (that is
     * decided from the blocks' operands, candidate by candidate).
     */
    static List<Unit> units(int n, Layer[] layers, List<Operator> unary, List<Operator> binary,
                            List<Renaming>[][] renamings, boolean moduloCommutativity) {
        int variables = renamings.length - 1;
        List<Unit> units = new ArrayList<>();
        Layer child = layers[n - 1];
        for (Operator op : unary) {
            for (int from = 0; from < child.size(); from += UNARY_CHUNK) {
                int to = Math.min(child.size(), from + UNARY_CHUNK);
                units.add(new Unit(op, n - 1, from, to, to - from));
            }
        }
        for (Operator op : binary) {
            boolean ordered = ordersOperands(op, moduloCommutativity);
            for (int a = 1; a <= n - 2; a++) {
                if (ordered && a > n - 1 - a) {
                    break; // the swaps of pairs built with the shorter operand on the left
                }
                boolean diagonal = ordered && a == n - 1 - a;
                Layer left = layers[a];
                Layer right = layers[n - 1 - a];
                long[] byDistinct = new long[variables + 1];
                for (int j = 0; j < right.size(); j++) {
                    byDistinct[right.distinct[j]]++;
                }
                for (int from = 0; from < left.size(); from += LEFT_CHUNK) {
                    int to = Math.min(left.size(), from + LEFT_CHUNK);
                    long count = 0;
                    for (int i = from; i < to; i++) {
                        int dl = left.distinct[i];
                        if (diagonal) {
                            // right blocks from i on: byDistinct counts those after i, and i itself
                            byDistinct[dl]--;
                            count += keptOnDiagonal(renamings[dl][dl]);
                        }
                        for (int cb = 0; cb <= variables; cb++) {
                            count += byDistinct[cb] * renamings[dl][cb].size();
                        }
                    }
                    units.add(new Unit(op, a, from, to, count));
                }
            }
        }
        return units;
    }

    /** Whether {@code op}'s operands are built in order only (modulo commutativity). */
    static boolean ordersOperands(Operator op, boolean moduloCommutativity) {
        return moduloCommutativity && op.isCommutative();
    }

    /** Whether {@code op}'s chains of three are built in one grouping only (modulo associativity). */
    static boolean groupsChains(Operator op, boolean moduloAssociativity) {
        return moduloAssociativity && op.isCommutative() && op.isAssociative();
    }

    /**
     * The order that picks the lone operand of a chain of three: shorter first, then fewer
     * placeholders, then {@link ExprOrder}. Blocks of one length and one number of placeholders have
     * as many renamings next to any others, so {@link ExpressionCount} can count the chains it keeps
     * without knowing the blocks.
     */
    static int chainOrder(Expr a, Expr b) {
        if (a.size() != b.size()) {
            return Integer.compare(a.size(), b.size());
        }
        int pa = a.placeholderCount();
        int pb = b.placeholderCount();
        return pa != pb ? Integer.compare(pa, pb) : ExprOrder.compare(a, b);
    }

    /**
     * Modulo associativity, whether the candidate {@code e = op A B} is built. A chain of three
     * ({@code op O (op H T)} in either order, no {@code op} among {@code O, H, T}) is built when the
     * block of the lone {@code O} comes first of the three in {@link #chainOrder} (or ties); else only
     * when every grouping with a first operand alone has a pair that reduces ({@code pairReduces}:
     * a kept rule rewrites it at the root, so it is no block and that grouping is never built).
     */
    static boolean builtAsChain(Expr e, Predicate<Expr> pairReduces) {
        Operator op = e.operator(0);
        int left = 1;
        int right = e.end(left);
        boolean leftChained = e.operator(left) == op;
        if (leftChained == (e.operator(right) == op)) {
            return true;
        }
        int lone = leftChained ? right : left;
        int head = (leftChained ? left : right) + 1;
        int tail = e.end(head);
        if (e.operator(head) == op || e.operator(tail) == op) {
            return true; // a longer chain
        }
        Expr o = Placeholders.renumbered(e, lone);
        Expr h = Placeholders.renumbered(e, head);
        Expr t = Placeholders.renumbered(e, tail);
        if (chainOrder(o, h) <= 0 && chainOrder(o, t) <= 0) {
            return true;
        }
        if (chainOrder(h, o) <= 0 && chainOrder(h, t) <= 0 && !pairReduces.test(pair(e, op, lone, tail))) {
            return false;
        }
        return chainOrder(t, o) > 0 || chainOrder(t, h) > 0 || pairReduces.test(pair(e, op, lone, head));
    }

    /** {@code op} over the subtrees of {@code e} at {@code first} and {@code second}. */
    private static Expr pair(Expr e, Operator op, int first, int second) {
        return Expr.builder().operator(op).subtree(e, first).subtree(e, second).build();
    }

    /**
     * Over one block twice ({@code op B B'}, {@code B'} the block renamed by {@code map}), whether
     * this renaming is built: it is, unless the swapped pair's renaming gives a smaller right operand
     * in {@link ExprOrder}.
     */
    static boolean builtOnDiagonal(Expr block, int[] map) {
        int[] swapped = Placeholders.swappedOnDiagonal(map);
        return Arrays.equals(swapped, map)
                || ExprOrder.compare(Placeholders.renamed(block, map), Placeholders.renamed(block, swapped)) < 0;
    }

    /**
     * How many of a block's renamings next to itself are built ({@link #builtOnDiagonal}): one of
     * each pair, and those that are their own swap.
     */
    private static long keptOnDiagonal(List<Renaming> renamingsOfItself) {
        long ownSwap = renamingsOfItself.stream()
                .filter(r -> Arrays.equals(Placeholders.swappedOnDiagonal(r.map()), r.map())).count();
        return (renamingsOfItself.size() + ownSwap) / 2;
    }
}
