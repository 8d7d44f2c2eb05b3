package dev.simplij.miner;

import dev.simplij.expr.Expr;
import dev.simplij.expr.ExprOrder;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The next layer: the irreducible expressions of one length with their value vectors (null for
 * expressions holding a free constant), placeholder counts and occurrences; the building blocks of
 * longer sources and, up to the maximum target length, the possible right sides.
 */
final class Layer {
    final List<Expr> exprs = new ArrayList<>();
    final List<double[]> values = new ArrayList<>();
    int[] distinct = new int[16];
    long[] occurrences = new long[16];

    void add(Expr e, int d, long occ, double[] v) {
        int i = exprs.size();
        if (i == distinct.length) {
            distinct = Arrays.copyOf(distinct, i * 2);
            occurrences = Arrays.copyOf(occurrences, i * 2);
        }
        exprs.add(e);
        values.add(v);
        distinct[i] = d;
        occurrences[i] = occ;
    }

    void addAll(Layer other) {
        for (int i = 0; i < other.size(); i++) {
            add(other.exprs.get(i), other.distinct[i], other.occurrences[i], other.values.get(i));
        }
    }

    int size() {
        return exprs.size();
    }

    void sortByExprOrder() {
        Integer[] order = new Integer[size()];
        Arrays.setAll(order, i -> i);
        Arrays.sort(order, (x, y) -> ExprOrder.compare(exprs.get(x), exprs.get(y)));
        Layer sorted = new Layer();
        for (int i : order) {
            sorted.add(exprs.get(i), distinct[i], occurrences[i], values.isEmpty() ? null : values.get(i));
        }
        exprs.clear();
        exprs.addAll(sorted.exprs);
        values.clear();
        values.addAll(sorted.values);
        distinct = sorted.distinct;
        occurrences = sorted.occurrences;
    }
}
