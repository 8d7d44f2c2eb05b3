package dev.simplij.sr;

import dev.simplij.expr.Expr;
import dev.simplij.expr.NodeKind;
import dev.simplij.expr.Operator;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Physical units of the columns, as PySR's {@code X_units} and {@code y_units}: each column's unit is
 * a product of powers of base symbols ({@code kg*m^2/s^2}); an expression is dimensionally consistent
 * when every sum adds like units, every function ({@code exp}, {@code sin}, ...) and exponent gets a
 * dimensionless argument, and the result has the target's unit. Free constants are dimensionless by
 * default; with {@code constantsCarryUnits} each may take whatever unit makes its place consistent
 * (PySR's {@code dimensionless_constants_only=False}). A column without a unit is dimensionless.
 * Immutable.
 */
public final class Units {
    /** The loss added to a dimensionally inconsistent candidate, in units of the constant model's loss (PySR's 1000). */
    public static final double DEFAULT_PENALTY = 1000;
    private static final double TOLERANCE = 1e-9;
    private static final Pattern FACTOR = Pattern.compile("([A-Za-z_][A-Za-z_0-9]*)(?:\\^(-?\\d+(?:\\.\\d+)?))?");

    private final List<String> bases;
    private final Map<String, double[]> columns;
    private final double[] target;
    private final boolean constantsCarryUnits;

    private Units(List<String> bases, Map<String, double[]> columns, double[] target, boolean constantsCarryUnits) {
        this.bases = bases;
        this.columns = columns;
        this.target = target;
        this.constantsCarryUnits = constantsCarryUnits;
    }

    /**
     * Units written {@code column=unit} and comma-separated, the target's among them:
     * {@code "m=kg,v=m/s,E=kg*m^2/s^2"}; a unit is base symbols with integer or decimal powers joined by
     * {@code *} and {@code /} ({@code 1} is dimensionless, {@code 1/m^3} is {@code m^-3}).
     *
     * @throws IllegalArgumentException naming the entry that is malformed or names no column
     */
    public static Units parse(String spec, List<String> inputs, String targetColumn, boolean constantsCarryUnits) {
        Map<String, Map<String, Double>> written = new HashMap<>();
        for (String entry : spec.split(",")) {
            String e = entry.trim();
            int eq = e.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("unit '" + e + "' is not column=unit (as v=m/s)");
            }
            String column = e.substring(0, eq).trim();
            if (!column.equals(targetColumn) && !inputs.contains(column)) {
                throw new IllegalArgumentException("unit '" + e + "': no column '" + column + "' among " + inputs
                        + " and the target " + targetColumn);
            }
            written.put(column, powers(e.substring(eq + 1).trim(), e));
        }
        List<String> bases = new ArrayList<>(new TreeSet<>(written.values().stream().flatMap(m -> m.keySet().stream()).toList()));
        Map<String, double[]> columns = new HashMap<>();
        written.forEach((column, powers) -> columns.put(column, vector(powers, bases)));
        double[] target = columns.getOrDefault(targetColumn, new double[bases.size()]);
        columns.remove(targetColumn);
        return new Units(List.copyOf(bases), Map.copyOf(columns), target, constantsCarryUnits);
    }

    private static Map<String, Double> powers(String unit, String entry) {
        Map<String, Double> powers = new HashMap<>();
        if (unit.equals("1")) {
            return powers;
        }
        // a leading 1/ inverts what follows, as in 1/m^3
        boolean reciprocal = unit.startsWith("1/");
        int sign = reciprocal ? -1 : 1;
        int at = reciprocal ? 2 : 0;
        if (at == unit.length()) {
            throw new IllegalArgumentException("unit '" + entry + "': no unit after '='" + (reciprocal ? " and 1/" : ""));
        }
        while (at < unit.length()) {
            Matcher m = FACTOR.matcher(unit);
            if (!m.find(at) || m.start() != at) {
                throw new IllegalArgumentException("unit '" + entry + "': cannot read '" + unit.substring(at) + "'");
            }
            double power = m.group(2) == null ? 1 : Double.parseDouble(m.group(2));
            powers.merge(m.group(1), sign * power, Double::sum);
            at = m.end();
            if (at < unit.length()) {
                char op = unit.charAt(at);
                if (op != '*' && op != '/') {
                    throw new IllegalArgumentException("unit '" + entry + "': expected * or / at '" + unit.substring(at) + "'");
                }
                sign = op == '/' ? -1 : 1;
                at++;
            }
        }
        return powers;
    }

    private static double[] vector(Map<String, Double> powers, List<String> bases) {
        double[] v = new double[bases.size()];
        powers.forEach((base, p) -> v[bases.indexOf(base)] = p);
        return v;
    }

    /** True when {@code e} (a skeleton or an expression with numbers) is dimensionally consistent. */
    public boolean consistent(Expr e) {
        double[] result = dimension(e, 0);
        return result != INVALID && (result == ANY || same(result, target));
    }

    /** A free constant whose unit adapts to its place. */
    private static final double[] ANY = new double[0];
    /** No unit: the subtree adds unlike units or feeds a unit to a function. */
    private static final double[] INVALID = new double[0];

    private double[] dimension(Expr e, int node) {
        NodeKind kind = e.kind(node);
        if (kind == NodeKind.VARIABLE) {
            return columns.getOrDefault(e.variable(node), dimensionless());
        }
        if (kind == NodeKind.CONSTANT) {
            return constantsCarryUnits ? ANY : dimensionless();
        }
        if (kind != NodeKind.OPERATOR || e.arity(node) == 0) {
            return dimensionless();
        }
        Operator op = e.operator(node);
        double[] a = dimension(e, e.child(node, 0));
        if (a == INVALID) {
            return INVALID;
        }
        if (op.arity() == 2) {
            double[] b = dimension(e, e.child(node, 1));
            if (b == INVALID) {
                return INVALID;
            }
            return switch (op) {
                case ADD, SUB -> a == ANY ? b : b == ANY || same(a, b) ? a : INVALID;
                case MUL -> a == ANY || b == ANY ? ANY : combine(a, b, 1);
                case DIV -> a == ANY || b == ANY ? ANY : combine(a, b, -1);
                case POW -> power(a, b, e, e.child(node, 1));
                default -> b == ANY || same(b, a) ? a : INVALID;
            };
        }
        return switch (op) {
            case NEG, ABS -> a;
            case INV -> a == ANY ? ANY : scale(a, -1);
            case POW2 -> scale(a, 2);
            case POW3 -> scale(a, 3);
            case POW4 -> scale(a, 4);
            case POW5 -> scale(a, 5);
            case POW1_2 -> scale(a, 0.5);
            case POW1_3 -> scale(a, 1.0 / 3);
            case POW1_4 -> scale(a, 0.25);
            case POW1_5 -> scale(a, 0.2);
            default -> a == ANY || same(a, dimensionless()) ? dimensionless() : INVALID;
        };
    }

    /** {@code a ** b}: a dimensionless exponent; a base with a unit needs a numeric exponent to scale it. */
    private double[] power(double[] a, double[] b, Expr e, int exponent) {
        if (b != ANY && !same(b, dimensionless())) {
            return INVALID;
        }
        if (a == ANY || same(a, dimensionless())) {
            return a;
        }
        return e.kind(exponent) == NodeKind.NUMBER ? scale(a, e.number(exponent)) : INVALID;
    }

    private double[] dimensionless() {
        return new double[bases.size()];
    }

    private static double[] scale(double[] a, double by) {
        if (a == ANY) {
            return ANY;
        }
        double[] r = a.clone();
        for (int i = 0; i < r.length; i++) {
            r[i] *= by;
        }
        return r;
    }

    private static double[] combine(double[] a, double[] b, int sign) {
        double[] r = a.clone();
        for (int i = 0; i < r.length; i++) {
            r[i] += sign * b[i];
        }
        return r;
    }

    private static boolean same(double[] a, double[] b) {
        if (a.length != b.length) {
            return false;
        }
        for (int i = 0; i < a.length; i++) {
            if (Math.abs(a[i] - b[i]) > TOLERANCE) {
                return false;
            }
        }
        return true;
    }
}
