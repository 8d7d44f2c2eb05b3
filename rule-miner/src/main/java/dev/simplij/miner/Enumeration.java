package dev.simplij.miner;

import dev.simplij.expr.Operator;
import dev.simplij.miner.Placeholders.Renaming;

import java.util.ArrayList;
import java.util.List;

/**
 * Enumeration, the first stage of a length: the candidates of length {@code n} are split into units
 * of work over the irreducible blocks of shorter lengths, in a fixed order (units are merged in
 * this order, so the output does not depend on the threads).
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
     * with every right block of length {@code n - 1 - a} under every renaming.
     */
    static List<Unit> units(int n, Layer[] layers, List<Operator> unary, List<Operator> binary,
                            List<Renaming>[][] renamings) {
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
            for (int a = 1; a <= n - 2; a++) {
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
                        for (int cb = 0; cb <= variables; cb++) {
                            count += byDistinct[cb] * renamings[left.distinct[i]][cb].size();
                        }
                    }
                    units.add(new Unit(op, a, from, to, count));
                }
            }
        }
        return units;
    }
}
