package dev.simplij.miner;

import dev.simplij.expr.Expr;
import dev.simplij.expr.NodeKind;

import java.util.ArrayList;
import java.util.List;

/**
 * Placeholder bookkeeping of the enumeration: occurrence counts packed one byte per placeholder,
 * and the renamings under which a right operand joins a left operand in canonical
 * (first-occurrence) numbering.
 */
final class Placeholders {
    private Placeholders() {
    }

    /**
     * A way to rename the placeholders of a right operand with {@code rightDistinct} placeholders
     * next to a left operand with {@code leftDistinct}: right {@code _j} becomes {@code _map[j]},
     * each either one of the left's or the next new one, new ones in order, injective.
     *
     * @param sigma    index in {@link SampleMatrix#permutations()} of a permutation extending {@code map}
     * @param distinct placeholders of the combined expression
     */
    record Renaming(int[] map, int sigma, int distinct) {
    }

    /** Occurrences of each placeholder, one byte each (placeholder {@code k} in byte {@code k}). */
    static long occurrences(Expr e) {
        long occ = 0;
        for (int i = 0; i < e.size(); i++) {
            if (e.kind(i) == NodeKind.PLACEHOLDER) {
                occ += 1L << (8 * e.placeholder(i));
            }
        }
        return occ;
    }

    static long rename(long occurrences, int[] map) {
        long r = 0;
        for (int j = 0; j < map.length; j++) {
            r += ((occurrences >>> (8 * j)) & 0xFF) << (8 * map[j]);
        }
        return r;
    }

    /** True when no placeholder occurs more often in {@code target} than in {@code source}. */
    static boolean within(long target, long source) {
        for (int k = 0; k < 8; k++) {
            if (((target >>> (8 * k)) & 0xFF) > ((source >>> (8 * k)) & 0xFF)) {
                return false;
            }
        }
        return true;
    }

    /**
     * {@code table[a][b]}: the renamings of a right operand with {@code b} distinct placeholders
     * next to a left one with {@code a}, keeping at most {@code variables} in all, in a fixed order.
     */
    @SuppressWarnings("unchecked")
    static List<Renaming>[][] renamings(int variables, int[][] permutations) {
        List<Renaming>[][] table = new List[variables + 1][variables + 1];
        for (int a = 0; a <= variables; a++) {
            for (int b = 0; b <= variables; b++) {
                List<Renaming> list = new ArrayList<>();
                collect(a, b, variables, new int[b], new boolean[variables], 0, a, permutations, list);
                table[a][b] = List.copyOf(list);
            }
        }
        return table;
    }

    private static void collect(int a, int b, int variables, int[] map, boolean[] used, int j, int next,
                                int[][] permutations, List<Renaming> out) {
        if (j == b) {
            out.add(new Renaming(map.clone(), SampleMatrix.indexOf(permutations, extend(map, variables)), next));
            return;
        }
        for (int k = 0; k < a; k++) {
            if (!used[k]) {
                used[k] = true;
                map[j] = k;
                collect(a, b, variables, map, used, j + 1, next, permutations, out);
                used[k] = false;
            }
        }
        if (next < variables) {
            used[next] = true;
            map[j] = next;
            collect(a, b, variables, map, used, j + 1, next + 1, permutations, out);
            used[next] = false;
        }
    }

    /** A permutation of {@code 0..variables-1} that agrees with the injective {@code map} on its domain. */
    private static int[] extend(int[] map, int variables) {
        int[] perm = new int[variables];
        boolean[] taken = new boolean[variables];
        for (int j = 0; j < map.length; j++) {
            perm[j] = map[j];
            taken[map[j]] = true;
        }
        int free = 0;
        for (int j = map.length; j < variables; j++) {
            while (taken[free]) {
                free++;
            }
            perm[j] = free;
            taken[free] = true;
        }
        return perm;
    }

    /**
     * The renaming of the swapped operands of {@code op B B'}, where {@code B'} is the block {@code B}
     * with {@code d} placeholders renamed by {@code map}: renumbering {@code op B' B} by first
     * occurrence gives {@code op B B''}, and this returns the renaming of {@code B''}. {@code B'}'s
     * placeholders first occur in the order {@code map[0], map[1], ...}, so {@code map[j]} becomes
     * {@code j}; the left {@code B}'s placeholder {@code k} becomes {@code j} where
     * {@code map[j] = k}, or else the next new one, in the order of {@code k}. It depends on
     * {@code map} only, not on {@code B}.
     */
    static int[] swappedOnDiagonal(int[] map) {
        int d = map.length;
        int[] inverse = new int[d];
        java.util.Arrays.fill(inverse, -1);
        for (int j = 0; j < d; j++) {
            if (map[j] < d) {
                inverse[map[j]] = j;
            }
        }
        int[] swapped = new int[d];
        int fresh = d;
        for (int k = 0; k < d; k++) {
            swapped[k] = inverse[k] >= 0 ? inverse[k] : fresh++;
        }
        return swapped;
    }

    /** {@code e} with placeholder {@code _j} written as {@code _map[j]}. */
    static Expr renamed(Expr e, int[] map) {
        Expr.Builder b = Expr.builder();
        appendRenamed(b, e, map);
        return b.build();
    }

    /** The subtree of {@code e} at {@code node} with its placeholders renumbered by first occurrence: its block. */
    static Expr renumbered(Expr e, int node) {
        int[] number = new int[e.placeholderCount()];
        java.util.Arrays.fill(number, -1);
        int next = 0;
        Expr.Builder b = Expr.builder();
        for (int i = node; i < e.end(node); i++) {
            if (e.kind(i) == NodeKind.PLACEHOLDER) {
                int k = e.placeholder(i);
                if (number[k] < 0) {
                    number[k] = next++;
                }
                b.placeholder(number[k]);
            } else {
                b.token(e, i);
            }
        }
        return b.build();
    }

    /** Appends {@code e} with placeholder {@code _j} written as {@code _map[j]}. */
    static void appendRenamed(Expr.Builder b, Expr e, int[] map) {
        for (int i = 0; i < e.size(); i++) {
            if (e.kind(i) == NodeKind.PLACEHOLDER) {
                b.placeholder(map[e.placeholder(i)]);
            } else {
                appendToken(b, e, i);
            }
        }
    }

    /** Appends the single token at {@code node} (not its subtree). */
    static void appendToken(Expr.Builder b, Expr e, int node) {
        switch (e.kind(node)) {
            case OPERATOR -> b.operator(e.operator(node));
            case NUMBER -> b.number(e.number(node));
            case CONSTANT -> b.constant();
            case VARIABLE -> b.variable(e.variable(node));
            case PLACEHOLDER -> b.placeholder(e.placeholder(node));
        }
    }
}
