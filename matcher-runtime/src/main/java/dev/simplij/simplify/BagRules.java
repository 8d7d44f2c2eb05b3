package dev.simplij.simplify;

import dev.simplij.expr.Expr;
import dev.simplij.expr.Operator;
import dev.simplij.rules.Rule;

import java.util.ArrayList;
import java.util.List;

/**
 * The rules whose left side is a sum or a product, compiled for matching modulo associativity and
 * commutativity against the collected items of a chain ({@link LikeTerms}). A left side is
 * flattened the way the collection flattens a chain: {@code + pow2 sin _0 pow2 cos _0} becomes the
 * bag {(pow2 sin _0, 1), (pow2 cos _0, 1)}, {@code / sinh _0 cosh _0} the bag {(sinh _0, 1),
 * (cosh _0, -1)}, {@code + 1 pow2 tan _0} the bag {(pow2 tan _0, 1)} beside the constant 1. A bag
 * then applies to any of a longer chain's items, not only to two that happen to sit side by side,
 * and with a common multiple carried through ({@code 2*sin(x)**2 + y + 2*cos(x)**2 -> y + 2}).
 *
 * <p>Left sides that the collection itself decides are left to it: a bag with an element that is
 * a bare placeholder ({@code - _0 + _0 _1}), with a free {@code <constant>}, or with fewer than two
 * parts. Immutable; built once per {@link Simplifier}.
 */
final class BagRules {
    /** Codes of the leaf kinds are negative; heads are indexed by {@code code + HEAD_OFFSET}. */
    private static final int HEAD_OFFSET = -Expr.PLACEHOLDER;
    private static final int HEADS = Operator.count() + HEAD_OFFSET;
    private static final Bag[] NO_BAGS = {};

    static {
        if (HEADS > Long.SIZE) {
            throw new IllegalStateException("head masks need at most 64 token kinds, the table has " + HEADS);
        }
    }

    /**
     * One compiled left side. Elements are ordered for matching: the anchor first (the element with
     * the most placeholders, looked up by its head), then each element with the fewest placeholders
     * not bound by the elements before it.
     *
     * @param constant  for a sum, the left side's constant term (0 when none); for a product, its
     *                  numeric coefficient (1 when none)
     * @param weights   each element's coefficient (sum) or integer exponent (product)
     * @param sizes     each element pattern's token count, less one per placeholder occurrence
     * @param shapes    the {@link #shapeBit}s the items must show for the elements to match
     */
    record Bag(Rule rule, boolean sum, Fraction constant, Expr[] elements, Fraction[] weights, int[] sizes,
               int placeholders, long shapes, boolean needsConstant) {
        int length() {
            return elements.length;
        }
    }

    /** Bags by the head of their anchor and the head of the anchor's first operand ({@link #ANY_OPERAND} when a placeholder or none). */
    private final Bag[][][] sumsByHead;
    private final Bag[][][] productsByHead;
    /** Operand slot of anchors whose first operand is a placeholder or who have none. */
    static final int ANY_OPERAND = HEADS;
    /**
     * By head: the heads of the other elements of the bags it is an element of (its own head when a
     * bag has two elements of that head), a quick test that two items could be part of one bag.
     */
    private final long[] sumPartners = new long[HEADS];
    private final long[] productPartners = new long[HEADS];
    /** Heads of one-element bags (a single element beside a constant or coefficient). */
    private long loneSumHeads;
    private long loneProductHeads;
    private final int count;
    /** By rule number: whether the rule is a bag (applied to whole chains, never to two adjacent operands). */
    private final boolean[] isBag;

    private BagRules(List<Bag> bags, boolean[] isBag) {
        this.isBag = isBag;
        List<List<Bag>> sums = new ArrayList<>();
        List<List<Bag>> products = new ArrayList<>();
        for (int h = 0; h < HEADS * (HEADS + 1); h++) {
            sums.add(new ArrayList<>());
            products.add(new ArrayList<>());
        }
        for (Bag bag : bags) {
            Expr anchorPattern = bag.elements()[0];
            int anchor = head(anchorPattern);
            int operand = anchorPattern.size() > 1 && anchorPattern.code(1) != Expr.PLACEHOLDER
                    ? anchorPattern.code(1) + HEAD_OFFSET : ANY_OPERAND;
            (bag.sum() ? sums : products).get(anchor * (HEADS + 1) + operand).add(bag);
            long[] partners = bag.sum() ? sumPartners : productPartners;
            Expr[] elements = bag.elements();
            for (int i = 0; i < elements.length; i++) {
                for (int j = 0; j < elements.length; j++) {
                    if (i != j) {
                        partners[head(elements[i])] |= 1L << head(elements[j]);
                    }
                }
            }
            if (bag.length() == 1) { // a one-element bag has a constant or coefficient (compile keeps no other)
                if (bag.sum()) {
                    loneSumHeads |= 1L << anchor;
                } else {
                    loneProductHeads |= 1L << anchor;
                }
            }
        }
        this.sumsByHead = toArrays(sums);
        this.productsByHead = toArrays(products);
        this.count = bags.size();
    }

    private static Bag[][][] toArrays(List<List<Bag>> lists) {
        Bag[][][] out = new Bag[HEADS][HEADS + 1][];
        for (int h = 0; h < HEADS; h++) {
            for (int o = 0; o <= HEADS; o++) {
                List<Bag> list = lists.get(h * (HEADS + 1) + o);
                out[h][o] = list.isEmpty() ? NO_BAGS : list.toArray(NO_BAGS);
            }
        }
        return out;
    }

    /** Compiles the bag rules among {@code rules}, keeping their order (the priority order). */
    static BagRules of(List<Rule> rules) {
        List<Bag> bags = new ArrayList<>();
        boolean[] isBag = new boolean[rules.size()];
        for (int r = 0; r < rules.size(); r++) {
            Bag bag = compile(rules.get(r));
            if (bag != null) {
                bags.add(bag);
                isBag[r] = true;
            }
        }
        return new BagRules(bags, isBag);
    }

    int size() {
        return count;
    }

    /** The rules of {@code rules} that are no bag, in their order. */
    List<Rule> others(List<Rule> rules) {
        List<Rule> out = new ArrayList<>(rules.size() - count);
        for (int r = 0; r < rules.size(); r++) {
            if (!isBag[r]) {
                out.add(rules.get(r));
            }
        }
        return out;
    }


    /**
     * One bit of a 64-bit shape mask for a head and the head of its first operand ({@link
     * #ANY_OPERAND}: any). An item sets the bits of both ({@link #shapeBits}), an element requires
     * the bit of its own pattern, so a bag whose required bits are not all set cannot match.
     */
    static long shapeBit(int head, int operandHead) {
        int h = (head * 31 + operandHead) * 0x9E3779B9;
        return 1L << (h >>> 26);
    }

    /** The shape bits of a term: its head alone, and its head with its first operand's head. */
    static long shapeBits(TermStore s, int t) {
        int code = s.code(t);
        int head = code + HEAD_OFFSET;
        long bits = shapeBit(head, ANY_OPERAND);
        if (code >= 0 && Operator.ofOrdinal(code).arity() > 0) {
            bits |= shapeBit(head, s.code(s.first(t)) + HEAD_OFFSET);
        }
        return bits;
    }

    static int head(Expr pattern) {
        return pattern.code(0) + HEAD_OFFSET;
    }

    static int headOfCode(int code) {
        return code + HEAD_OFFSET;
    }

    /**
     * The bags whose anchor has this head code and whose anchor's first operand is a pattern of this
     * head code ({@link #ANY_OPERAND}: a placeholder), in rule order.
     */
    Bag[] anchoredAt(boolean sum, int code, int operandHead) {
        return (sum ? sumsByHead : productsByHead)[code + HEAD_OFFSET][operandHead];
    }

    /**
     * Whether items with these heads could hold a bag: two of them are elements of one bag, or one
     * is the element of a one-element bag beside a constant (a necessary condition, cheap to test).
     *
     * @param heads    bit {@code headOfCode(code)} for each item head present
     * @param repeated the heads present on two items or more
     * @param constant whether the chain has a constant term (sum) or a coefficient other than 1
     */
    boolean mayHold(boolean sum, long heads, long repeated, boolean constant) {
        long[] partners = sum ? sumPartners : productPartners;
        for (long rest = heads; rest != 0; rest &= rest - 1) {
            int h = Long.numberOfTrailingZeros(rest);
            long bit = 1L << h;
            if ((partners[h] & heads & ~bit) != 0 || (partners[h] & repeated & bit) != 0) {
                return true;
            }
        }
        return constant && (heads & (sum ? loneSumHeads : loneProductHeads)) != 0;
    }

    /** {@link #mayHold} for collected items. */
    boolean mayMatch(boolean sum, TermStore s, int[] terms, int count, Fraction constant) {
        long heads = 0;
        long repeated = 0;
        for (int i = 0; i < count; i++) {
            long bit = 1L << headOfCode(s.code(terms[i]));
            repeated |= heads & bit;
            heads |= bit;
        }
        return mayHold(sum, heads, repeated, sum ? !constant.isZero() : !constant.isOne());
    }

    // ---- compiling ----

    private static Bag compile(Rule rule) {
        Expr lhs = rule.lhs();
        Operator root = lhs.operator(0);
        if (root == null || hasFreeConstant(lhs)) {
            return null;
        }
        boolean sum = root == Operator.ADD || root == Operator.SUB || root == Operator.NEG;
        boolean product = !sum && isProductLink(lhs, 0);
        if (!sum && !product) {
            return null;
        }
        Flattened f = new Flattened(sum);
        try {
            if (sum) {
                f.sum(lhs, 0, Fraction.ONE);
            } else {
                f.product(lhs, 0, Fraction.ONE, false);
            }
        } catch (ArithmeticException e) {
            return null;
        }
        f.combine();
        if (f.widened || f.constant.isZero() && !sum) {
            return null;
        }
        int parts = f.elements.size() + (f.hasConstant() ? 1 : 0);
        if (f.elements.isEmpty() || parts < 2) {
            return null;
        }
        for (Expr element : f.elements) {
            if (element.size() == 1 && element.code(0) == Expr.PLACEHOLDER) {
                return null;
            }
        }
        int[] order = matchingOrder(f.elements);
        Expr[] elements = new Expr[order.length];
        Fraction[] weights = new Fraction[order.length];
        int[] sizes = new int[order.length];
        for (int i = 0; i < order.length; i++) {
            elements[i] = f.elements.get(order[i]);
            weights[i] = f.weights.get(order[i]);
            sizes[i] = elements[i].size() - placeholderOccurrences(elements[i]);
        }
        long heads = 0;
        for (Expr element : elements) {
            heads |= shapeBit(head(element), element.size() > 1 && element.code(1) != Expr.PLACEHOLDER
                    ? element.code(1) + HEAD_OFFSET : ANY_OPERAND);
        }
        return new Bag(rule, sum, f.constant, elements, weights, sizes, lhs.placeholderCount(), heads,
                sum && f.hasConstant());
    }

    private static boolean hasFreeConstant(Expr e) {
        for (int i = 0; i < e.size(); i++) {
            if (e.code(i) == Expr.CONSTANT) {
                return true;
            }
        }
        return false;
    }

    private static boolean isProductLink(Expr e, int node) {
        Operator op = e.operator(node);
        if (op == null) {
            return false;
        }
        return switch (op) {
            case MUL, DIV, INV, POW2, POW3, POW4, POW5 -> true;
            case POW -> integerExponent(e, e.child(node, 1)) != null;
            default -> false;
        };
    }

    private static Fraction integerExponent(Expr e, int node) {
        Fraction k = exactValue(e, node);
        return k != null && k.isIntegerWithin(64) ? k : null;
    }

    /**
     * Anchor first: the element with the most distinct placeholders (then the longest, then the
     * first); then, repeatedly, the element with the fewest placeholders not bound yet.
     */
    private static int[] matchingOrder(List<Expr> elements) {
        int n = elements.size();
        long[] holes = new long[n];
        for (int i = 0; i < n; i++) {
            holes[i] = placeholderSet(elements.get(i));
        }
        int[] order = new int[n];
        boolean[] used = new boolean[n];
        long bound = 0;
        for (int k = 0; k < n; k++) {
            int best = -1;
            for (int i = 0; i < n; i++) {
                if (used[i]) {
                    continue;
                }
                if (best < 0 || better(k == 0, holes[i], elements.get(i), holes[best], elements.get(best), bound)) {
                    best = i;
                }
            }
            used[best] = true;
            order[k] = best;
            bound |= holes[best];
        }
        return order;
    }

    private static boolean better(boolean anchor, long a, Expr ea, long b, Expr eb, long bound) {
        if (anchor) {
            int ca = Long.bitCount(a);
            int cb = Long.bitCount(b);
            return ca != cb ? ca > cb : ea.size() > eb.size();
        }
        return Long.bitCount(a & ~bound) < Long.bitCount(b & ~bound);
    }

    private static long placeholderSet(Expr e) {
        long set = 0;
        for (int i = 0; i < e.size(); i++) {
            if (e.code(i) == Expr.PLACEHOLDER) {
                set |= 1L << Math.min(63, e.placeholder(i));
            }
        }
        return set;
    }

    private static int placeholderOccurrences(Expr e) {
        int count = 0;
        for (int i = 0; i < e.size(); i++) {
            if (e.code(i) == Expr.PLACEHOLDER) {
                count++;
            }
        }
        return count;
    }

    /** The exact value of a subtree of literals, or null (pi, E and functions of them have none). */
    private static Fraction exactValue(Expr e, int node) {
        Operator op = e.operator(node);
        if (op == null) {
            return e.code(node) == Expr.NUMBER ? Fraction.ofLiteral(e.number(node)) : null;
        }
        if (op.arity() == 0) {
            return null;
        }
        Fraction a = exactValue(e, e.child(node, 0));
        if (a == null) {
            return null;
        }
        Fraction b = op.arity() == 2 ? exactValue(e, e.child(node, 1)) : null;
        if (op.arity() == 2 && b == null) {
            return null;
        }
        return switch (op) {
            case NEG -> a.negate();
            case INV -> a.isZero() ? null : Fraction.ONE.divide(a);
            case ADD -> a.add(b);
            case SUB -> a.subtract(b);
            case MUL -> a.multiply(b);
            case DIV -> b.isZero() ? null : a.divide(b);
            case POW2, POW3, POW4, POW5 -> a.pow(op.integerPower());
            default -> null;
        };
    }

    /** A left side flattened as {@link LikeTerms} flattens a chain. */
    private static final class Flattened {
        final boolean sum;
        Fraction constant;
        final List<Expr> elements = new ArrayList<>();
        final List<Fraction> weights = new ArrayList<>();
        /**
         * Set when the bag is defined at points where the left side is not, where the rule says
         * nothing: like elements merged or cancelled ({@code + - log _0 log _0 _1}), or a divisor
         * that ends up a factor ({@code / -1 inv - abs _0 _0} holds only where {@code |x| - x != 0},
         * and the bag {@code -(|x| - x)} would be taken for it everywhere).
         */
        boolean widened;

        Flattened(boolean sum) {
            this.sum = sum;
            this.constant = sum ? Fraction.ZERO : Fraction.ONE;
        }

        boolean hasConstant() {
            return sum ? !constant.isZero() : !constant.isOne();
        }

        void sum(Expr e, int node, Fraction c) {
            Fraction v = exactValue(e, node);
            if (v != null) {
                constant = constant.add(c.multiply(v));
                return;
            }
            Operator op = e.operator(node);
            if (op == Operator.ADD || op == Operator.SUB) {
                sum(e, e.child(node, 0), c);
                sum(e, e.child(node, 1), op == Operator.SUB ? c.negate() : c);
                return;
            }
            if (op == Operator.NEG) {
                sum(e, e.child(node, 0), c.negate());
                return;
            }
            if (op == Operator.MUL) {
                Fraction k0 = exactValue(e, e.child(node, 0));
                Fraction k1 = exactValue(e, e.child(node, 1));
                if (k0 != null || k1 != null) {
                    sum(e, e.child(node, k0 != null ? 1 : 0), c.multiply(k0 != null ? k0 : k1));
                    return;
                }
            }
            add(e, node, c);
        }

        void product(Expr e, int node, Fraction k, boolean divisor) {
            Fraction v = exactValue(e, node);
            if (v != null) {
                if (v.isZero() && k.signum() < 0) {
                    throw new ArithmeticException("division by zero");
                }
                constant = constant.multiply(v.pow(k.num()));
                return;
            }
            Operator op = e.operator(node);
            if (op != null && op.arity() > 0) {
                switch (op) {
                    case MUL, DIV -> {
                        product(e, e.child(node, 0), k, divisor);
                        product(e, e.child(node, 1), op == Operator.DIV ? k.negate() : k, divisor || op == Operator.DIV);
                        return;
                    }
                    case INV -> {
                        product(e, e.child(node, 0), k.negate(), true);
                        return;
                    }
                    case POW2, POW3, POW4, POW5 -> {
                        product(e, e.child(node, 0), k.multiply(Fraction.of(op.integerPower())), divisor);
                        return;
                    }
                    case POW -> {
                        Fraction exponent = integerExponent(e, e.child(node, 1));
                        if (exponent != null) {
                            product(e, e.child(node, 0), k.multiply(exponent), divisor || exponent.signum() < 0);
                            return;
                        }
                    }
                    case NEG -> {
                        constant = constant.multiply(Fraction.MINUS_ONE.pow(k.num()));
                        product(e, e.child(node, 0), k, divisor);
                        return;
                    }
                    default -> {
                    }
                }
            }
            widened |= divisor && k.signum() > 0;
            add(e, node, k);
        }

        private void add(Expr e, int node, Fraction weight) {
            elements.add(Expr.builder(e.end(node) - node).subtree(e, node).build());
            weights.add(weight);
        }

        /** Merges equal elements and drops those whose weights cancel. */
        void combine() {
            for (int i = 0; i < elements.size(); i++) {
                for (int j = elements.size() - 1; j > i; j--) {
                    if (elements.get(j).equals(elements.get(i))) {
                        widened = true;
                        weights.set(i, weights.get(i).add(weights.get(j)));
                        elements.remove(j);
                        weights.remove(j);
                    }
                }
            }
            for (int i = elements.size() - 1; i >= 0; i--) {
                if (weights.get(i).isZero()) {
                    widened = true;
                    elements.remove(i);
                    weights.remove(i);
                }
            }
        }
    }

    @Override
    public String toString() {
        return "BagRules[" + count + " bags]";
    }
}
