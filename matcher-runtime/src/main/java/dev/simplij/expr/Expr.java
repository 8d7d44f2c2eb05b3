package dev.simplij.expr;

import it.unimi.dsi.fastutil.objects.Object2IntOpenHashMap;

import java.io.Serializable;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * An immutable expression tree in a flat prefix encoding: node {@code i} is the {@code i}-th prefix
 * token, its subtree is the contiguous slice {@code [i, end(i))}, its first operand is node
 * {@code i + 1} and its second operand starts at {@code end(i + 1)}. Every node carries a structural
 * hash, so equal subtrees are found without walking them.
 *
 * <p>Instances are immutable and thread-safe. Every operation on them is iterative, so trees nested
 * millions of levels deep are handled without stack overflow.
 */
public final class Expr implements Serializable {
    private static final long serialVersionUID = 1L;
    /** {@link #code} of a variable node (operators have their ordinal, which is {@code >= 0}). */
    public static final int VARIABLE = -1;
    /**
     * {@link #code} of a numeric literal; its payload is the IEEE bits of the double that stands for
     * the exact value, or a reference to the pooled exact value ({@link Literals}).
     */
    public static final int NUMBER = -2;
    /** {@link #code} of {@code <constant>}. */
    public static final int CONSTANT = -3;
    /** {@link #code} of a placeholder {@code _k}; its payload is {@code k}. */
    public static final int PLACEHOLDER = -4;

    private static final String[] NO_NAMES = {};
    private static final BigDecimal[] NO_LITERALS = {};

    /** Prefix token of the free-constant placeholder. */
    public static final String CONSTANT_TOKEN = "<constant>";

    private final int[] codes;
    private final long[] payloads;
    private final String[] names;
    /** The pooled literals, by {@link Literals#poolIndex}; like {@link #names}, may be shared and have slack. */
    private final BigDecimal[] literals;
    /** Subtree ends and hashes, computed on first use (a simplifier's result is often only printed). */
    private transient Structure structure;

    /**
     * Serialized as its prefix text (the literal payloads may refer to this JVM's literal pool), read
     * back with {@link #parsePrefix}: for a distributed engine (spark-jobs) that ships expressions
     * between JVMs.
     */
    private Object writeReplace() {
        return new Prefix(toPrefix());
    }

    private record Prefix(String text) implements Serializable {
        private Object readResolve() {
            return parsePrefix(text);
        }
    }

    /**
     * Ends and hashes of every node. Written racily, like {@link String#hashCode}'s cache: threads
     * that race compute equal contents, and the final fields publish the arrays whole.
     */
    private record Structure(int[] ends, long[] hashes) {
    }

    /**
     * @param wellFormed true when the caller already knows that the tokens form exactly one tree
     *                   (a {@link Builder} counts operands as tokens arrive); otherwise they are checked here
     */
    private Expr(int[] codes, long[] payloads, String[] names, BigDecimal[] literals, boolean wellFormed) {
        this.codes = codes;
        this.payloads = payloads;
        this.names = names;
        this.literals = literals;
        if (!wellFormed) {
            requireOneTree(codes);
        }
    }

    private static void requireOneTree(int[] codes) {
        int n = codes.length;
        int subtrees = 0;
        for (int i = n - 1; i >= 0; i--) {
            int code = codes[i];
            int arity = code >= 0 ? Operator.ofOrdinal(code).arity() : 0;
            if (subtrees < arity) {
                throw new IllegalArgumentException("operator at token " + i + " lacks operands");
            }
            subtrees += 1 - arity;
        }
        if (subtrees != 1) {
            throw new IllegalArgumentException(n == 0 ? "empty expression" : (subtrees - 1) + " tokens left over");
        }
    }

    private Structure structure() {
        Structure s = structure;
        if (s == null) {
            s = structure = computeStructure();
        }
        return s;
    }

    private Structure computeStructure() {
        int n = codes.length;
        int[] ends = new int[n];
        long[] hashes = new long[n];
        int[] stack = new int[n];
        int top = 0;
        for (int i = n - 1; i >= 0; i--) {
            int code = codes[i];
            int arity = code >= 0 ? Operator.ofOrdinal(code).arity() : 0;
            long h = isPooled(i) ? Literals.pooledTokenHash(pooledValue(i))
                    : StructuralHash.token(code, payloads[i], code == VARIABLE ? names[(int) payloads[i]] : null);
            int end = i + 1;
            for (int k = 0; k < arity; k++) {
                int child = stack[--top];
                h = StructuralHash.operand(h, hashes[child]);
                end = ends[child];
            }
            ends[i] = end;
            hashes[i] = StructuralHash.finish(h, end - i);
            stack[top++] = i;
        }
        return new Structure(ends, hashes);
    }

    /** Starts an expression built token by token in prefix order. */
    public static Builder builder() {
        return new Builder(16);
    }

    /** Starts an expression of about {@code expectedTokens} tokens (a capacity hint, not a limit). */
    public static Builder builder(int expectedTokens) {
        return new Builder(Math.max(1, expectedTokens));
    }

    /** Parses prefix tokens separated by white space, such as {@code + pow2 sin x1 pow2 cos x1}. */
    public static Expr parsePrefix(String text) {
        return PrefixParser.parse(text);
    }

    /** Parses infix in SymPy's syntax, such as {@code sin(x1)**2 + cos(x1)**2}. */
    public static Expr parseInfix(String text) {
        return InfixParser.parse(text);
    }

    /** Number of prefix tokens: the length measure of SimpliJ. */
    public int size() {
        return codes.length;
    }

    public NodeKind kind(int node) {
        return switch (codes[node]) {
            case VARIABLE -> NodeKind.VARIABLE;
            case NUMBER -> NodeKind.NUMBER;
            case CONSTANT -> NodeKind.CONSTANT;
            case PLACEHOLDER -> NodeKind.PLACEHOLDER;
            default -> NodeKind.OPERATOR;
        };
    }

    /** The operator at a node, or null at a variable, number, constant or placeholder. */
    public Operator operator(int node) {
        int code = codes[node];
        return code >= 0 ? Operator.ofOrdinal(code) : null;
    }

    /**
     * A compact code of the node's token kind: the operator ordinal for operators, a negative
     * number for the other kinds; two nodes hold the same token iff their codes and payloads match.
     */
    public int code(int node) {
        return codes[node];
    }

    /** The raw payload: variable-name index, literal bits or placeholder number; see {@link #code}. */
    public long payload(int node) {
        return payloads[node];
    }

    public int arity(int node) {
        int code = codes[node];
        return code >= 0 ? Operator.ofOrdinal(code).arity() : 0;
    }

    /** End (exclusive) of the subtree rooted at {@code node}. */
    public int end(int node) {
        return structure().ends[node];
    }

    /** The {@code k}-th operand of the node (0-based). */
    public int child(int node, int k) {
        int c = node + 1;
        int[] ends = structure().ends;
        for (int i = 0; i < k; i++) {
            c = ends[c];
        }
        return c;
    }

    /** Structural hash of the subtree at {@code node}; equal subtrees have equal hashes. */
    public long hash(int node) {
        return structure().hashes[node];
    }

    /** The double nearest to a literal's exact value (the value itself for most literals): what evaluation uses. */
    public double number(int node) {
        requireKind(node, NUMBER);
        return isPooled(node) ? pooledValue(node).doubleValue() : Double.longBitsToDouble(payloads[node]);
    }

    /** The exact value of a literal, without trailing zeros. */
    public BigDecimal exactNumber(int node) {
        requireKind(node, NUMBER);
        return isPooled(node) ? pooledValue(node) : Literals.exact(Double.longBitsToDouble(payloads[node]));
    }

    /**
     * True when a literal is one a double stands for exactly ({@link Literals}): then {@link #number}
     * is its exact value in the sense of {@link Literals#exact}.
     */
    public boolean isDoubleLiteral(int node) {
        requireKind(node, NUMBER);
        return !isPooled(node);
    }

    private boolean isPooled(int node) {
        return codes[node] == NUMBER && Literals.isPooled(payloads[node]);
    }

    private BigDecimal pooledValue(int node) {
        return literals[Literals.poolIndex(payloads[node])];
    }

    public String variable(int node) {
        requireKind(node, VARIABLE);
        return names[(int) payloads[node]];
    }

    public int placeholder(int node) {
        requireKind(node, PLACEHOLDER);
        return (int) payloads[node];
    }

    private void requireKind(int node, int code) {
        if (codes[node] != code) {
            throw new IllegalArgumentException("node " + node + " is a " + kind(node));
        }
    }

    /** The subtree at {@code node} as an expression of its own. */
    public Expr subtree(int node) {
        if (node == 0) {
            return this;
        }
        int end = end(node);
        return new Expr(Arrays.copyOfRange(codes, node, end), Arrays.copyOfRange(payloads, node, end), names, literals,
                true);
    }

    /** True when the subtree at {@code node} equals the subtree of {@code other} at {@code otherNode}. */
    public boolean subtreeEquals(int node, Expr other, int otherNode) {
        if (hash(node) != other.hash(otherNode)) {
            return false;
        }
        int len = end(node) - node;
        if (other.end(otherNode) - otherNode != len) {
            return false;
        }
        for (int k = 0; k < len; k++) {
            if (!sameToken(node + k, other, otherNode + k)) {
                return false;
            }
        }
        return true;
    }

    /** True when node {@code node} holds the same token as {@code other}'s node {@code otherNode}. */
    public boolean sameToken(int node, Expr other, int otherNode) {
        int code = codes[node];
        if (code != other.codes[otherNode]) {
            return false;
        }
        if (code == VARIABLE) {
            return names[(int) payloads[node]].equals(other.names[(int) other.payloads[otherNode]]);
        }
        if (payloads[node] == other.payloads[otherNode]) {
            return !isPooled(node) || pooledValue(node).equals(other.pooledValue(otherNode));
        }
        // values have one form each: two pooled payloads are equal literals when their values are
        return isPooled(node) && other.isPooled(otherNode) && pooledValue(node).equals(other.pooledValue(otherNode));
    }

    /** Distinct variable names in order of first appearance. */
    public List<String> variables() {
        Set<String> seen = new LinkedHashSet<>();
        for (int i = 0; i < codes.length; i++) {
            if (codes[i] == VARIABLE) {
                seen.add(names[(int) payloads[i]]);
            }
        }
        return List.copyOf(seen);
    }

    /** Number of {@code <constant>} occurrences. */
    public int constantCount() {
        int count = 0;
        for (int code : codes) {
            if (code == CONSTANT) {
                count++;
            }
        }
        return count;
    }

    /** One more than the highest placeholder number, 0 when there is none. */
    public int placeholderCount() {
        int max = -1;
        for (int i = 0; i < codes.length; i++) {
            if (codes[i] == PLACEHOLDER) {
                max = Math.max(max, (int) payloads[i]);
            }
        }
        return max + 1;
    }

    /** The prefix token of one node, as a rule file or {@link #parsePrefix} reads it. */
    public String token(int node) {
        return switch (codes[node]) {
            case VARIABLE -> names[(int) payloads[node]];
            case NUMBER -> isPooled(node) ? Numbers.formatExact(pooledValue(node))
                    : Numbers.format(Double.longBitsToDouble(payloads[node]));
            case CONSTANT -> CONSTANT_TOKEN;
            case PLACEHOLDER -> "_" + payloads[node];
            default -> Operator.ofOrdinal(codes[node]).token();
        };
    }

    /** Space-separated prefix tokens. */
    public String toPrefix() {
        StringBuilder sb = new StringBuilder(codes.length * 4);
        for (int i = 0; i < codes.length; i++) {
            if (i > 0) {
                sb.append(' ');
            }
            sb.append(token(i));
        }
        return sb.toString();
    }

    /** Infix in SymPy's syntax; {@code sympify} reads it to an expression of the same value. */
    public String toInfix() {
        return InfixPrinter.print(this);
    }

    /** The prefix tokens as a list. */
    public List<String> tokens() {
        List<String> tokens = new ArrayList<>(codes.length);
        for (int i = 0; i < codes.length; i++) {
            tokens.add(token(i));
        }
        return tokens;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof Expr other) || other.size() != size()) {
            return false;
        }
        // equal token sequences are equal trees (prefix is unambiguous): no structure to compute
        for (int i = 0; i < size(); i++) {
            if (!sameToken(i, other, i)) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(hash(0));
    }

    /** The prefix form. */
    @Override
    public String toString() {
        return toPrefix();
    }

    /**
     * Builds an expression token by token in prefix order. Not thread-safe; {@link #build()} checks
     * that the tokens form exactly one complete tree.
     */
    public static final class Builder {
        /** Up to this many distinct names are found by a scan; beyond, through {@link #nameIndex}. */
        private static final int SCANNED_NAMES = 8;

        private int[] codes;
        private long[] payloads;
        /** True when {@link #build} handed the arrays to an expression: the next token copies them first. */
        private boolean shared;
        /**
         * Names by index; slots past {@link #nameCount} are unused (an expression only reads the
         * names its tokens index, so it may share this array, slack and all).
         */
        private String[] names = NO_NAMES;
        /** True when {@link #build} handed {@link #names} to an expression: the next name copies it first. */
        private boolean namesShared;
        private int nameCount;
        /** Pooled literals by index, shared with built expressions as {@link #names} is. */
        private BigDecimal[] literals = NO_LITERALS;
        private boolean literalsShared;
        private int literalCount;
        private Object2IntOpenHashMap<String> nameIndex;
        private int size;
        /**
         * Subtrees the tokens so far still lack to form one tree (1 before the first token); once a
         * token arrives when none is lacking, {@link #leftOver} is set and {@link #build} leaves the
         * reporting to the expression's own check.
         */
        private int lacking = 1;
        private boolean leftOver;

        private Builder(int capacity) {
            codes = new int[capacity];
            payloads = new long[capacity];
        }

        private Builder add(int code, long payload, int arity) {
            if (lacking == 0) {
                leftOver = true;
            }
            lacking += arity - 1;
            if (size == codes.length || shared) {
                int capacity = size == codes.length ? Math.max(16, size * 2) : codes.length;
                codes = Arrays.copyOf(codes, capacity);
                payloads = Arrays.copyOf(payloads, capacity);
                shared = false;
            }
            codes[size] = code;
            payloads[size] = payload;
            size++;
            return this;
        }

        public Builder operator(Operator op) {
            return add(op.ordinal(), 0, op.arity());
        }

        public Builder variable(String name) {
            int index = nameIndex(name);
            if (index < 0) {
                Identifiers.requireVariableName(name);
                index = addName(name);
            }
            return add(VARIABLE, index, 0);
        }

        private int nameIndex(String name) {
            if (nameIndex != null) {
                return nameIndex.getInt(name);
            }
            for (int i = 0; i < nameCount; i++) {
                if (names[i].equals(name)) {
                    return i;
                }
            }
            return -1;
        }

        private int addName(String name) {
            if (nameCount == names.length || namesShared) {
                names = Arrays.copyOf(names, nameCount == names.length ? Math.max(4, nameCount * 2) : names.length);
                namesShared = false;
            }
            int index = nameCount++;
            names[index] = name;
            if (nameIndex != null) {
                nameIndex.put(name, index);
            } else if (nameCount > SCANNED_NAMES) {
                nameIndex = new Object2IntOpenHashMap<>();
                nameIndex.defaultReturnValue(-1);
                for (int i = 0; i < nameCount; i++) {
                    nameIndex.put(names[i], i);
                }
            }
            return index;
        }

        /**
         * A numeric literal; must be finite ({@code -0.0} is stored as {@code 0}). Its exact value is
         * the one the double stands for ({@link Literals#exact}): {@code 0.1} is one tenth.
         */
        public Builder number(double value) {
            if (!Double.isFinite(value)) {
                throw new IllegalArgumentException("numeric literal must be finite, got " + value);
            }
            return add(NUMBER, Double.doubleToLongBits(value == 0 ? 0.0 : value), 0);
        }

        /**
         * A numeric literal of exactly this value; must be within the double range, not rounded to
         * zero there, and printable in at most 400 characters ({@link Literals#fits}).
         */
        public Builder number(BigDecimal value) {
            double inline = Literals.inline(value);
            if (!Double.isNaN(inline)) {
                return number(inline);
            }
            if (!Literals.fits(value)) {
                throw new IllegalArgumentException("numeric literal out of range: " + Numbers.abbreviate(value.toString()));
            }
            return pooledNumber(value.stripTrailingZeros());
        }

        /** A literal of a value known to be pooled ({@link Literals#inline} is NaN, and it fits). */
        private Builder pooledNumber(BigDecimal value) {
            for (int i = 0; i < literalCount; i++) {
                if (literals[i].equals(value)) {
                    return add(NUMBER, Literals.pooled(i), 0);
                }
            }
            if (literalCount == literals.length || literalsShared) {
                literals = Arrays.copyOf(literals, literalCount == literals.length ? Math.max(2, literalCount * 2)
                        : literals.length);
                literalsShared = false;
            }
            literals[literalCount] = value;
            return add(NUMBER, Literals.pooled(literalCount++), 0);
        }

        public Builder constant() {
            return add(CONSTANT, 0, 0);
        }

        public Builder placeholder(int index) {
            if (index < 0) {
                throw new IllegalArgumentException("placeholder index must be >= 0, got " + index);
            }
            return add(PLACEHOLDER, index, 0);
        }

        /** Appends a copy of the single token of {@code source} at {@code node} (not its operands). */
        public Builder token(Expr source, int node) {
            return source.codes[node] == VARIABLE ? variable(source.variable(node))
                    : source.isPooled(node) ? pooledNumber(source.pooledValue(node))
                    : add(source.codes[node], source.payloads[node], source.arity(node));
        }

        /** Appends a copy of the subtree of {@code source} at {@code node}. */
        public Builder subtree(Expr source, int node) {
            for (int i = node, end = source.end(node); i < end; i++) {
                switch (source.codes[i]) {
                    case VARIABLE -> variable(source.variable(i));
                    case NUMBER -> token(source, i);
                    default -> add(source.codes[i], source.payloads[i], source.arity(i));
                }
            }
            return this;
        }

        /** Tokens appended so far. */
        public int size() {
            return size;
        }

        public Expr build() {
            namesShared = nameCount > 0;
            literalsShared = literalCount > 0;
            boolean oneTree = lacking == 0 && !leftOver;
            if (size == codes.length) {
                // Exactly filled (the usual case with a size hint): no copy; the builder copies before it writes again.
                shared = true;
                return new Expr(codes, payloads, names, literals, oneTree);
            }
            return new Expr(Arrays.copyOf(codes, size), Arrays.copyOf(payloads, size), names, literals, oneTree);
        }
    }
}
