package dev.simplij.miner;

import dev.simplij.expr.Expr;
import dev.simplij.expr.ExprOrder;
import dev.simplij.match.Matcher;
import dev.simplij.match.RuleIndex;
import dev.simplij.match.Subject;
import dev.simplij.rules.Rule;
import dev.simplij.simplify.Simplifier;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * The Kruskal steps of a mining run: a candidate rule is kept only when the rules kept so far do not
 * already reduce its source as far (shorter sources first, then earlier sources of the same length),
 * and a final pass removes the rules the others make redundant.
 */
final class KruskalSelection {
    /** Rule priority in files and in the simplifier: longer (more specific) left sides first. */
    static final Comparator<Rule> PRIORITY = Comparator.<Rule>comparingInt(r -> -r.lhs().size())
            .thenComparing(Rule::lhs, ExprOrder::compare);

    private KruskalSelection() {
    }

    /**
     * A simplifier that applies {@code rules} only (no folding, like terms or reordering), with
     * {@code regroupings} under every grouping of their chains too ({@link RuleIndex#of(List, boolean)}).
     */
    static Simplifier rulesOnly(List<Rule> rules, boolean regroupings) {
        List<Rule> sorted = new ArrayList<>(rules);
        sorted.sort(PRIORITY);
        return Simplifier.builder().rules(sorted).folding(false).likeTerms(false).canonicalOrder(false)
                .regroupings(regroupings).build();
    }

    /**
     * Kruskal among sources of one length, in increasing order: a candidate is dropped when a rule
     * kept before it with a source of the same length rewrites its source at the root to something
     * the shorter rules reduce as far as its own target. Adds the others to {@code kept}; returns how
     * many were dropped.
     */
    static long sameLengthStep(List<Rule> rules, Simplifier shorter, List<Rule> kept, boolean regroupings) {
        boolean[] keep = new boolean[rules.size()];
        Matcher matcher = RuleIndex.of(rules, regroupings).matcher();
        long covered = 0;
        for (int i = 0; i < rules.size(); i++) {
            if (coveredBySameLength(rules.get(i), i, keep, matcher, shorter)) {
                covered++;
                continue;
            }
            keep[i] = true;
            kept.add(rules.get(i));
        }
        return covered;
    }

    /**
     * True when a rule other than number {@code self} of {@code matcher}'s index, among those marked
     * {@code allowed}, rewrites the source at its root to something that {@code shorterRules} reduce
     * at least as far as the rule's own target.
     */
    static boolean coveredBySameLength(Rule rule, int self, boolean[] allowed, Matcher matcher,
                                       Simplifier shorterRules) {
        Expr source = rule.lhs();
        matcher.reset(Subject.of(source), 0);
        while (matcher.next()) {
            int other = matcher.pattern().ruleNumber();
            if (other == self || !allowed[other]) {
                continue;
            }
            Rule r = matcher.rule();
            Expr.Builder b = Expr.builder();
            for (int i = 0; i < r.rhs().size(); i++) {
                if (r.rhs().kind(i) == dev.simplij.expr.NodeKind.PLACEHOLDER) {
                    b.subtree(source, matcher.binding(r.rhs().placeholder(i)));
                } else {
                    Placeholders.appendToken(b, r.rhs(), i);
                }
            }
            if (asFar(shorterRules.simplify(b.build()), rule)) {
                return true;
            }
        }
        return false;
    }

    /**
     * True when {@code reduced} is as far as the rule's own target: as short for constant-free rules
     * (whose targets are always shorter), no later in {@link ExprOrder} for free-constant rules (whose
     * targets may be as long, as in {@code / _0 <constant> -> * <constant> _0}).
     */
    static boolean asFar(Expr reduced, Rule rule) {
        return asFar(reduced, rule.lhs(), rule.rhs());
    }

    static boolean asFar(Expr reduced, Expr lhs, Expr rhs) {
        if (lhs.constantCount() > 0) {
            return ExprOrder.compare(reduced, rhs) <= 0;
        }
        return reduced.size() <= rhs.size();
    }

    /**
     * Removes rules the others make redundant, longest sources first and, within a length, largest
     * first; a removed rule no longer justifies removing another.
     */
    static List<Rule> finalPass(List<Rule> kept, int maxSource, long[] removedByFinalPass, boolean regroupings) {
        List<Rule> current = new ArrayList<>(kept);
        for (int n = maxSource; n >= 2; n--) {
            final int len = n;
            List<Rule> group = current.stream().filter(r -> r.lhs().size() == len)
                    .sorted(Comparator.comparing(Rule::lhs, ExprOrder::compare)).toList();
            if (group.isEmpty()) {
                continue;
            }
            Simplifier shorterRules = rulesOnly(current.stream().filter(r -> r.lhs().size() < len).toList(),
                    regroupings);
            Matcher matcher = RuleIndex.of(group, regroupings).matcher();
            boolean[] alive = new boolean[group.size()];
            Arrays.fill(alive, true);
            for (int i = group.size() - 1; i >= 0; i--) {
                Rule r = group.get(i);
                if (asFar(shorterRules.simplify(r.lhs()), r)
                        || coveredBySameLength(r, i, alive, matcher, shorterRules)) {
                    alive[i] = false;
                    removedByFinalPass[n]++;
                }
            }
            current.removeIf(r -> r.lhs().size() == len);
            for (int i = 0; i < group.size(); i++) {
                if (alive[i]) {
                    current.add(group.get(i));
                }
            }
        }
        current.sort(PRIORITY);
        return current;
    }
}
