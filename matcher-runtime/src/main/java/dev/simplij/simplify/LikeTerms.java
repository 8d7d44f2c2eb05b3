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

    private final Normalizer n;
    private final TermStore s;
    private final boolean folding;
    private final boolean skeleton;
    private final ConstantFolder constants;

    private Collection[] pool = new Collection[4];
    private final IntComparator lexOrder;
    private int depth;

    LikeTerms(Normalizer n, boolean folding, boolean skeleton) {
        this.n = n;
        this.s = n.store;
        this.folding = folding;
        this.skeleton = skeleton;
        this.constants = new ConstantFolder(n);
        this.lexOrder = s::lexCompare;
    }

    /** A rebuilt chain for t (its root raw), or NONE when t is no chain or cannot be collected. */
    int collect(int t) {
        if (s.collected(t)) {
            return TermStore.NONE;
        }
        Operator op = s.operator(t);
        boolean sum = op == Operator.ADD || op == Operator.SUB || op == Operator.NEG;
        boolean product = switch (op) {
            case MUL, DIV, INV, POW2, POW3, POW4, POW5 -> true;
            default -> false;
        };
        if (!sum && !product) {
            return TermStore.NONE;
        }
        if (sum ? plainSum(t, op) : plainProduct(t, op)) {
            return TermStore.NONE;
        }
        // Building the result normalizes its parts, which may collect other chains: one work area per level.
        if (depth == pool.length) {
            pool = Arrays.copyOf(pool, depth * 2);
        }
        Collection c = pool[depth];
        if (c == null) {
            c = pool[depth] = new Collection();
        }
        depth++;
        try {
            return sum ? c.sum(t) : c.product(t);
        } catch (ArithmeticException | ChainTooLong e) {
            return TermStore.NONE;
        } finally {
            depth--;
        }
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
            return plainSumItem(a);
        }
        int b = s.second(t);
        if (op == Operator.ADD && plainCoefficient(a, false)) {
            return plainSumItem(b); // + K x: the constant K, then x
        }
        return a != b && plainSumItem(a) && plainSumItem(b) && (op == Operator.SUB || s.lexCompare(a, b) < 0);
    }

    private boolean plainSumItem(int x) {
        Operator op = s.operator(x);
        if (op == Operator.ADD || op == Operator.SUB || op == Operator.NEG) {
            return false;
        }
        if (s.hasConstant(x) || constantValued(x)) {
            return false;
        }
        return op != Operator.MUL || !constantValued(s.first(x));
    }

    private boolean plainProduct(int t, Operator op) {
        int a = s.first(t);
        if (op != Operator.MUL && op != Operator.DIV) {
            return plainFactor(a); // inv, powK of one factor
        }
        int b = s.second(t);
        if ((op == Operator.MUL || op == Operator.DIV) && plainCoefficient(a, true)) {
            return plainFactor(b); // * K x, / K x: the coefficient K, then x or its inverse
        }
        return a != b && plainFactor(a) && plainFactor(b) && (op == Operator.DIV || s.lexCompare(a, b) < 0);
    }

    private boolean plainFactor(int x) {
        Operator op = s.operator(x);
        if (op != null) {
            switch (op) {
                case MUL, DIV, INV, POW2, POW3, POW4, POW5, NEG -> {
                    return false;
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
        return !s.hasConstant(x) && !constantValued(x);
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

    /** Whether {@link ConstantFolder#value} could give x a value (a literal, or neg, inv, / at the root). */
    private boolean constantValued(int x) {
        if (!folding) {
            return false;
        }
        if (s.isNumber(x)) {
            return true;
        }
        Operator op = s.operator(x);
        return op == Operator.NEG || op == Operator.INV || op == Operator.DIV;
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
        private final IntComparator byItemTerm = (a, b) -> {
            int c = s.lexCompare(itemTerms[a], itemTerms[b]);
            return c != 0 ? c : Integer.compare(a, b);
        };

        // ---- sums ----

        private int sum(int t) {
            itemCount = 0;
            Fraction constant = Fraction.ZERO;
            boolean freeConstant = false;
            int top = push(0, t, Fraction.ONE);
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
                addItem(x, c, false);
            }
            combine();
            return rebuildSum(constant, freeConstant);
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
            startChain(positives > 0 ? plus[0] : TermStore.NONE);
            for (int i = 0; i < negatives; i++) {
                if (chainEmpty()) {
                    startChain(n.make(Operator.NEG, minus[i], TermStore.NONE));
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

        private boolean positive(int i) {
            return itemFree[i] || itemCoefficients[i].signum() > 0;
        }

        // A left-nested chain under construction: the last link stays pending, so that the caller can
        // build it raw when it is the root of the rebuild (inner links are normalized as they are made).
        private int chainLeft;
        private Operator pendingOp;
        private int pendingRight;

        private void startChain(int first) {
            chainLeft = first;
            pendingOp = null;
        }

        private boolean chainEmpty() {
            return chainLeft == TermStore.NONE;
        }

        private void link(Operator op, int right) {
            if (pendingOp != null) {
                chainLeft = innerLink(pendingOp, chainLeft, pendingRight);
            }
            pendingOp = op;
            pendingRight = right;
        }

        private int endChain(boolean inner) {
            if (pendingOp == null) {
                return chainLeft;
            }
            return inner ? innerLink(pendingOp, chainLeft, pendingRight) : n.raw(pendingOp, chainLeft, pendingRight);
        }

        /** |coefficient| * term, or {@code * <constant> term} for a free coefficient. */
        private int piece(int i) {
            int term = itemTerms[i];
            if (itemFree[i]) {
                return n.make(Operator.MUL, n.normalize(s.constant()), term);
            }
            Fraction c = itemCoefficients[i].abs();
            if (c.isOne()) {
                return term;
            }
            int k = constants.term(c);
            if (k == TermStore.NONE) {
                throw new ArithmeticException("coefficient not exactly representable");
            }
            return n.make(Operator.MUL, n.normalize(k), term);
        }

        // ---- products ----

        private int product(int t) {
            itemCount = 0;
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
                            top = push(top, s.first(x), e.multiply(Fraction.of(op.ordinal() - Operator.POW2.ordinal() + 2)));
                            continue;
                        }
                        case POW -> {
                            Fraction k = folding ? constants.value(s.second(x)) : null;
                            if (k != null && k.isInteger() && Math.abs(k.num()) <= 64) {
                                top = push(top, s.first(x), e.multiply(k));
                                continue;
                            }
                        }
                        case NEG -> {
                            coefficient = coefficient.multiply(Fraction.MINUS_ONE.pow(e.num()));
                            top = push(top, s.first(x), e);
                            continue;
                        }
                        default -> {
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
            if (!free && coefficient.isZero()) {
                return n.number(0);
            }
            return rebuildProduct(coefficient, free);
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
            return switch ((int) Math.min(e, 6)) {
                case 1 -> base;
                case 2 -> n.make(Operator.POW2, base, TermStore.NONE);
                case 3 -> n.make(Operator.POW3, base, TermStore.NONE);
                case 4 -> n.make(Operator.POW4, base, TermStore.NONE);
                case 5 -> n.make(Operator.POW5, base, TermStore.NONE);
                default -> n.make(Operator.POW, base, n.number(e));
            };
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
        for (int i = 1; i < count; i++) {
            acc = i == count - 1 ? n.raw(op, acc, terms[i]) : innerLink(op, acc, terms[i]);
        }
        return acc;
    }

    /** An inner chain link, marked collected: it is already in canonical form, collecting it again is wasted. */
        private int innerLink(Operator op, int left, int right) {
            int raw = s.operator(op, left, right);
            s.markCollected(raw);
            return n.normalize(raw);
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
