package dev.simplij.sr.data;

import dev.simplij.expr.Expr;
import dev.simplij.expr.Operator;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * Random formula skeletons in the manner of Lample and Charton: a shape with {@code n} operators
 * uniform over unary-binary trees ({@link TreeShapeSampler}), {@code n} uniform in a configured
 * range, each operator drawn by its configured weight among the operators of the needed arity,
 * each leaf {@code <constant>} with a configured probability and otherwise one of the declared
 * variables {@code x1 .. xd}, each of which occurs; {@code d} is uniform in a configured range.
 *
 * <p>Immutable and thread-safe: all randomness comes from the generator passed in.
 */
public final class SkeletonSampler {
    /** One drawn skeleton and the number of variables it was declared with. */
    public record Sample(Expr skeleton, int declaredVariables) {
    }

    private final TreeShapeSampler shapes;
    private final int minOperators;
    private final int maxOperators;
    private final int minVariables;
    private final int maxVariables;
    private final double constantProbability;
    private final Operator[] unary;
    private final double[] unaryCumulative;
    private final Operator[] binary;
    private final double[] binaryCumulative;
    private final String[] variableNames;

    /**
     * @param operatorWeights     operator to relative weight; operators of weight 0 are never drawn
     * @param constantProbability probability that a leaf is {@code <constant>}
     */
    public SkeletonSampler(Map<Operator, Double> operatorWeights, int minOperators, int maxOperators,
                           int minVariables, int maxVariables, double constantProbability) {
        if (minOperators < 0 || maxOperators < minOperators) {
            throw new IllegalArgumentException("operator count range [" + minOperators + ", " + maxOperators
                    + "] is empty or negative");
        }
        if (minVariables < 1 || maxVariables < minVariables) {
            throw new IllegalArgumentException("variable count range [" + minVariables + ", " + maxVariables
                    + "] is empty or starts below 1");
        }
        if (!(constantProbability >= 0 && constantProbability <= 1)) {
            throw new IllegalArgumentException("constant probability must be in [0, 1], got " + constantProbability);
        }
        List<Operator> u = new ArrayList<>();
        List<Operator> b = new ArrayList<>();
        for (Map.Entry<Operator, Double> e : operatorWeights.entrySet()) {
            double w = e.getValue();
            if (!(w >= 0) || Double.isInfinite(w)) {
                throw new IllegalArgumentException("weight of " + e.getKey().token() + " must be finite and >= 0, got " + w);
            }
            if (w == 0) {
                continue;
            }
            switch (e.getKey().arity()) {
                case 1 -> u.add(e.getKey());
                case 2 -> b.add(e.getKey());
                default -> throw new IllegalArgumentException(e.getKey().token()
                        + " is a named constant, not an operator a skeleton can be built from");
            }
        }
        // Table order, so the draw does not depend on the map's iteration order.
        u.sort(null);
        b.sort(null);
        this.unary = u.toArray(Operator[]::new);
        this.binary = b.toArray(Operator[]::new);
        this.unaryCumulative = cumulative(unary, operatorWeights);
        this.binaryCumulative = cumulative(binary, operatorWeights);
        this.shapes = new TreeShapeSampler(maxOperators, unary.length > 0, binary.length > 0);
        this.minOperators = minOperators;
        this.maxOperators = maxOperators;
        this.minVariables = minVariables;
        this.maxVariables = maxVariables;
        this.constantProbability = constantProbability;
        this.variableNames = new String[maxVariables];
        for (int i = 0; i < maxVariables; i++) {
            variableNames[i] = variableName(i);
        }
    }

    /** The name of the {@code i}-th variable (0-based): {@code x1, x2, ...}. */
    public static String variableName(int i) {
        return "x" + (i + 1);
    }

    private static double[] cumulative(Operator[] ops, Map<Operator, Double> weights) {
        double[] c = new double[ops.length];
        double sum = 0;
        for (int i = 0; i < ops.length; i++) {
            sum += weights.get(ops[i]);
            c[i] = sum;
        }
        return c;
    }

    public int maxVariables() {
        return maxVariables;
    }

    /**
     * Draws one skeleton. Leaves are first split into constants and variables; when there are at
     * least {@code d} variable leaves, {@code d} of them chosen at random get {@code x1 .. xd} and the
     * others a uniform variable, so every declared variable occurs (only simplification can remove
     * one); with fewer variable leaves than {@code d}, the skeleton is declared with as many
     * variables as it has variable leaves (but at least the configured minimum).
     */
    public Sample sample(UniformRandomProvider rng) {
        int n = minOperators + rng.nextInt(maxOperators - minOperators + 1);
        int d = minVariables + rng.nextInt(maxVariables - minVariables + 1);
        byte[] shape = shapes.sample(n, rng);
        int leaves = 0;
        for (byte node : shape) {
            if (node == TreeShapeSampler.LEAF) {
                leaves++;
            }
        }
        // leaf[j]: -1 for <constant>, else the variable index.
        int[] leaf = new int[leaves];
        int variableLeaves = 0;
        for (int j = 0; j < leaves; j++) {
            leaf[j] = rng.nextDouble() < constantProbability ? -1 : 0;
            if (leaf[j] == 0) {
                variableLeaves++;
            }
        }
        int declared = Math.max(minVariables, Math.min(d, variableLeaves));
        int[] slots = new int[variableLeaves];
        for (int j = 0, k = 0; j < leaves; j++) {
            if (leaf[j] == 0) {
                slots[k++] = j;
            }
        }
        // A partial Fisher-Yates shuffle picks the leaves that carry x1 .. x(declared).
        int covered = Math.min(declared, variableLeaves);
        for (int k = 0; k < covered; k++) {
            int pick = k + rng.nextInt(variableLeaves - k);
            int tmp = slots[k];
            slots[k] = slots[pick];
            slots[pick] = tmp;
            leaf[slots[k]] = k;
        }
        for (int k = covered; k < variableLeaves; k++) {
            leaf[slots[k]] = rng.nextInt(declared);
        }
        Expr.Builder builder = Expr.builder();
        int j = 0;
        for (byte node : shape) {
            switch (node) {
                case TreeShapeSampler.LEAF -> {
                    int v = leaf[j++];
                    if (v < 0) {
                        builder.constant();
                    } else {
                        builder.variable(variableNames[v]);
                    }
                }
                case 1 -> builder.operator(pick(unary, unaryCumulative, rng));
                default -> builder.operator(pick(binary, binaryCumulative, rng));
            }
        }
        return new Sample(builder.build(), declared);
    }

    private static Operator pick(Operator[] ops, double[] cumulative, UniformRandomProvider rng) {
        double u = rng.nextDouble() * cumulative[cumulative.length - 1];
        for (int i = 0; i < ops.length - 1; i++) {
            if (u < cumulative[i]) {
                return ops[i];
            }
        }
        return ops[ops.length - 1];
    }
}
