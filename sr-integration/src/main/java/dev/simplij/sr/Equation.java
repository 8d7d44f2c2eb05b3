package dev.simplij.sr;

import dev.simplij.expr.Evaluator;
import dev.simplij.expr.Expr;
import dev.simplij.expr.LatexPrinter;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.List;

/**
 * One entry of a Pareto front: a canonical skeleton with its fitted constants, its complexity, its
 * loss on the data it was fitted to, and its score (the drop of log-loss per unit of complexity from
 * the previous, simpler entry of the front). Immutable.
 */
public final class Equation {
    private final Expr skeleton;
    private final double[] constants;
    private final List<String> names;
    private final int complexity;
    private final double loss;
    private final double score;
    private final Expr expression;

    Equation(Expr skeleton, double[] constants, List<String> names, int complexity, double loss, double score) {
        this.skeleton = skeleton;
        this.constants = constants.clone();
        this.names = List.copyOf(names);
        this.complexity = complexity;
        this.loss = loss;
        this.score = score;
        this.expression = Candidate.substitute(skeleton, this.constants);
    }

    Equation withScore(double newScore) {
        return new Equation(skeleton, constants, names, complexity, loss, newScore);
    }

    public int complexity() {
        return complexity;
    }

    public double loss() {
        return loss;
    }

    public double score() {
        return score;
    }

    /** The shape, free constants written {@code <constant>}: what "recovered up to constants" compares. */
    public Expr skeleton() {
        return skeleton;
    }

    /** The fitted constants, one per {@code <constant>} of the skeleton in prefix order. */
    public double[] constants() {
        return constants.clone();
    }

    /** The expression with the constants in place, at full precision. */
    public Expr expression() {
        return expression;
    }

    /** The data's column names, which the expression's variables are. */
    public List<String> variables() {
        return names;
    }

    /** SymPy syntax at full precision: {@code sympify} reads it to the same function. */
    public String sympy() {
        return expression.toInfix();
    }

    /** Infix for reading: SymPy syntax with the constants rounded to {@code digits} significant digits. */
    public String infix(int digits) {
        return Candidate.substitute(skeleton, round(constants, digits)).toInfix();
    }

    /** Infix for reading, constants to 6 significant digits. */
    public String infix() {
        return infix(6);
    }

    /** Prefix tokens at full precision. */
    public String prefix() {
        return expression.toPrefix();
    }

    /** LaTeX, constants to 4 significant digits. */
    public String latex() {
        return LatexPrinter.print(Candidate.substitute(skeleton, round(constants, 4)));
    }

    /** The expression compiled over the data's columns, in their order. */
    public Evaluator evaluator() {
        return Evaluator.compile(expression, names);
    }

    /** Predictions at points given row by row, columns in the data's order; NaN where undefined. */
    public double[] predict(double[][] x) {
        return evaluator().evaluate(x);
    }

    static double[] round(double[] values, int digits) {
        double[] r = new double[values.length];
        MathContext mc = new MathContext(digits);
        for (int i = 0; i < r.length; i++) {
            r[i] = new BigDecimal(values[i]).round(mc).doubleValue();
        }
        return r;
    }

    @Override
    public String toString() {
        return complexity + "  " + loss + "  " + infix();
    }
}
