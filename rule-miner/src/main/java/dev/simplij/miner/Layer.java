package dev.simplij.miner;

import dev.simplij.expr.Expr;
import dev.simplij.expr.ExprOrder;

import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The next layer: the irreducible expressions of one length with their placeholder counts,
 * occurrences and how each was built (its {@link Recipe}); the building blocks of longer sources
 * and, up to the maximum target length, the possible right sides.
 *
 * <p>A layer either keeps every block's value vector or none ({@link #keepsValues()}): the vectors
 * of the longest blocks a run builds on are read once each, by the unary operators over them, so
 * those are recomputed from their operands' vectors when read ({@link Evaluation#values}) instead
 * of held, which is most of a run's memory (the whole table to 6 tokens: 1.2 million blocks of 5
 * tokens, 5 GB of vectors at 512 points, against 0.2 GB for all shorter ones). Expressions holding
 * a free constant never have a vector.
 */
final class Layer implements java.io.Serializable {
    private static final long serialVersionUID = 1L;
    /** The packed recipe of a leaf: nothing to recompute from. */
    private static final int LEAF = -1;

    private final boolean keepsValues;
    final List<Expr> exprs = new ArrayList<>();
    /**
     * Per block its value vector when {@link #keepsValues()}, else null; null for free constants.
     * Serialized as raw bits ({@link #writeObject}).
     */
    transient List<double[]> values = new ArrayList<>();
    int[] distinct = new int[16];
    long[] occurrences = new long[16];
    /** Per block its packed {@link Recipe}: {@link Recipe#shape()}, or {@link #LEAF}, */
    private int[] shapes = new int[16];
    /** and {@link Recipe#operands()}. */
    private long[] operands = new long[16];

    Layer(boolean keepsValues) {
        this.keepsValues = keepsValues;
    }

    /**
     * How a block was built: {@code op} over left block {@code left} of length {@code leftLength}
     * and, for a binary {@code op}, right block {@code right} of the complementary length renamed
     * by permutation {@code sigma} ({@link SampleMatrix#permutation}); packed in two primitives.
     */
    record Recipe(int opOrdinal, int leftLength, int left, int right, int sigma) {
        static Recipe unpack(int shape, long operands) {
            return new Recipe(shape >>> 16, (shape >>> 8) & 0xFF, (int) (operands >>> 32), (int) operands,
                    shape & 0xFF);
        }

        int shape() {
            return opOrdinal << 16 | leftLength << 8 | sigma;
        }

        long operands() {
            return (long) left << 32 | (right & 0xFFFF_FFFFL);
        }
    }

    /**
     * The value vectors as their raw bits: Java serialization writes a {@code double[]} through
     * {@link Double#doubleToLongBits}, which makes every NaN the plain one, and a vector's NaN
     * payloads mean something ({@link VectorOps#UNKNOWN}, {@link VectorOps#CANCELLED}).
     */
    private void writeObject(ObjectOutputStream out) throws IOException {
        out.defaultWriteObject();
        out.writeInt(values.size());
        for (double[] v : values) {
            long[] bits = null;
            if (v != null) {
                bits = new long[v.length];
                for (int i = 0; i < v.length; i++) {
                    bits[i] = Double.doubleToRawLongBits(v[i]);
                }
            }
            out.writeObject(bits);
        }
    }

    private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
        in.defaultReadObject();
        int n = in.readInt();
        values = new ArrayList<>(n);
        for (int k = 0; k < n; k++) {
            long[] bits = (long[]) in.readObject();
            double[] v = null;
            if (bits != null) {
                v = new double[bits.length];
                for (int i = 0; i < bits.length; i++) {
                    v[i] = Double.longBitsToDouble(bits[i]);
                }
            }
            values.add(v);
        }
    }

    /** Whether this layer holds its blocks' value vectors (else they are recomputed from recipes). */
    boolean keepsValues() {
        return keepsValues;
    }

    /**
     * Adds a block; {@code v} is its value vector (null for free constants), dropped unless the
     * layer keeps vectors; {@code recipe} how it was built, null for a leaf.
     */
    void add(Expr e, int d, long occ, double[] v, Recipe recipe) {
        add(e, d, occ, v, recipe == null ? LEAF : recipe.shape(), recipe == null ? 0 : recipe.operands());
    }

    private void add(Expr e, int d, long occ, double[] v, int shape, long operandPair) {
        int i = exprs.size();
        if (i == distinct.length) {
            distinct = Arrays.copyOf(distinct, i * 2);
            occurrences = Arrays.copyOf(occurrences, i * 2);
            shapes = Arrays.copyOf(shapes, i * 2);
            operands = Arrays.copyOf(operands, i * 2);
        }
        exprs.add(e);
        values.add(keepsValues ? v : null);
        distinct[i] = d;
        occurrences[i] = occ;
        shapes[i] = shape;
        operands[i] = operandPair;
    }

    void addAll(Layer other) {
        for (int i = 0; i < other.size(); i++) {
            add(other.exprs.get(i), other.distinct[i], other.occurrences[i], other.values.get(i), other.shapes[i],
                    other.operands[i]);
        }
    }

    int size() {
        return exprs.size();
    }

    /** Whether block {@code i} holds a free constant (and so has no value vector at all). */
    boolean freeConstant(int i) {
        return exprs.get(i).constantCount() > 0;
    }

    /** How block {@code i} was built; null for a leaf. */
    Recipe recipe(int i) {
        return shapes[i] == LEAF ? null : Recipe.unpack(shapes[i], operands[i]);
    }

    void sortByExprOrder() {
        Integer[] order = new Integer[size()];
        Arrays.setAll(order, i -> i);
        Arrays.sort(order, (x, y) -> ExprOrder.compare(exprs.get(x), exprs.get(y)));
        Layer sorted = new Layer(keepsValues);
        for (int i : order) {
            sorted.add(exprs.get(i), distinct[i], occurrences[i], values.get(i), shapes[i], operands[i]);
        }
        exprs.clear();
        exprs.addAll(sorted.exprs);
        values.clear();
        values.addAll(sorted.values);
        distinct = sorted.distinct;
        occurrences = sorted.occurrences;
        shapes = sorted.shapes;
        operands = sorted.operands;
    }
}
