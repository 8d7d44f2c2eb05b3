package dev.simplij.testing;

import dev.simplij.expr.Expr;
import dev.simplij.expr.Operator;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;

import java.util.List;

/** Seeded random expressions for property tests (Commons RNG; every failure message names the seed). */
public final class RandomExpressions {
    public static final List<String> VARIABLES = List.of("x1", "x2", "x3");
    private static final double[] LITERALS = {0, 1, 2, 3, -1, -2, 0.5, 2.5, 10};
    private static final Operator[] BINARY = {Operator.ADD, Operator.SUB, Operator.MUL, Operator.DIV, Operator.POW};
    private static final Operator[] UNARY = {Operator.NEG, Operator.INV, Operator.ABS, Operator.POW2, Operator.POW3,
            Operator.POW1_2, Operator.POW1_3, Operator.EXP, Operator.LOG, Operator.SIN, Operator.COS, Operator.TAN,
            Operator.ATAN, Operator.TANH, Operator.POW4, Operator.POW5, Operator.POW1_4, Operator.POW1_5, Operator.ASIN,
            Operator.ACOS, Operator.SINH, Operator.COSH};

    private final UniformRandomProvider rng;
    private final boolean allOperators;
    private final boolean constants;

    private RandomExpressions(long seed, boolean allOperators, boolean constants) {
        this.rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
        this.allOperators = allOperators;
        this.constants = constants;
    }

    /** Arithmetic-heavy expressions, where cancellations and folds happen often. */
    public static RandomExpressions arithmetic(long seed) {
        return new RandomExpressions(seed, false, false);
    }

    /** Every operator, pi and E, and {@code <constant>}: for notation round trips. */
    public static RandomExpressions anything(long seed) {
        return new RandomExpressions(seed, true, true);
    }

    public UniformRandomProvider rng() {
        return rng;
    }

    /** An expression of exactly {@code size} prefix tokens. */
    public Expr next(int size) {
        Expr.Builder b = Expr.builder();
        emit(b, size);
        return b.build();
    }

    private void emit(Expr.Builder b, int size) {
        if (size == 1) {
            leaf(b);
        } else if (size == 2 || rng.nextInt(3) == 0) {
            b.operator(unary());
            emit(b, size - 1);
        } else {
            b.operator(BINARY[rng.nextInt(allOperators ? BINARY.length : BINARY.length - 1)]);
            int left = 1 + rng.nextInt(size - 2);
            emit(b, left);
            emit(b, size - 1 - left);
        }
    }

    private Operator unary() {
        int choices = allOperators ? UNARY.length : 8;
        return UNARY[rng.nextInt(choices)];
    }

    private void leaf(Expr.Builder b) {
        int r = rng.nextInt(allOperators ? 12 : 10);
        if (r < 6) {
            b.variable(VARIABLES.get(rng.nextInt(VARIABLES.size())));
        } else if (r < 9) {
            b.number(LITERALS[rng.nextInt(LITERALS.length)]);
        } else if (r == 9) {
            b.number(allOperators ? Math.round(rng.nextDouble() * 2000 - 1000) / 100.0 : 1);
        } else if (r == 10) {
            b.operator(rng.nextBoolean() ? Operator.PI : Operator.EULER);
        } else if (constants) {
            b.constant();
        } else {
            b.number(4);
        }
    }

    /** A random point with coordinates in [-3, 3] for {@link #VARIABLES}. */
    public double[] point() {
        double[] p = new double[VARIABLES.size()];
        for (int i = 0; i < p.length; i++) {
            p[i] = rng.nextDouble() * 6 - 3;
        }
        return p;
    }

    /** Swaps the operands of random {@code +} and {@code *} nodes: an equal expression up to commutativity. */
    public Expr permuteCommutative(Expr e) {
        Expr.Builder b = Expr.builder();
        int[] stack = new int[e.size() + 1];
        int top = 0;
        stack[top++] = 0;
        while (top > 0) {
            int node = stack[--top];
            b.token(e, node);
            int arity = e.arity(node);
            if (arity == 2) {
                int first = node + 1;
                int second = e.end(first);
                boolean swap = e.operator(node).isCommutative() && rng.nextBoolean();
                stack[top++] = swap ? first : second;
                stack[top++] = swap ? second : first;
            } else if (arity == 1) {
                stack[top++] = node + 1;
            }
        }
        return b.build();
    }
}
