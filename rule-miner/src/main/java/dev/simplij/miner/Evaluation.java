package dev.simplij.miner;

import dev.simplij.expr.Expr;
import dev.simplij.expr.Operator;

/**
 * Evaluation, the second stage of a length: a source's value vector from its operands' vectors
 * ({@link VectorOps} over the {@link SampleMatrix}), the right operand read through the permutation
 * of its renaming, never by walking a tree. The same step recomputes a block's vector from its
 * {@link Layer.Recipe} where its layer keeps none. One per thread (it owns a scratch vector).
 */
final class Evaluation {
    private final SampleMatrix points;
    private final Layer[] layers;
    private final double[] gathered;

    /** {@code layers}: the run's layers by length, read when a recipe is recomputed. */
    Evaluation(SampleMatrix points, Layer[] layers) {
        this.points = points;
        this.layers = layers;
        this.gathered = new double[points.size()];
    }

    /** Unary {@code op} over an operand, into {@code out}. */
    void unary(Operator op, Expr operand, double[] values, double[] out) {
        VectorOps.apply(op, values, out, VectorOps.exact(operand, 0));
    }

    /** {@code op} over a left operand and a right one renamed by permutation {@code sigma}, into {@code out}. */
    void binary(Operator op, Expr left, double[] lv, int leftDistinct, Expr right, double[] rv, int rightDistinct,
                int sigma, double[] out) {
        boolean exact = (leftDistinct == 0 && rightDistinct == 0)
                || (VectorOps.exact(left, 0) && VectorOps.exact(right, 0));
        VectorOps.apply(op, lv, points.renamed(rv, sigma, gathered), out, rightDistinct == 0, points.cornerPoints(),
                exact);
    }

    /**
     * The value vector of block {@code i} of the layer of {@code length}: the one it keeps, or else
     * recomputed from its recipe into {@code scratch} (the operands' layers always keep theirs).
     */
    double[] values(int length, int i, double[] scratch) {
        Layer layer = layers[length];
        if (layer.keepsValues()) {
            return layer.values.get(i);
        }
        Layer.Recipe recipe = layer.recipe(i);
        Operator op = Operator.ofOrdinal(recipe.opOrdinal());
        Layer left = layers[recipe.leftLength()];
        if (op.arity() == 1) {
            unary(op, left.exprs.get(recipe.left()), left.values.get(recipe.left()), scratch);
            return scratch;
        }
        Layer right = layers[length - 1 - recipe.leftLength()];
        binary(op, left.exprs.get(recipe.left()), left.values.get(recipe.left()), left.distinct[recipe.left()],
                right.exprs.get(recipe.right()), right.values.get(recipe.right()), right.distinct[recipe.right()],
                recipe.sigma(), scratch);
        return scratch;
    }
}
