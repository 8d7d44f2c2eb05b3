package dev.simplij.expr;

import java.util.List;

/**
 * Numeric evaluation of one expression, compiled once against a column order and reused; NaN marks
 * points where the expression is undefined on the reals. Variables and placeholders ({@code _0})
 * are read from the columns named after them; the {@code k}-th {@code <constant>} occurrence reads
 * {@code constants[k]}.
 *
 * <p>Immutable and thread-safe; evaluation is iterative, so any depth is fine.
 */
public final class Evaluator {
    private final Expr expr;
    private final int[] slots;
    private final int constantCount;
    private final int columnCount;

    private Evaluator(Expr expr, int[] slots, int constantCount, int columnCount) {
        this.expr = expr;
        this.slots = slots;
        this.constantCount = constantCount;
        this.columnCount = columnCount;
    }

    /**
     * Compiles {@code expr} for points whose coordinates are in the order of {@code columns}.
     *
     * @throws IllegalArgumentException naming a variable that is not among the columns
     */
    public static Evaluator compile(Expr expr, List<String> columns) {
        int n = expr.size();
        int[] slots = new int[n];
        int constants = 0;
        for (int i = 0; i < n; i++) {
            switch (expr.kind(i)) {
                case VARIABLE, PLACEHOLDER -> {
                    String name = expr.token(i);
                    int column = columns.indexOf(name);
                    if (column < 0) {
                        throw new IllegalArgumentException("variable '" + name + "' is not among the columns " + columns);
                    }
                    slots[i] = column;
                }
                case CONSTANT -> slots[i] = constants++;
                default -> slots[i] = -1;
            }
        }
        return new Evaluator(expr, slots, constants, columns.size());
    }

    public Expr expr() {
        return expr;
    }

    /** Number of {@code <constant>} values {@link #evaluate(double[], double[])} reads. */
    public int constantCount() {
        return constantCount;
    }

    /** The value at one point; NaN where undefined. */
    public double evaluate(double[] point) {
        return evaluate(point, new double[0]);
    }

    /** The value at one point with the given free-constant values. */
    public double evaluate(double[] point, double[] constants) {
        checkArguments(point.length, constants);
        int n = expr.size();
        double[] stack = new double[n];
        int top = 0;
        for (int i = n - 1; i >= 0; i--) {
            double v = switch (expr.kind(i)) {
                case VARIABLE, PLACEHOLDER -> point[slots[i]];
                case CONSTANT -> constants[slots[i]];
                case NUMBER -> expr.number(i);
                case OPERATOR -> {
                    Operator op = expr.operator(i);
                    yield switch (op.arity()) {
                        case 0 -> op.constantValue();
                        case 1 -> op.apply(stack[--top]);
                        default -> {
                            double left = stack[--top];
                            double right = stack[--top];
                            yield op.apply(left, right);
                        }
                    };
                }
            };
            stack[top++] = v;
        }
        return stack[0];
    }

    /** Values at many points given row by row: {@code points[row][column]}. */
    public double[] evaluate(double[][] points, double[] constants) {
        double[][] columns = new double[columnCount][points.length];
        for (int r = 0; r < points.length; r++) {
            if (points[r].length != columnCount) {
                throw new IllegalArgumentException("point " + r + " has " + points[r].length + " coordinates, expected "
                        + columnCount);
            }
            for (int c = 0; c < columnCount; c++) {
                columns[c][r] = points[r][c];
            }
        }
        return evaluateColumns(columns, points.length, constants);
    }

    /** Values at many points, row by row, with no free constants. */
    public double[] evaluate(double[][] points) {
        return evaluate(points, new double[0]);
    }

    /**
     * Values at {@code rows} points given column by column: {@code columns[column][row]}. The fast
     * path: each operator runs over a whole vector at once.
     */
    public double[] evaluateColumns(double[][] columns, int rows, double[] constants) {
        checkArguments(columns.length, constants);
        int n = expr.size();
        double[][] stack = new double[Math.min(n, 64)][];
        double[][] spare = new double[Math.min(n, 64)][];
        int spareTop = 0;
        int top = 0;
        for (int i = n - 1; i >= 0; i--) {
            double[] v = spareTop > 0 ? spare[--spareTop] : new double[rows];
            switch (expr.kind(i)) {
                case VARIABLE, PLACEHOLDER -> System.arraycopy(columns[slots[i]], 0, v, 0, rows);
                case CONSTANT -> java.util.Arrays.fill(v, constants[slots[i]]);
                case NUMBER -> java.util.Arrays.fill(v, expr.number(i));
                case OPERATOR -> {
                    Operator op = expr.operator(i);
                    switch (op.arity()) {
                        case 0 -> java.util.Arrays.fill(v, op.constantValue());
                        case 1 -> {
                            double[] a = stack[--top];
                            op.applyAll(a, v);
                            spare = release(spare, spareTop++, a);
                        }
                        default -> {
                            double[] a = stack[--top];
                            double[] b = stack[--top];
                            op.applyAll(a, b, v);
                            spare = release(spare, spareTop++, a);
                            spare = release(spare, spareTop++, b);
                        }
                    }
                }
            }
            if (top == stack.length) {
                stack = java.util.Arrays.copyOf(stack, top * 2);
            }
            stack[top++] = v;
        }
        return stack[0];
    }

    private static double[][] release(double[][] spare, int at, double[] buffer) {
        double[][] s = at == spare.length ? java.util.Arrays.copyOf(spare, at * 2 + 1) : spare;
        s[at] = buffer;
        return s;
    }

    private void checkArguments(int coordinates, double[] constants) {
        if (coordinates != columnCount) {
            throw new IllegalArgumentException("got " + coordinates + " coordinates, expected " + columnCount);
        }
        if (constants.length < constantCount) {
            throw new IllegalArgumentException("expression has " + constantCount + " free constants, got "
                    + constants.length + " values");
        }
    }
}
