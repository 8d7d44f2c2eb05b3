package dev.simplij.reliability;

import dev.simplij.expr.Expr;
import dev.simplij.expr.Operator;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;

import java.util.ArrayList;
import java.util.List;

/**
 * Seeded random expressions across sizes and operator mixes. Subtrees are often reused so that the
 * rules, like-term collection and cancellation have something to do ({@code x1*x2 - x2*x1},
 * {@code sin(u)**2 + cos(u)**2}); expression {@code i} of a run is a function of its own seed
 * only, so any failure is reproduced from that seed.
 */
public final class RandomExpressions {
    /** Operator mixes: each draws operators from its own list. */
    public enum Mix {
        ARITHMETIC(Operator.ADD, Operator.SUB, Operator.MUL, Operator.DIV, Operator.NEG, Operator.INV),
        POLYNOMIAL(Operator.ADD, Operator.SUB, Operator.MUL, Operator.NEG, Operator.POW2, Operator.POW3,
                Operator.POW4, Operator.POW5),
        POWERS(Operator.ADD, Operator.MUL, Operator.DIV, Operator.POW, Operator.POW2, Operator.POW1_2, Operator.POW1_3,
                Operator.POW1_4, Operator.POW1_5, Operator.INV, Operator.ABS, Operator.EXP, Operator.LOG),
        TRIGONOMETRIC(Operator.ADD, Operator.SUB, Operator.MUL, Operator.POW2, Operator.SIN, Operator.COS,
                Operator.TAN, Operator.ASIN, Operator.ACOS, Operator.ATAN, Operator.SINH, Operator.COSH,
                Operator.TANH, Operator.NEG),
        FULL(operatorsOfArity());

        private final Operator[] operators;

        Mix(Operator... operators) {
            this.operators = operators;
        }

        private static Operator[] operatorsOfArity() {
            List<Operator> ops = new ArrayList<>();
            for (Operator op : Operator.values()) {
                if (op.arity() > 0) {
                    ops.add(op);
                }
            }
            return ops.toArray(Operator[]::new);
        }
    }

    private static final Mix[] MIXES = Mix.values();
    private static final double[] LITERALS = {0, 1, -1, 2, -2, 3, 0.5, 1.5, 4, 10};
    private static final String[] VARIABLES = {"x1", "x2", "x3", "x4"};

    private final int minSize;
    private final int maxSize;

    /** Expressions of {@code minSize..maxSize} prefix tokens (reused subtrees may add a few). */
    public RandomExpressions(int minSize, int maxSize) {
        if (minSize < 1 || maxSize < minSize) {
            throw new IllegalArgumentException("need 1 <= minSize <= maxSize, got " + minSize + ".." + maxSize);
        }
        this.minSize = minSize;
        this.maxSize = maxSize;
    }

    /** A generator seeded for expression number {@code seed}; cheap to create. */
    public static UniformRandomProvider rng(long seed) {
        return RandomSource.SPLIT_MIX_64.create(seed);
    }

    /** The expression of this seed: its mix, size and shape all follow from the seed. */
    public Expr generate(long seed) {
        return generate(rng(seed));
    }

    public Expr generate(UniformRandomProvider rng) {
        Mix mix = MIXES[rng.nextInt(MIXES.length)];
        int size = minSize + rng.nextInt(maxSize - minSize + 1);
        int variables = 1 + rng.nextInt(VARIABLES.length);
        return new Draw(rng, mix, variables).subtree(size);
    }

    /** One drawing: keeps earlier subtrees to reuse. */
    private static final class Draw {
        private final UniformRandomProvider rng;
        private final Mix mix;
        private final int variables;
        private final List<Expr> made = new ArrayList<>();

        Draw(UniformRandomProvider rng, Mix mix, int variables) {
            this.rng = rng;
            this.mix = mix;
            this.variables = variables;
        }

        /** A subtree of about {@code size} tokens; recursion depth is at most the size (a few dozen). */
        Expr subtree(int size) {
            if (size >= 2 && !made.isEmpty() && rng.nextInt(4) == 0) {
                Expr reused = made.get(rng.nextInt(made.size()));
                if (reused.size() <= size + 2) {
                    return reused;
                }
            }
            Expr.Builder b = Expr.builder();
            if (size <= 1) {
                leaf(b);
                return b.build();
            }
            Operator op = pick(size);
            b.operator(op);
            if (op.arity() == 1) {
                b.subtree(subtree(size - 1), 0);
            } else {
                int left = 1 + rng.nextInt(Math.max(1, size - 2));
                b.subtree(subtree(left), 0);
                b.subtree(subtree(Math.max(1, size - 1 - left)), 0);
            }
            Expr e = b.build();
            made.add(e);
            return e;
        }

        private Operator pick(int size) {
            Operator[] ops = mix.operators;
            for (int tries = 0; tries < 8; tries++) {
                Operator op = ops[rng.nextInt(ops.length)];
                if (op.arity() == 1 || size >= 3) {
                    return op;
                }
            }
            return Operator.NEG;
        }

        private void leaf(Expr.Builder b) {
            int k = rng.nextInt(10);
            if (k < 6) {
                b.variable(VARIABLES[rng.nextInt(variables)]);
            } else if (k < 9) {
                b.number(LITERALS[rng.nextInt(LITERALS.length)]);
            } else {
                b.operator(rng.nextBoolean() ? Operator.PI : Operator.EULER);
            }
        }
    }
}
