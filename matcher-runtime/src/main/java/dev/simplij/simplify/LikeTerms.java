package dev.simplij.simplify;

import dev.simplij.expr.Operator;
import it.unimi.dsi.fastutil.ints.IntArrays;
import it.unimi.dsi.fastutil.ints.IntComparator;

import java.util.Arrays;

/**
 * Collection of like terms across {@code + - neg} chains and of like factors across
 * {@code * / inv powK} chains, modulo commutativity and associativity: the chain is flattened into
 * (term id, exact coefficient or exponent) pairs, equal terms (equal hash-consed ids) are combined,
 * and the chain is rebuilt in canonical order. The caller keeps the rebuild only when it is smaller
 * in ExprOrder than the chain it replaces.
 *
 * <p>Sums are rebuilt as {@code + C (+ + (- - P1 N1 N2) P2 P3)}: the constant first, then the
 * negative terms subtracted from the first positive term, then the other positive terms, each group
 * in canonical order: the smallest arrangement in ExprOrder for the given terms. Products are
 * rebuilt as {@code * K Q} with {@code Q} the positive powers, or {@code / N D}, or {@code inv D}.
 *
 * <p>In skeleton mode a {@code <constant>} anywhere in the constant part or in a coefficient makes
 * that part a single free {@code <constant>}.
 */
final class LikeTerms {
    /** Longer chains are left as they are (keeps the work per node bounded). */
    static final int MAX_ITEMS = 256;
    private static final long MAX_EXPONENT = 1 << 20;
    /** Sum factors a product's coefficient is tried on (each try builds the scaled sum). */
    private static final int MAX_DISTRIBUTIONS = 4;
    private static final Fraction TWO = Fraction.of(2);
    /**
     * Chains of at most this many items are reshaped beyond collection (common factors, multiplying
     * out, merged powers), and their inner links are collected rather than marked collected.
     */
    private static final int MAX_RESHAPED_ITEMS = 4;
    /** Bag applications compared at one chain, at most (the shortest result is kept). */
    private static final int MAX_BAG_APPLICATIONS_TRIED = 8;

    private final Normalizer n;
    private final TermStore s;
    private final boolean folding;
    private final boolean skeleton;
    private final ConstantFolder constants;
    private final ChainShapes shapes;
    /** The sum and product rules matched modulo AC against collected items; null when there are none. */
    private final BagRules bags;
    /**
     * The collection depth at which bag rules apply, or -1: only in {@link #withBagRules}, at the
     * chain it was given, never in the partial chains that a rebuild normalizes on the way.
     */
    private int bagsAtDepth = -1;

    private Collection[] pool = new Collection[4];
    private final IntComparator lexOrder;
    private int depth;

    LikeTerms(Normalizer n, boolean folding, boolean skeleton) {
        this.n = n;
        this.s = n.store;
        this.folding = folding;
        this.skeleton = skeleton;
        this.constants = new ConstantFolder(n);
        this.shapes = new ChainShapes(s);
        this.lexOrder = s::lexCompare;
        BagRules rules = n.config().bagRules();
        this.bags = folding && rules.size() > 0 ? rules : null;
    }

    /** A rebuilt chain for t (its root raw), or NONE when t is no chain or cannot be collected. */
    int collect(int t) {
        merged = false;
        if (s.collected(t)) {
            return TermStore.NONE;
        }
        Operator op = s.operator(t);
        boolean sum = isSumLink(op);
        if (!sum && !isProductLink(t, op)) {
            return folding && op.arity() == 1 ? signOfArgument(t, op) : TermStore.NONE;
        }
        if (sum ? plainSum(t, op) : plainProduct(t, op)) {
            if (!n.bagCandidateSeen() && mayHoldBag(t, sum)) {
                n.noteBagCandidate();
            }
            return TermStore.NONE;
        }
        return collectChain(t);
    }

    /**
     * The chain at t with one bag rule applied among all its items, collected again, when that has
     * fewer tokens; NONE otherwise. Only whole chains are offered: a rule applied to part of a
     * chain could use up items that the whole chain puts to better use, and which part a chain is
     * built from depends on how the input was written.
     */
    int withBagRules(int t) {
        Operator op = s.operator(t);
        if (bags == null || op == null || !(isSumLink(op) || isProductLink(t, op))) {
            return TermStore.NONE;
        }
        boolean sum = isSumLink(op);
        if (!mayHoldBag(t, sum)) {
            return TermStore.NONE;
        }
        if (chainBagMatcher == null) {
            chainBagMatcher = new BagMatcher(s, bags);
        }
        if (!chainBagMatcher.find(sum, bagTerms, bagWeights, bagFree, bagCount, bagConstant)) {
            return TermStore.NONE;
        }
        bagsAtDepth = depth + 1;
        try {
            int r = collectChain(t);
            return r != TermStore.NONE && s.size(r) < s.size(t) ? r : TermStore.NONE;
        } finally {
            bagsAtDepth = -1;
        }
    }

    private int[] bagTerms = new int[16];
    private Fraction[] bagWeights = new Fraction[16];
    private boolean[] bagFree = new boolean[16];
    private int bagCount;
    /** The constant term (sum) or coefficient (product) of the chain {@link #bagItems} read last. */
    private Fraction bagConstant;
    private BagMatcher chainBagMatcher;

    /**
     * The items of the normal chain t (its links read as {@link Collection} reads them: a normal
     * chain is collected, so its items are distinct and need no sorting) into {@link #bagTerms}
     * and {@link #bagWeights}; returns the constant term (sum) or coefficient (product), or null
     * for a chain with a free constant or a piece this reading does not take apart.
     */
    private Fraction bagItems(int t, boolean sum) {
        bagCount = 0;
        Fraction constant = sum ? Fraction.ZERO : Fraction.ONE;
        int[] stack = walkStack;
        Fraction[] weights = walkWeights;
        int top = 0;
        stack[top] = t;
        weights[top++] = Fraction.ONE;
        while (top > 0) {
            int x = stack[--top];
            Fraction w = weights[top];
            if (s.hasConstant(x) && !s.hasVariable(x)) {
                if (!sum) {
                    return null; // a free coefficient: products with one are left to the skeleton rules
                }
                continue; // a free constant term takes no part in a bag
            }
            Operator op = s.operator(x);
            if (top + 2 > stack.length) {
                stack = walkStack = Arrays.copyOf(stack, stack.length * 2);
                weights = walkWeights = Arrays.copyOf(weights, stack.length);
            }
            if (sum && (op == Operator.ADD || op == Operator.SUB)) {
                stack[top] = s.first(x);
                weights[top++] = w;
                stack[top] = s.second(x);
                weights[top++] = op == Operator.SUB ? w.negate() : w;
                continue;
            }
            if (sum && op == Operator.NEG || !sum && (op == Operator.INV || op == Operator.NEG)) {
                if (!sum && op == Operator.NEG) {
                    constant = constant.multiply(Fraction.MINUS_ONE.pow(w.num()));
                }
                stack[top] = s.first(x);
                weights[top++] = sum || op == Operator.NEG ? (sum ? w.negate() : w) : w.negate();
                continue;
            }
            if (!sum && (op == Operator.MUL || op == Operator.DIV)) {
                stack[top] = s.first(x);
                weights[top++] = w;
                stack[top] = s.second(x);
                weights[top++] = op == Operator.DIV ? w.negate() : w;
                continue;
            }
            if (!sum && op != null && op.integerPower() >= 2) {
                stack[top] = s.first(x);
                weights[top++] = w.multiply(Fraction.of(op.integerPower()));
                continue;
            }
            Fraction v = constants.value(x);
            if (v != null) {
                constant = sum ? constant.add(w.multiply(v)) : constant.multiply(v.pow(w.num()));
                continue;
            }
            if (sum && op == Operator.MUL) {
                int first = s.first(x);
                if (s.hasConstant(first) && !s.hasVariable(first)) {
                    continue; // an item with a free coefficient takes no part in a bag
                }
                Fraction k = constants.value(first);
                if (k != null) {
                    if (isSumLink(s.operator(s.second(x)))) {
                        return null; // k*(a + b) is taken apart by a collection, not here
                    }
                    addBagItem(s.second(x), w.multiply(k));
                    continue;
                }
            }
            addBagItem(x, w);
        }
        return constant;
    }

    private void addBagItem(int term, Fraction weight) {
        if (bagCount == bagTerms.length) {
            if (bagCount >= MAX_ITEMS) {
                throw new ArithmeticException("chain too long for bag rules");
            }
            bagTerms = Arrays.copyOf(bagTerms, bagCount * 2);
            bagWeights = Arrays.copyOf(bagWeights, bagCount * 2);
            bagFree = new boolean[bagCount * 2];
        }
        bagTerms[bagCount] = term;
        bagWeights[bagCount++] = weight;
    }

    private Fraction[] walkWeights = new Fraction[32];

    /**
     * Whether a bag rule could apply among the items of the chain at t, by the quick test of
     * {@link BagRules#mayMatch} on the items that {@link #withBagRules} would read: the same reading,
     * so the call is marked for the whole-chain pass exactly when the pass could find something.
     */
    private boolean mayHoldBag(int t, boolean sum) {
        if (bags == null) {
            return false;
        }
        try {
            bagConstant = bagItems(t, sum);
            return bagConstant != null && bags.mayMatch(sum, s, bagTerms, bagCount, bagConstant);
        } catch (ArithmeticException e) {
            return false;
        }
    }

    private int[] walkStack = new int[32];

    /** Whether the last {@link #collectChain} merged like items ({@code x + y + x}, {@code x*y*x}). */
    private boolean merged;

    /**
     * Whether the last {@link #collect} merged like items: its result is then the chain's one
     * canonical form even when it is no shorter ({@code x + y + x -> 2*x + y}).
     */
    boolean merged() {
        return merged;
    }

    /**
     * Whether t is a chain link that {@link #collect} returns as it is without collecting it, for
     * tests: collecting such a link must give t back, or nothing smaller.
     */
    boolean laidOutAsCollected(int t) {
        Operator op = s.operator(t);
        if (op == null) {
            return false;
        }
        boolean sum = isSumLink(op);
        return (sum || isProductLink(t, op)) && (sum ? plainSum(t, op) : plainProduct(t, op));
    }

    /** Collects the chain at t whatever its layout (see {@link #laidOutAsCollected}); NONE when not exact. */
    int collectChain(int t) {
        boolean sum = isSumLink(s.operator(t));
        Collection c = workArea();
        depth++;
        try {
            int r = sum ? c.sum(t, Fraction.ONE) : c.product(t);
            merged = c.merged;
            return r;
        } catch (ArithmeticException | ChainTooLong e) {
            return TermStore.NONE;
        } finally {
            depth--;
        }
    }

    private static boolean isSumLink(Operator op) {
        return op == Operator.ADD || op == Operator.SUB || op == Operator.NEG;
    }

    private boolean isProductLink(int t, Operator op) {
        return switch (op) {
            case MUL, DIV, INV, POW2, POW3, POW4, POW5 -> true;
            // x**6 is a power like x**2: its base gets the same sign handling
            case POW -> folding && s.isNumber(s.second(t)) && s.numberValue(s.second(t)) == Math.rint(s.numberValue(s.second(t)));
            default -> false;
        };
    }

    /**
     * The normal form of {@code k} times the sum {@code t}, its terms' coefficients scaled (so
     * {@code -1 * (a - b)} is {@code b - a}), or NONE when a coefficient has no exact literal.
     */
    private int scaledSum(int t, Fraction k) {
        Collection c = workArea();
        depth++;
        try {
            int r = c.sum(t, k);
            return r == TermStore.NONE ? r : n.normalize(r);
        } catch (ArithmeticException | ChainTooLong e) {
            return TermStore.NONE;
        } finally {
            depth--;
        }
    }

    /**
     * {@code f(S)} for a sum S with its sign chosen: for an even f, of whichever of S and -S is
     * smaller in ExprOrder ({@code cos(x2 - x1) -> cos(x1 - x2)}); for an odd f, {@code -f(-S)}
     * when -S is shorter ({@code sin(-x1 - x2) -> -sin(x1 + x2)}). NONE when nothing changes.
     */
    private int signOfArgument(int t, Operator op) {
        int argument = s.first(t);
        if (ChainShapes.isEven(op)) {
            int chosen = signChosen(argument);
            return chosen == argument ? TermStore.NONE : n.raw(op, chosen, TermStore.NONE);
        }
        if (!ChainShapes.isOdd(op)) {
            return TermStore.NONE;
        }
        int negated = shorterNegation(argument);
        return negated == TermStore.NONE ? negated : n.raw(Operator.NEG, n.make(op, negated, TermStore.NONE), TermStore.NONE);
    }

    /**
     * The smaller in ExprOrder of the sum S and its collected negation: the argument of an even
     * function, where both have one value. Only sums with a subtraction are tried (a sum
     * of positive terms is shorter than its negation).
     */
    private int signChosen(int sum) {
        if (!shapes.hasSubtraction(sum) || s.hasConstant(sum)) {
            return sum;
        }
        int negated = scaledSum(sum, Fraction.MINUS_ONE);
        return negated != TermStore.NONE && s.compare(negated, sum) < 0 ? negated : sum;
    }

    /**
     * The collected negation of the sum S when it has fewer tokens than S ({@code -a - b} gives
     * {@code a + b}), else NONE. Strictly fewer: a sign moved between equal-length arrangements
     * would make the result depend on how the input was written.
     */
    private int shorterNegation(int sum) {
        if (!shapes.negatedHead(sum) || s.hasConstant(sum)) {
            return TermStore.NONE;
        }
        int negated = scaledSum(sum, Fraction.MINUS_ONE);
        return negated != TermStore.NONE && s.size(negated) < s.size(sum) ? negated : TermStore.NONE;
    }

    /**
     * The normal form of a sum given as a chain whose links may be raw: collected and rebuilt in
     * canonical order, whatever order its terms were put together in. NONE when not exact.
     */
    private int canonicalSum(int chain) {
        if (!shapes.isSum(chain) && !s.is(chain, Operator.NEG)) {
            return chain;
        }
        return scaledSum(chain, Fraction.ONE);
    }

    /** Building a result normalizes its parts, which may collect other chains: one work area per level. */
    private Collection workArea() {
        if (depth == pool.length) {
            pool = Arrays.copyOf(pool, depth * 2);
        }
        Collection c = pool[depth];
        if (c == null) {
            c = pool[depth] = new Collection();
        }
        return c;
    }

    /**
     * True when collecting t would rebuild t itself (so the caller would keep t): a single link
     * whose operands are distinct and are items as they stand (no chain link, no constant, nothing
     * to absorb), operands of {@code +} and {@code *} already in canonical order.
     * Rebuilding such a link creates no new term, so skipping it changes nothing else either.
     */
    private boolean plainSum(int t, Operator op) {
        int a = s.first(t);
        if (op == Operator.NEG) {
            // a product may take the sign: -(x*(a - b)) is x*(b - a), -(x*sin(-y)) is x*sin(y)
            return plainSumItem(a) && !s.is(a, Operator.MUL) && !s.is(a, Operator.DIV);
        }
        int b = s.second(t);
        if (op == Operator.ADD && plainCoefficient(a, false)) {
            return plainSumItem(b) || canonicalSumChain(b, false); // + K x: the constant K, then x or a chain
        }
        return (a != b && plainSumItem(a) && plainSumItem(b) && (op == Operator.SUB || s.lexCompare(a, b) < 0)
                && !(folding && (shapes.shareFactor(a, b) || expandablePowerIn(a, b)))) || canonicalSumChain(t, true);
    }

    private final int[] pair = new int[2];

    /** Whether a + b is a sum whose collection multiplies out a power ({@link ChainShapes#expandablePower}). */
    private boolean expandablePowerIn(int a, int b) {
        pair[0] = a;
        pair[1] = b;
        return shapes.anyExpandablePower(pair, 2);
    }

    private boolean plainSumItem(int x) {
        int known = s.answer(x, TermStore.PLAIN_SUM_ITEM);
        return known >= 0 ? known == 1 : s.keepAnswer(x, TermStore.PLAIN_SUM_ITEM, isPlainSumItem(x));
    }

    private boolean isPlainSumItem(int x) {
        Operator op = s.operator(x);
        if (op == Operator.ADD || op == Operator.SUB || op == Operator.NEG) {
            return false;
        }
        if (s.hasConstant(x) || constantValued(x) || hasNegatedForm(op, x)) {
            return false;
        }
        return op != Operator.MUL || !constantValued(s.first(x));
    }

    private boolean plainProduct(int t, Operator op) {
        int a = s.first(t);
        if (op != Operator.MUL && op != Operator.DIV) {
            // inv, powK of one factor, x**k for k >= 6 (x**1 is x, x**0 is 1, x**-6 is 1/x**6)
            boolean respelled = op == Operator.POW && s.numberValue(s.second(t)) < 6;
            int base = op == Operator.INV ? factorBase(a) : TermStore.NONE;
            if (base != TermStore.NONE) {
                return !(folding && s.is(base, Operator.EXP)); // 1/exp(a) may be exp(-a)
            }
            // exp(a)**k may be exp(k*a): exp(-2)**2 is exp(-4)
            return plainFactor(a) && !respelled && !(folding && s.is(a, Operator.EXP));
        }
        int b = s.second(t);
        if (folding && mayMultiplyOut(t)) {
            return false; // (a + b)*(a - b), x*(x + 1/x) may multiply out shorter
        }
        if ((op == Operator.MUL || op == Operator.DIV) && plainCoefficient(a, true)) {
            // * K x, / K x: the coefficient K, then x or its inverse; K may go into a sum x
            return (plainFactor(b) && !shapes.isSum(b) && !dividesByExponential(op, b)) || canonicalProduct(t);
        }
        return (a != b && plainFactor(a) && plainFactor(b) && (op == Operator.DIV || s.lexCompare(a, b) < 0)
                && !(folding && shapes.mergeablePowers(a, b)) && !dividesByExponential(op, b)) || canonicalProduct(t);
    }

    private final int[] numeratorFactors = new int[MAX_RESHAPED_ITEMS + 2];

    /**
     * Whether the numerator of the product chain at t (a few links deep) has two sum factors, or a
     * sum factor with a term that divides by another factor: collection may multiply them out.
     */
    private boolean mayMultiplyOut(int t) {
        int count = 0;
        int x = t;
        for (int links = 0; links <= MAX_RESHAPED_ITEMS && (s.is(x, Operator.MUL) || s.is(x, Operator.DIV)); links++) {
            if (s.is(x, Operator.MUL)) {
                numeratorFactors[count++] = s.second(x);
            }
            x = s.first(x);
        }
        numeratorFactors[count++] = x;
        int sums = 0;
        for (int i = 0; i < count; i++) {
            if (!shapes.isSum(numeratorFactors[i])) {
                continue;
            }
            sums++;
            for (int j = 0; j < count; j++) {
                if (j != i && shapes.hasTermOver(numeratorFactors[i], numeratorFactors[j])) {
                    return true;
                }
            }
        }
        return sums >= 2;
    }

    /** Whether the link is {@code / a exp(z)}, which may be {@code a*exp(-z)}. */
    private boolean dividesByExponential(Operator op, int b) {
        return op == Operator.DIV && s.is(b, Operator.EXP);
    }

    /** Chains longer than this are not checked item by item; they take the collection's path. */
    private static final int MAX_CHECKED_ITEMS = 16;
    /** The pieces of the chain being checked (as written) and their terms (coefficients taken off). */
    private final int[] chainPieces = new int[MAX_CHECKED_ITEMS];
    private final int[] chainTerms = new int[MAX_CHECKED_ITEMS];
    private final boolean[] chainNegated = new boolean[MAX_CHECKED_ITEMS];

    /*
     * The canonical-chain checks below answer "would collecting t rebuild t itself?" without
     * flattening and rebuilding it. Each mirrors the layout the rebuild writes, and every reshaping
     * the collection tries on a chain that short (factoring, multiplying out, merging powers), so
     * that a true answer is exact: t's links are normal already (a normal term's operands are
     * normal), so the rebuild would create no new term, and skipping it changes nothing. Walking a
     * chain costs a fraction of collecting it, which most chains of an input would pay for nothing.
     */

    /**
     * True when t is a {@code + -} chain laid out as the sum rebuild lays it out: no constant and
     * {@code P1 - N1 - N2 + P2 + P3}, or (when {@code constantFirst}) {@code C - N1 - N2}; each
     * group in strictly increasing canonical order; pieces plain terms or {@code * K term} for a
     * positive literal K; no term twice; for a chain short enough to be factored, no factor shared.
     */
    private boolean canonicalSumChain(int t, boolean constantFirst) {
        int count = 0;
        int x = t;
        boolean minusSeen = false;
        while (shapes.isSum(x)) {
            if (count == MAX_CHECKED_ITEMS - 1) {
                return false;
            }
            boolean minus = s.is(x, Operator.SUB);
            if (minusSeen && !minus) {
                return false; // from the root inward: the added pieces, then the subtracted ones
            }
            minusSeen = minus;
            int piece = s.second(x);
            int term = pieceTerm(piece);
            // outer pieces come later in canonical order: each one above the one below it in its group
            if (term == TermStore.NONE
                    || (count > 0 && chainNegated[count - 1] == minus && s.lexCompare(piece, chainPieces[count - 1]) >= 0)) {
                return false;
            }
            chainPieces[count] = piece;
            chainTerms[count] = term;
            chainNegated[count] = minus;
            count++;
            x = s.first(x);
        }
        int positives = count;
        while (positives > 0 && chainNegated[positives - 1]) {
            positives--;
        }
        if (constantFirst && plainCoefficient(x, false)) {
            // C - N1 - N2: the layout of a constant with subtracted terms only
            return positives == 0 && count > 0 && distinctTerms(count)
                    && !(folding && count <= MAX_RESHAPED_ITEMS && shapes.anyExpandablePower(chainTerms, count));
        }
        int head = pieceTerm(x);
        if (head == TermStore.NONE || (positives > 0 && s.lexCompare(x, chainPieces[positives - 1]) >= 0)) {
            return false; // the first piece is the smallest positive one
        }
        chainPieces[count] = x;
        chainTerms[count] = head;
        chainNegated[count] = false;
        count++;
        if (!distinctTerms(count)) {
            return false;
        }
        if (folding && count >= 2 && count <= MAX_RESHAPED_ITEMS) {
            // factoring tries the factors of the smallest term on the others
            int smallest = 0;
            for (int i = 1; i < count; i++) {
                if (s.lexCompare(chainTerms[i], chainTerms[smallest]) < 0) {
                    smallest = i;
                }
            }
            return !shapes.shareFactor(chainTerms[smallest], chainTerms[smallest == 0 ? 1 : 0])
                    && !shapes.factorBesideSumShared(chainTerms, count) && !shapes.anyExpandablePower(chainTerms, count);
        }
        return true;
    }

    /** The term of a plain sum piece: x itself, or y for {@code * K y} with a positive literal K; else NONE. */
    private int pieceTerm(int x) {
        if (plainSumItem(x)) {
            return x;
        }
        if (s.is(x, Operator.MUL) && plainCoefficient(s.first(x), true) && s.numberValue(s.first(x)) > 0
                && plainSumItem(s.second(x))) {
            return s.second(x);
        }
        return TermStore.NONE;
    }

    private boolean distinctTerms(int count) {
        for (int i = 0; i < count; i++) {
            for (int j = i + 1; j < count; j++) {
                if (chainTerms[i] == chainTerms[j]) {
                    return false; // x - x, x + 2*x, x/x: equal terms combine
                }
            }
        }
        return true;
    }

    /**
     * True when t is a product laid out as the product rebuild lays it out: {@code Q}, {@code / Q R}
     * or {@code / K R}, {@code * K Q} or {@code * K (/ Q R)}, with Q and R left-nested {@code *}
     * chains (or single factors) of strictly increasing factors, each plain or a {@code powK} of a
     * plain base, K a literal other than 0 and -1 and 1, no base twice, beside K no sum factor that
     * multiplying out could shorten, and for a chain short enough to merge powers no two powers of
     * one base and no exponential divided by.
     */
    private boolean canonicalProduct(int t) {
        int x = t;
        boolean coefficient = false;
        if (s.is(x, Operator.MUL) && plainCoefficient(s.first(x), true)) {
            coefficient = true;
            x = s.second(x);
        }
        int count;
        int numerators;
        if (s.is(x, Operator.DIV)) {
            int numerator = s.first(x);
            if (plainCoefficient(numerator, true) && !coefficient) {
                coefficient = true;
                numerators = 0;
            } else {
                numerators = factorChain(numerator, 0);
            }
            count = numerators < 0 ? numerators : factorChain(s.second(x), numerators);
        } else {
            count = numerators = factorChain(x, 0);
        }
        if (count < 0) {
            return false;
        }
        if (!distinctTerms(count)) {
            return false;
        }
        boolean reshaped = folding && count <= MAX_RESHAPED_ITEMS;
        for (int i = 0; i < count; i++) {
            // the coefficient is tried on a sum factor of exponent 1 with at most one bare term
            if (coefficient && chainPieces[i] == chainTerms[i] && shapes.isSum(chainTerms[i])
                    && shapes.bareTerms(chainTerms[i], 2) <= 1) {
                return false;
            }
            if (reshaped && i >= numerators && s.is(chainTerms[i], Operator.EXP)) {
                return false; // 1/exp(a) may be exp(-a)
            }
            for (int j = i + 1; reshaped && j < count; j++) {
                if (shapes.mergeablePowers(chainTerms[i], chainTerms[j])) {
                    return false;
                }
            }
        }
        return true;
    }

    /**
     * Appends the factors of a canonical left-nested {@code *} chain (or one factor) from
     * {@code from}: each factor to {@link #chainPieces}, its base to {@link #chainTerms}; the new
     * count, or -1 when x is no such chain.
     */
    private int factorChain(int x, int from) {
        int count = from;
        while (s.is(x, Operator.MUL)) {
            if (count == MAX_CHECKED_ITEMS - 1 || !chainFactor(s.second(x), count, from)) {
                return -1;
            }
            count++;
            x = s.first(x);
        }
        if (count == MAX_CHECKED_ITEMS || !chainFactor(x, count, from)) {
            return -1;
        }
        return count + 1;
    }

    /**
     * Records {@code factor} at place {@code count} of a chain checked from {@code from}, when it is
     * a factor that collection writes back as it is and comes before the factor recorded last
     * (chains are walked from their last factor).
     */
    private boolean chainFactor(int factor, int count, int from) {
        int base = factorBase(factor);
        if (base == TermStore.NONE || (count > from && s.lexCompare(factor, chainPieces[count - 1]) >= 0)) {
            return false;
        }
        chainPieces[count] = factor;
        chainTerms[count] = base;
        return true;
    }

    /**
     * The base of a factor that collection writes back as it is: a plain factor itself, or b for
     * {@code powK b} with a plain b other than {@code exp(a)} ({@code exp(a)**k} may be
     * {@code exp(k*a)}); else NONE.
     */
    private int factorBase(int x) {
        if (plainFactor(x)) {
            return x;
        }
        Operator op = s.operator(x);
        if (op != null && op.integerPower() >= 2) {
            int base = s.first(x);
            if (plainFactor(base) && !s.is(base, Operator.EXP)) {
                return base;
            }
        }
        return TermStore.NONE;
    }

    private boolean plainFactor(int x) {
        int known = s.answer(x, TermStore.PLAIN_FACTOR);
        return known >= 0 ? known == 1 : s.keepAnswer(x, TermStore.PLAIN_FACTOR, isPlainFactor(x));
    }

    private boolean isPlainFactor(int x) {
        Operator op = s.operator(x);
        if (op != null) {
            switch (op) {
                case MUL, DIV, INV, POW2, POW3, POW4, POW5, NEG -> {
                    return false;
                }
                case ADD, SUB -> {
                    if (folding && (s.first(x) == s.second(x) || shapes.negatedHead(x))) {
                        return false; // y + y is 2*y; -a - b may give its sign out
                    }
                }
                case POW -> {
                    if (constantValued(s.second(x))) {
                        return false; // an exponent collection may read
                    }
                }
                default -> {
                }
            }
        }
        return !s.hasConstant(x) && !constantValued(x) && !oddOfNegated(op, x);
    }

    /**
     * Whether x is an odd function of a negated argument, {@code f(neg z)}, or of a sum whose
     * negation may be shorter, {@code f(-a - b)}.
     */
    private boolean oddOfNegated(Operator op, int x) {
        if (op == null || !ChainShapes.isOdd(op)) {
            return false;
        }
        return s.is(s.first(x), Operator.NEG) || (folding && shapes.negatedHead(s.first(x)));
    }

    /**
     * Whether x is {@code -y} for a shorter y that {@link #negatedForm} builds: an odd function of
     * a negated argument, {@code / (neg a) b}, {@code / a (neg b)}, {@code / -1 b}, {@code inv (neg a)}. (A sign that
     * costs as much as it saves, as in {@code (a - b)/c = -((b - a)/c)}, is left in place: two
     * arrangements of a sum of equal length would make the result depend on the grouping.)
     */
    private boolean hasNegatedForm(Operator op, int x) {
        if (op == null || !folding) {
            return false;
        }
        return switch (op) {
            case DIV -> s.is(s.first(x), Operator.NEG) || s.is(s.second(x), Operator.NEG) || minusOne(s.first(x))
                    || shapes.hasNegatableFactor(x, 0);
            case INV -> s.is(s.first(x), Operator.NEG) || shapes.hasNegatableFactor(x, 0);
            case MUL -> shapes.hasNegatableFactor(x, 0);
            default -> oddOfNegated(op, x);
        };
    }

    /** y with x = -y (see {@link #hasNegatedForm}), y shorter than x, or NONE. */
    private int negatedForm(Operator op, int x) {
        int a = s.first(x);
        switch (op) {
            case INV -> {
                return s.is(a, Operator.NEG) ? n.make(Operator.INV, s.first(a), TermStore.NONE) : negatedProduct(x);
            }
            case DIV -> {
                int b = s.second(x);
                if (s.is(a, Operator.NEG)) {
                    return n.make(op, s.first(a), b);
                }
                if (minusOne(a)) {
                    return n.make(Operator.INV, b, TermStore.NONE);
                }
                return s.is(b, Operator.NEG) ? n.make(op, a, s.first(b)) : negatedProduct(x);
            }
            case MUL -> {
                return negatedProduct(x);
            }
            default -> {
                return oddOfPositive(x);
            }
        }
    }

    /**
     * {@code f(z)} for x = {@code f(-z)} with f odd (see {@link #oddOfNegated}): x is {@code -f(z)}.
     * NONE when the argument is a sum whose negation is not shorter after all.
     */
    private int oddOfPositive(int x) {
        int argument = s.first(x);
        int z = s.is(argument, Operator.NEG) ? s.first(argument) : shorterNegation(argument);
        return z == TermStore.NONE ? z : n.make(s.operator(x), z, TermStore.NONE);
    }

    private boolean minusOne(int x) {
        return s.isNumber(x) && s.numberValue(x) == -1;
    }

    /** -x for a product x with a sum factor whose negation is shorter, when -x is shorter than x. */
    private int negatedProduct(int x) {
        int negated = n.make(Operator.MUL, n.number(-1), x);
        return s.size(negated) < s.size(x) ? negated : TermStore.NONE;
    }

    /**
     * A literal that collection would write back as the same literal: not 0 (a zero
     * term or factor goes away), and as a factor not 1 or -1 (dropped, or written as {@code neg}).
     */
    private boolean plainCoefficient(int x, boolean factor) {
        if (!folding || !s.isNumber(x)) {
            return false;
        }
        double v = s.numberValue(x);
        return v != 0 && !(factor && Math.abs(v) == 1) && Fraction.roundTrips(v);
    }

    /**
     * Whether {@link ConstantFolder#value} could give x a value: a literal, or {@code neg}, {@code inv},
     * {@code /} over literals.
     */
    private boolean constantValued(int x) {
        if (!folding) {
            return false;
        }
        if (s.isNumber(x)) {
            return true;
        }
        Operator op = s.operator(x);
        if (op == Operator.NEG || op == Operator.INV) {
            return s.isNumber(s.first(x));
        }
        return op == Operator.DIV && s.isNumber(s.first(x)) && s.isNumber(s.second(x));
    }

    /** The flattened chain and the rebuild under way at one nesting level. */
    private final class Collection {
        // Work arrays: pending (term, coefficient) pairs, then collected items.
        private int[] pendingTerms = new int[16];
        private Fraction[] pendingCoefficients = new Fraction[16];
        private int[] itemTerms = new int[16];
        private Fraction[] itemCoefficients = new Fraction[16];
        private boolean[] itemFree = new boolean[16];
        private int itemCount;
        // Second buffers of the items (combine writes into them, then swaps), and scratch arrays.
        private int[] spareTerms = new int[16];
        private Fraction[] spareCoefficients = new Fraction[16];
        private boolean[] spareFree = new boolean[16];
        private int[] order = new int[16];
        private int[] upOrPlus = new int[16];
        private int[] downOrMinus = new int[16];
        /** Whether the first combination of this collection merged equal items. */
        private boolean merged;
        private final IntComparator byItemTerm = (a, b) -> {
            int c = s.lexCompare(itemTerms[a], itemTerms[b]);
            return c != 0 ? c : Integer.compare(a, b);
        };

        // ---- sums ----

        /** Whether the chain flattened last held a free {@code <constant>} term. */
        private boolean freeConstant;

        private int sum(int t, Fraction scale) {
            Fraction constant = flattenSum(t, scale);
            boolean freeConstant = this.freeConstant;
            int best = rebuildSum(constant, freeConstant);
            if (bags != null) {
                best = withBagRule(true, constant, best);
            }
            if (folding && !freeConstant && itemCount >= 2 && itemCount <= MAX_RESHAPED_ITEMS && !anyFreeCoefficient()) {
                if (constant.isZero()) {
                    best = expandedBesideSum(factoredOut(best));
                }
                best = expandedPowers(constant, best);
            }
            return best;
        }

        /** Flattens the sum chain t times {@code scale} into collected items; returns its constant term. */
        private Fraction flattenSum(int t, Fraction scale) {
            itemCount = 0;
            merged = false;
            Fraction constant = Fraction.ZERO;
            boolean freeConstant = false;
            int top = push(0, t, scale);
            while (top > 0) {
                top--;
                int x = pendingTerms[top];
                Fraction c = pendingCoefficients[top];
                Operator op = s.operator(x);
                if (op == Operator.ADD || op == Operator.SUB) {
                    top = push(top, s.first(x), c);
                    top = push(top, s.second(x), op == Operator.SUB ? c.negate() : c);
                    continue;
                }
                if (op == Operator.NEG) {
                    top = push(top, s.first(x), c.negate());
                    continue;
                }
                if (skeleton && isFree(x)) {
                    freeConstant = true;
                    continue;
                }
                Fraction v = folding ? constants.value(x) : null;
                if (v != null) {
                    constant = constant.add(c.multiply(v));
                    continue;
                }
                if (op == Operator.MUL) {
                    int k = s.first(x);
                    if (skeleton && isFree(k)) {
                        addItem(s.second(x), c, true);
                        continue;
                    }
                    Fraction kv = folding ? constants.value(k) : null;
                    if (kv != null) {
                        top = push(top, s.second(x), c.multiply(kv));
                        continue;
                    }
                }
                if (hasNegatedForm(op, x)) {
                    int negated = negatedForm(op, x);
                    if (negated != TermStore.NONE) {
                        top = push(top, negated, c.negate());
                        continue;
                    }
                }
                addItem(x, c, false);
            }
            combine();
            this.freeConstant = freeConstant;
            return constant;
        }

        private BagMatcher bagMatcher;

        /**
         * The smaller of {@code best} and the chain with one bag rule applied among its items
         * ({@link BagMatcher}): the matched items give up the bag's multiple, the rule's right side
         * joins as a new item with that multiple, and the chain is collected again (where more bag
         * rules may apply).
         */
        private int withBagRule(boolean sum, Fraction constant, int best) {
            if (depth != bagsAtDepth) {
                if (!n.bagCandidateSeen()) {
                    noteBagCandidate(sum, constant);
                }
                return best;
            }
            if (bagMatcher == null) {
                bagMatcher = new BagMatcher(s, bags);
            }
            BagMatcher m = bagMatcher;
            // the shortest of the first few applications: the first in rule order is not always the
            // best (2 - 2*cos(x)**2 holds cos(2*x) and, shorter, sin(x)**2)
            for (int skip = 0; skip < MAX_BAG_APPLICATIONS_TRIED; skip++) {
                if (!m.find(sum, itemTerms, itemCoefficients, itemFree, itemCount, constant, skip)) {
                    break;
                }
                try {
                    int candidate = sum ? bagAppliedToSum(m, constant) : bagAppliedToProduct(m, constant);
                    if (shorter(candidate, best)) {
                        best = candidate;
                    }
                } catch (ArithmeticException | ChainTooLong e) {
                    // this application has no exact result: try the next
                }
            }
            return best;
        }

        /** Tells the normalizer when a bag rule could apply among these items (see {@link #mayHoldBag}). */
        private void noteBagCandidate(boolean sum, Fraction constant) {
            if (bags.mayMatch(sum, s, itemTerms, itemCount, constant)) {
                n.noteBagCandidate();
            }
        }

        /** The item weights less the bag's multiple where it matched (a copy: rebuilding reuses the work arrays). */
        private Fraction[] remainingWeights(BagMatcher m) {
            Fraction[] remaining = Arrays.copyOf(itemCoefficients, itemCount);
            BagRules.Bag bag = m.bag();
            for (int e = 0; e < bag.length(); e++) {
                int i = m.item(e);
                remaining[i] = remaining[i].subtract(m.multiple().multiply(bag.weights()[e]));
            }
            return remaining;
        }

        private int bagAppliedToSum(BagMatcher m, Fraction constant) {
            Fraction k = m.multiple();
            BagRules.Bag bag = m.bag();
            int[] items = Arrays.copyOf(itemTerms, itemCount);
            Fraction[] remaining = remainingWeights(m);
            boolean[] free = Arrays.copyOf(itemFree, itemCount);
            boolean freeTerm = freeConstant;
            Fraction rest = constant.subtract(k.multiply(bag.constant()));
            int rhs = n.instance(bag.rule().rhs(), m.bindings());
            int sum = rest.isZero() ? TermStore.NONE : literal(rest);
            if (freeTerm) { // a free <constant> term stays, beside the exact constant
                int c = n.normalize(s.constant());
                sum = sum == TermStore.NONE ? c : n.raw(Operator.ADD, sum, c);
            }
            for (int i = 0; i < items.length; i++) {
                if (free[i] || !remaining[i].isZero()) {
                    // an item with a free coefficient keeps it (the matcher never takes such items)
                    int term = free[i] ? n.make(Operator.MUL, n.normalize(s.constant()), items[i])
                            : scaled(items[i], remaining[i], false);
                    sum = sum == TermStore.NONE ? term : n.raw(Operator.ADD, sum, term);
                }
            }
            int piece = scaled(rhs, k, false);
            sum = sum == TermStore.NONE ? piece : n.raw(Operator.ADD, sum, piece);
            return scaledSum(sum, Fraction.ONE);
        }

        private int bagAppliedToProduct(BagMatcher m, Fraction coefficient) {
            long k = m.multiple().num();
            BagRules.Bag bag = m.bag();
            int[] items = Arrays.copyOf(itemTerms, itemCount);
            Fraction[] remaining = remainingWeights(m);
            Fraction rest = coefficient.divide(bag.constant().pow(k));
            int product = power(n.instance(bag.rule().rhs(), m.bindings()), k);
            for (int i = 0; i < items.length; i++) {
                long e = remaining[i].num();
                if (e > 0) {
                    product = n.raw(Operator.MUL, product, power(items[i], e));
                } else if (e < 0) {
                    product = n.raw(Operator.DIV, product, power(items[i], -e));
                }
            }
            if (!rest.isOne()) {
                product = n.raw(Operator.MUL, literal(rest), product);
            }
            if (s.operator(product) == null || !isProductLink(product, s.operator(product))) {
                return n.normalize(product);
            }
            int r = collectChain(product);
            return r == TermStore.NONE ? r : n.normalize(r);
        }

        /**
         * The smaller of {@code best} and the sum with one square or cube of a sum multiplied out
         * ({@link ChainShapes#expandablePower}), {@code (x + 1)**2 - x**2 - 2*x -> 1}. Multiplying
         * out keeps the domain: both sides need every term of the sum.
         */
        private int expandedPowers(Fraction constant, int best) {
            for (int i = 0; i < itemCount; i++) {
                if (!shapes.expandablePower(itemTerms, itemCount, i)) {
                    continue;
                }
                int sum = s.first(itemTerms[i]);
                int expanded = multipliedOut(sum, sum);
                if (s.is(itemTerms[i], Operator.POW3)) {
                    expanded = multipliedOut(expanded, sum);
                }
                int candidate = scaledSum(otherItemsPlus(i, expanded, constant), Fraction.ONE);
                if (shorter(candidate, best)) {
                    best = candidate;
                }
            }
            return best;
        }

        /** The raw sum of the constant and the items, the i-th replaced by {@code piece}. */
        private int otherItemsPlus(int i, int piece, Fraction constant) {
            int sum = constant.isZero() ? TermStore.NONE : literal(constant);
            for (int k = 0; k < itemCount; k++) {
                int term = scaled(k == i ? piece : itemTerms[k], itemCoefficients[k], false);
                sum = sum == TermStore.NONE ? term : n.raw(Operator.ADD, sum, term);
            }
            return sum;
        }

        /**
         * The smaller of {@code best} and the sum with one product {@code x*S} multiplied out where x
         * is a factor of another term: a partly factored sum hides its cancellations,
         * {@code x2 - (-1 - y)*x4 - x4 -> x2 + y*x4}. Multiplying out keeps the domain: both sides
         * need x and every term of S.
         */
        private int expandedBesideSum(int best) {
            for (int i = 0; i < itemCount; i++) {
                int product = itemTerms[i];
                int factor = shapes.factorBesideSum(product);
                if (factor == TermStore.NONE || !shapes.sharedFactor(itemTerms, itemCount, i, factor)) {
                    continue;
                }
                int sum = s.first(product) == factor ? s.second(product) : s.first(product);
                if (shapes.terms(sum, MAX_RESHAPED_ITEMS + 1) > MAX_RESHAPED_ITEMS) {
                    continue;
                }
                int candidate = scaledSum(otherItemsPlus(i, multipliedOut(sum, factor), Fraction.ZERO), Fraction.ONE);
                if (shorter(candidate, best)) {
                    best = candidate;
                }
            }
            return best;
        }

        /**
         * {@code f*a + f*b} for the sum {@code a + b}, and every product of terms when f is a sum
         * too: the links raw (the collection flattens them), the products normal. Both sums are
         * short (the callers bound their terms), so the recursion is shallow.
         */
        private int multipliedOut(int sum, int f) {
            Operator op = s.operator(sum);
            if (op == Operator.ADD || op == Operator.SUB) {
                return n.raw(op, multipliedOut(s.first(sum), f), multipliedOut(s.second(sum), f));
            }
            if (op == Operator.NEG) {
                return n.raw(op, multipliedOut(s.first(sum), f), TermStore.NONE);
            }
            Operator fop = s.operator(f);
            if (fop == Operator.ADD || fop == Operator.SUB || fop == Operator.NEG) {
                return multipliedOut(f, sum);
            }
            return n.make(Operator.MUL, f, sum);
        }

        /**
         * Whether an item's coefficient is a free {@code <constant>}: such sums are not factored,
         * since the factored form has one coefficient per item and would drop the unknowns.
         */
        private boolean anyFreeCoefficient() {
            for (int i = 0; i < itemCount; i++) {
                if (itemFree[i]) {
                    return true;
                }
            }
            return false;
        }

        private final int[] factorCandidates = new int[ChainShapes.MAX_FACTOR_CANDIDATES];

        /**
         * The smaller of {@code best} and the sum with a factor common to all its terms taken out,
         * {@code x*y - x*z -> x*(y - z)}. The factor is removed from each term structurally (never
         * by dividing, which would lose the points where it is 0).
         */
        private int factoredOut(int best) {
            int[] candidates = factorCandidates;
            // candidates from the item with the fewest tokens: a common factor is among its few factors
            int fewest = 0;
            for (int i = 1; i < itemCount; i++) {
                if (s.size(itemTerms[i]) < s.size(itemTerms[fewest])) {
                    fewest = i;
                }
            }
            int count = shapes.factorsOf(itemTerms[fewest], candidates, 0, 0);
            int[] reduced = reducedTerms(itemCount);
            System.arraycopy(itemTerms, 0, reduced, 0, itemCount);
            // every common factor, so the result does not depend on which one the first term lists first
            int common = TermStore.NONE;
            for (int k = 0; k < count; k++) {
                int f = candidates[k];
                if (!removableFromAll(reduced, f)) {
                    continue;
                }
                for (int i = 0; i < itemCount; i++) {
                    reduced[i] = without(reduced[i], f, 0);
                }
                common = common == TermStore.NONE ? f : n.make(Operator.MUL, common, f);
            }
            if (common == TermStore.NONE) {
                return best;
            }
            int inner = TermStore.NONE;
            for (int i = 0; i < itemCount; i++) {
                int term = scaled(reduced[i], itemCoefficients[i], true);
                inner = inner == TermStore.NONE ? term : n.raw(Operator.ADD, inner, term);
            }
            inner = canonicalSum(inner);
            if (inner == TermStore.NONE) {
                return best;
            }
            int candidate = n.rawOrdered(Operator.MUL, common, inner);
            return shorter(candidate, best) ? candidate : best;
        }

        private int[] reducedTerms = new int[16];

        private int[] reducedTerms(int count) {
            if (reducedTerms.length < count) {
                reducedTerms = new int[Math.max(count, 2 * reducedTerms.length)];
            }
            return reducedTerms;
        }

        /** Whether f can be taken out of every item; never of items with a free constant (kept as written). */
        private boolean removableFromAll(int[] terms, int f) {
            for (int i = 0; i < itemCount; i++) {
                if (s.hasConstant(terms[i]) || !shapes.removable(terms[i], f, 0)) {
                    return false;
                }
            }
            return true;
        }

        /** x with one factor f taken out (f * result = x), or NONE when f is no factor of x. */
        private int without(int x, int f, int level) {
            if (x == f) {
                return n.number(1);
            }
            Operator op = s.operator(x);
            if (op == null || level > ChainShapes.MAX_FACTOR_DEPTH) {
                return TermStore.NONE;
            }
            switch (op) {
                case MUL -> {
                    int a = without(s.first(x), f, level + 1);
                    if (a != TermStore.NONE) {
                        return n.make(Operator.MUL, a, s.second(x));
                    }
                    int b = without(s.second(x), f, level + 1);
                    return b == TermStore.NONE ? b : n.make(Operator.MUL, s.first(x), b);
                }
                case DIV -> {
                    int a = without(s.first(x), f, level + 1);
                    return a == TermStore.NONE ? a : n.make(Operator.DIV, a, s.second(x));
                }
                case NEG -> {
                    int a = without(s.first(x), f, level + 1);
                    return a == TermStore.NONE ? a : n.make(Operator.NEG, a, TermStore.NONE);
                }
                case POW2, POW3, POW4, POW5 -> {
                    return s.first(x) == f ? power(f, op.integerPower() - 1) : TermStore.NONE;
                }
                default -> {
                    return TermStore.NONE;
                }
            }
        }

        /**
         * c * x for an exact c: x, {@code neg x}, or {@code * c x}; normalized, or raw for a
         * collection to flatten.
         */
        private int scaled(int x, Fraction c, boolean normalized) {
            if (c.isOne()) {
                return x;
            }
            if (c.equals(Fraction.MINUS_ONE)) {
                return node(Operator.NEG, x, TermStore.NONE, normalized);
            }
            return node(Operator.MUL, literal(c), x, normalized);
        }

        /** The normal literal term of an exact value; an ArithmeticException when it has none. */
        private int literal(Fraction c) {
            int k = constants.term(c);
            if (k == TermStore.NONE) {
                throw new ArithmeticException("value not exactly representable as a literal");
            }
            return n.normalize(k);
        }

        private int node(Operator op, int first, int second, boolean normalized) {
            return normalized ? n.make(op, first, second) : n.raw(op, first, second);
        }

        private int rebuildSum(Fraction constant, boolean freeConstant) {
            int constantTerm = TermStore.NONE;
            if (freeConstant) {
                constantTerm = n.normalize(s.constant());
            } else if (!constant.isZero()) {
                constantTerm = constants.term(constant);
                if (constantTerm == TermStore.NONE) {
                    return TermStore.NONE;
                }
                constantTerm = n.normalize(constantTerm);
            }
            // Parts are built (and normalized) first and ordered after: building may rewrite them.
            int positives = 0;
            int negatives = 0;
            int[] plus = upOrPlus;
            int[] minus = downOrMinus;
            for (int i = 0; i < itemCount; i++) {
                if (positive(i)) {
                    plus[positives++] = piece(i);
                } else {
                    minus[negatives++] = piece(i);
                }
            }
            sortCanonically(plus, positives);
            sortCanonically(minus, negatives);
            if (positives == 0 && negatives > 0 && constantTerm != TermStore.NONE) {
                // C - N1 - N2, one token shorter than C + (-N1 - N2)
                startChain(constantTerm);
                for (int i = 0; i < negatives; i++) {
                    link(Operator.SUB, minus[i]);
                }
                return endChain(false);
            }
            startChain(positives > 0 ? plus[0] : TermStore.NONE);
            for (int i = 0; i < negatives; i++) {
                if (chainEmpty()) {
                    startChain(negativesOnly(minus[i], positives == 0 && negatives == 1 && constantTerm == TermStore.NONE));
                } else {
                    link(Operator.SUB, minus[i]);
                }
            }
            for (int i = 1; i < positives; i++) {
                link(Operator.ADD, plus[i]);
            }
            if (chainEmpty()) {
                return constantTerm == TermStore.NONE ? n.number(0) : constantTerm;
            }
            if (constantTerm == TermStore.NONE) {
                return endChain(false);
            }
            return n.rawOrdered(Operator.ADD, constantTerm, endChain(true));
        }

        /**
         * -x at the head of a chain: {@code neg x}, or for a lone term a product that takes the sign
         * into one of its sum factors when that is shorter ({@code -(x1 - x2)*y -> (x2 - x1)*y}).
         * Never {@code * -K y}: with a sign in a literal an arrangement of the same terms could be as
         * short as the canonical one.
         */
        private int negativesOnly(int x, boolean lone) {
            int negated = n.make(Operator.NEG, x, TermStore.NONE);
            Operator op = s.operator(x);
            if (!lone || (op != Operator.MUL && op != Operator.DIV)) {
                return negated;
            }
            int absorbed = n.make(Operator.MUL, n.number(-1), x);
            boolean literalSign = s.is(absorbed, Operator.MUL) && s.isNumber(s.first(absorbed));
            return !literalSign && s.size(absorbed) < s.size(negated) ? absorbed : negated;
        }

        private boolean positive(int i) {
            return itemFree[i] || itemCoefficients[i].signum() > 0;
        }

        // A left-nested chain under construction: the last link stays pending, so that the caller can
        // build it raw when it is the root of the rebuild (inner links are normalized as they are made).
        private int chainLeft;
        private Operator pendingOp;
        private int pendingRight;
        private int chainItems;
        private boolean chainReshaped;

        private void startChain(int first) {
            chainLeft = first;
            pendingOp = null;
            chainItems = first == TermStore.NONE ? 0 : 1;
            chainReshaped = false;
        }

        private boolean chainEmpty() {
            return chainLeft == TermStore.NONE;
        }

        private void link(Operator op, int right) {
            if (pendingOp != null) {
                chainLeft = innerLink(pendingOp, chainLeft, pendingRight, chainItems);
            }
            pendingOp = op;
            pendingRight = right;
            chainItems++;
        }

        private int endChain(boolean inner) {
            if (pendingOp == null) {
                return chainLeft;
            }
            return inner ? innerLink(pendingOp, chainLeft, pendingRight, chainItems) : n.raw(pendingOp, chainLeft, pendingRight);
        }

        /** |coefficient| * term, or {@code * <constant> term} for a free coefficient. */
        private int piece(int i) {
            int term = itemTerms[i];
            if (itemFree[i]) {
                return n.make(Operator.MUL, n.normalize(s.constant()), term);
            }
            return scaled(term, itemCoefficients[i].abs(), true);
        }

        // ---- products ----

        private int product(int t) {
            Fraction coefficient = flattenProduct(t);
            boolean free = freeConstant;
            if (folding && !free && !coefficient.isZero()) {
                coefficient = withSumSignsChosen(coefficient);
            }
            if (!free && coefficient.isZero()) {
                return n.number(0);
            }
            int best = rebuildProduct(coefficient, free);
            if (bags != null && !free) {
                best = withBagRule(false, coefficient, best);
            }
            return reshapedProduct(coefficient, free, best);
        }

        /** Flattens the product chain t into collected factors; returns its numeric coefficient. */
        private Fraction flattenProduct(int t) {
            itemCount = 0;
            merged = false;
            Fraction coefficient = Fraction.ONE;
            boolean free = false;
            int top = push(0, t, Fraction.ONE);
            while (top > 0) {
                top--;
                int x = pendingTerms[top];
                Fraction e = pendingCoefficients[top];
                Operator op = s.operator(x);
                if (op != null) {
                    switch (op) {
                        case MUL, DIV -> {
                            top = push(top, s.first(x), e);
                            top = push(top, s.second(x), op == Operator.DIV ? e.negate() : e);
                            continue;
                        }
                        case INV -> {
                            top = push(top, s.first(x), e.negate());
                            continue;
                        }
                        case POW2, POW3, POW4, POW5 -> {
                            top = push(top, s.first(x), e.multiply(Fraction.of(op.integerPower())));
                            continue;
                        }
                        case POW -> {
                            Fraction k = folding ? constants.value(s.second(x)) : null;
                            if (k != null && k.isIntegerWithin(64)) {
                                top = push(top, s.first(x), e.multiply(k));
                                continue;
                            }
                        }
                        case NEG -> {
                            coefficient = coefficient.multiply(Fraction.MINUS_ONE.pow(e.num()));
                            top = push(top, s.first(x), e);
                            continue;
                        }
                        case ADD -> {
                            if (folding && s.first(x) == s.second(x)) {
                                coefficient = coefficient.multiply(TWO.pow(e.num()));
                                top = push(top, s.first(x), e);
                                continue;
                            }
                        }
                        default -> {
                            int positive = oddOfNegated(op, x) ? oddOfPositive(x) : TermStore.NONE;
                            if (positive != TermStore.NONE) {
                                coefficient = coefficient.multiply(Fraction.MINUS_ONE.pow(e.num()));
                                top = push(top, positive, e);
                                continue;
                            }
                        }
                    }
                }
                if (skeleton && isFree(x)) {
                    free = true;
                    continue;
                }
                Fraction v = folding ? constants.value(x) : null;
                if (v != null) {
                    if (v.isZero() && e.signum() < 0) {
                        throw new ArithmeticException("division by zero");
                    }
                    coefficient = coefficient.multiply(v.pow(e.num()));
                    continue;
                }
                if (Math.abs(e.num()) > MAX_EXPONENT) {
                    throw new ArithmeticException("exponent too large");
                }
                addItem(x, e, false);
            }
            combine();
            freeConstant = free;
            return coefficient;
        }

        private int reshapedProduct(Fraction coefficient, boolean free, int best) {
            if (folding && !free) {
                if (!coefficient.isOne()) {
                    best = distributed(coefficient, best);
                }
                if (coefficient.equals(Fraction.MINUS_ONE)) {
                    best = signInSoleSumFactor(best);
                }
                if (itemCount <= MAX_RESHAPED_ITEMS) {
                    best = multipliedOutSums(coefficient, best);
                    best = mergedPowers(coefficient, best); // last: it changes the items
                }
            }
            return best;
        }

        /**
         * Gives out the sign of each sum factor whose negation is shorter ({@code (-a - b)**2 ->
         * (a + b)**2}, {@code (-a - b)*c -> -(a + b)*c}), also under a literal integer power too large
         * to flatten; under an odd power the sign goes to the coefficient, which is returned. Only
         * when shorter, under even powers too: a sign chosen between equal-length sums there would
         * keep {@code (x2 - x1)**2/(x1 - x2)} from cancelling. Equal factors are merged afterwards.
         */
        private Fraction withSumSignsChosen(Fraction coefficient) {
            boolean changed = false;
            for (int i = 0; i < itemCount; i++) {
                int term = itemTerms[i];
                boolean power = s.is(term, Operator.POW) && s.isNumber(s.second(term));
                int negated = shorterNegation(power ? s.first(term) : term);
                if (negated == TermStore.NONE) {
                    continue;
                }
                boolean odd = itemCoefficients[i].num() % 2 != 0;
                if (power) {
                    double k = s.numberValue(s.second(term));
                    if (k != Math.rint(k)) {
                        continue;
                    }
                    odd &= k % 2 != 0;
                    negated = n.make(Operator.POW, negated, s.second(term));
                }
                itemTerms[i] = negated;
                if (odd) {
                    coefficient = coefficient.negate();
                }
                changed = true;
            }
            if (changed) {
                combine();
            }
            return coefficient;
        }

        /**
         * The smaller of {@code best} and the product with the powers of one base merged:
         * {@code x**a * x**2 -> x**(a + 2)}, {@code x**a / x**b -> x**(a - b)}. Sound wherever the
         * input is defined: a negative base has only integer exponents there, and a zero base only
         * exponents whose sum keeps the value. Changes the items.
         */
        private int mergedPowers(Fraction coefficient, int best) {
            boolean merged = false;
            for (int i = 0; i < itemCount; i++) {
                int power = itemTerms[i];
                if (!s.is(power, Operator.POW) || itemCoefficients[i].isZero()) {
                    continue;
                }
                int base = s.first(power);
                int exponent = TermStore.NONE;
                for (int j = 0; j < itemCount; j++) {
                    int other = itemTerms[j];
                    if (j == i || itemCoefficients[j].isZero()) {
                        continue;
                    }
                    int otherExponent;
                    if (other == base) {
                        otherExponent = n.number(itemCoefficients[j].num());
                    } else if (s.is(other, Operator.POW) && s.first(other) == base) {
                        otherExponent = times(s.second(other), itemCoefficients[j]);
                    } else {
                        continue;
                    }
                    if (exponent == TermStore.NONE) {
                        exponent = times(s.second(power), itemCoefficients[i]);
                    }
                    exponent = n.make(Operator.ADD, exponent, otherExponent);
                    itemCoefficients[j] = Fraction.ZERO;
                }
                if (exponent != TermStore.NONE) {
                    coefficient = replaceItem(i, n.make(Operator.POW, base, exponent), coefficient);
                    merged = true;
                }
            }
            int exponential = -1;
            int argument = TermStore.NONE;
            boolean exponentialsMerged = false;
            for (int i = 0; i < itemCount; i++) {
                if (!s.is(itemTerms[i], Operator.EXP) || itemCoefficients[i].isZero()) {
                    continue;
                }
                int power = times(s.first(itemTerms[i]), itemCoefficients[i]);
                if (exponential < 0) {
                    exponential = i;
                    argument = power;
                } else {
                    argument = n.make(Operator.ADD, argument, power); // exp(a)*exp(b) = exp(a + b)
                    itemCoefficients[i] = Fraction.ZERO;
                    merged = true;
                    exponentialsMerged = true;
                }
            }
            if (exponential >= 0 && !exponentialsMerged && !itemCoefficients[exponential].isOne()) {
                exponentialsMerged = merged = true; // exp(a)**k = exp(k*a): shorter when k*a folds
            }
            if (!merged) {
                return best;
            }
            // the merged argument replaces the first exponential and its power, even when it is that
            // exponential's own argument: exp(-x)**2 * exp(x) is exp(-x), not exp(-x)**2
            if (exponentialsMerged && !itemCoefficients[exponential].isZero()) {
                coefficient = replaceItem(exponential, n.make(Operator.EXP, argument, TermStore.NONE), coefficient);
            }
            combine();
            if (coefficient.isZero()) {
                return best;
            }
            int candidate = rebuildProduct(coefficient, false);
            return shorter(candidate, best) ? candidate : best;
        }

        /**
         * Item i becomes {@code joined} to the first power, or, when that folds to a number, leaves
         * the product and multiplies {@code coefficient}, which is returned.
         */
        private Fraction replaceItem(int i, int joined, Fraction coefficient) {
            Fraction value = constants.value(joined);
            if (value != null) {
                itemCoefficients[i] = Fraction.ZERO;
                return coefficient.multiply(value);
            }
            itemTerms[i] = joined;
            itemCoefficients[i] = Fraction.ONE;
            return coefficient;
        }

        /** e * x for an integer e: x, {@code neg x} or {@code * e x}. */
        private int times(int x, Fraction e) {
            if (e.isOne()) {
                return x;
            }
            if (e.equals(Fraction.MINUS_ONE)) {
                return n.make(Operator.NEG, x, TermStore.NONE);
            }
            return n.make(Operator.MUL, n.number(e.num()), x);
        }

        /**
         * The smaller of {@code best} and the product with two of its sum factors multiplied out
         * where their products cancel, {@code (x1 + x2)*(x1 - x2) -> x1**2 - x2**2}, or a sum
         * factor multiplied by a factor that one of its terms divides by,
         * {@code x1*x4*(x4 + 1/x4) -> x1*(x4**2 + 1)}, whichever factors stand side by side.
         * Multiplying out keeps the domain: both sides need every term of both factors.
         */
        private int multipliedOutSums(Fraction coefficient, int best) {
            for (int i = 0; i < itemCount; i++) {
                if (!itemCoefficients[i].isOne() || !shapes.isSum(itemTerms[i])
                        || shapes.terms(itemTerms[i], MAX_RESHAPED_ITEMS + 1) > MAX_RESHAPED_ITEMS) {
                    continue;
                }
                for (int j = 0; j < itemCount; j++) {
                    if (j == i || !itemCoefficients[j].isOne()) {
                        continue;
                    }
                    boolean sumFactor = shapes.isSum(itemTerms[j]);
                    if (sumFactor ? j < i || shapes.terms(itemTerms[j], MAX_RESHAPED_ITEMS + 1) > MAX_RESHAPED_ITEMS
                            : !shapes.hasTermOver(itemTerms[i], itemTerms[j])) {
                        continue; // a sum factor pairs with a later one; another factor only where it cancels a division
                    }
                    int a = itemTerms[i];
                    int b = itemTerms[j];
                    int expanded = scaledSum(multipliedOut(a, b), Fraction.ONE);
                    if (expanded == TermStore.NONE || s.size(expanded) > s.size(a) + s.size(b)) {
                        continue; // no product of terms cancelled: the factored form is shorter
                    }
                    // item i becomes the expanded sum and item j leaves (the items are put back after)
                    int count = itemCount;
                    int[] savedTerms = Arrays.copyOf(itemTerms, count);
                    Fraction[] savedWeights = Arrays.copyOf(itemCoefficients, count);
                    System.arraycopy(savedTerms, j + 1, itemTerms, j, count - j - 1);
                    System.arraycopy(savedWeights, j + 1, itemCoefficients, j, count - j - 1);
                    itemTerms[i < j ? i : i - 1] = expanded;
                    itemCount = count - 1;
                    try {
                        int candidate = rebuildProduct(coefficient, false);
                        if (shorter(candidate, best)) {
                            best = candidate;
                        }
                    } finally {
                        itemCount = count;
                        System.arraycopy(savedTerms, 0, itemTerms, 0, count);
                        System.arraycopy(savedWeights, 0, itemCoefficients, 0, count);
                    }
                }
            }
            return best;
        }

        /**
         * The smaller of {@code best} and the products with the coefficient multiplied into one sum
         * factor ({@code 2*(x + 1) -> 2*x + 2}) or divided into one sum divisor
         * ({@code 2/(2*x + 2) -> 1/(x + 1)}).
         */
        private int distributed(Fraction coefficient, int best) {
            int tried = 0;
            for (int i = 0; i < itemCount && tried < MAX_DISTRIBUTIONS; i++) {
                int term = itemTerms[i];
                long e = itemCoefficients[i].num();
                if (!shapes.isSum(term) || Math.abs(e) != 1 || shapes.bareTerms(term, 2) > 1) {
                    continue;
                }
                tried++;
                int scaled = scaledSum(term, e > 0 ? coefficient : Fraction.ONE.divide(coefficient));
                if (scaled == TermStore.NONE) {
                    continue;
                }
                itemTerms[i] = scaled;
                int candidate;
                try {
                    candidate = rebuildProduct(Fraction.ONE, false);
                } finally {
                    itemTerms[i] = term;
                }
                if (shorter(candidate, best)) {
                    best = candidate;
                }
            }
            return best;
        }

        /**
         * The smaller of {@code best} and the product with its sign -1 taken into its sum factor,
         * {@code -x2/(x3 - x1) -> x2/(x1 - x3)}, when that factor is the only item that could take
         * it: with two (two sum factors, or a sum factor and an odd function of a sum) the choice
         * would depend on the names.
         */
        private int signInSoleSumFactor(int best) {
            int sole = -1;
            for (int i = 0; i < itemCount; i++) {
                int term = itemTerms[i];
                boolean carrier = shapes.isSum(term)
                        || (s.operator(term) != null && ChainShapes.isOdd(s.operator(term)) && shapes.isSum(s.first(term)));
                if (carrier && itemCoefficients[i].num() % 2 != 0) {
                    if (sole >= 0) {
                        return best;
                    }
                    sole = i;
                }
            }
            if (sole < 0 || !shapes.isSum(itemTerms[sole])) {
                return best;
            }
            int term = itemTerms[sole];
            int negated = scaledSum(term, Fraction.MINUS_ONE);
            if (negated == TermStore.NONE) {
                return best;
            }
            itemTerms[sole] = negated;
            try {
                int candidate = rebuildProduct(Fraction.ONE, false);
                return shorter(candidate, best) ? candidate : best;
            } finally {
                itemTerms[sole] = term;
            }
        }

        private int rebuildProduct(Fraction coefficient, boolean free) {
            int[] up = upOrPlus;
            int[] down = downOrMinus;
            int ups = 0;
            int downs = 0;
            for (int i = 0; i < itemCount; i++) {
                long e = itemCoefficients[i].num();
                int f = power(itemTerms[i], Math.abs(e));
                if (e > 0) {
                    up[ups++] = f;
                } else {
                    down[downs++] = f;
                }
            }
            int numerator = leftNested(Operator.MUL, up, ups);
            int denominator = leftNested(Operator.MUL, down, downs);
            int standard = withCoefficient(coefficient, free, numerator, denominator);
            // a terminating decimal is one token: (p/q)*Q is then never longer than p*Q/q
            if (free || coefficient.isInteger() || !coefficient.hasExactParts() || !Double.isNaN(coefficient.literalValue())) {
                return standard;
            }
            int quotient = quotient(coefficient, numerator, denominator);
            return shorter(quotient, standard) ? quotient : standard;
        }

        /**
         * Whether a rebuild in another arrangement beats the standard one: only when it has fewer
         * tokens, since an equal-length arrangement ({@code (x - 2)/5} as {@code 0.2*x - 0.4})
         * hides the structure that an enclosing product would have collected.
         */
        private boolean shorter(int candidate, int standard) {
            return candidate != TermStore.NONE && (standard == TermStore.NONE || s.size(candidate) < s.size(standard));
        }

        /** {@code / (p*N) (q*D)} for the coefficient p/q: {@code x/3}, shorter than {@code (1/3)*x}. */
        private int quotient(Fraction coefficient, int numerator, int denominator) {
            long p = coefficient.num();
            int top;
            if (numerator == TermStore.NONE) {
                top = n.number(p);
            } else if (p == 1) {
                top = n.normalize(numerator);
            } else if (p == -1) {
                top = n.make(Operator.NEG, n.normalize(numerator), TermStore.NONE);
            } else {
                top = n.make(Operator.MUL, n.number(p), n.normalize(numerator));
            }
            int q = n.number(coefficient.den());
            int bottom = denominator == TermStore.NONE ? q : n.make(Operator.MUL, q, n.normalize(denominator));
            return n.raw(Operator.DIV, top, bottom);
        }

        /** {@code * K (N/D)}, {@code K/D}, {@code neg (N/D)} or {@code N/D} itself. */
        private int withCoefficient(Fraction coefficient, boolean free, int numerator, int denominator) {
            int k = TermStore.NONE;
            boolean negate = false;
            if (free) {
                k = n.normalize(s.constant());
            } else if (!coefficient.isOne()) {
                if (coefficient.equals(Fraction.MINUS_ONE) && (numerator != TermStore.NONE || denominator != TermStore.NONE)) {
                    negate = true;
                } else {
                    k = constants.term(coefficient);
                    if (k == TermStore.NONE) {
                        return TermStore.NONE;
                    }
                    k = n.normalize(k);
                }
            }
            // numerator and denominator have raw roots: normalize them where they become operands
            int q;
            if (denominator == TermStore.NONE) {
                q = numerator;
            } else if (numerator == TermStore.NONE) {
                if (k != TermStore.NONE) {
                    return n.raw(Operator.DIV, k, n.normalize(denominator));
                }
                q = n.raw(Operator.INV, n.normalize(denominator), TermStore.NONE);
            } else {
                q = n.raw(Operator.DIV, n.normalize(numerator), n.normalize(denominator));
            }
            if (q == TermStore.NONE) {
                return k == TermStore.NONE ? n.number(negate ? -1 : 1) : k;
            }
            if (k != TermStore.NONE) {
                return n.rawOrdered(Operator.MUL, k, n.normalize(q));
            }
            return negate ? n.raw(Operator.NEG, n.normalize(q), TermStore.NONE) : q;
        }

        private int power(int base, long e) {
            Operator powK = Operator.ofIntegerPower(e);
            return e == 1 ? base : powK != null ? n.make(powK, base, TermStore.NONE) : n.make(Operator.POW, base, n.number(e));
        }

        // ---- shared ----

        private void sortCanonically(int[] terms, int count) {
        IntArrays.mergeSort(terms, 0, count, lexOrder);
    }

    /**
     * The canonical left-nested chain of the terms (sorted here), NONE when there are none. Its
     * root link is raw, so that collecting it again sees parts that changed while being built.
     */
    private int leftNested(Operator op, int[] terms, int count) {
        sortCanonically(terms, count);
        int acc = count > 0 ? terms[0] : TermStore.NONE;
        chainReshaped = false;
        for (int i = 1; i < count; i++) {
            acc = i == count - 1 ? n.raw(op, acc, terms[i]) : innerLink(op, acc, terms[i], i + 1);
        }
        return acc;
    }

        /**
         * An inner chain link over {@code items} items. A link of a canonical chain is marked
         * collected (collecting it again would rebuild it as it is) unless it is short enough for
         * factoring, multiplying out or merging powers to reshape it, or an earlier link of the
         * chain was reshaped: those are collected now, as a second simplification of the result
         * would collect them.
         */
        private int innerLink(Operator op, int left, int right, int items) {
            int raw = s.operator(op, left, right);
            if (items > MAX_RESHAPED_ITEMS && !chainReshaped) {
                s.markCollected(raw);
            }
            int normal = n.normalize(raw);
            chainReshaped |= normal != raw;
            return normal;
        }

        private boolean isFree(int x) {
            return s.hasConstant(x) && !s.hasVariable(x);
        }

        private int push(int top, int term, Fraction coefficient) {
            if (top == pendingTerms.length) {
                if (top >= 4 * MAX_ITEMS) {
                    throw ChainTooLong.INSTANCE;
                }
                pendingTerms = Arrays.copyOf(pendingTerms, top * 2);
                pendingCoefficients = Arrays.copyOf(pendingCoefficients, top * 2);
            }
            pendingTerms[top] = term;
            pendingCoefficients[top] = coefficient;
            return top + 1;
        }

        private void addItem(int term, Fraction coefficient, boolean free) {
            if (itemCount == itemTerms.length) {
                if (itemCount >= MAX_ITEMS) {
                    throw ChainTooLong.INSTANCE;
                }
                itemTerms = Arrays.copyOf(itemTerms, itemCount * 2);
                itemCoefficients = Arrays.copyOf(itemCoefficients, itemCount * 2);
                itemFree = Arrays.copyOf(itemFree, itemCount * 2);
            }
            itemTerms[itemCount] = term;
            itemCoefficients[itemCount] = coefficient;
            itemFree[itemCount] = free;
            itemCount++;
        }

        /** Sorts items canonically, merges equal terms, drops zero coefficients. */
        private void combine() {
            int n = itemCount;
            if (order.length < n) {
                int size = Math.max(n, order.length * 2);
                order = new int[size];
                upOrPlus = new int[size];
                downOrMinus = new int[size];
            }
            if (spareTerms.length < n) {
                spareTerms = new int[itemTerms.length];
                spareCoefficients = new Fraction[itemTerms.length];
                spareFree = new boolean[itemTerms.length];
            }
            int[] order = this.order;
            for (int i = 0; i < n; i++) {
                order[i] = i;
            }
            IntArrays.mergeSort(order, 0, n, byItemTerm);
            int[] newTerms = spareTerms;
            Fraction[] newCoefficients = spareCoefficients;
            boolean[] newFree = spareFree;
            int count = 0;
            for (int idx = 0; idx < n; idx++) {
                int i = order[idx];
                if (count > 0 && newTerms[count - 1] == itemTerms[i]) {
                    newCoefficients[count - 1] = newCoefficients[count - 1].add(itemCoefficients[i]);
                    newFree[count - 1] |= itemFree[i];
                } else {
                    newTerms[count] = itemTerms[i];
                    newCoefficients[count] = itemCoefficients[i];
                    newFree[count] = itemFree[i];
                    count++;
                }
            }
            merged |= count < n;
            int kept = 0;
            for (int i = 0; i < count; i++) {
                if (newFree[i] || !newCoefficients[i].isZero()) {
                    newTerms[kept] = newTerms[i];
                    newCoefficients[kept] = newCoefficients[i];
                    newFree[kept] = newFree[i];
                    kept++;
                }
            }
            spareTerms = itemTerms;
            spareCoefficients = itemCoefficients;
            spareFree = itemFree;
            itemTerms = newTerms;
            itemCoefficients = newCoefficients;
            itemFree = newFree;
            itemCount = kept;
        }
    }

    /** Thrown to give up on a chain longer than {@link #MAX_ITEMS}. */
    private static final class ChainTooLong extends RuntimeException {
        private static final long serialVersionUID = 1L;
        static final ChainTooLong INSTANCE = new ChainTooLong();

        private ChainTooLong() {
            super(null, null, false, false);
        }
    }
}
