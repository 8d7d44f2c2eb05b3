package dev.simplij.reliability;

import dev.simplij.expr.Evaluator;
import dev.simplij.expr.Expr;
import dev.simplij.expr.ParseException;
import dev.simplij.rules.Rule;

import java.util.List;

/**
 * What must hold for any text given to the parsers: it is either refused with a
 * {@link ParseException} (or, for a rule line, an {@link IllegalArgumentException}) or it reads
 * to an expression that prints and reads back to the same tree in prefix, to the same value in
 * infix (whose text, once read back, prints as itself), and evaluates to a finite number or NaN. Any other outcome throws
 * {@link OracleViolation}, which the fuzzers count as a crash.
 */
public final class NotationOracle {
    /** Points at which printed infix must keep the value; include 0 and negatives for poles and roots. */
    private static final double[] COORDINATES = {0.0, 1.0, -1.0, 0.5, -2.5, 3.0, 1e-3, 7.25};
    /** Relative difference that regrouped rounding may make. */
    private static final double ROUNDING = 1e-9;

    private NotationOracle() {
    }

    /** A violated oracle: a crash as far as the fuzzers are concerned. */
    public static final class OracleViolation extends RuntimeException {
        private static final long serialVersionUID = 1L;

        OracleViolation(String message) {
            super(message);
        }
    }

    /** Which parser reads the text. */
    public enum Notation { INFIX, PREFIX, RULE }

    /** Checks one text; returns the parsed expression or null when it was refused cleanly. */
    public static Expr check(Notation notation, String text) {
        return switch (notation) {
            case INFIX -> checkInfix(text);
            case PREFIX -> checkPrefix(text);
            case RULE -> {
                checkRule(text);
                yield null;
            }
        };
    }

    static Expr checkInfix(String text) {
        Expr e;
        try {
            e = Expr.parseInfix(text);
        } catch (ParseException refused) {
            requireInside(refused, text);
            return null;
        }
        checkPrinted(e, text);
        // Printed infix is flat and reordered (it reads back to the same value, checked above), and once
        // read back its text is its own: printing depends on the terms and factors, not on their grouping.
        String printed = Expr.parseInfix(e.toInfix()).toInfix();
        String again = Expr.parseInfix(printed).toInfix();
        if (!again.equals(printed)) {
            throw new OracleViolation("printed infix is not a fixed point: '" + text + "' read as '" + e
                    + "', printed and read back as '" + printed + "', then as '" + again + "'");
        }
        return e;
    }

    static Expr checkPrefix(String text) {
        Expr e;
        try {
            e = Expr.parsePrefix(text);
        } catch (ParseException refused) {
            requireInside(refused, text);
            return null;
        }
        checkPrinted(e, text);
        return e;
    }

    static void checkRule(String line) {
        Rule rule;
        try {
            rule = Rule.parse(line);
        } catch (IllegalArgumentException refused) {
            return;
        }
        Rule again = Rule.parse(rule.toString());
        if (!again.equals(rule)) {
            throw new OracleViolation("rule did not read back: '" + line + "' -> '" + rule + "' -> '" + again + "'");
        }
    }

    private static void requireInside(ParseException e, String text) {
        if (e.position() < 0 || e.position() > text.length()) {
            throw new OracleViolation("position " + e.position() + " outside the text of length " + text.length()
                    + ": " + e.getMessage());
        }
        if (e.getMessage().length() > 1_000) {
            throw new OracleViolation("message of " + e.getMessage().length() + " characters for input of "
                    + text.length());
        }
    }

    /**
     * True when two evaluations of equal values agree: equal doubles, or equal up to the rounding
     * that regrouping a sum or product changes ({@code (a - b) - c} and {@code a - (b + c)}); where
     * the doubles disagree more, the exact (40-digit interval) values decide, and an expression with
     * free constants, which intervals do not take, must agree to 9 digits.
     */
    private static boolean sameValue(Expr e, Expr other, List<String> variables, double[] point, double a, double b) {
        if (a == b || Double.isNaN(a) && Double.isNaN(b)) {
            return true;
        }
        if (Math.abs(a - b) <= ROUNDING * Math.max(1, Math.max(Math.abs(a), Math.abs(b)))) {
            return true;
        }
        if (e.constantCount() > 0) {
            return false;
        }
        IntervalEvaluator.Interval x = IntervalEvaluator.evaluate(e, variables, point);
        IntervalEvaluator.Interval y = IntervalEvaluator.evaluate(other, variables, point);
        if (x.definedness() == IntervalEvaluator.Definedness.UNKNOWN
                || y.definedness() == IntervalEvaluator.Definedness.UNKNOWN) {
            return true; // too close to call in 40 digits
        }
        if (!x.certain() || !y.certain()) {
            return x.definedness() == y.definedness();
        }
        double scale = Math.max(Math.max(Math.abs(x.lo()), Math.abs(x.hi())), Math.max(Math.abs(y.lo()), Math.abs(y.hi())));
        return x.gap(y) <= ROUNDING * Math.max(1, scale);
    }

    /** Prefix round trip to the same tree, infix round trip to the same value, finite-or-NaN evaluation. */
    private static void checkPrinted(Expr e, String text) {
        Expr fromPrefix = Expr.parsePrefix(e.toPrefix());
        if (!fromPrefix.equals(e)) {
            throw new OracleViolation("prefix did not read back: '" + text + "' -> '" + e.toPrefix() + "' -> '"
                    + fromPrefix + "'");
        }
        if (e.placeholderCount() > 0) {
            return; // placeholders have no infix spelling
        }
        Expr fromInfix = Expr.parseInfix(e.toInfix());
        List<String> variables = e.variables();
        double[] constants = new double[e.constantCount()];
        java.util.Arrays.fill(constants, 1.5);
        Evaluator original = Evaluator.compile(e, variables);
        Evaluator reread = Evaluator.compile(fromInfix, variables);
        double[] point = new double[variables.size()];
        for (int k = 0; k < COORDINATES.length; k++) {
            for (int v = 0; v < point.length; v++) {
                point[v] = COORDINATES[(k + 3 * v) % COORDINATES.length];
            }
            double a = original.evaluate(point, constants);
            double b = reread.evaluate(point, constants);
            if (Double.isInfinite(a) || Double.isInfinite(b)) {
                throw new OracleViolation("evaluation gave an infinity for '" + e + "'");
            }
            if (!sameValue(e, fromInfix, variables, point, a, b)) {
                throw new OracleViolation("infix changed the value: '" + e + "' printed as '" + e.toInfix()
                        + "' read back as '" + fromInfix + "': " + a + " vs " + b + " at " + java.util.Arrays.toString(point));
            }
        }
    }
}
