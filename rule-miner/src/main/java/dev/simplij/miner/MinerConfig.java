package dev.simplij.miner;

import dev.simplij.expr.Expr;
import dev.simplij.expr.Operator;
import dev.simplij.rules.Rule;
import dev.simplij.rules.RuleSet;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.StringJoiner;

/**
 * What to mine: the operators, the leaves, the source and target length limits and the seeded
 * sample. Immutable; built with {@link #builder()}, which checks every field and says what is wrong.
 *
 * <p>Leaves are tokens: {@code _0 _1 ...} are pattern variables (they become the placeholders of the
 * rules), numbers such as {@code 0 1 -1 2}, the named constants {@code pi} and {@code E}, and
 * {@code <constant>} for a free constant.
 */
public final class MinerConfig {
    /** Version of the miner recorded in every rule file; bump it when the output for a command changes. */
    public static final String MINER_VERSION = "1";

    private final String name;
    private final List<Operator> operators;
    private final List<String> leaves;
    private final int maxSource;
    private final int maxTarget;
    private final int samples;
    private final long seed;
    private final int threads;
    private final PrintStream progress;
    private final String baseReference;
    private final RuleSet base;
    private final boolean shorterRulesFirst;
    private final boolean moduloCommutativity;
    private final boolean moduloAssociativity;

    private MinerConfig(Builder b) {
        this.name = b.name;
        this.operators = List.copyOf(b.operators);
        this.leaves = List.copyOf(b.leaves);
        this.maxSource = b.maxSource;
        this.maxTarget = b.maxTarget;
        this.samples = b.samples;
        this.seed = b.seed;
        this.threads = b.threads;
        this.progress = b.progress;
        this.baseReference = b.baseReference;
        this.base = b.base;
        this.shorterRulesFirst = b.shorterRulesFirst;
        this.moduloCommutativity = b.moduloCommutativity;
        this.moduloAssociativity = b.moduloAssociativity;
    }

    public static Builder builder() {
        return new Builder();
    }

    public String name() {
        return name;
    }

    /** The unary and binary operators that build expressions, in table order. */
    public List<Operator> operators() {
        return operators;
    }

    /** Leaf tokens in the order given. */
    public List<String> leaves() {
        return leaves;
    }

    public int maxSource() {
        return maxSource;
    }

    public int maxTarget() {
        return maxTarget;
    }

    public int samples() {
        return samples;
    }

    public long seed() {
        return seed;
    }

    /** Worker threads; the mined rules do not depend on it. */
    public int threads() {
        return threads;
    }

    /** Where the progress bar goes, or null for none. */
    public PrintStream progress() {
        return progress;
    }

    /**
     * Rules mined earlier (possibly over other operators) that this run extends: they prune the
     * enumeration as if mined here, and the output is their union with the new rules, minimized
     * together. Empty without a base.
     */
    public List<Rule> baseRules() {
        return base == null ? List.of() : base.rules();
    }

    /** The base as given on the command line ({@code --base}), or null. */
    public String baseReference() {
        return baseReference;
    }

    /**
     * Whether a source's first target that passes in doubles is first compared with how far the
     * rules kept so far reduce the source: when they reach as short, the Kruskal step would drop the
     * candidate anyway, so its high-precision decision is skipped. The rules are the same either
     * way; the header's {@code candidates-per-length} and {@code covered-by-shorter-rules} then also
     * count the few such sources whose target high precision would have refuted.
     */
    public boolean shorterRulesFirst() {
        return shorterRulesFirst;
    }

    /**
     * Whether the enumeration builds {@code + A B} and {@code * A B} only with the operand blocks in
     * {@link dev.simplij.expr.ExprOrder} ({@code A} before or equal to {@code B}, so shorter first),
     * one of each pair of swapped operands: sound for the runtime, whose {@code RuleIndex} matches a
     * left side under every swap of commutative operands, but a rule may then name another target
     * than the plain run's (see {@link Enumeration}). Off by default: the shipped rule sets are mined
     * without it.
     */
    public boolean moduloCommutativity() {
        return moduloCommutativity;
    }

    /**
     * On top of {@link #moduloCommutativity()}: whether the enumeration builds a chain of three
     * operands of {@code +} or {@code *} in one grouping only, its first operand alone
     * ({@code + a + b c}; shorter first, then fewer placeholders, then ExprOrder), unless that
     * grouping's pair reduces (see {@link Enumeration}); the miner's reduction steps then match
     * every left side under every grouping of its chains. Off by default.
     */
    public boolean moduloAssociativity() {
        return moduloAssociativity;
    }

    /** Number of pattern variables {@code _0 .. _k} among the leaves. */
    int variableCount() {
        int count = 0;
        for (String leaf : leaves) {
            if (isVariable(leaf)) {
                count++;
            }
        }
        return count;
    }

    boolean hasFreeConstant() {
        return leaves.contains(Expr.CONSTANT_TOKEN);
    }

    static boolean isVariable(String leaf) {
        return leaf.matches("_\\d+");
    }

    /** The {@code ./simplij mine} command that regenerates exactly this configuration's rule file. */
    public String command(String out) {
        StringJoiner ops = new StringJoiner(",");
        operators.forEach(op -> ops.add(op.token()));
        String leafList = String.join(",", leaves);
        if (leafList.contains(Expr.CONSTANT_TOKEN)) {
            leafList = "'" + leafList + "'"; // '<' and '>' are redirections in a shell
        }
        return "./simplij mine --operators " + ops + " --leaves " + leafList + " --max-source "
                + maxSource + " --max-target " + maxTarget + " --samples " + samples + " --seed " + seed
                + (baseReference == null ? "" : " --base " + baseReference)
                + (shorterRulesFirst ? " --shorter-rules-first" : "")
                + (moduloCommutativity ? " --modulo-commutativity" : "")
                + (moduloAssociativity ? " --modulo-associativity" : "") + " --name " + name + " --out " + out;
    }

    /** Builds a {@link MinerConfig}; every setter validates its argument. */
    public static final class Builder {
        private String name = "mined";
        private List<Operator> operators = List.of(Operator.ADD, Operator.SUB, Operator.MUL, Operator.DIV);
        private List<String> leaves = List.of("_0", "_1", "0", "1");
        private int maxSource = 4;
        private int maxTarget = 3;
        private int samples = 512;
        private long seed = 1;
        private int threads = Runtime.getRuntime().availableProcessors();
        private PrintStream progress;
        private String baseReference;
        private RuleSet base;
        private boolean shorterRulesFirst;
        private boolean moduloCommutativity;
        private boolean moduloAssociativity;

        private Builder() {
        }

        public Builder name(String name) {
            if (!name.matches("[A-Za-z0-9_.-]+")) {
                throw new IllegalArgumentException("rule set name must be letters, digits, '_', '.', '-': '" + name + "'");
            }
            this.name = name;
            return this;
        }

        /** Unary and binary operators; named constants ({@code pi}, {@code E}) belong in the leaves. */
        public Builder operators(List<Operator> operators) {
            if (operators.isEmpty()) {
                throw new IllegalArgumentException("at least one operator is needed");
            }
            List<Operator> sorted = new ArrayList<>(new LinkedHashSet<>(operators));
            for (Operator op : sorted) {
                if (op.arity() == 0) {
                    throw new IllegalArgumentException("'" + op.token() + "' is a named constant: list it among the leaves");
                }
            }
            sorted.sort(null);
            this.operators = sorted;
            return this;
        }

        /** Operators by token, such as {@code "+", "-", "pow2"}. */
        public Builder operatorTokens(List<String> tokens) {
            List<Operator> ops = new ArrayList<>();
            for (String token : tokens) {
                Operator op = Operator.byToken(token.trim());
                if (op == null) {
                    throw new IllegalArgumentException("unknown operator '" + token + "'");
                }
                ops.add(op);
            }
            return operators(ops);
        }

        /**
         * Leaf tokens: {@code _0 _1 ...} (must be {@code _0} up to some {@code _k}, without gaps),
         * numbers, {@code pi}, {@code E}, {@code <constant>}.
         */
        public Builder leaves(List<String> leaves) {
            List<String> distinct = new ArrayList<>(new LinkedHashSet<>(leaves));
            int variables = 0;
            for (String leaf : distinct) {
                if (isVariable(leaf)) {
                    variables++;
                } else if (!leaf.equals(Expr.CONSTANT_TOKEN)) {
                    Expr parsed;
                    try {
                        parsed = Expr.parsePrefix(leaf);
                    } catch (RuntimeException e) {
                        throw new IllegalArgumentException("leaf '" + leaf + "' is not a number, pi, E, _k or "
                                + Expr.CONSTANT_TOKEN, e);
                    }
                    if (parsed.size() != 1 || parsed.variables().size() != 0) {
                        throw new IllegalArgumentException("leaf '" + leaf + "' is not a number, pi, E, _k or "
                                + Expr.CONSTANT_TOKEN);
                    }
                }
            }
            for (int k = 0; k < variables; k++) {
                if (!distinct.contains("_" + k)) {
                    throw new IllegalArgumentException("pattern variables must be _0.._" + (variables - 1)
                            + " without gaps: _" + k + " is missing");
                }
            }
            if (variables > 4) {
                throw new IllegalArgumentException("at most 4 pattern variables are supported, got " + variables);
            }
            this.leaves = distinct;
            return this;
        }

        public Builder maxSource(int maxSource) {
            if (maxSource < 2 || maxSource > 9) {
                throw new IllegalArgumentException("max source length must be in 2..9, got " + maxSource);
            }
            this.maxSource = maxSource;
            return this;
        }

        public Builder maxTarget(int maxTarget) {
            if (maxTarget < 1) {
                throw new IllegalArgumentException("max target length must be >= 1, got " + maxTarget);
            }
            this.maxTarget = maxTarget;
            return this;
        }

        /** Number of sample points (rounded up to whole orbits of the variable permutations). */
        public Builder samples(int samples) {
            if (samples < 64 || samples > 1 << 16) {
                throw new IllegalArgumentException("samples must be in 64..65536, got " + samples);
            }
            this.samples = samples;
            return this;
        }

        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        public Builder threads(int threads) {
            if (threads < 1) {
                throw new IllegalArgumentException("threads must be >= 1, got " + threads);
            }
            this.threads = threads;
            return this;
        }

        public Builder progress(PrintStream progress) {
            this.progress = progress;
            return this;
        }

        /**
         * Extends a rule set: {@code reference} is how it was named (a shipped name or a file),
         * recorded in the regeneration command.
         */
        public Builder base(String reference, RuleSet base) {
            for (Rule rule : base.rules()) {
                if (rule.lhs().constantCount() > 0 || rule.rhs().constantCount() > 0) {
                    throw new IllegalArgumentException("base rule set " + reference + " has free-constant rules ("
                            + rule + "); only constant-free rule sets can be extended");
                }
            }
            this.baseReference = Objects.requireNonNull(reference);
            this.base = base;
            return this;
        }

        /** See {@link MinerConfig#shorterRulesFirst()}; off by default. */
        public Builder shorterRulesFirst(boolean on) {
            this.shorterRulesFirst = on;
            return this;
        }

        /** See {@link MinerConfig#moduloCommutativity()}; off by default. */
        public Builder moduloCommutativity(boolean on) {
            this.moduloCommutativity = on;
            return this;
        }

        /**
         * See {@link MinerConfig#moduloAssociativity()}; off by default, and only with
         * {@link #moduloCommutativity}.
         */
        public Builder moduloAssociativity(boolean on) {
            this.moduloAssociativity = on;
            return this;
        }

        public MinerConfig build() {
            if (moduloAssociativity && !moduloCommutativity) {
                throw new IllegalArgumentException("enumeration modulo associativity builds on modulo commutativity:"
                        + " set both (--modulo-commutativity --modulo-associativity)");
            }
            if (maxTarget >= maxSource) {
                throw new IllegalArgumentException("max target length (" + maxTarget
                        + ") must be below the max source length (" + maxSource + ")");
            }
            Objects.requireNonNull(name);
            return new MinerConfig(this);
        }
    }
}
