package dev.simplij.simplify;

import dev.simplij.expr.Operator;

/**
 * Read-only questions about {@code + - neg} chains (sums) and {@code * / inv powK} chains
 * (products) in a {@link TermStore}, asked by {@link LikeTerms} before it builds anything: how
 * many terms of a sum carry no coefficient, whether two terms share a factor or are powers of one
 * base. Scans are bounded; nothing is built.
 */
final class ChainShapes {
    /** Factors of a product tried as a common factor of a sum. */
    static final int MAX_FACTOR_CANDIDATES = 4;
    /** Links of a product chain searched for a common factor (x1 is 4 links deep in x1*x2*x3*x4*x5). */
    static final int MAX_FACTOR_DEPTH = 6;

    private final TermStore s;
    /** Scratch stack of the chain scans, bounded. */
    private final int[] scan = new int[64];
    private final int[] factorCandidates = new int[MAX_FACTOR_CANDIDATES];
    /** The terms of the sum {@link #expandablePower} looks at (one more slot: the term that makes too many). */
    private final int[] sumTerms = new int[MAX_EXPANDED_TERMS + 1];

    ChainShapes(TermStore s) {
        this.s = s;
    }

    /**
     * Terms of a {@code + - neg} chain with no literal coefficient, counted up to {@code limit}: a
     * coefficient multiplied into the chain lengthens each of them by two tokens.
     */
    int bareTerms(int x, int limit) {
        return countTerms(x, limit, true, null);
    }

    /** Terms of a {@code + - neg} chain, counted up to {@code limit}. */
    int terms(int x, int limit) {
        return countTerms(x, limit, false, null);
    }

    /** Counts up to {@code limit} terms; when {@code out} is given, stores each, its literal coefficient taken off. */
    private int countTerms(int x, int limit, boolean bareOnly, int[] out) {
        int count = 0;
        int[] stack = scan;
        int top = 0;
        stack[top++] = x;
        while (top > 0 && count < limit) {
            int y = stack[--top];
            Operator op = s.operator(y);
            if ((op == Operator.ADD || op == Operator.SUB) && top + 2 <= stack.length) {
                stack[top++] = s.first(y);
                stack[top++] = s.second(y);
            } else if (op == Operator.NEG) {
                stack[top++] = s.first(y);
            } else if (!bareOnly || (!s.isNumber(y) && !(op == Operator.MUL && s.isNumber(s.first(y))))) {
                if (out != null) {
                    out[count] = op == Operator.MUL && s.isNumber(s.first(y)) ? s.second(y) : y;
                }
                count++;
            }
        }
        return count;
    }

    private final int[] divisorScan = new int[MAX_SHORT_SUM];
    private static final int MAX_SHORT_SUM = 4;

    /**
     * Whether some term of the short sum x (at most four terms) divides by f ({@code inv f} or
     * {@code a/f}): then {@code f*x} multiplied out cancels that division, {@code x4*(x4 + 1/x4) -> x4**2 + 1}.
     */
    boolean hasTermOver(int x, int f) {
        int count = countTerms(x, MAX_SHORT_SUM + 1, false, null);
        if (count > MAX_SHORT_SUM) {
            return false;
        }
        countTerms(x, MAX_SHORT_SUM, false, divisorScan);
        for (int i = 0; i < count; i++) {
            int t = divisorScan[i];
            if ((s.is(t, Operator.INV) && s.first(t) == f) || (s.is(t, Operator.DIV) && s.second(t) == f)) {
                return true;
            }
        }
        return false;
    }

    /** Whether {@code LikeTerms}' structural division finds f in x (builds nothing). */
    boolean removable(int x, int f, int level) {
        if (x == f) {
            return true;
        }
        Operator op = s.operator(x);
        if (op == null || level > MAX_FACTOR_DEPTH) {
            return false;
        }
        return switch (op) {
            case MUL -> removable(s.first(x), f, level + 1) || removable(s.second(x), f, level + 1);
            case DIV, NEG -> removable(s.first(x), f, level + 1);
            case POW2, POW3, POW4, POW5 -> s.first(x) == f;
            default -> false;
        };
    }

    /** The factors of a product term x (operands of its {@code *} chain, its numerator's), at most a few. */
    int factorsOf(int x, int[] out, int count, int level) {
        if (count == out.length) {
            return count;
        }
        Operator op = s.operator(x);
        if (level < MAX_FACTOR_DEPTH && op == Operator.MUL) {
            count = factorsOf(s.first(x), out, count, level + 1);
            return factorsOf(s.second(x), out, count, level + 1);
        }
        if (level < MAX_FACTOR_DEPTH && op == Operator.DIV) {
            return factorsOf(s.first(x), out, count, level + 1);
        }
        if (op != null && op.integerPower() >= 2) {
            x = s.first(x);
        }
        if (s.isNumber(x) || s.hasConstant(x)) {
            return count; // each <constant> is its own unknown: two of them are never one common factor
        }
        out[count] = x;
        return count + 1;
    }

    /** Whether the products a and b have a common factor that collecting their sum may take out. */
    boolean shareFactor(int a, int b) {
        if (s.hasConstant(a) || s.hasConstant(b)) {
            return false;
        }
        int count = factorsOf(a, factorCandidates, 0, 0);
        for (int k = 0; k < count; k++) {
            if (removable(b, factorCandidates[k], 0)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The other factor of a product of two factors of which exactly one is a sum ({@code x} of
     * {@code x*(a + b)}), or NONE: the shape a sum's common factor leaves when it is taken out.
     */
    int factorBesideSum(int x) {
        if (!s.is(x, Operator.MUL) || s.hasConstant(x) || isSum(s.first(x)) == isSum(s.second(x))) {
            return TermStore.NONE;
        }
        return isSum(s.first(x)) ? s.second(x) : s.first(x);
    }

    /**
     * Whether a term of {@code terms[0..count)} is {@code x*S} (S a sum) with x a factor of another
     * term too: multiplying S out may then cancel, {@code x + (-1 - y)*x -> -(y*x)}.
     */
    boolean factorBesideSumShared(int[] terms, int count) {
        for (int i = 0; i < count; i++) {
            int f = factorBesideSum(terms[i]);
            if (f != TermStore.NONE && sharedFactor(terms, count, i, f)) {
                return true;
            }
        }
        return false;
    }

    /** Whether f can be taken out of a term of {@code terms[0..count)} other than the i-th. */
    boolean sharedFactor(int[] terms, int count, int i, int f) {
        for (int j = 0; j < count; j++) {
            if (j != i && !s.hasConstant(terms[j]) && removable(terms[j], f, 0)) {
                return true;
            }
        }
        return false;
    }

    /** Terms of a sum whose square or cube is multiplied out; more would multiply too many out. */
    static final int MAX_EXPANDED_TERMS = 3;

    /**
     * Whether the i-th of {@code terms[0..count)} is {@code S**k} (k = 2 or 3) for a sum S of a few
     * terms, and another of the terms is a product of k of S's terms (or fewer, when one of them is
     * a literal), like one of the products that multiplying the power out gives: they may then cancel,
     * {@code (x + y)**2 - x**2 - 2*x*y -> y**2}.
     */
    boolean expandablePower(int[] terms, int count, int i) {
        int x = terms[i];
        Operator op = s.operator(x);
        int k = op == null ? 0 : op.integerPower();
        if (k != 2 && k != 3) {
            return false;
        }
        int sum = s.first(x);
        int termCount = isSum(sum) && !s.hasConstant(sum) ? termsOf(sum) : -1;
        if (termCount < 0) {
            return false;
        }
        boolean literalTerm = false;
        for (int t = 0; t < termCount; t++) {
            literalTerm |= s.isNumber(sumTerms[t]);
        }
        for (int j = 0; j < count; j++) {
            int degree = j == i ? 0 : degreeOver(terms[j], termCount, 0);
            if (degree == k || (degree > 0 && degree < k && literalTerm)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Puts the terms of a sum, literal coefficients taken off, in {@link #sumTerms}; returns how many,
     * or -1 when there are more than MAX_EXPANDED_TERMS.
     */
    private int termsOf(int sum) {
        int count = countTerms(sum, MAX_EXPANDED_TERMS + 1, false, sumTerms);
        return count > MAX_EXPANDED_TERMS ? -1 : count;
    }

    /**
     * The degree of x as a product of the first {@code termCount} of {@link #sumTerms} ({@code x1**2}
     * and {@code x1*x2} have degree 2 over x1 + x2), or -1 when x has another factor.
     */
    private int degreeOver(int x, int termCount, int level) {
        for (int t = 0; t < termCount; t++) {
            if (sumTerms[t] == x) {
                return 1;
            }
        }
        Operator op = s.operator(x);
        if (op == null || level > 3) {
            return -1;
        }
        if (op == Operator.MUL) {
            int a = degreeOver(s.first(x), termCount, level + 1);
            int b = a < 0 ? -1 : degreeOver(s.second(x), termCount, level + 1);
            return b < 0 ? -1 : a + b;
        }
        if (op == Operator.POW2 || op == Operator.POW3) {
            int a = degreeOver(s.first(x), termCount, level + 1);
            return a < 0 ? -1 : a * op.integerPower();
        }
        return -1;
    }

    /** Whether a term of {@code terms[0..count)} is {@link #expandablePower}. */
    boolean anyExpandablePower(int[] terms, int count) {
        for (int i = 0; i < count; i++) {
            if (expandablePower(terms, count, i)) {
                return true;
            }
        }
        return false;
    }

    /** Whether a and b are powers that merge: both {@code exp}, or powers of one base, or a power of the other. */
    boolean mergeablePowers(int a, int b) {
        if (s.is(a, Operator.EXP) && s.is(b, Operator.EXP)) {
            return true;
        }
        boolean powerA = s.is(a, Operator.POW);
        boolean powerB = s.is(b, Operator.POW);
        int baseA = powerA ? s.first(a) : a;
        int baseB = powerB ? s.first(b) : b;
        // a power's base may itself be a power: x**x and (x**x)**y merge as well
        return (baseA == baseB && (powerA || powerB)) || (powerB && baseB == a) || (powerA && baseA == b);
    }

    /**
     * Whether x is a sum whose leftmost term is negated ({@code -a - b}): the only shape of a
     * collected sum whose negation ({@code a + b}) can be shorter. Follows first operands, bounded.
     */
    boolean negatedHead(int x) {
        if (!isSum(x)) {
            return false;
        }
        for (int level = 0; level < scan.length && isSum(x); level++) {
            x = s.first(x);
        }
        return s.is(x, Operator.NEG);
    }

    /**
     * Whether the negation of the sum x may be no longer than x: a {@code -} or {@code neg} link,
     * or a negative literal term, in its chain. Sums of positive terms only get longer negated.
     */
    boolean hasSubtraction(int x) {
        if (!isSum(x)) {
            return false;
        }
        int[] stack = scan;
        int top = 0;
        stack[top++] = x;
        while (top > 0) {
            int y = stack[--top];
            Operator op = s.operator(y);
            if (op == Operator.SUB || op == Operator.NEG || (s.isNumber(y) && s.numberValue(y) < 0)) {
                return true;
            }
            if (op == Operator.ADD && top + 2 <= stack.length) {
                stack[top++] = s.first(y);
                stack[top++] = s.second(y);
            } else if (op == Operator.MUL && s.isNumber(s.first(y)) && s.numberValue(s.first(y)) < 0) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether the product x ({@code * / inv} links, a few levels) has a {@code neg} factor or a sum
     * factor whose negation may be shorter ({@link #negatedHead}): then {@code -x} may be written
     * as short as x, or shorter.
     */
    boolean hasNegatableFactor(int x, int level) {
        if (s.is(x, Operator.NEG) || negatedHead(x)) {
            return level > 0;
        }
        Operator op = s.operator(x);
        if (op == null || level > 3) {
            return false;
        }
        return switch (op) {
            case MUL, DIV -> hasNegatableFactor(s.first(x), level + 1) || hasNegatableFactor(s.second(x), level + 1);
            case INV -> hasNegatableFactor(s.first(x), level + 1);
            default -> false;
        };
    }

    boolean isSum(int x) {
        return s.is(x, Operator.ADD) || s.is(x, Operator.SUB);
    }

    /**
     * Odd functions: {@code f(-x) = -f(x)} at every real x where either side is defined (the
     * domains are symmetric), so a sign inside moves out as a coefficient.
     */
    static boolean isOdd(Operator op) {
        return switch (op) {
            case POW3, POW5, POW1_3, POW1_5, SIN, TAN, ASIN, ATAN, SINH, TANH -> true;
            default -> false;
        };
    }

    /** Even functions: {@code f(-x) = f(x)}, so the argument's sign is free to choose. */
    static boolean isEven(Operator op) {
        return switch (op) {
            // not POW2, POW4: powers are products, where S**2 must still cancel against S
            case ABS, COS, COSH -> true;
            default -> false;
        };
    }

}
