package dev.simplij.sr;

import dev.simplij.expr.Expr;
import dev.simplij.expr.Operator;
import java.util.Map;

/**
 * The complexity of an expression: the sum of per-node weights. By default every node weighs 1, so
 * complexity is the node count (SimpliJ's length measure). Immutable.
 */
public final class Complexity {
    private final int[] operatorWeights;
    private final int variableWeight;
    private final int constantWeight;

    private Complexity(int[] operatorWeights, int variableWeight, int constantWeight) {
        this.operatorWeights = operatorWeights;
        this.variableWeight = variableWeight;
        this.constantWeight = constantWeight;
    }

    /** Node count. */
    public static Complexity nodeCount() {
        return weighted(Map.of(), 1, 1);
    }

    /**
     * Per-operator weights (operators not named weigh 1), and the weights of a variable and of a
     * constant (free or literal).
     */
    public static Complexity weighted(Map<Operator, Integer> operatorWeights, int variableWeight, int constantWeight) {
        int[] w = new int[Operator.count()];
        java.util.Arrays.fill(w, 1);
        for (Map.Entry<Operator, Integer> e : operatorWeights.entrySet()) {
            w[e.getKey().ordinal()] = requirePositive(e.getValue(), e.getKey().token());
        }
        return new Complexity(w, requirePositive(variableWeight, "variable"), requirePositive(constantWeight, "constant"));
    }

    private static int requirePositive(int weight, String what) {
        if (weight < 1) {
            throw new IllegalArgumentException("weight of " + what + " must be >= 1, got " + weight);
        }
        return weight;
    }

    public int of(Expr e) {
        int sum = 0;
        for (int i = 0; i < e.size(); i++) {
            sum += switch (e.kind(i)) {
                case OPERATOR -> operatorWeights[e.operator(i).ordinal()];
                case VARIABLE, PLACEHOLDER -> variableWeight;
                case NUMBER, CONSTANT -> constantWeight;
            };
        }
        return sum;
    }
}
