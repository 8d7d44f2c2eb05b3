package dev.simplij.simplify;

import dev.simplij.expr.Expr;
import dev.simplij.expr.Operator;

import java.util.Arrays;

/**
 * Finds one application of a {@link BagRules} bag among the collected items of a sum or product:
 * items whose terms match the bag's elements (operands of {@code +} and {@code *} inside an element
 * in either order), and the largest common multiple of the bag that their coefficients (exponents)
 * hold. Candidates come from the items' heads: an item is tried only as the anchor of the bags
 * anchored at its head, and the other elements only against the items of their own head, so the
 * work grows with the matches a chain could have, not with its subsets.
 *
 * <p>Sums: the multiple {@code k} is the ratio of item coefficient to element weight (and of the
 * chain's constant to the bag's), all of one sign, the smallest in magnitude:
 * {@code 2*sin(x)**2 + 3*cos(x)**2} holds the Pythagorean bag twice. Products: each exponent ratio
 * must be a positive integer ({@code (sin/cos)**-1} is no instance of {@code tan}: {@code 1/tan} is
 * undefined where {@code cos/sin} is 0).
 *
 * <p>A work area of one collection level; thread-confined.
 */
final class BagMatcher {
    /** Bounds the structural matches tried per search, so a long chain of alike items stays cheap. */
    private static final int MAX_TRIES = 4096;
    private static final int MAX_ELEMENTS = 8;

    private final TermStore s;
    private final BagRules bags;

    private BagRules.Bag bag;
    private Fraction multiple;
    private final int[] chosen = new int[MAX_ELEMENTS];
    private int[] bindings = new int[8];
    private int[][] saved = new int[16][];
    private int savedDepth;
    private int tries;
    /** Applications still to pass over before one is reported. */
    private int toSkip;

    // the chain being searched
    private boolean sum;
    private int[] terms;
    private Fraction[] weights;
    private boolean[] free;
    private int count;
    private Fraction constant;
    /** Items grouped by head: the items of head h are {@code byHead[headStart[h] .. headStart[h + 1])}. */
    private final int[] headStart = new int[Operator.count() - Expr.PLACEHOLDER + 1];
    private int[] byHead = new int[16];
    private final int[] nextSlot = new int[headStart.length];

    BagMatcher(TermStore s, BagRules bags) {
        this.s = s;
        this.bags = bags;
    }

    /**
     * Searches the items for a bag application; afterwards {@link #bag}, {@link #multiple},
     * {@link #item} and {@link #bindings} describe it.
     *
     * @param constant the sum's constant term, or the product's coefficient
     */
    boolean find(boolean sum, int[] terms, Fraction[] weights, boolean[] free, int count, Fraction constant) {
        return find(sum, terms, weights, free, count, constant, 0);
    }

    /** As {@link #find}, passing over the first {@code skip} applications (in search order). */
    boolean find(boolean sum, int[] terms, Fraction[] weights, boolean[] free, int count, Fraction constant, int skip) {
        this.toSkip = skip;
        this.sum = sum;
        this.terms = terms;
        this.weights = weights;
        this.free = free;
        this.count = count;
        this.constant = constant;
        this.tries = 0;
        groupByHead();
        for (int i = 0; i < count; i++) {
            if (free[i]) {
                continue;
            }
            int t = terms[i];
            int code = s.code(t);
            if (code >= 0 && Operator.ofOrdinal(code).arity() > 0
                    && tryAnchor(i, bags.anchoredAt(sum, code, BagRules.headOfCode(s.code(s.first(t)))))) {
                return true;
            }
            if (tryAnchor(i, bags.anchoredAt(sum, code, BagRules.ANY_OPERAND))) {
                return true;
            }
            if (tries > MAX_TRIES) {
                break;
            }
        }
        bag = null;
        return false;
    }

    /** Tries the bags anchored at item i's head; true when one applies. */
    private boolean tryAnchor(int i, BagRules.Bag[] anchored) {
        for (BagRules.Bag b : anchored) {
            if ((b.shapes() & ~presentShapes) != 0 || b.length() > MAX_ELEMENTS
                    || (b.needsConstant() && constant.isZero())) {
                continue; // an element's shape is on no item, or the bag's constant term is missing
            }
            if (tries++ > MAX_TRIES) {
                return false;
            }
            if (s.size(terms[i]) < b.sizes()[0]) {
                continue; // the anchor is too short for the element: no bindings to clear for it
            }
            bag = b;
            clearBindings(b.placeholders());
            savedDepth = 0;
            if (match(b.elements()[0], 0, terms[i])) {
                chosen[0] = i;
                if (assign(1)) {
                    return true;
                }
            }
        }
        return false;
    }

    BagRules.Bag bag() {
        return bag;
    }

    /** How many times the bag is taken out of the matched items. */
    Fraction multiple() {
        return multiple;
    }

    /** The item matched by element e of {@link #bag}. */
    int item(int e) {
        return chosen[e];
    }

    int[] bindings() {
        return bindings;
    }

    /** The {@link BagRules#shapeBits} of every item. */
    private long presentShapes;

    private void groupByHead() {
        Arrays.fill(headStart, 0);
        presentShapes = 0;
        if (byHead.length < count) {
            byHead = new int[Math.max(count, byHead.length * 2)];
        }
        for (int i = 0; i < count; i++) {
            int h = BagRules.headOfCode(s.code(terms[i]));
            headStart[h + 1]++;
            presentShapes |= BagRules.shapeBits(s, terms[i]);
        }
        for (int h = 1; h < headStart.length; h++) {
            headStart[h] += headStart[h - 1];
        }
        int[] next = nextSlot;
        System.arraycopy(headStart, 0, next, 0, headStart.length);
        for (int i = 0; i < count; i++) {
            byHead[next[BagRules.headOfCode(s.code(terms[i]))]++] = i;
        }
    }

    private void clearBindings(int placeholders) {
        if (bindings.length < placeholders) {
            bindings = new int[Math.max(placeholders, bindings.length * 2)];
        }
        Arrays.fill(bindings, 0, placeholders, TermStore.NONE);
    }

    /** Elements from e on matched against unused items, backtracking; then the multiple is checked. */
    private boolean assign(int e) {
        if (e == bag.length()) {
            return multipleFits() && toSkip-- == 0;
        }
        Expr element = bag.elements()[e];
        int h = BagRules.head(element);
        for (int at = headStart[h]; at < headStart[h + 1]; at++) {
            int i = byHead[at];
            if (free[i] || used(i, e) || s.size(terms[i]) < bag.sizes()[e]) {
                continue;
            }
            if (tries++ > MAX_TRIES) {
                return false;
            }
            int mark = save();
            if (match(element, 0, terms[i])) {
                chosen[e] = i;
                if (assign(e + 1)) {
                    return true;
                }
            }
            restore(mark);
        }
        return false;
    }

    private boolean used(int i, int elements) {
        for (int e = 0; e < elements; e++) {
            if (chosen[e] == i) {
                return true;
            }
        }
        return false;
    }

    private boolean multipleFits() {
        try {
            Fraction k = null;
            for (int e = 0; e < bag.length(); e++) {
                Fraction r = weights[chosen[e]].divide(bag.weights()[e]);
                if (!sum && (!r.isInteger() || r.signum() <= 0)) {
                    return false;
                }
                k = smaller(k, r);
                if (k == null) {
                    return false;
                }
            }
            if (bag.needsConstant()) {
                k = constant.isZero() ? null : smaller(k, constant.divide(bag.constant()));
                if (k == null) {
                    return false;
                }
            }
            multiple = k;
            return shortens(k);
        } catch (ArithmeticException e) {
            return false;
        }
    }

    /**
     * Whether the application can shorten the chain, counted before anything is built: the tokens
     * of the items it uses up (and of the constant term when that goes) against the tokens of the
     * right side's instance, its multiple and its link. Only applications that pass are built and
     * collected, which is most of the cost of a match.
     */
    private boolean shortens(Fraction k) {
        int saved = 0;
        for (int e = 0; e < bag.length(); e++) {
            int i = chosen[e];
            if (weights[i].subtract(k.multiply(bag.weights()[e])).isZero()) {
                saved += s.size(terms[i]) + 1 + (weights[i].abs().isOne() ? 0 : 2);
            }
        }
        if (sum ? bag.needsConstant() && constant.subtract(k.multiply(bag.constant())).isZero()
                : !bag.constant().isOne() && constant.equals(bag.constant().pow(k.num()))) {
            saved += 2; // the constant term, or the product's coefficient, goes
        }
        Expr rhs = bag.rule().rhs();
        int added = 1 + (k.abs().isOne() ? 0 : 2);
        for (int i = 0; i < rhs.size() && added <= saved; i++) {
            added += rhs.code(i) == Expr.PLACEHOLDER ? s.size(bindings[rhs.placeholder(i)]) : 1;
        }
        // as long counts too: the instance is often shortened further when it is normalized
        return added <= saved;
    }

    /** The one of k and r smaller in magnitude, or null when their signs differ. */
    private static Fraction smaller(Fraction k, Fraction r) {
        if (r.isZero()) {
            return null;
        }
        if (k == null) {
            return r;
        }
        if (k.signum() != r.signum()) {
            return null;
        }
        return r.abs().subtract(k.abs()).signum() < 0 ? r : k;
    }

    /**
     * Matches the pattern subtree at {@code node} against term t, extending the bindings (a
     * placeholder bound twice must bind one term: terms are hash-consed). Operands of commutative
     * operators are tried both ways, since the store orders them canonically and the rule file may not.
     */
    private boolean match(Expr p, int node, int t) {
        int code = p.code(node);
        if (code == Expr.PLACEHOLDER) {
            int k = p.placeholder(node);
            int bound = bindings[k];
            if (bound == TermStore.NONE) {
                bindings[k] = t;
                return true;
            }
            return bound == t;
        }
        if (code != s.code(t)) {
            return false;
        }
        if (code < 0) {
            return code == Expr.NUMBER && Double.compare(p.number(node), s.numberValue(t)) == 0;
        }
        int arity = Operator.ofOrdinal(code).arity();
        if (arity == 0) {
            return true;
        }
        int a = node + 1;
        if (arity == 1) {
            return match(p, a, s.first(t));
        }
        int b = p.end(a);
        if (!Operator.ofOrdinal(code).isCommutative()) {
            return match(p, a, s.first(t)) && match(p, b, s.second(t));
        }
        int mark = save();
        if (match(p, a, s.first(t)) && match(p, b, s.second(t))) {
            return true;
        }
        restore(mark);
        return match(p, a, s.second(t)) && match(p, b, s.first(t));
    }

    private int save() {
        if (savedDepth == saved.length) {
            saved = Arrays.copyOf(saved, saved.length * 2);
        }
        int[] copy = saved[savedDepth];
        int n = bag.placeholders();
        if (copy == null || copy.length < n) {
            copy = saved[savedDepth] = new int[Math.max(4, n)];
        }
        System.arraycopy(bindings, 0, copy, 0, n);
        return savedDepth++;
    }

    private void restore(int mark) {
        System.arraycopy(saved[mark], 0, bindings, 0, bag.placeholders());
        savedDepth = mark;
    }
}
