package dev.simplij.rules;

import dev.simplij.expr.Expr;
import dev.simplij.expr.ExprOrder;
import dev.simplij.expr.NodeKind;
import dev.simplij.expr.ParseException;

import java.io.Serializable;
import java.util.BitSet;

/**
 * A rewrite rule {@code lhs -> rhs} over prefix tokens. Placeholders {@code _0 _1 ...} on the left
 * match any subtree (a placeholder used twice matches equal subtrees); a rule without placeholders
 * is ground and matches exactly.
 *
 * <p>Checked when built: every placeholder and variable on the right occurs on the left, the left side is not
 * a bare placeholder, and the rule strictly decreases in {@link ExprOrder} (shorter, or as long
 * and earlier), which is what makes rewriting with any set of rules terminate.
 */
public record Rule(Expr lhs, Expr rhs) implements Serializable {
    public static final String ARROW = "->";

    public Rule {
        String problem = problem(lhs, rhs);
        if (problem != null) {
            throw new IllegalArgumentException(problem + ": " + abbreviate(lhs + " -> " + rhs));
        }
    }

    /** Reads {@code lhs tokens -> rhs tokens}. */
    public static Rule parse(String line) {
        int arrow = line.indexOf(" " + ARROW + " ");
        if (arrow < 0) {
            throw new IllegalArgumentException("missing ' -> ' in rule '" + abbreviate(line) + "'");
        }
        Expr lhs;
        Expr rhs;
        try {
            lhs = Expr.parsePrefix(line.substring(0, arrow));
        } catch (ParseException e) {
            throw new IllegalArgumentException("left side: " + e.getMessage(), e);
        }
        try {
            rhs = Expr.parsePrefix(line.substring(arrow + ARROW.length() + 2));
        } catch (ParseException e) {
            throw new IllegalArgumentException("right side: " + e.getMessage(), e);
        }
        return new Rule(lhs, rhs);
    }

    private static String problem(Expr lhs, Expr rhs) {
        if (lhs.kind(0) == NodeKind.PLACEHOLDER) {
            return "left side is a bare placeholder";
        }
        BitSet bound = placeholders(lhs);
        BitSet used = placeholders(rhs);
        used.andNot(bound);
        if (!used.isEmpty()) {
            return "placeholder _" + used.nextSetBit(0) + " on the right is not bound on the left";
        }
        for (String variable : rhs.variables()) {
            if (!lhs.variables().contains(variable)) {
                return "'" + variable + "' on the right is not on the left (an unknown operator or constant?)";
            }
        }
        if (ExprOrder.compare(rhs, lhs) >= 0) {
            return "right side is not smaller than the left side";
        }
        return null;
    }

    /** Keeps messages about a hostile 10 MB rule line short. */
    private static String abbreviate(String text) {
        return text.length() <= 200 ? text : text.substring(0, 197) + "...";
    }

    private static BitSet placeholders(Expr e) {
        BitSet set = new BitSet();
        for (int i = 0; i < e.size(); i++) {
            if (e.kind(i) == NodeKind.PLACEHOLDER) {
                set.set(e.placeholder(i));
            }
        }
        return set;
    }

    public boolean isGround() {
        return lhs.placeholderCount() == 0;
    }

    @Override
    public String toString() {
        return lhs.toPrefix() + " " + ARROW + " " + rhs.toPrefix();
    }
}
