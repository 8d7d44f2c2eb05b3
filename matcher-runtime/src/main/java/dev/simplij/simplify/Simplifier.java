package dev.simplij.simplify;

import dev.simplij.expr.Expr;
import dev.simplij.expr.ExprOrder;
import dev.simplij.match.RuleIndex;
import dev.simplij.rules.Rule;
import dev.simplij.rules.RuleSet;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Simplifies expressions with an indexed rule set plus built-in exact steps. Built once, immutable
 * and thread-safe: share one instance across threads.
 *
 * <pre>{@code
 * Simplifier s = Simplifier.standard();                       // shipped default rules, all steps on
 * s.simplifyInfix("x1*(x2 - x2) + sin(x1)**2 + cos(x1)**2");  // "1" with the default rules
 *
 * Simplifier rulesOnly = Simplifier.builder().rules(kept).folding(false).likeTerms(false).build();
 * Expr reduced = rulesOnly.simplify(candidate);               // what the kept rules reduce it to
 * }</pre>
 *
 * <p>Guarantees: the result is never longer than the input; it has the input's value at every real
 * point where the input is defined (it may be defined at more points: {@code x/x -> 1}); inputs
 * equal up to swapping operands of {@code +} and {@code *} give the same result; results are
 * deterministic; when a call stops at {@link StopReason#FIXPOINT}, simplifying the result again
 * returns it unchanged. Every call has a step budget and reports why it stopped.
 */
public final class Simplifier {
    /** Work areas larger than this many terms are not kept for reuse by their thread. */
    private static final int MAX_KEPT_TERMS = 1 << 16;
    /**
     * Each thread's reusable work area: a term store and the normalizer of the simplifier that used
     * it last (its matchers and scratch arrays), so a call allocates almost nothing up front.
     */
    private static final ThreadLocal<Normalizer[]> WORKSPACE = ThreadLocal.withInitial(() -> new Normalizer[1]);
    private static volatile Simplifier standard;
    /** Passes of normalizing and writing, at most, until the written result simplifies to itself. */
    private static final int MAX_ROUNDS = 4;

    /** The index the rewriting uses: every rule, or every rule but the bags when those apply to whole chains. */
    private final RuleIndex rewriteIndex;
    private final BagRules bagRules;
    private final boolean folding;
    private final boolean likeTerms;
    private final boolean skeleton;
    private final boolean canonicalOrder;
    private final boolean canonicalForm;
    private final int stepBudget;

    private Simplifier(Builder b) {
        // compiled only where they apply: rules-only simplifiers (the miner builds many) skip the work
        this.bagRules = BagRules.of(b.likeTerms && b.folding ? b.rules : List.of());
        this.rewriteIndex = RuleIndex.of(bagRules.size() == 0 ? b.rules : bagRules.others(b.rules), b.regroupings);
        this.folding = b.folding;
        this.likeTerms = b.likeTerms;
        this.skeleton = b.skeleton;
        this.canonicalOrder = b.canonicalOrder;
        this.canonicalForm = b.canonicalForm && b.folding && b.likeTerms && b.canonicalOrder;
        this.stepBudget = b.stepBudget;
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * The simplifier of the shipped default rule set ({@code dev/simplij/rulesets/default.rules} on the
     * class path, provided by the {@code simplij-rulesets} module) with every step on. Built once.
     *
     * @throws IllegalStateException if the default rule set is not on the class path
     */
    public static Simplifier standard() {
        Simplifier s = standard;
        if (s == null) {
            synchronized (Simplifier.class) {
                s = standard;
                if (s == null) {
                    s = standard = builder().ruleSet(defaultRuleSet()).build();
                }
            }
        }
        return s;
    }

    /** The shipped default rule set, with a clear error when the rulesets module is absent. */
    public static RuleSet defaultRuleSet() {
        String resource = "dev/simplij/rulesets/" + RuleSet.DEFAULT_NAME + ".rules";
        if (Simplifier.class.getClassLoader().getResource(resource) == null) {
            throw new IllegalStateException("the default rule set is not on the class path (resource " + resource
                    + ", shipped by the simplij-rulesets module); add that module, or load a rule file with "
                    + "RuleSet.load(path) and Simplifier.builder().ruleSet(...)");
        }
        return RuleSet.defaultRuleSet();
    }

    /** The index of the rules applied node by node: all but the bags, when those apply to whole chains. */
    RuleIndex rewriteIndex() {
        return rewriteIndex;
    }

    /**
     * The rules with a sum or product left side, matched modulo AC against whole chains; none
     * when like terms or folding are off (then every rule is applied node by node).
     */
    BagRules bagRules() {
        return bagRules;
    }

    public boolean folding() {
        return folding;
    }

    public boolean likeTerms() {
        return likeTerms;
    }

    public boolean skeleton() {
        return skeleton;
    }

    public boolean canonicalOrder() {
        return canonicalOrder;
    }

    /** Whether results are written from their canonical form ({@link Builder#canonicalForm}). */
    public boolean canonicalForm() {
        return canonicalForm;
    }

    /** The step budget per call; 0 means automatic (see {@link Builder#stepBudget}). */
    public int stepBudget() {
        return stepBudget;
    }

    /**
     * Counters of the caches shared by all simplifiers of this process. Each has a fixed capacity;
     * the per-thread work areas are reset after every call and are not caches (a thread keeps one
     * only while it holds at most 65,536 terms).
     */
    public static List<CacheStatistics> cacheStatistics() {
        return Fraction.cacheStatistics();
    }

    /** The simplified expression. */
    public Expr simplify(Expr e) {
        return simplify(e, (result, normalizer) -> result);
    }

    /** The simplified expression with the steps used and the stop reason. */
    public Simplification simplifyWithReport(Expr e) {
        return simplify(e, Simplifier::report);
    }

    private static Simplification report(Expr result, Normalizer normalizer) {
        return new Simplification(result, (int) Math.min(Integer.MAX_VALUE, normalizer.steps()),
                normalizer.stopped() ? StopReason.BUDGET : StopReason.FIXPOINT);
    }

    /**
     * The result as the rewriting leaves it, without the last-line guard of {@link #run} that returns the
     * input when the result is longer; package-private, for the tests that check the rewriting itself never
     * makes anything longer (the guard would make such a check pass whatever the rewriting did).
     */
    Simplification simplifyUnguarded(Expr e) {
        return simplify(e, Simplifier::report, false);
    }

    /** What a call returns, made from the result and the work area before it is reused. */
    private interface Outcome<T> {
        T of(Expr result, Normalizer normalizer);
    }

    private <T> T simplify(Expr e, Outcome<T> outcome) {
        return simplify(e, outcome, true);
    }

    private <T> T simplify(Expr e, Outcome<T> outcome, boolean guarded) {
        Objects.requireNonNull(e, "expression");
        Normalizer[] slot = WORKSPACE.get();
        Normalizer normalizer = slot[0];
        slot[0] = null; // a re-entrant call on this thread gets a fresh work area
        if (normalizer == null) {
            normalizer = new Normalizer(new TermStore(64), this);
        } else if (normalizer.config() != this) {
            normalizer = new Normalizer(normalizer.store, this);
        }
        try {
            return outcome.of(guarded ? run(e, normalizer) : rewrite(e, normalizer), normalizer);
        } finally {
            normalizer.store.reset();
            if (normalizer.store.capacity() <= MAX_KEPT_TERMS) {
                slot[0] = normalizer;
            }
        }
    }

    private Expr run(Expr e, Normalizer normalizer) {
        Expr result = rewrite(e, normalizer);
        if (result.size() > e.size()) {
            // Cannot happen (every step shrinks in ExprOrder); kept as the last line of the guarantee.
            result = e;
        }
        return result;
    }

    private Expr rewrite(Expr e, Normalizer normalizer) {
        long budget = stepBudget > 0 ? stepBudget : Math.max(10_000L, 16L * e.size());
        normalizer.start(budget);
        int built = normalizer.build(e);
        int root = normalizer.withBagRules(built);
        boolean inputIsNormal = normalizer.inputKept() && root == built;
        if (!canonicalForm) {
            return inputIsNormal ? e : normalizer.store.toExpr(root);
        }
        CanonicalForm.Term form = normalizer.formOf(root);
        Expr written = normalizer.write(form);
        // the steps' own term is copied out only when it is returned or could equal the writing
        int normalSize = normalizer.store.size(root);
        if (written == null || written.size() >= normalSize) {
            Expr normal = inputIsNormal ? e : normalizer.store.toExpr(root);
            if (written == null || written.size() > normalSize || written.equals(normal)) {
                return normal; // the steps' own term: simplified again, it stays as it is
            }
        }
        // The steps see the binary layout they are given, so the written result may simplify
        // further, or to another form of equal length; it is returned once it simplifies to itself
        // (checked in the same term store, where every unchanged subterm is already normal).
        Expr smallest = written;
        for (int round = 1; round < MAX_ROUNDS && !normalizer.stopped(); round++) {
            int again = normalizer.withBagRules(normalizer.build(written));
            CanonicalForm.Term againForm = normalizer.formOf(again);
            if (form.equals(againForm) && written.size() <= normalizer.store.size(again)) {
                return written;
            }
            Expr normalAgain = normalizer.store.toExpr(again);
            Expr writtenAgain = normalizer.write(againForm);
            if (writtenAgain == null || writtenAgain.size() > normalAgain.size()) {
                return normalAgain;
            }
            form = againForm;
            written = writtenAgain;
            if (ExprOrder.compare(written, smallest) < 0) {
                smallest = written;
            }
        }
        return smallest;
    }

    /** Parses infix (SymPy syntax), simplifies, prints infix. */
    public String simplifyInfix(String infix) {
        return simplify(Expr.parseInfix(infix)).toInfix();
    }

    /** Parses prefix tokens, simplifies, prints prefix tokens. */
    public String simplifyPrefix(String prefix) {
        return simplify(Expr.parsePrefix(prefix)).toPrefix();
    }

    /** Simplifies each expression; large batches run in parallel. Results are in input order. */
    public List<Expr> simplifyAll(List<Expr> expressions) {
        if (expressions.size() < 256) {
            List<Expr> out = new ArrayList<>(expressions.size());
            for (Expr e : expressions) {
                out.add(simplify(e));
            }
            return out;
        }
        return expressions.parallelStream().map(this::simplify).toList();
    }

    @Override
    public String toString() {
        return "Simplifier[" + rewriteIndex + ", bag rules=" + bagRules.size() + ", folding=" + folding + ", likeTerms="
                + likeTerms + ", skeleton=" + skeleton + ", canonicalForm=" + canonicalForm + "]";
    }

    /** Collects settings; {@link #build} indexes the rules once. */
    public static final class Builder {
        private List<Rule> rules = List.of();
        private boolean folding = true;
        private boolean likeTerms = true;
        private boolean skeleton;
        private boolean canonicalOrder = true;
        private boolean canonicalForm = true;
        private int stepBudget;
        private boolean regroupings;

        private Builder() {
        }

        /** Uses the rules of a rule set (replacing rules set before). */
        public Builder ruleSet(RuleSet ruleSet) {
            return rules(ruleSet.rules());
        }

        /** Uses these rules, in priority order (replacing rules set before). */
        public Builder rules(List<Rule> rules) {
            this.rules = List.copyOf(rules);
            return this;
        }

        /** Exact constant folding (default on). */
        public Builder folding(boolean on) {
            this.folding = on;
            return this;
        }

        /** Collection of like terms and factors across {@code + -} and {@code * /} chains (default on). */
        public Builder likeTerms(boolean on) {
            this.likeTerms = on;
            return this;
        }

        /** Skeleton mode: absorb {@code <constant>} (default off). */
        public Builder skeleton(boolean on) {
            this.skeleton = on;
            return this;
        }

        /**
         * Write results from their canonical form (default on; it needs folding, like terms and
         * canonical order): equal values reached in different layouts ({@code a - b} and
         * {@code -(b - a)}, {@code x/2} and {@code 0.5*x}) come out alike. Off, results keep the
         * layout the steps leave, at about 40% of the time per call.
         */
        public Builder canonicalForm(boolean on) {
            this.canonicalForm = on;
            return this;
        }

        /** Sort the operands of {@code +} and {@code *} canonically (default on). */
        public Builder canonicalOrder(boolean on) {
            this.canonicalOrder = on;
            return this;
        }

        /**
         * Maximum rewrites per call; 0 (the default) means {@code max(10000, 16 * input length)}.
         */
        public Builder stepBudget(int steps) {
            if (steps < 0) {
                throw new IllegalArgumentException("step budget must be >= 0, got " + steps);
            }
            this.stepBudget = steps;
            return this;
        }

        /**
         * Match each rule's left side also under every grouping of its {@code +} and {@code *}
         * chains, node by node (default off): for rules-only simplifiers, where no bag matching
         * sees chains; see {@link RuleIndex#of(List, boolean)}.
         */
        public Builder regroupings(boolean on) {
            this.regroupings = on;
            return this;
        }

        public Simplifier build() {
            return new Simplifier(this);
        }
    }
}
