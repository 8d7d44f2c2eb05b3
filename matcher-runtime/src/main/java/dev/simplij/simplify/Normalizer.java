package dev.simplij.simplify;

import dev.simplij.expr.Expr;
import dev.simplij.expr.Operator;
import dev.simplij.expr.Spelling;
import dev.simplij.match.Matcher;
import dev.simplij.match.RuleIndex;
import it.unimi.dsi.fastutil.ints.IntArrayList;

import java.util.Arrays;

/**
 * The smart constructor of one simplification call: every node is built from operands that are
 * already normal, then normalized at its root only, by steps that each yield a term strictly
 * smaller in {@link dev.simplij.expr.ExprOrder} (so the loop terminates and never lengthens):
 * canonical order of commutative operands, skeleton absorption, constant folding, like-term
 * collection, then rules found through the {@link RuleIndex}. A rule's right side is built through
 * the same constructor, and normal forms are memoized per term id, so nothing is ever rescanned.
 *
 * <p>Recursion happens only when a right side (or a rebuilt chain) is built, and is bounded by
 * {@link #MAX_DEPTH}; walking the input is iterative.
 */
final class Normalizer {
    /** Nesting bound of rewrites inside the construction of another rewrite's result. */
    static final int MAX_DEPTH = 64;
    /** Memo mark of a term whose normalization is under way. */
    private static final int IN_PROGRESS = -2;
    /** Names of an input with an index below this have their store term kept in {@link #variableTerms}. */
    private static final int VARIABLE_TERMS = 64;

    final TermStore store;
    private final Simplifier config;
    private final RuleIndex index;
    /** Whether the index holds any rule (read at every rewrite, so kept here rather than asked of the index's list). */
    private final boolean hasRules;
    /** Whether a rule may match at a leaf; when none can, leaves are normal as they are. */
    private final boolean leafRules;
    private final Matcher[] matchers = new Matcher[MAX_DEPTH + 1];
    private final int[][] frames = new int[MAX_DEPTH + 1][];
    /** Scratch stacks for building right sides, one per nesting level (a build nests one level down). */
    private final int[][] rhsStacks = new int[MAX_DEPTH + 1][];
    private int[] buildStack = new int[64];
    /** The store's variable term of each name of the expression being built (by its name index), or NONE. */
    private final int[] variableTerms = new int[VARIABLE_TERMS];
    private boolean inputKept;
    private final IntArrayList chain = new IntArrayList();
    private final ConstantFolder folder;
    private final LikeTerms likeTerms;
    /** The bag rules when like terms and folding are on (then they are applied to whole chains only), else null. */
    private final BagRules bags;
    /** The canonical forms of this call's terms, memoized by term id. */
    private CanonicalForm forms;
    private final Rendering rendering;
    private int depth;
    private long steps;
    private long budget;
    private boolean stopped;
    /** Whether some chain of this call could hold an instance of a bag rule ({@link LikeTerms#withBagRules}). */
    private boolean bagCandidateSeen;
    /** The result of {@link #withBagRules} per term, valid where {@link #baggedPass} holds this pass's number. */
    private int[] bagged = new int[64];
    private int[] baggedPass = new int[64];
    private int pass;
    /** Bag rules applied in one another's results, at most. */
    private static final int MAX_BAG_NESTING = 8;
    private int bagNesting;
    /**
     * Per term, the pass that found no bag rule to apply anywhere in it (valid from
     * {@link #firstPassOfCall} on): a later pass of the same call, the confirming one, would
     * search its chains again and find the same nothing, so it takes the term as it is.
     */
    private int[] bagFreePass = new int[64];
    private int firstPassOfCall = 1;
    /**
     * Counts the events of a pass that keep a term from being marked bag-free: a rule applied, a
     * changed term found in the pass's memo, a chain left unsearched (budget or nesting bound).
     */
    private int bagEvents;

    Normalizer(TermStore store, Simplifier config) {
        this.store = store;
        this.config = config;
        this.index = config.rewriteIndex();
        this.hasRules = index.size() > 0;
        this.leafRules = hasRules && index.matchesLeaves();
        this.folder = config.folding() ? new ConstantFolder(this) : null;
        this.likeTerms = config.likeTerms() ? new LikeTerms(this, config.folding(), config.skeleton()) : null;
        this.bags = config.bagRules().size() > 0 ? config.bagRules() : null;
        this.rendering = new Rendering(store);
    }

    void start(long budget) {
        this.forms = new CanonicalForm(store);
        this.budget = budget;
        this.steps = 0;
        this.stopped = false;
        this.depth = 0;
        this.chain.clear();
        this.bagCandidateSeen = false;
        this.firstPassOfCall = pass + 1;
    }

    void noteBagCandidate() {
        bagCandidateSeen = true;
    }

    /** Whether {@link #noteBagCandidate} was called in this call (then nobody need look again). */
    boolean bagCandidateSeen() {
        return bagCandidateSeen;
    }

    /**
     * The normal term t with the bag rules applied at the root of every whole chain, bottom-up
     * (a whole chain: a sum or product link whose parent is no link of the same chain). Each
     * application shortens the chain and is normalized again. Nothing to do, and t itself, when
     * no chain of this call was a candidate.
     */
    int withBagRules(int t) {
        if (bags == null || !bagCandidateSeen) {
            return t;
        }
        if (++pass == Integer.MAX_VALUE) {
            pass = 1;
            firstPassOfCall = 1;
            Arrays.fill(baggedPass, 0);
            Arrays.fill(bagFreePass, 0);
        }
        bagNesting = 0;
        return bagsAtRoot(t);
    }

    private int bagsAtRoot(int t) {
        if (t < baggedPass.length && baggedPass[t] == pass) {
            if (bagged[t] != t) {
                bagEvents++;
            }
            return bagged[t];
        }
        if (t < bagFreePass.length && bagFreePass[t] >= firstPassOfCall) {
            return t;
        }
        int eventsBefore = bagEvents;
        int result = bagsBelow(t, chainFamily(t));
        int family = chainFamily(result);
        if (family != 0 && (stopped || bagNesting >= MAX_BAG_NESTING)) {
            bagEvents++;
        } else if (family != 0) {
            int applied = likeTerms.withBagRules(result);
            if (applied != TermStore.NONE) {
                bagEvents++;
                bagNesting++;
                result = bagsAtRoot(normalize(applied));
                bagNesting--;
            }
        }
        if (t >= baggedPass.length) {
            int size = Math.max(t + 1, baggedPass.length * 2);
            bagged = Arrays.copyOf(bagged, size);
            baggedPass = Arrays.copyOf(baggedPass, size);
            bagFreePass = Arrays.copyOf(bagFreePass, size);
        }
        bagged[t] = result;
        baggedPass[t] = pass;
        if (result == t && bagEvents == eventsBefore) {
            bagFreePass[t] = pass;
        }
        return result;
    }

    /** t with the bag pass done in its operands; links of its own chain are walked, not taken as roots. */
    private int bagsBelow(int t, int family) {
        Operator op = store.operator(t);
        if (op == null || op.arity() == 0) {
            return t;
        }
        int first = store.first(t);
        int second = store.second(t);
        int a = family != 0 && chainFamily(first) == family ? bagsBelow(first, family) : bagsAtRoot(first);
        int b = second == TermStore.NONE ? second
                : family != 0 && chainFamily(second) == family ? bagsBelow(second, family) : bagsAtRoot(second);
        return a == first && b == second ? t : make(op, a, b);
    }

    /** 1 for a link of a sum chain, 2 for a link of a product chain, 0 otherwise. */
    private int chainFamily(int t) {
        int code = store.code(t);
        return code < 0 ? 0 : CHAIN_FAMILY[code];
    }

    /** {@link #chainFamily} by operator ordinal: the bag pass asks it two or three times per term. */
    private static final byte[] CHAIN_FAMILY = new byte[Operator.count()];

    static {
        for (int code = 0; code < CHAIN_FAMILY.length; code++) {
            Operator op = Operator.ofOrdinal(code);
            CHAIN_FAMILY[code] = (byte) switch (op) {
                case ADD, SUB, NEG -> 1;
                case MUL, DIV -> 2;
                default -> op.integerPower() != 0 ? 2 : 0; // inv, pow2..pow5
            };
        }
    }

    /** The form of a normal term ({@link CanonicalForm}), or null where it has none. */
    CanonicalForm.Term formOf(int t) {
        try {
            return forms.of(t);
        } catch (CanonicalForm.NotCanonical | ArithmeticException none) {
            return null; // nested too deep, or a number beyond Fraction.MAX_BITS
        }
    }

    /** The writing of a form ({@link Rendering}), or null for no form or one needing a number beyond the literals. */
    Expr write(CanonicalForm.Term form) {
        if (form == null) {
            return null;
        }
        try {
            return rendering.write(form, forms);
        } catch (CanonicalForm.NotCanonical | ArithmeticException none) {
            return null; // a number beyond the literals, or beyond Fraction.MAX_BITS in a writing's arithmetic
        }
    }

    long steps() {
        return steps;
    }

    boolean stopped() {
        return stopped;
    }

    Simplifier config() {
        return config;
    }

    /** The like-term collection of this work area, null when it is off. */
    LikeTerms likeTerms() {
        return likeTerms;
    }

    boolean skeleton() {
        return config.skeleton();
    }

    /**
     * Converts an expression, normalizing bottom-up (walking the prefix array from the end).
     * Afterwards {@link #inputKept} says whether every node was already normal, i.e. the result is
     * the input itself.
     */
    int build(Expr e) {
        int n = e.size();
        int[] stack = buildStack;
        int top = 0;
        boolean kept = true;
        int namesSeen = 0;
        for (int i = n - 1; i >= 0; i--) {
            int raw;
            switch (e.kind(i)) {
                case VARIABLE -> {
                    // Each name is looked up in the store once per input, not once per occurrence.
                    int name = (int) e.payload(i);
                    if (name >= VARIABLE_TERMS) {
                        raw = store.variable(e.variable(i));
                    } else {
                        if (name >= namesSeen) {
                            Arrays.fill(variableTerms, namesSeen, name + 1, TermStore.NONE);
                            namesSeen = name + 1;
                        }
                        raw = variableTerms[name];
                        if (raw == TermStore.NONE) {
                            raw = variableTerms[name] = store.variable(e.variable(i));
                        }
                    }
                }
                case NUMBER -> raw = store.number(e, i);
                case CONSTANT -> raw = store.constant();
                case PLACEHOLDER -> raw = store.placeholder(e.placeholder(i));
                default -> {
                    Operator op = e.operator(i);
                    int first = op.arity() >= 1 ? stack[top - 1] : TermStore.NONE;
                    int second = op.arity() >= 2 ? stack[top - 2] : TermStore.NONE;
                    top -= op.arity();
                    raw = store.operator(op, first, second);
                }
            }
            int t = normalize(raw);
            kept &= t == raw;
            if (top == stack.length) {
                stack = buildStack = Arrays.copyOf(stack, stack.length * 2);
            }
            stack[top++] = t;
        }
        if (stack.length > 1 << 12) {
            buildStack = new int[64]; // not kept: the work area stays small
        }
        inputKept = kept;
        return stack[0];
    }

    /** Whether the last {@link #build} found every node of its input normal already. */
    boolean inputKept() {
        return inputKept;
    }

    /** A normalized node over normal operands. */
    int make(Operator op, int first, int second) {
        return normalize(store.operator(op, first, second));
    }

    /** A raw node over normal operands, normalized later by the caller's loop. */
    int raw(Operator op, int first, int second) {
        return store.operator(op, first, second);
    }

    /** A raw node with the operands of a commutative operator in canonical order. */
    int rawOrdered(Operator op, int first, int second) {
        if (config.canonicalOrder() && op.isCommutative() && store.lexCompare(second, first) < 0) {
            return store.operator(op, second, first);
        }
        return store.operator(op, first, second);
    }

    int number(double value) {
        return normalize(store.number(value));
    }

    /** The normal form of a term whose operands are normal. */
    int normalize(int raw) {
        int known = store.normal[raw];
        if (known != TermStore.NONE) {
            // IN_PROGRESS: a step of this very term rebuilt it; it is its own candidate, as it is
            return known == IN_PROGRESS ? raw : known;
        }
        if (stopped || depth >= MAX_DEPTH) {
            stopped = true;
            return raw;
        }
        if (!leafRules && isLeaf(raw)) {
            store.normal[raw] = raw; // what the loop below concludes: no step applies at a leaf
            return raw;
        }
        depth++;
        int mark = chain.size();
        chain.add(raw);
        store.normal[raw] = IN_PROGRESS;
        int current = raw;
        while (true) {
            int next = step(current);
            if (next == TermStore.NONE) {
                break;
            }
            if (steps >= budget) {
                stopped = true;
                break;
            }
            steps++;
            int done = store.normal[next];
            if (done != TermStore.NONE && done != IN_PROGRESS) {
                current = done;
                break;
            }
            if (done == IN_PROGRESS && chain.lastIndexOf(next) >= mark) {
                // a cycle of equal-length steps (a rule that writes 2*x as x + x against collection):
                // its smallest term in ExprOrder ends it, whichever term the cycle was entered at
                current = smallestFrom(chain.lastIndexOf(next));
                break;
            }
            current = next;
            chain.add(current);
            store.normal[current] = IN_PROGRESS;
        }
        for (int i = mark; i < chain.size(); i++) {
            store.normal[chain.getInt(i)] = current;
        }
        chain.size(mark);
        depth--;
        return current;
    }

    private int smallestFrom(int from) {
        int best = chain.getInt(from);
        for (int i = from + 1; i < chain.size(); i++) {
            int t = chain.getInt(i);
            if (store.compare(t, best) < 0) {
                best = t;
            }
        }
        return best;
    }

    /** One rewrite at the root of {@code t}: a strictly smaller term, or NONE when t is normal. */
    private int step(int t) {
        Operator op = store.operator(t);
        if (op == null || op.arity() == 0) {
            return rewrite(t);
        }
        if (config.canonicalOrder() && op.isCommutative()
                && store.lexCompare(store.second(t), store.first(t)) < 0) {
            return raw(op, store.second(t), store.first(t));
        }
        if (likeTerms != null && op == Operator.ADD && store.first(t) == store.second(t) && !store.hasConstant(t)) {
            // x + x and 2*x are equally long; the collected form is the one canonical form (like
            // terms are collected in every chain), and no rule leads back: rules strictly shorten
            return raw(Operator.MUL, number(2), store.first(t));
        }
        if (config.skeleton() && store.hasConstant(t) && !store.hasVariable(t)) {
            return store.constant();
        }
        int r;
        if (folder != null && (op == Operator.POW || op == Operator.DIV) && (r = spelled(op, t)) != TermStore.NONE) {
            return r;
        }
        if (folder != null && (r = smaller(folder.fold(t), t)) != TermStore.NONE) {
            return r;
        }
        if (likeTerms != null && (r = likeTerms.collect(t)) != TermStore.NONE && r != t
                && (store.compare(r, t) < 0 || likeTerms.merged() && store.size(r) <= store.size(t))) {
            return r;
        }
        return rewrite(t);
    }

    /**
     * The infix parser's spelling of a {@code pow} or {@code /} node ({@link Spelling}), so prefix
     * input reads as infix does: {@code pow x 3 -> pow3 x}, {@code / 1 x -> inv x}. Widening
     * spellings are allowed here ({@code pow x (inv 3) -> pow1_3 x}: defined at more points). Part
     * of folding: it is arithmetic on literal exponents.
     */
    private int spelled(Operator op, int t) {
        int left = store.first(t);
        int right = store.second(t);
        double rightInverse = store.is(right, Operator.INV) ? literal(store.first(right)) : Double.NaN;
        Operator unary = Spelling.unary(op, literal(left), literal(right), rightInverse, true);
        if (unary == null) {
            return TermStore.NONE;
        }
        return raw(unary, Spelling.overRight(op) ? right : left, TermStore.NONE);
    }

    private double literal(int t) {
        return store.isNumber(t) ? store.numberValue(t) : Double.NaN;
    }

    private boolean isLeaf(int t) {
        Operator op = store.operator(t);
        return op == null || op.arity() == 0;
    }

    private int smaller(int candidate, int t) {
        return candidate != TermStore.NONE && store.compare(candidate, t) < 0 ? candidate : TermStore.NONE;
    }

    /** The first rule, in rule order, that matches at t and yields a smaller term. */
    private int rewrite(int t) {
        if (!hasRules) {
            return TermStore.NONE;
        }
        Matcher m = matchers[depth];
        if (m == null) {
            m = matchers[depth] = index.matcher();
        }
        int[] bindings = frames[depth];
        m.reset(store, t);
        while (m.next()) {
            int holes = m.pattern().placeholderCount();
            if (bindings == null || bindings.length < holes) {
                bindings = frames[depth] = new int[Math.max(4, holes)];
            }
            for (int k = 0; k < holes; k++) {
                bindings[k] = m.binding(k);
            }
            int r = instantiate(m.rule().rhs(), bindings);
            if (r != t && store.compare(r, t) < 0) {
                return r;
            }
            if (stopped) {
                return TermStore.NONE;
            }
        }
        return TermStore.NONE;
    }

    /** The normal form of a rule's right side under these bindings (normal terms by placeholder). */
    int instance(Expr rhs, int[] bindings) {
        return normalize(instantiate(rhs, bindings));
    }

    /** Builds a right side: inner nodes through {@link #make}, the root raw for the caller's loop. */
    private int instantiate(Expr rhs, int[] bindings) {
        int n = rhs.size();
        int[] stack = rhsStacks[depth];
        if (stack == null || stack.length < n + 1) {
            stack = rhsStacks[depth] = new int[Math.max(16, n + 1)];
        }
        int top = 0;
        for (int i = n - 1; i >= 0; i--) {
            int t;
            switch (rhs.kind(i)) {
                case PLACEHOLDER -> t = bindings[rhs.placeholder(i)];
                case VARIABLE -> t = normalize(store.variable(rhs.variable(i)));
                case NUMBER -> t = normalize(store.number(rhs.number(i)));
                case CONSTANT -> t = normalize(store.constant());
                default -> {
                    Operator op = rhs.operator(i);
                    int first = op.arity() >= 1 ? stack[top - 1] : TermStore.NONE;
                    int second = op.arity() >= 2 ? stack[top - 2] : TermStore.NONE;
                    top -= op.arity();
                    t = i == 0 ? raw(op, first, second) : make(op, first, second);
                }
            }
            stack[top++] = t;
        }
        return stack[0];
    }
}
