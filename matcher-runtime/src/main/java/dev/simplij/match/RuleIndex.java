package dev.simplij.match;

import dev.simplij.expr.Expr;
import dev.simplij.expr.Operator;
import dev.simplij.expr.StructuralHash;
import dev.simplij.rules.Rule;
import it.unimi.dsi.fastutil.ints.IntArrayList;
import it.unimi.dsi.fastutil.longs.Long2ObjectOpenHashMap;

import java.util.ArrayList;
import java.util.List;

/**
 * An immutable, thread-safe index of rules for finding the rules whose left side matches at a
 * node in O(1) expected time, never by scanning all rules:
 * <ul>
 *   <li>ground left sides (no placeholders) are keyed by their structural hash, so a node looks up
 *       its own hash;</li>
 *   <li>pattern left sides are bucketed by their root operator and the root tokens of its operands
 *       (a placeholder operand is a wildcard), so a binary node looks up at most four buckets;</li>
 *   <li>left sides {@code op _k _k} (one placeholder twice as the operands) have a bucket of their
 *       own, looked up only at a node whose operands have equal hashes: elsewhere they cannot
 *       match, and trying them at every {@code op} node was most of the failed tries.</li>
 * </ul>
 * Matching is modulo commutativity without AC matching: every left side is also indexed under each
 * variant with operands of {@code +} and {@code *} nodes swapped (deduplicated, at most
 * {@value #MAX_VARIANTS} per rule). Candidates are tried in rule order, so the first matching rule
 * is deterministic: the earliest in the list, and among its variants the original first.
 * {@linkplain #of(List, boolean) Built with regroupings}, an index also holds the variants with
 * their {@code +} and {@code *} chains regrouped ({@code + + _0 _1 _2} matches {@code + a + b c}):
 * whole chains only, not a part of a longer chain (the runtime's bag rules do that on collected
 * chains); the miner uses it when it enumerates one grouping per chain.
 */
public final class RuleIndex {
    /** Cap on commuted variants per rule (a rule with k commutative nodes has up to 2^k). */
    public static final int MAX_VARIANTS = 256;

    private final List<Rule> rules;
    private final Pattern[] patterns;
    private final PatternTable table;
    private final CandidateTable ground;
    /** Whether {@link #ground} has a key at all (read at every lookup, so kept beside the index's other flags). */
    private final boolean hasGround;
    private final CandidateTable buckets;
    /**
     * The buckets whose key holds no leaf token, read from arrays instead of hashed into
     * {@link #buckets} (three of the four lookups of a node whose operands are operators): by root
     * code, the bucket with wildcard operands; by root code, operand code and position, the bucket
     * with that operator operand and a wildcard (or, under a unary root, nothing) beside it.
     */
    private final long[] wildcardBuckets;
    private final long[] operatorOperandBuckets;
    private final int maxPatternSize;
    private final int maxPlaceholders;
    private final boolean matchesLeaves;
    /** Whether some ground left side holds a variable (mined rule sets have none: their leaves are placeholders and constants). */
    private final boolean groundHoldsVariable;

    private RuleIndex(List<Rule> rules, boolean regroupings) {
        this.rules = List.copyOf(rules);
        List<Pattern> all = new ArrayList<>();
        Long2ObjectOpenHashMap<IntArrayList> groundLists = new Long2ObjectOpenHashMap<>();
        Long2ObjectOpenHashMap<IntArrayList> bucketLists = new Long2ObjectOpenHashMap<>();
        int maxSize = 1;
        int maxHoles = 0;
        boolean leaves = false;
        boolean groundVariables = false;
        for (int r = 0; r < this.rules.size(); r++) {
            Rule rule = this.rules.get(r);
            for (Expr variant : Pattern.variants(rule.lhs(), MAX_VARIANTS, regroupings)) {
                Pattern p = new Pattern(rule, r, variant);
                int id = all.size();
                all.add(p);
                maxSize = Math.max(maxSize, p.size());
                maxHoles = Math.max(maxHoles, p.placeholderCount());
                leaves |= p.size() == 1;
                if (p.isGround()) {
                    groundVariables |= holdsVariable(variant);
                    groundLists.computeIfAbsent(variant.hash(0), k -> new IntArrayList()).add(id);
                } else {
                    bucketLists.computeIfAbsent(shapeOf(variant), k -> new IntArrayList()).add(id);
                }
            }
        }
        this.patterns = all.toArray(Pattern[]::new);
        this.table = new PatternTable(patterns);
        long[] checks = new long[patterns.length];
        for (int id = 0; id < checks.length; id++) {
            checks[id] = ShapeCheck.of(patterns[id].lhs());
        }
        this.ground = new CandidateTable(groundLists, checks);
        this.hasGround = !groundLists.isEmpty();
        this.buckets = new CandidateTable(bucketLists, checks);
        int operators = Operator.count();
        this.wildcardBuckets = new long[operators];
        this.operatorOperandBuckets = new long[operators * operators * 2];
        for (int root = 0; root < operators; root++) {
            int arity = Operator.ofOrdinal(root).arity();
            if (arity == 0) {
                continue;
            }
            wildcardBuckets[root] = bucketWithOperand(root, arity, 0, TokenKey.WILDCARD);
            for (int operand = 0; operand < operators; operand++) {
                long key = StructuralHash.token(operand, 0, null);
                for (int position = 0; position < arity; position++) {
                    operatorOperandBuckets[operatorOperandSlot(root, operand, position)] = bucketWithOperand(root, arity, position, key);
                }
            }
        }
        this.maxPatternSize = maxSize;
        this.maxPlaceholders = maxHoles;
        this.matchesLeaves = leaves;
        this.groundHoldsVariable = groundVariables;
    }

    private static boolean holdsVariable(Expr e) {
        for (int i = 0; i < e.size(); i++) {
            if (e.code(i) == Expr.VARIABLE) {
                return true;
            }
        }
        return false;
    }

    /** Indexes the rules; their order is the priority order. */
    public static RuleIndex of(List<Rule> rules) {
        return new RuleIndex(rules, false);
    }

    /** Indexes the rules, with {@code regroupings} also under every grouping of their chains. */
    public static RuleIndex of(List<Rule> rules, boolean regroupings) {
        return new RuleIndex(rules, regroupings);
    }

    private static long shapeOf(Expr lhs) {
        int arity = lhs.arity(0);
        if (arity == 2 && lhs.code(1) == Expr.PLACEHOLDER && lhs.code(2) == Expr.PLACEHOLDER
                && lhs.payload(1) == lhs.payload(2)) {
            return TokenKey.shape(lhs.code(0), TokenKey.SAME_OPERANDS, TokenKey.SAME_OPERANDS);
        }
        long first = arity >= 1 ? TokenKey.ofPattern(lhs, 1) : 0;
        long second = arity >= 2 ? TokenKey.ofPattern(lhs, lhs.end(1)) : 0;
        return TokenKey.shape(lhs.code(0), first, second);
    }

    public List<Rule> rules() {
        return rules;
    }

    /** Number of rules. */
    public int size() {
        return rules.size();
    }

    /** Number of indexed patterns, commuted variants included. */
    public int patternCount() {
        return patterns.length;
    }

    /**
     * Whether a rule can match at a leaf, i.e. some left side is a single token. Rule sets mined to
     * be strictly decreasing have none, and a simplifier then skips the lookup at every leaf.
     */
    public boolean matchesLeaves() {
        return matchesLeaves;
    }

    /** A thread-confined, reusable matcher over this index. */
    public Matcher matcher() {
        return new Matcher(this);
    }

    /** The first rule (in rule order) whose left side matches at {@code node}, or null. */
    public Match findFirst(Expr e, int node) {
        Matcher m = matcher();
        m.reset(Subject.of(e), node);
        return m.next() ? m.toMatch() : null;
    }

    /** Rewrites {@code e} at its root with the first matching rule; null when no rule matches. */
    public Expr rewriteAtRoot(Expr e) {
        Match match = findFirst(e, 0);
        return match == null ? null : match.apply(e);
    }

    Pattern pattern(int id) {
        return patterns[id];
    }

    /** Matches pattern {@code id} at {@code node} (see {@link PatternTable#match}). */
    boolean match(int id, Subject s, int node, int[] bindings, int[] stack) {
        return table.match(id, s, node, bindings, stack);
    }

    int maxPatternSize() {
        return maxPatternSize;
    }

    int maxPlaceholders() {
        return maxPlaceholders;
    }

    /**
     * Whether a ground left side may match at {@code node}: not where the node surely holds a
     * variable or placeholder and no ground left side holds one (most nodes then skip the ground
     * lookup, whose keys are full hashes and miss the caches).
     */
    boolean groundMayMatch(Subject s, int node) {
        return hasGround && (groundHoldsVariable || !s.knownToHoldVariable(node));
    }

    /** The ground patterns whose left side has this structural hash, packed as {@link CandidateTable#get} says. */
    long ground(long hash) {
        return ground.get(hash);
    }

    /** The pattern ids that {@link #ground} points into. */
    int[] groundIds() {
        return ground.ids();
    }

    /** The shape checks beside {@link #groundIds}. */
    long[] groundChecks() {
        return ground.checks();
    }

    /** The patterns of one shape bucket, packed as {@link CandidateTable#get} says. */
    long bucket(int rootCode, long first, long second) {
        return buckets.get(TokenKey.shape(rootCode, first, second));
    }

    /** {@link #bucket} with wildcard operands: {@code (root, *, *)}, or {@code (root, *)} for a unary root. */
    long wildcardBucket(int rootCode) {
        return wildcardBuckets[rootCode];
    }

    /**
     * {@link #bucket} keyed by the token of the subject node {@code operand} at {@code position} (0
     * or 1) of a node with this root code, the other operand a wildcard (absent under a unary root).
     */
    long operandBucket(int rootCode, int arity, int position, Subject s, int operand) {
        int code = s.code(operand);
        if (code >= 0) {
            return operatorOperandBuckets[operatorOperandSlot(rootCode, code, position)];
        }
        return bucketWithOperand(rootCode, arity, position, TokenKey.of(s, operand));
    }

    /** {@link #bucket} with {@code key} at {@code position}, the other operand a wildcard (absent under a unary root). */
    private long bucketWithOperand(int rootCode, int arity, int position, long key) {
        if (arity == 1) {
            return bucket(rootCode, key, 0);
        }
        return position == 0 ? bucket(rootCode, key, TokenKey.WILDCARD) : bucket(rootCode, TokenKey.WILDCARD, key);
    }

    private static int operatorOperandSlot(int rootCode, int operandCode, int position) {
        return (rootCode * Operator.count() + operandCode) * 2 + position;
    }

    /** The pattern ids that {@link #bucket} points into. */
    int[] bucketIds() {
        return buckets.ids();
    }

    /** The shape checks beside {@link #bucketIds}. */
    long[] bucketChecks() {
        return buckets.checks();
    }

    @Override
    public String toString() {
        return "RuleIndex[" + rules.size() + " rules, " + patterns.length + " patterns]";
    }
}
