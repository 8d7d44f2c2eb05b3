package dev.simplij.match;

import dev.simplij.expr.Expr;
import dev.simplij.expr.Operator;
import dev.simplij.rules.Rule;

import java.util.Arrays;

/**
 * Finds the rules of a {@link RuleIndex} that match at one node, in rule order. Thread-confined
 * and reusable: {@link #reset} gathers the candidates from at most six lookups (the node's
 * own hash for ground rules, its shape with and without each operand for pattern rules, and left
 * sides {@code op _k _k} when its operands have equal hashes); the first {@link #next} runs each
 * candidate's {@link ShapeCheck} (the node's grandchildren and a repeated placeholder), which
 * refuses most without reading the pattern, and each {@link #next} tries the rest in rule order
 * until one matches.
 *
 * <pre>{@code
 * Matcher m = index.matcher();
 * m.reset(subject, node);
 * while (m.next()) { Rule r = m.rule(); int boundTo0 = m.binding(0); ... }
 * }</pre>
 */
public final class Matcher {
    private final RuleIndex index;
    /** The candidate lists of the current node: an id array of the index, and a range of it. */
    private final int[][] lists = new int[6][];
    private final long[][] checks = new long[6][];
    private final int[] starts = new int[6];
    private final int[] ends = new int[6];
    private int listCount;
    private final int[] bindings;
    private final int[] stack;
    private Subject subject;
    private int node;
    /** The node's {@link ShapeCheck#signature} and the nodes at its positions. */
    private long signature;
    private final int[] positions = new int[ShapeCheck.POSITIONS];
    private Pattern current;
    /** The candidates that passed their shape check, in rule order, and the next one to match. */
    private int[] passed = new int[16];
    private int passedCount;
    private int passedCursor;
    private boolean filtered;

    Matcher(RuleIndex index) {
        this.index = index;
        this.bindings = new int[Math.max(1, index.maxPlaceholders())];
        this.stack = new int[index.maxPatternSize() + 2];
    }

    public RuleIndex index() {
        return index;
    }

    /** Starts a search at {@code node} of {@code s}. */
    public void reset(Subject s, int node) {
        this.subject = s;
        this.node = node;
        this.current = null;
        listCount = 0;
        filtered = false;
        if (index.groundMayMatch(s, node)) {
            add(index.groundIds(), index.groundChecks(), index.ground(s.hash(node)));
        }
        int code = s.code(node);
        if (code >= 0) {
            int arity = Operator.ofOrdinal(code).arity();
            int[] ids = index.bucketIds();
            long[] idChecks = index.bucketChecks();
            if (arity == 1) {
                add(ids, idChecks, index.operandBucket(code, 1, 0, s, s.child(node, 0)));
                add(ids, idChecks, index.wildcardBucket(code));
            } else if (arity == 2) {
                int c0 = s.child(node, 0);
                int c1 = s.child(node, 1);
                add(ids, idChecks, index.bucket(code, TokenKey.of(s, c0), TokenKey.of(s, c1)));
                add(ids, idChecks, index.operandBucket(code, 2, 1, s, c1));
                add(ids, idChecks, index.operandBucket(code, 2, 0, s, c0));
                add(ids, idChecks, index.wildcardBucket(code));
                if (s.hash(c0) == s.hash(c1)) { // equal operands have equal hashes
                    add(ids, idChecks, index.bucket(code, TokenKey.SAME_OPERANDS, TokenKey.SAME_OPERANDS));
                }
            }
        }
        if (listCount > 0) {
            signature = ShapeCheck.signature(s, node, positions);
        }
    }

    /** Adds a list packed as {@code start << 32 | length} into {@code ids} (0: none). */
    private void add(int[] ids, long[] idChecks, long list) {
        if (list != 0) {
            int start = (int) (list >>> 32);
            lists[listCount] = ids;
            checks[listCount] = idChecks;
            starts[listCount] = start;
            ends[listCount] = start + (int) list;
            listCount++;
        }
    }

    /** Advances to the next matching rule variant in rule order; false when there is none. */
    public boolean next() {
        if (!filtered) {
            filterCandidates();
        }
        while (passedCursor < passedCount) {
            int id = passed[passedCursor++];
            if (index.match(id, subject, node, bindings, stack)) {
                current = index.pattern(id);
                return true;
            }
        }
        current = null;
        return false;
    }

    /**
     * Runs every candidate's shape check, which refuses nearly all of them, and keeps the rest in
     * rule order. Scanning each list straight through costs less than merging the lists in rule
     * order candidate by candidate, and the few that pass are sorted instead.
     */
    private void filterCandidates() {
        filtered = true;
        int count = 0;
        for (int l = 0; l < listCount; l++) {
            int[] ids = lists[l];
            long[] idChecks = checks[l];
            for (int at = starts[l]; at < ends[l]; at++) {
                if (ShapeCheck.passes(idChecks[at], signature, subject, positions)) {
                    if (count == passed.length) {
                        passed = Arrays.copyOf(passed, count * 2);
                    }
                    passed[count++] = ids[at];
                }
            }
        }
        if (count > 1) {
            Arrays.sort(passed, 0, count);
        }
        passedCount = count;
        passedCursor = 0;
    }

    /** The matched pattern (the rule's left side or the commuted variant that matched). */
    public Pattern pattern() {
        requireMatch();
        return current;
    }

    public Rule rule() {
        return pattern().rule();
    }

    /** The subject node bound to placeholder {@code _k} by the current match. */
    public int binding(int k) {
        requireMatch();
        return bindings[k];
    }

    private void requireMatch() {
        if (current == null) {
            throw new IllegalStateException("no current match");
        }
    }

    Match toMatch() {
        int[] copy = new int[current.placeholderCount()];
        System.arraycopy(bindings, 0, copy, 0, copy.length);
        return new Match(current.rule(), current.ruleNumber(), copy);
    }

    static Expr instantiate(Expr rhs, Expr source, int[] bindings) {
        Expr.Builder b = Expr.builder();
        for (int i = 0; i < rhs.size(); i++) {
            if (rhs.code(i) == Expr.PLACEHOLDER) {
                b.subtree(source, bindings[rhs.placeholder(i)]);
            } else {
                b.token(rhs, i);
            }
        }
        return b.build();
    }
}
