package dev.simplij.expr;

/**
 * The total order SimpliJ uses wherever it must choose deterministically: shorter subtrees first,
 * then token by token in prefix order: numbers (by value), then {@code <constant>}, then operators
 * (in table order), then variables (by name), then placeholders (by number); so {@code 2*x}, not
 * {@code x*2}.
 * It orders commutative operands canonically and makes every rule strictly decreasing.
 */
public final class ExprOrder {
    private ExprOrder() {
    }

    /** Compares the subtree of {@code a} at {@code i} with the subtree of {@code b} at {@code j}. */
    public static int compare(Expr a, int i, Expr b, int j) {
        int lenA = a.end(i) - i;
        int lenB = b.end(j) - j;
        if (lenA != lenB) {
            return Integer.compare(lenA, lenB);
        }
        for (int k = 0; k < lenA; k++) {
            int c = compareToken(a, i + k, b, j + k);
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }

    public static int compare(Expr a, Expr b) {
        return compare(a, 0, b, 0);
    }

    /** Compares two single tokens. */
    public static int compareToken(Expr a, int i, Expr b, int j) {
        int codeA = a.code(i);
        int codeB = b.code(j);
        if (codeA != codeB) {
            return compareCodes(codeA, codeB);
        }
        return switch (a.kind(i)) {
            case VARIABLE -> a.variable(i).compareTo(b.variable(j));
            case NUMBER -> a.isDoubleLiteral(i) && b.isDoubleLiteral(j) ? Double.compare(a.number(i), b.number(j))
                    : a.exactNumber(i).compareTo(b.exactNumber(j));
            case PLACEHOLDER -> Integer.compare(a.placeholder(i), b.placeholder(j));
            default -> 0;
        };
    }

    /**
     * Order of two different token codes ({@link Expr#code}): numbers, {@code <constant>}, operators
     * in table order, variables, placeholders. Tokens with equal codes compare by payload value.
     */
    public static int compareCodes(int codeA, int codeB) {
        int rankA = rank(codeA);
        int rankB = rank(codeB);
        return rankA != rankB ? Integer.compare(rankA, rankB) : Integer.compare(codeA, codeB);
    }

    private static int rank(int code) {
        return switch (code) {
            case Expr.NUMBER -> 0;
            case Expr.CONSTANT -> 1;
            case Expr.VARIABLE -> 3;
            case Expr.PLACEHOLDER -> 4;
            default -> 2;
        };
    }
}
