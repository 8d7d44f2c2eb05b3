package dev.simplij.sr;

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
    /** The mutations, with their default relative weights. */
    enum Kind {
        PERTURB_CONSTANT(0.5),
        CHANGE_OPERATOR(0.5),
        CHANGE_LEAF(0.4),
        SWAP_OPERANDS(0.1),
        INSERT_NODE(0.8),
        DELETE_NODE(0.5),
        REPLACE_SUBTREE(0.2),
        SIMPLIFY(0.05),
        RANDOMIZE(0.02),
        NOTHING(0.1);

        final double defaultWeight;

        Kind(double defaultWeight) {
            this.defaultWeight = defaultWeight;
        }
    }

    private static final Kind[] KINDS = Kind.values();
    /** The share of constant perturbations that jump to a log-scale draw instead. */
    static final double LOG_SCALE_JUMP = 0.25;

    private final OperatorSet operators;
    private final List<String> variables;
    private final double[] cumulativeWeights;

    Mutator(OperatorSet operators, List<String> variables) {
        this.operators = operators;
        this.variables = List.copyOf(variables);
        this.cumulativeWeights = new double[KINDS.length];
        double sum = 0;
        for (int i = 0; i < KINDS.length; i++) {
            sum += KINDS[i].defaultWeight;
            cumulativeWeights[i] = sum;
        }
    }

    Kind drawKind(UniformRandomProvider rng) {
        double u = rng.nextDouble() * cumulativeWeights[KINDS.length - 1];
        for (int i = 0; i < KINDS.length; i++) {
            if (u < cumulativeWeights[i]) {
                return KINDS[i];
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
            case CHANGE_LEAF -> c.replace(randomNode(c, true, rng), randomLeaf(rng));
            case SWAP_OPERANDS -> {
                int node = randomOperatorNode(c, rng);
                if (node < 0 || c.skeleton().arity(node) != 2) {
                    yield null;
                }
                Candidate sub = c.subtree(node);
                Candidate a = sub.subtree(1);
                Candidate b = sub.subtree(sub.skeleton().child(0, 1));
                yield c.replace(node, Candidate.apply(sub.skeleton().operator(0), b, a));
            }
            case INSERT_NODE -> {
                int node = randomNode(c, false, rng);
                yield c.replace(node, growOver(c.subtree(node), rng));
            }
            case DELETE_NODE -> {
                int node = randomOperatorNode(c, rng);
                if (node < 0) {
                    yield null;
                }
                int keep = c.skeleton().child(node, rng.nextInt(c.skeleton().arity(node)));
                yield c.replace(node, c.subtree(keep));
            }
            case REPLACE_SUBTREE -> {
                int node = randomNode(c, false, rng);
                yield c.replace(node, randomTree(rng.nextInt(3), rng));
            }
            case RANDOMIZE -> randomTree(1 + rng.nextInt(4), rng);
            default -> throw new IllegalArgumentException(kind + " is applied by the island");
        };
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
