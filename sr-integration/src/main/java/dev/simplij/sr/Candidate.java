package dev.simplij.sr;

import dev.simplij.expr.Expr;
import dev.simplij.expr.NodeKind;
import dev.simplij.expr.Operator;
import java.util.Arrays;

/**
 * An expression skeleton (free constants written {@code <constant>}) with one value per constant,
 * in prefix order. Every edit keeps the values aligned with their occurrences, so a subtree moved
 * by crossover carries its constants along.
 */
record Candidate(Expr skeleton, double[] constants) {
    Candidate {
        if (constants.length != skeleton.constantCount()) {
            throw new IllegalArgumentException("skeleton " + skeleton + " has " + skeleton.constantCount()
                    + " constants, got " + constants.length + " values");
        }
    }

    static Candidate variable(String name) {
        return new Candidate(Expr.builder().variable(name).build(), new double[0]);
    }

    static Candidate constant(double value) {
        return new Candidate(Expr.builder().constant().build(), new double[] {value});
    }

    /** {@code op(operands...)}. */
    static Candidate apply(Operator op, Candidate... operands) {
        Expr.Builder b = Expr.builder().operator(op);
        int count = 0;
        for (Candidate c : operands) {
            b.subtree(c.skeleton, 0);
            count += c.constants.length;
        }
        double[] values = new double[count];
        int at = 0;
        for (Candidate c : operands) {
            System.arraycopy(c.constants, 0, values, at, c.constants.length);
            at += c.constants.length;
        }
        return new Candidate(b.build(), values);
    }

    int size() {
        return skeleton.size();
    }

    /** Number of {@code <constant>} occurrences before node {@code node}. */
    int constantsBefore(int node) {
        int count = 0;
        for (int i = 0; i < node; i++) {
            if (skeleton.kind(i) == NodeKind.CONSTANT) {
                count++;
            }
        }
        return count;
    }

    /** The subtree at {@code node} with its constants. */
    Candidate subtree(int node) {
        Expr sub = skeleton.subtree(node);
        int from = constantsBefore(node);
        return new Candidate(sub, Arrays.copyOfRange(constants, from, from + sub.constantCount()));
    }

    /** This candidate with the subtree at {@code node} replaced by {@code replacement}. */
    Candidate replace(int node, Candidate replacement) {
        Expr.Builder b = Expr.builder();
        for (int i = 0; i < node; i++) {
            copyToken(b, skeleton, i);
        }
        b.subtree(replacement.skeleton, 0);
        int end = skeleton.end(node);
        for (int i = end; i < skeleton.size(); i++) {
            copyToken(b, skeleton, i);
        }
        int before = constantsBefore(node);
        int removed = skeleton.subtree(node).constantCount();
        double[] values = new double[constants.length - removed + replacement.constants.length];
        System.arraycopy(constants, 0, values, 0, before);
        System.arraycopy(replacement.constants, 0, values, before, replacement.constants.length);
        System.arraycopy(constants, before + removed, values, before + replacement.constants.length,
                constants.length - before - removed);
        return new Candidate(b.build(), values);
    }

    /** This candidate with the operator at {@code node} replaced by another of the same arity. */
    Candidate withOperator(int node, Operator op) {
        if (skeleton.arity(node) != op.arity()) {
            throw new IllegalArgumentException("arity of " + op + " differs from node " + node);
        }
        Expr.Builder b = Expr.builder();
        for (int i = 0; i < skeleton.size(); i++) {
            if (i == node) {
                b.operator(op);
            } else {
                copyToken(b, skeleton, i);
            }
        }
        return new Candidate(b.build(), constants);
    }

    /** The expression with each {@code <constant>} replaced by its value. */
    Expr concrete() {
        return substitute(skeleton, constants);
    }

    /** {@code skeleton} with its {@code <constant>} occurrences replaced by {@code values}, in order. */
    static Expr substitute(Expr skeleton, double[] values) {
        Expr.Builder b = Expr.builder();
        int k = 0;
        for (int i = 0; i < skeleton.size(); i++) {
            if (skeleton.kind(i) == NodeKind.CONSTANT) {
                b.number(values[k++]);
            } else {
                copyToken(b, skeleton, i);
            }
        }
        return b.build();
    }

    static void copyToken(Expr.Builder b, Expr e, int i) {
        switch (e.kind(i)) {
            case OPERATOR -> b.operator(e.operator(i));
            case VARIABLE -> b.variable(e.variable(i));
            case NUMBER -> b.number(e.number(i));
            case CONSTANT -> b.constant();
            case PLACEHOLDER -> b.placeholder(e.placeholder(i));
        }
    }

    @Override
    public String toString() {
        return skeleton + " " + Arrays.toString(constants);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Candidate c && skeleton.equals(c.skeleton) && Arrays.equals(constants, c.constants);
    }

    @Override
    public int hashCode() {
        return skeleton.hashCode() * 31 + Arrays.hashCode(constants);
    }
}
