package dev.simplij.simplify;

import dev.simplij.expr.Expr;
import dev.simplij.expr.ExprOrder;
import dev.simplij.expr.Literals;
import dev.simplij.expr.Operator;
import dev.simplij.expr.StructuralHash;
import dev.simplij.match.Subject;
import it.unimi.dsi.fastutil.objects.Object2IntOpenHashMap;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A hash-consed term store on primitive arrays: each distinct subtree exists once and is an int
 * id, so equal subtrees are equal ids, and the normal form of a term can be memoized per id.
 * Structural hashes equal {@link Expr#hash}, so ground rules are looked up by the same key.
 *
 * <p>Thread-confined: one store serves one call at a time and is then {@link #reset} for reuse.
 */
final class TermStore implements Subject {
    static final int NONE = -1;
    static final int HAS_VARIABLE = 1;
    static final int HAS_CONSTANT = 2;
    /** Set on links of a rebuilt chain: like terms are already collected there. */
    static final int COLLECTED = 4;
    /**
     * Questions whose answers {@link LikeTerms} keeps per term for the rest of the call (a term's
     * shape does not change): each is the bit saying the answer is known, the next bit the answer.
     */
    static final int PLAIN_SUM_ITEM = 8;
    static final int PLAIN_FACTOR = 32;

    /** Each token code's place in {@link ExprOrder#compareCodes}, by {@code code - Expr.PLACEHOLDER}. */
    private static final int[] CODE_ORDER = new int[Operator.count() - Expr.PLACEHOLDER];
    /** Name characters packed into a {@link #nameKeys} key (8 bits each, first character highest). */
    private static final int KEY_CHARACTERS = 7;

    /** Token hashes of the operators (they have no payload), by ordinal. */
    private static final long[] OPERATOR_TOKEN_HASHES = new long[Operator.count()];
    /** Names are kept across calls (their ids and hashes stay valid) until there are this many. */
    private static final int MAX_KEPT_NAMES = 1024;

    static {
        for (int i = 0; i < OPERATOR_TOKEN_HASHES.length; i++) {
            OPERATOR_TOKEN_HASHES[i] = StructuralHash.token(i, 0, null);
        }
        for (int code = Expr.PLACEHOLDER; code < Operator.count(); code++) {
            for (int other = Expr.PLACEHOLDER; other < Operator.count(); other++) {
                if (ExprOrder.compareCodes(other, code) < 0) {
                    CODE_ORDER[code - Expr.PLACEHOLDER]++;
                }
            }
        }
    }

    private int[] codes;
    private long[] payloads;
    /** The hash of each term's own token ({@link StructuralHash#token}), the matcher's bucket key. */
    private long[] tokenHashes;
    /** The table slot of each term, so that {@link #reset} clears only the slots in use. */
    private int[] slots;
    private int[] firsts;
    private int[] seconds;
    private long[] hashes;
    /**
     * Each term's structural hash with every {@code <constant>}'s own number mixed in: the key of
     * its table slot. The structural hash gives all constants one value (the matcher compares
     * terms with rules by it), so a skeleton's constants, and every term over them, would share
     * slots and be found by probing past one another.
     */
    private long[] slotHashes;
    private int[] sizes;
    private byte[] flags;
    /** Memo: the normal form of each term, or NONE while unknown. */
    int[] normal;
    private int count;
    private long constants;

    private int[] table;
    private int mask;

    private final List<String> names = new ArrayList<>();
    private long[] nameHashes = new long[16];
    /**
     * The first characters of each name packed so that unsigned order of keys is the names' order
     * where keys differ; 0 for a name that cannot be packed (then names are compared as strings).
     */
    private long[] nameKeys = new long[16];
    private final Object2IntOpenHashMap<String> nameIds = new Object2IntOpenHashMap<>();
    /**
     * Pooled literals of this call ({@link Literals}), each once, so that equal values are equal
     * payloads and hash-consing works as for other tokens; their exact values as fractions beside.
     */
    private final List<BigDecimal> pooled = new ArrayList<>();
    private final List<Fraction> pooledFractions = new ArrayList<>();
    private final Object2IntOpenHashMap<BigDecimal> pooledIds = new Object2IntOpenHashMap<>();

    TermStore(int capacity) {
        int c = Math.max(16, capacity);
        codes = new int[c];
        payloads = new long[c];
        tokenHashes = new long[c];
        slots = new int[c];
        firsts = new int[c];
        seconds = new int[c];
        hashes = new long[c];
        slotHashes = new long[c];
        sizes = new int[c];
        flags = new byte[c];
        normal = new int[c];
        int t = Integer.highestOneBit(c * 2 - 1) * 2;
        table = new int[t];
        mask = t - 1;
        Arrays.fill(table, NONE);
        nameIds.defaultReturnValue(NONE);
        pooledIds.defaultReturnValue(NONE);
    }

    int capacity() {
        return codes.length;
    }

    int count() {
        return count;
    }

    void reset() {
        if (count * 4 < table.length) {
            for (int id = 0; id < count; id++) {
                table[slots[id]] = NONE;
            }
        } else {
            Arrays.fill(table, NONE);
        }
        count = 0;
        constants = 0;
        if (!pooled.isEmpty()) {
            pooled.clear();
            pooledFractions.clear();
            pooledIds.clear();
        }
        if (names.size() > MAX_KEPT_NAMES) {
            names.clear();
            nameIds.clear();
        }
    }

    // ---- building ----

    int variable(String name) {
        int id = nameIds.getInt(name);
        if (id == NONE) {
            id = names.size();
            names.add(name);
            nameIds.put(name, id);
            if (id == nameHashes.length) {
                nameHashes = Arrays.copyOf(nameHashes, id * 2);
                nameKeys = Arrays.copyOf(nameKeys, id * 2);
            }
            nameHashes[id] = StructuralHash.token(Expr.VARIABLE, 0, name);
            nameKeys[id] = nameKey(name);
        }
        return intern(Expr.VARIABLE, id, NONE, NONE);
    }

    /** A literal of the value a double stands for ({@link Literals#exact}). */
    int number(double value) {
        return intern(Expr.NUMBER, Double.doubleToLongBits(value == 0 ? 0.0 : value), NONE, NONE);
    }

    /** A literal of this exact value; the caller has checked that it {@link Literals#fits}. */
    int number(BigDecimal value) {
        double inline = Literals.inline(value);
        if (!Double.isNaN(inline)) {
            return number(inline);
        }
        BigDecimal v = value.stripTrailingZeros();
        int index = pooledIds.getInt(v);
        if (index == NONE) {
            index = pooled.size();
            pooled.add(v);
            pooledFractions.add(fractionOrNull(v));
            pooledIds.put(v, index);
        }
        return intern(Expr.NUMBER, Literals.pooled(index), NONE, NONE);
    }

    /** The token hash of a number, constant or placeholder; a pooled literal's is that of its value, as in Expr. */
    private long leafTokenHash(int code, long payload) {
        return code == Expr.NUMBER && Literals.isPooled(payload)
                ? Literals.pooledTokenHash(pooled.get(Literals.poolIndex(payload)))
                : StructuralHash.token(code, payload, null);
    }

    /** The exact value, or null when it is too long for a fraction (then the literal folds with nothing). */
    private static Fraction fractionOrNull(BigDecimal v) {
        try {
            return Fraction.of(v);
        } catch (ArithmeticException tooLong) {
            return null;
        }
    }

    /** A literal copied from node i of e. */
    int number(Expr e, int i) {
        long payload = e.payload(i); // the bits of a double (never -0.0), as here, or a pooled reference
        return Literals.isPooled(payload) ? number(e.exactNumber(i)) : intern(Expr.NUMBER, payload, NONE, NONE);
    }

    /**
     * A new {@code <constant>}. Every occurrence is its own unknown, so each gets its own id (its
     * payload is an occurrence number): equal-looking subtrees with constants are never identified,
     * and {@code - <constant> <constant>} is not cancelled.
     */
    int constant() {
        return intern(Expr.CONSTANT, ++constants, NONE, NONE);
    }

    int placeholder(int k) {
        return intern(Expr.PLACEHOLDER, k, NONE, NONE);
    }

    int operator(Operator op, int first, int second) {
        return intern(op.ordinal(), 0, first, second);
    }

    /** The unique id of the node with this token and these operands (NONE for absent operands). */
    int intern(int code, long payload, int first, int second) {
        long token = code >= 0 ? OPERATOR_TOKEN_HASHES[code]
                : code == Expr.VARIABLE ? nameHashes[(int) payload] : leafTokenHash(code, payload);
        long h = token;
        long sh = code == Expr.CONSTANT ? StructuralHash.operand(token, payload) : token;
        int size = 1;
        int f = 0;
        if (first != NONE) {
            h = StructuralHash.operand(h, hashes[first]);
            sh = StructuralHash.operand(sh, slotHashes[first]);
            size += sizes[first];
            f |= flags[first] & (HAS_VARIABLE | HAS_CONSTANT);
        }
        if (second != NONE) {
            h = StructuralHash.operand(h, hashes[second]);
            sh = StructuralHash.operand(sh, slotHashes[second]);
            size += sizes[second];
            f |= flags[second] & (HAS_VARIABLE | HAS_CONSTANT);
        }
        h = StructuralHash.finish(h, size);
        sh = StructuralHash.finish(sh, size);
        int slot = (int) (sh ^ (sh >>> 32)) & mask;
        while (true) {
            int id = table[slot];
            if (id == NONE) {
                break;
            }
            if (hashes[id] == h && codes[id] == code && payloads[id] == payload && firsts[id] == first
                    && seconds[id] == second) {
                return id;
            }
            slot = (slot + 1) & mask;
        }
        if (count == codes.length) {
            grow();
            return intern(code, payload, first, second);
        }
        int id = count++;
        codes[id] = code;
        payloads[id] = payload;
        tokenHashes[id] = token;
        slots[id] = slot;
        firsts[id] = first;
        seconds[id] = second;
        hashes[id] = h;
        slotHashes[id] = sh;
        sizes[id] = size;
        if (code == Expr.VARIABLE || code == Expr.PLACEHOLDER) {
            f |= HAS_VARIABLE;
        } else if (code == Expr.CONSTANT) {
            f |= HAS_CONSTANT;
        }
        flags[id] = (byte) f;
        normal[id] = NONE;
        table[slot] = id;
        return id;
    }

    private void grow() {
        int c = codes.length * 2;
        codes = Arrays.copyOf(codes, c);
        payloads = Arrays.copyOf(payloads, c);
        tokenHashes = Arrays.copyOf(tokenHashes, c);
        slots = Arrays.copyOf(slots, c);
        firsts = Arrays.copyOf(firsts, c);
        seconds = Arrays.copyOf(seconds, c);
        hashes = Arrays.copyOf(hashes, c);
        slotHashes = Arrays.copyOf(slotHashes, c);
        sizes = Arrays.copyOf(sizes, c);
        flags = Arrays.copyOf(flags, c);
        normal = Arrays.copyOf(normal, c);
        table = new int[c * 2];
        mask = table.length - 1;
        Arrays.fill(table, NONE);
        for (int id = 0; id < count; id++) {
            long h = slotHashes[id];
            int slot = (int) (h ^ (h >>> 32)) & mask;
            while (table[slot] != NONE) {
                slot = (slot + 1) & mask;
            }
            table[slot] = id;
            slots[id] = slot;
        }
    }

    /**
     * Up to {@value #KEY_CHARACTERS} characters, first highest, then the length (when all fit): keys
     * that differ order as {@link String#compareTo} orders the names. 0 when a character is 0 or
     * above 255, so that the caller compares the strings.
     */
    private static long nameKey(String name) {
        long key = 0;
        int n = Math.min(name.length(), KEY_CHARACTERS);
        for (int i = 0; i < KEY_CHARACTERS; i++) {
            int c = i < n ? name.charAt(i) : 0;
            if (i < n && (c == 0 || c > 0xFF)) {
                return 0;
            }
            key = key << 8 | c;
        }
        // a name that fits whole is ordered before its extensions; a longer one ties on the last byte
        return key << 8 | (name.length() <= KEY_CHARACTERS ? 0 : 0xFF);
    }

    // ---- reading ----

    @Override
    public int code(int t) {
        return codes[t];
    }

    @Override
    public long payload(int t) {
        return payloads[t];
    }

    @Override
    public String variableName(int t) {
        return names.get((int) payloads[t]);
    }

    @Override
    public int child(int t, int k) {
        return k == 0 ? firsts[t] : seconds[t];
    }

    int first(int t) {
        return firsts[t];
    }

    int second(int t) {
        return seconds[t];
    }

    @Override
    public long tokenHash(int t) {
        return tokenHashes[t];
    }

    @Override
    public long hash(int t) {
        return hashes[t];
    }

    @Override
    public boolean sameSubtree(int a, int b) {
        return a == b;
    }

    int size(int t) {
        return sizes[t];
    }

    boolean hasVariable(int t) {
        return (flags[t] & HAS_VARIABLE) != 0;
    }

    @Override
    public boolean knownToHoldVariable(int t) {
        return hasVariable(t);
    }

    boolean collected(int t) {
        return (flags[t] & COLLECTED) != 0;
    }

    void markCollected(int t) {
        flags[t] |= COLLECTED;
    }

    /** The kept answer to {@code question} for t: -1 when not known yet, else 0 (no) or 1 (yes). */
    int answer(int t, int question) {
        int f = flags[t];
        return (f & question) == 0 ? -1 : (f & (question << 1)) != 0 ? 1 : 0;
    }

    /** Keeps the answer to {@code question} for t, and returns it. */
    boolean keepAnswer(int t, int question, boolean answer) {
        flags[t] |= (byte) (question | (answer ? question << 1 : 0));
        return answer;
    }

    boolean hasConstant(int t) {
        return (flags[t] & HAS_CONSTANT) != 0;
    }

    /** The operator at t, or null for leaves other than pi and E. */
    Operator operator(int t) {
        int c = codes[t];
        return c >= 0 ? Operator.ofOrdinal(c) : null;
    }

    boolean isNumber(int t) {
        return codes[t] == Expr.NUMBER;
    }

    /**
     * The double that stands for a literal's exact value ({@link Literals}), or NaN for a pooled
     * literal (its payload is a NaN pattern), which no double holds: comparisons with it are false,
     * so no spelling or shape test that asks for a particular value takes it for one.
     */
    double numberValue(int t) {
        return Double.longBitsToDouble(payloads[t]);
    }

    boolean isPooledNumber(int t) {
        return codes[t] == Expr.NUMBER && Literals.isPooled(payloads[t]);
    }

    /** The exact value of a literal; null for a pooled one beyond {@link Fraction#MAX_BITS}. */
    Fraction numberFraction(int t) {
        long payload = payloads[t];
        return Literals.isPooled(payload) ? pooledFractions.get(Literals.poolIndex(payload))
                : Fraction.ofLiteral(Double.longBitsToDouble(payload));
    }

    BigDecimal exactNumber(int t) {
        long payload = payloads[t];
        return Literals.isPooled(payload) ? pooled.get(Literals.poolIndex(payload))
                : Literals.exact(Double.longBitsToDouble(payload));
    }

    boolean is(int t, Operator op) {
        return codes[t] == op.ordinal();
    }

    // ---- order ----

    /** {@link ExprOrder}: size first, then tokens in prefix order. */
    int compare(int a, int b) {
        if (a == b) {
            return 0;
        }
        if (sizes[a] != sizes[b]) {
            return Integer.compare(sizes[a], sizes[b]);
        }
        return lexCompare(a, b);
    }

    private int[] lexStack = new int[64];

    /**
     * Token-by-token comparison of the prefix sequences. Prefix encodings are prefix-free, so the
     * first difference lies inside both operands being compared: operand-wise comparison is exact.
     * Commutative operands ordered by this make their node the smallest in ExprOrder.
     */
    int lexCompare(int a, int b) {
        if (a == b) {
            return 0;
        }
        int[] stack = lexStack;
        int top = 0;
        stack[top++] = a;
        stack[top++] = b;
        while (top > 0) {
            int y = stack[--top];
            int x = stack[--top];
            if (x == y) {
                continue;
            }
            int c = compareToken(x, y);
            if (c != 0) {
                return c;
            }
            if (top + 4 > stack.length) {
                stack = lexStack = Arrays.copyOf(stack, stack.length * 2);
            }
            if (seconds[x] != NONE) {
                stack[top++] = seconds[x];
                stack[top++] = seconds[y];
            }
            if (firsts[x] != NONE) {
                stack[top++] = firsts[x];
                stack[top++] = firsts[y];
            }
        }
        return 0;
    }

    private int compareToken(int x, int y) {
        int cx = codes[x];
        int cy = codes[y];
        if (cx != cy) {
            return Integer.compare(CODE_ORDER[cx - Expr.PLACEHOLDER], CODE_ORDER[cy - Expr.PLACEHOLDER]);
        }
        return switch (cx) {
            case Expr.VARIABLE -> compareNames((int) payloads[x], (int) payloads[y]);
            case Expr.NUMBER -> isPooledNumber(x) || isPooledNumber(y) ? exactNumber(x).compareTo(exactNumber(y))
                    : Double.compare(numberValue(x), numberValue(y));
            case Expr.PLACEHOLDER -> Long.compare(payloads[x], payloads[y]);
            default -> 0;
        };
    }

    private int compareNames(int a, int b) {
        long ka = nameKeys[a];
        long kb = nameKeys[b];
        if (ka != kb && ka != 0 && kb != 0) {
            return Long.compareUnsigned(ka, kb);
        }
        return names.get(a).compareTo(names.get(b));
    }

    // ---- conversion ----

    private int[] copyStack = new int[64];

    /** Copies a term out as an {@link Expr} (iteratively). */
    Expr toExpr(int root) {
        Expr.Builder b = Expr.builder(sizes[root]);
        int[] stack = copyStack;
        int top = 0;
        stack[top++] = root;
        while (top > 0) {
            int t = stack[--top];
            int c = codes[t];
            switch (c) {
                case Expr.VARIABLE -> b.variable(variableName(t));
                case Expr.NUMBER -> {
                    if (isPooledNumber(t)) {
                        b.number(exactNumber(t));
                    } else {
                        b.number(numberValue(t));
                    }
                }
                case Expr.CONSTANT -> b.constant();
                case Expr.PLACEHOLDER -> b.placeholder((int) payloads[t]);
                default -> {
                    b.operator(Operator.ofOrdinal(c));
                    if (top + 2 > stack.length) {
                        stack = copyStack = Arrays.copyOf(stack, stack.length * 2);
                    }
                    if (seconds[t] != NONE) {
                        stack[top++] = seconds[t];
                    }
                    if (firsts[t] != NONE) {
                        stack[top++] = firsts[t];
                    }
                }
            }
        }
        return b.build();
    }
}
