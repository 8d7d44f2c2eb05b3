package dev.simplij.jmh;

import dev.simplij.expr.Expr;
import dev.simplij.expr.Operator;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;

/**
 * Seeded random expressions with an exact number of prefix tokens, in the style of Lample &amp;
 * Charton's sampler: the tree shape is drawn uniformly among all unary-binary trees of that many
 * nodes, then every node gets a label (binary operator, unary operator or leaf) drawn by weight.
 * Leaves are the variables {@code x1 x2 x3}, small integers, {@code 0.5} and {@code pi}.
 *
 * <p>Sampling is iterative (an explicit stack of pending subtree sizes), so 1,000-token trees are
 * as easy as 5-token ones. The same seed always gives the same expressions.
 */
public final class RandomExpressions {
    /** Default seed of every benchmark input, so runs on different machines see the same inputs. */
    public static final long DEFAULT_SEED = 20_250_901L;

    /** The variables the generator uses, in column order for an {@code Evaluator}. */
    public static final List<String> VARIABLES = List.of("x1", "x2", "x3");

    private static final Operator[] BINARY = {Operator.ADD, Operator.ADD, Operator.ADD, Operator.SUB, Operator.SUB,
        Operator.MUL, Operator.MUL, Operator.MUL, Operator.DIV, Operator.DIV, Operator.POW};
    private static final Operator[] UNARY = Arrays.stream(Operator.values())
            .filter(op -> op.arity() == 1)
            .toArray(Operator[]::new);
    private static final double[] INTEGERS = {-1, 1, 2, 3, 4, 5};

    private final UniformRandomProvider rng;
    /** shapes[n] = number of unary-binary trees with n nodes, divided by 3^n to stay finite. */
    private double[] shapes = {0, 1};

    public RandomExpressions(long seed) {
        this.rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
    }

    /** {@code count} expressions of exactly {@code tokens} prefix tokens each. */
    public static Expr[] pool(long seed, int count, int tokens) {
        RandomExpressions generator = new RandomExpressions(seed);
        Expr[] pool = new Expr[count];
        for (int i = 0; i < count; i++) {
            pool[i] = generator.next(tokens);
        }
        return pool;
    }

    /** One expression of exactly {@code tokens} prefix tokens. */
    public Expr next(int tokens) {
        if (tokens < 1) {
            throw new IllegalArgumentException("an expression has at least one token, asked for " + tokens);
        }
        ensureShapes(tokens);
        Expr.Builder builder = Expr.builder();
        int[] pending = new int[tokens];
        int top = 0;
        pending[top++] = tokens;
        while (top > 0) {
            int n = pending[--top];
            if (n == 1) {
                leaf(builder);
                continue;
            }
            // Pick the root's arity and the split in proportion to the number of trees each choice allows.
            double total = shapes[n] * 3;
            double r = rng.nextDouble() * total - shapes[n - 1];
            if (r < 0 || n == 2) {
                builder.operator(UNARY[rng.nextInt(UNARY.length)]);
                pending[top++] = n - 1;
                continue;
            }
            int left = 1;
            while (left < n - 2) {
                r -= shapes[left] * shapes[n - 1 - left];
                if (r < 0) {
                    break;
                }
                left++;
            }
            builder.operator(BINARY[rng.nextInt(BINARY.length)]);
            pending[top++] = n - 1 - left;
            pending[top++] = left;
        }
        return builder.build();
    }

    private void leaf(Expr.Builder builder) {
        int roll = rng.nextInt(20);
        if (roll < 12) {
            builder.variable(VARIABLES.get(rng.nextInt(VARIABLES.size())));
        } else if (roll < 18) {
            builder.number(INTEGERS[rng.nextInt(INTEGERS.length)]);
        } else if (roll < 19) {
            builder.number(0.5);
        } else {
            builder.operator(Operator.PI);
        }
    }

    /** Motzkin numbers M(n) / 3^n: M(n) = M(n-1) + sum over k of M(k) M(n-1-k). */
    private void ensureShapes(int n) {
        if (n < shapes.length) {
            return;
        }
        int from = shapes.length;
        shapes = Arrays.copyOf(shapes, n + 1);
        for (int m = from; m <= n; m++) {
            double sum = shapes[m - 1];
            for (int k = 1; k <= m - 2; k++) {
                sum += shapes[k] * shapes[m - 1 - k];
            }
            shapes[m] = sum / 3;
        }
    }

    /** {@code count} expressions with token counts drawn uniformly from {@code [minTokens, maxTokens]}. */
    public static List<Expr> mixed(long seed, int count, int minTokens, int maxTokens) {
        RandomExpressions generator = new RandomExpressions(seed);
        List<Expr> all = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            all.add(generator.next(minTokens + generator.rng.nextInt(maxTokens - minTokens + 1)));
        }
        return List.copyOf(all);
    }
}
