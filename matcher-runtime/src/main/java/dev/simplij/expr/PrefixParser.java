package dev.simplij.expr;

import java.math.BigDecimal;

/** Reads space-separated prefix tokens. Iterative: depth is limited only by memory. */
final class PrefixParser {
    private PrefixParser() {
    }

    static Expr parse(String text) {
        Expr.Builder builder = Expr.builder();
        int open = 1;
        int n = text.length();
        int i = 0;
        int tokenNumber = 0;
        String[] problem = new String[1];
        BigDecimal[] pooled = new BigDecimal[1];
        while (true) {
            while (i < n && Character.isWhitespace(text.charAt(i))) {
                i++;
            }
            if (i >= n) {
                break;
            }
            int start = i;
            while (i < n && !Character.isWhitespace(text.charAt(i))) {
                i++;
            }
            String token = text.substring(start, i);
            tokenNumber++;
            if (open == 0) {
                throw new ParseException("trailing token '" + Numbers.abbreviate(token) + "' (token " + tokenNumber
                        + ") after a complete expression", start);
            }
            open--;
            Operator op = Operator.byToken(token);
            if (op != null) {
                builder.operator(op);
                open += op.arity();
            } else if (token.equals(Expr.CONSTANT_TOKEN)) {
                builder.constant();
            } else if (Identifiers.isPlaceholder(token)) {
                builder.placeholder(Integer.parseInt(token.substring(1)));
            } else if (Numbers.looksNumeric(token)) {
                double value = Numbers.parse(token, problem, pooled);
                if (problem[0] != null) {
                    throw new ParseException(problem[0], start);
                }
                if (pooled[0] != null) {
                    builder.number(pooled[0]);
                } else {
                    builder.number(value);
                }
            } else {
                String why = Identifiers.variableNameProblem(token);
                if (why != null) {
                    throw new ParseException("unknown token '" + Numbers.abbreviate(token) + "' (token "
                            + tokenNumber + "): " + why, start);
                }
                builder.variable(token);
            }
        }
        if (tokenNumber == 0) {
            throw new ParseException("empty expression", 0);
        }
        if (open > 0) {
            throw new ParseException("incomplete expression: " + open + " more operand" + (open == 1 ? "" : "s")
                    + " expected (wrong arity?)", n);
        }
        return builder.build();
    }
}
