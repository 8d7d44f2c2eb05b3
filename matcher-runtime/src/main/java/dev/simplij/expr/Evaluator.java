package dev.simplij.expr;

import java.util.Arrays;
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
     * path: each operator runs over a whole vector at once. A constant, a number or a subtree of
     * them stays one scalar (never a vector of equal values), a variable reads its column in place,
     * and an operator writes over an operand vector of its own when it has one.
     */
    public double[] evaluateColumns(double[][] columns, int rows, double[] constants) {
        checkArguments(columns.length, constants);
        return new ColumnStack(rows).run(columns, constants);
    }

    /**
     * The operand stack of {@link #evaluateColumns}: each entry a scalar, a caller's column (read
     * only) or a vector of its own (free to overwrite, then recycled).
     */
    private final class ColumnStack {
        private final int rows;
        /** The entry's vector, or null for a scalar. */
        private double[][] vectors = new double[Math.min(expr.size(), 64)][];
        private double[] scalars = new double[vectors.length];
        /** Whether the entry's vector is the evaluator's to overwrite (not a caller's column). */
        private boolean[] owned = new boolean[vectors.length];
        private int top;
        private double[][] spare = new double[4][];
        private int spareTop;

        ColumnStack(int rows) {
            this.rows = rows;
        }

        double[] run(double[][] columns, double[] constants) {
            for (int i = expr.size() - 1; i >= 0; i--) {
                switch (expr.kind(i)) {
                    case VARIABLE, PLACEHOLDER -> push(columns[slots[i]], false);
                    case CONSTANT -> pushScalar(constants[slots[i]]);
                    case NUMBER -> pushScalar(expr.number(i));
                    case OPERATOR -> apply(expr.operator(i));
                }
            }
            double[] result = vectors[0];
            if (result == null) {
                result = new double[rows];
                Arrays.fill(result, scalars[0]);
            } else if (!owned[0]) {
                result = new double[rows];
                System.arraycopy(vectors[0], 0, result, 0, rows);
            }
            return result;
        }

        private void apply(Operator op) {
            switch (op.arity()) {
                case 0 -> pushScalar(op.constantValue());
                case 1 -> {
                    int a = --top;
                    if (vectors[a] == null) {
                        pushScalar(op.apply(scalars[a]));
                    } else {
                        double[] out = output(a);
                        op.applyAll(vectors[a], out);
                        release(a);
                        push(out, true);
                    }
                }
                default -> {
                    int a = --top;
                    int b = --top;
                    double[] left = vectors[a];
                    double[] right = vectors[b];
                    if (left == null && right == null) {
                        pushScalar(op.apply(scalars[a], scalars[b]));
                        return;
                    }
                    double[] out = output(a, b);
                    if (right == null) {
                        op.applyAll(left, scalars[b], out);
                    } else if (left == null) {
                        op.applyAll(scalars[a], right, out);
                    } else {
                        op.applyAll(left, right, out);
                    }
                    release(a);
                    release(b);
                    push(out, true);
                }
            }
        }

        /**
         * Where an operator writes: over its operand's vector when owned (operators work element by
         * element, so in place is safe), else into a spare or new vector.
         */
        private double[] output(int a) {
            if (owned[a]) {
                owned[a] = false; // it becomes the result: not recycled
                return vectors[a];
            }
            return spareTop > 0 ? spare[--spareTop] : new double[rows];
        }

        private double[] output(int a, int b) {
            if (!owned[a] && owned[b]) {
                owned[b] = false;
                return vectors[b];
            }
            return output(a);
        }

        private void release(int entry) {
            if (owned[entry]) {
                if (spareTop == spare.length) {
                    spare = Arrays.copyOf(spare, spareTop * 2);
                }
                spare[spareTop++] = vectors[entry];
            }
        }

        private void pushScalar(double value) {
            push(null, false);
            scalars[top - 1] = value;
        }

        private void push(double[] vector, boolean own) {
            if (top == vectors.length) {
                int capacity = Math.max(4, top * 2);
                vectors = Arrays.copyOf(vectors, capacity);
                scalars = Arrays.copyOf(scalars, capacity);
                owned = Arrays.copyOf(owned, capacity);
            }
            vectors[top] = vector;
            owned[top] = own;
            top++;
        }
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
