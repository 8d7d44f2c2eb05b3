package dev.simplij.sr;

import dev.simplij.expr.Expr;
import dev.simplij.expr.Operator;
import dev.simplij.sr.fit.Dataset;
import dev.simplij.sr.fit.LogScaleConstants;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;

/**
 * Random trees, mutations and crossover over raw candidates. Stateless apart from its settings; the
 * generator is passed in, so every island draws from its own seeded stream.
 */
final class Mutator {
    /**
     * The mutations, with SymbolicRegression.jl's default relative weights (its {@code MutationWeights}, as PySR
     * 1.x sets them): {@code mutate_constant}, {@code mutate_operator}, {@code swap_operands}, {@code rotate_tree},
     * {@code add_node}, {@code insert_node}, {@code delete_node}, {@code simplify}, {@code randomize},
     * {@code do_nothing}.
     */
    enum Kind {
        PERTURB_CONSTANT(0.0346),
        CHANGE_OPERATOR(0.293),
        SWAP_OPERANDS(0.198),
        ROTATE_TREE(4.26),
        ADD_NODE(2.47),
        INSERT_NODE(0.0112),
        DELETE_NODE(0.870),
        SIMPLIFY(0.00209),
        RANDOMIZE(0.000502),
        NOTHING(0.273);

        final double defaultWeight;

        Kind(double defaultWeight) {
            this.defaultWeight = defaultWeight;
        }

        /**
         * Whether the mutation can change {@code parent}, as SymbolicRegression.jl's conditioning of the weights
         * has it: no operator, swap, rotation or simplification of a single leaf, no constant mutation without a
         * constant, nothing added to a candidate at the maximum complexity.
         */
        boolean appliesTo(Candidate parent, boolean atMaximum) {
            return switch (this) {
                case CHANGE_OPERATOR, SWAP_OPERANDS, ROTATE_TREE, SIMPLIFY -> parent.size() > 1;
                case PERTURB_CONSTANT -> parent.constants().length > 0;
                case ADD_NODE, INSERT_NODE -> !atMaximum;
                default -> true;
            };
        }
    }

    private static final Kind[] KINDS = Kind.values();
    /** The share of constant perturbations that jump to a log-scale draw instead. */
    static final double LOG_SCALE_JUMP = 0.25;

    private final OperatorSet operators;
    private final List<String> variables;

    Mutator(OperatorSet operators, List<String> variables) {
        this.operators = operators;
        this.variables = List.copyOf(variables);
    }

    /** A mutation drawn by its weight among those that apply to {@code parent} ({@link Kind#appliesTo}). */
    Kind drawKind(Candidate parent, boolean atMaximum, UniformRandomProvider rng) {
        double sum = 0;
        for (Kind k : KINDS) {
            sum += k.appliesTo(parent, atMaximum) ? k.defaultWeight : 0;
        }
        double u = rng.nextDouble() * sum;
        for (Kind k : KINDS) {
            if (k.appliesTo(parent, atMaximum)) {
                u -= k.defaultWeight;
                if (u < 0) {
                    return k;
                }
            }
        }
        return Kind.NOTHING;
    }

    /** A variable (probability 0.6 with inputs) or a free constant drawn from N(0, 1). */
    Candidate randomLeaf(UniformRandomProvider rng) {
        if (!variables.isEmpty() && rng.nextDouble() < 0.6) {
            return Candidate.variable(variables.get(rng.nextInt(variables.size())));
        }
        return Candidate.constant(ZigguratSampler.NormalizedGaussian.of(rng).sample());
    }

    Operator randomOperator(int arity, UniformRandomProvider rng) {
        List<Operator> ops = operators.ofArity(arity);
        return ops.get(rng.nextInt(ops.size()));
    }

    /** An operator of random arity among those the set has, or null when the set has none. */
    private Operator randomAnyOperator(UniformRandomProvider rng) {
        int n = operators.unary().size() + operators.binary().size();
        int i = rng.nextInt(n);
        return i < operators.unary().size() ? operators.unary().get(i) : operators.binary().get(i - operators.unary().size());
    }

    /** A random tree grown by {@code operatorCount} times replacing a random leaf with a random operator. */
    Candidate randomTree(int operatorCount, UniformRandomProvider rng) {
        Candidate c = randomLeaf(rng);
        for (int i = 0; i < operatorCount; i++) {
            int leaf = randomNode(c, true, rng);
            c = c.replace(leaf, growOver(randomLeaf(rng), rng));
        }
        return c;
    }

    /** {@code op(sub)} or {@code op(sub, leaf)} / {@code op(leaf, sub)} with a random operator. */
    private Candidate growOver(Candidate sub, UniformRandomProvider rng) {
        Operator op = randomAnyOperator(rng);
        if (op.arity() == 1) {
            return Candidate.apply(op, sub);
        }
        Candidate leaf = randomLeaf(rng);
        return rng.nextBoolean() ? Candidate.apply(op, sub, leaf) : Candidate.apply(op, leaf, sub);
    }

    /** A random node; only leaves when {@code leaf}. */
    private static int randomNode(Candidate c, boolean leaf, UniformRandomProvider rng) {
        int n = c.size();
        if (!leaf) {
            return rng.nextInt(n);
        }
        int leaves = 0;
        for (int i = 0; i < n; i++) {
            if (c.skeleton().arity(i) == 0) {
                leaves++;
            }
        }
        int pick = rng.nextInt(leaves);
        for (int i = 0; i < n; i++) {
            if (c.skeleton().arity(i) == 0 && pick-- == 0) {
                return i;
            }
        }
        throw new AssertionError();
    }

    /** A random node holding an operator of arity >= 1, or -1 when there is none. */
    private static int randomOperatorNode(Candidate c, UniformRandomProvider rng) {
        int count = 0;
        for (int i = 0; i < c.size(); i++) {
            if (c.skeleton().arity(i) > 0) {
                count++;
            }
        }
        if (count == 0) {
            return -1;
        }
        int pick = rng.nextInt(count);
        for (int i = 0; i < c.size(); i++) {
            if (c.skeleton().arity(i) > 0 && pick-- == 0) {
                return i;
            }
        }
        throw new AssertionError();
    }

    /**
     * Applies a structural mutation; null when it does not apply to this candidate (the caller
     * retries or keeps the parent). {@link Kind#PERTURB_CONSTANT}, {@link Kind#SIMPLIFY} and
     * {@link Kind#NOTHING} are the caller's, since they act on constants and the scorer.
     */
    Candidate mutate(Candidate c, Kind kind, UniformRandomProvider rng) {
        return switch (kind) {
            case CHANGE_OPERATOR -> {
                int node = randomOperatorNode(c, rng);
                if (node < 0 || c.skeleton().operator(node) == null) {
                    yield null;
                }
                int arity = c.skeleton().arity(node);
                if (operators.ofArity(arity).isEmpty()) {
                    yield null;
                }
                yield c.withOperator(node, randomOperator(arity, rng));
            }
            case SWAP_OPERANDS -> {
                int node = randomOperatorNode(c, rng);
                if (node < 0 || c.skeleton().arity(node) != 2) {
                    yield null;
                }
                Candidate[] operands = operands(c.subtree(node));
                yield c.replace(node, Candidate.apply(c.skeleton().operator(node), operands[1], operands[0]));
            }
            case ROTATE_TREE -> rotate(c, rng);
            case ADD_NODE -> rng.nextBoolean()
                    // append: a leaf becomes an operator over new leaves; prepend: an operator over the whole
                    ? c.replace(randomNode(c, true, rng), growOver(randomLeaf(rng), rng))
                    : growOver(c, rng);
            case INSERT_NODE -> {
                int node = randomNode(c, false, rng);
                yield c.replace(node, growOver(c.subtree(node), rng));
            }
            case DELETE_NODE -> {
                // SymbolicRegression.jl's delete_node: an operator gives way to one of its operands, a leaf to a new leaf
                int node = randomNode(c, false, rng);
                if (c.skeleton().arity(node) == 0) {
                    yield c.replace(node, randomLeaf(rng));
                }
                int keep = c.skeleton().child(node, rng.nextInt(c.skeleton().arity(node)));
                yield c.replace(node, c.subtree(keep));
            }
            case RANDOMIZE -> randomTree(1 + rng.nextInt(4), rng);
            default -> throw new IllegalArgumentException(kind + " is applied by the island");
        };
    }

    /** The operands of a subtree's root operator, with their constants. */
    private static Candidate[] operands(Candidate sub) {
        Candidate[] operands = new Candidate[sub.skeleton().arity(0)];
        for (int k = 0; k < operands.length; k++) {
            operands[k] = sub.subtree(sub.skeleton().child(0, k));
        }
        return operands;
    }

    /**
     * A tree rotation (SymbolicRegression.jl's {@code rotate_tree}): at a random operator node with an operator
     * operand (the pivot), a random operand of the pivot takes the pivot's place, and the node, so changed,
     * takes that operand's place under the pivot, which moves up: {@code (a*b) + c} becomes {@code a*(b + c)}
     * or {@code (a + c)*b}, {@code sin(a*b)} becomes {@code sin(a)*b} or {@code a*sin(b)}. The size stays; null
     * when no operator has an operator operand.
     */
    static Candidate rotate(Candidate c, UniformRandomProvider rng) {
        int count = 0;
        for (int i = 0; i < c.size(); i++) {
            count += rotatable(c, i) ? 1 : 0;
        }
        if (count == 0) {
            return null;
        }
        int root = -1;
        for (int pick = rng.nextInt(count); pick >= 0; ) {
            pick -= rotatable(c, ++root) ? 1 : 0;
        }
        Candidate[] rootOperands = operands(c.subtree(root));
        int pivotCount = 0;
        for (Candidate operand : rootOperands) {
            pivotCount += operand.size() > 1 ? 1 : 0;
        }
        int pivotIndex = -1;
        for (int pick = rng.nextInt(pivotCount); pick >= 0; ) {
            pick -= rootOperands[++pivotIndex].size() > 1 ? 1 : 0;
        }
        Candidate pivot = rootOperands[pivotIndex];
        Candidate[] pivotOperands = operands(pivot);
        int moved = rng.nextInt(pivotOperands.length);
        rootOperands[pivotIndex] = pivotOperands[moved];
        pivotOperands[moved] = Candidate.apply(c.skeleton().operator(root), rootOperands);
        return c.replace(root, Candidate.apply(pivot.skeleton().operator(0), pivotOperands));
    }

    /** Whether node {@code i} is an operator with at least one operator operand. */
    private static boolean rotatable(Candidate c, int i) {
        Expr e = c.skeleton();
        for (int k = 0; k < e.arity(i); k++) {
            if (e.arity(e.child(i, k)) > 0) {
                return true;
            }
        }
        return false;
    }

    /**
     * One constant perturbed multiplicatively, PySR-style, with an occasional sign flip; or, with
     * probability {@link #LOG_SCALE_JUMP}, set to a log-scale draw over the data's magnitudes
     * ({@link LogScaleConstants}), which no multiplicative step from a value near 1 reaches in time.
     *
     * @param data the data the draws follow; null for no log-scale jumps
     */
    double[] perturb(double[] constants, double temperature, Dataset data, UniformRandomProvider rng) {
        double[] p = constants.clone();
        if (p.length == 0) {
            return p;
        }
        int j = rng.nextInt(p.length);
        if (data != null && rng.nextDouble() < LOG_SCALE_JUMP) {
            p[j] = LogScaleConstants.draw(data, rng);
            return p;
        }
        double factor = Math.exp(temperature * ZigguratSampler.NormalizedGaussian.of(rng).sample());
        p[j] = (rng.nextDouble() < 0.1 ? -p[j] : p[j]) * factor + 0.01 * (rng.nextDouble() - 0.5);
        return p;
    }

    /** Two children: each parent with a random subtree swapped for one of the other's. */
    Candidate[] crossover(Candidate a, Candidate b, UniformRandomProvider rng) {
        int i = randomNode(a, false, rng);
        int j = randomNode(b, false, rng);
        return new Candidate[] {a.replace(i, b.subtree(j)), b.replace(j, a.subtree(i))};
    }
}
