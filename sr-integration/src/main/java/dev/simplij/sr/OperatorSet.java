package dev.simplij.sr;

import dev.simplij.expr.Operator;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The operators a search may build with: any subset of the runtime's {@link Operator} table with
 * arity 1 or 2. Immutable.
 */
public final class OperatorSet {
    private final List<Operator> unary;
    private final List<Operator> binary;

    private OperatorSet(Set<Operator> operators) {
        List<Operator> u = new ArrayList<>();
        List<Operator> b = new ArrayList<>();
        for (Operator op : operators) {
            switch (op.arity()) {
                case 1 -> u.add(op);
                case 2 -> b.add(op);
                default -> throw new IllegalArgumentException("'" + op.token() + "' is a named constant, not an operator");
            }
        }
        if (b.isEmpty() && u.isEmpty()) {
            throw new IllegalArgumentException("the operator set is empty");
        }
        this.unary = List.copyOf(u);
        this.binary = List.copyOf(b);
    }

    public static OperatorSet of(Operator... operators) {
        return new OperatorSet(new LinkedHashSet<>(List.of(operators)));
    }

    /**
     * Parses tokens separated by commas or spaces, as the runtime's table or its aliases spell them:
     * {@code "+,-,*,/,sin,exp"}.
     *
     * @throws IllegalArgumentException naming an unknown token
     */
    public static OperatorSet parse(String tokens) {
        Set<Operator> ops = new LinkedHashSet<>();
        for (String t : tokens.trim().split("[,\\s]+")) {
            if (t.isEmpty()) {
                continue;
            }
            Operator op = Operator.byToken(t);
            if (op == null) {
                op = Operator.byToken(t.toLowerCase(java.util.Locale.ROOT));
            }
            if (op == null) {
                throw new IllegalArgumentException("unknown operator '" + t + "' in \"" + tokens + "\"");
            }
            ops.add(op);
        }
        return new OperatorSet(ops);
    }

    /** {@code + - * /}: PySR's default. */
    public static OperatorSet arithmetic() {
        return of(Operator.ADD, Operator.SUB, Operator.MUL, Operator.DIV);
    }

    public List<Operator> unary() {
        return unary;
    }

    public List<Operator> binary() {
        return binary;
    }

    /** The operators of one arity. */
    List<Operator> ofArity(int arity) {
        return arity == 1 ? unary : binary;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        for (Operator op : binary) {
            sb.append(sb.length() == 0 ? "" : ",").append(op.token());
        }
        for (Operator op : unary) {
            sb.append(sb.length() == 0 ? "" : ",").append(op.token());
        }
        return sb.toString();
    }
}
