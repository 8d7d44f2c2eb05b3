package dev.simplij.miner;

import dev.simplij.expr.Expr;
import dev.simplij.rules.Rule;
import dev.simplij.rules.RuleSet;

import java.util.ArrayList;
import java.util.List;

/**
 * Re-checks rules numerically on a fresh, seeded sample with wider scales than the miner's: every
 * rule must have its right side defined and equal wherever its left side is defined, with near
 * misses decided in 60 digits. The miner runs it on every rule it keeps; {@code ./simplij mine
 * --verify FILE} and the rule-set tests run it on shipped files. Thread-safe.
 */
public final class RuleVerifier {
    private final SampleMatrix points;
    private final long seed;
    private final ThreadLocal<PreciseEvaluator> precise = ThreadLocal.withInitial(PreciseEvaluator::new);
    private final ThreadLocal<ConstantFit> fits;

    private RuleVerifier(SampleMatrix points, long seed) {
        this.points = points;
        this.seed = seed;
        this.fits = ThreadLocal.withInitial(() -> new ConstantFit(points, seed, true, 8));
    }

    /**
     * A verifier for rules with up to {@code variables} placeholders, on about {@code samples}
     * points drawn from {@code seed}.
     */
    public static RuleVerifier of(int variables, int samples, long seed) {
        if (variables < 0 || variables > 4) {
            throw new IllegalArgumentException("variables must be in 0..4, got " + variables);
        }
        return new RuleVerifier(SampleMatrix.create(variables, samples, seed, true), seed);
    }

    /** A verifier sized for the rules of a rule set. */
    public static RuleVerifier forRules(List<Rule> rules, int samples, long seed) {
        int variables = 0;
        for (Rule rule : rules) {
            variables = Math.max(variables, rule.lhs().placeholderCount());
        }
        return of(variables, samples, seed);
    }

    /** Null when the rule holds on this sample, else why not. */
    public String problem(Rule rule) {
        return problem(rule.lhs(), rule.rhs());
    }

    String problem(Expr source, Expr target) {
        if (source.placeholderCount() > points.variables()) {
            return "has more placeholders than this verifier's " + points.variables();
        }
        if (source.constantCount() > 0 || target.constantCount() > 0) {
            return constantProblem(source, target);
        }
        double[] s = VectorOps.evaluate(source, points);
        double[] t = VectorOps.evaluate(target, points);
        ValueCheck.Budget budget = ValueCheck.Budget.recheck(points.size());
        int[] nearMiss = new int[budget.capacity()];
        boolean ground = source.placeholderCount() == 0;
        int verdict = ValueCheck.compare(s, t, 1, points.cornerPoints(), ground, nearMiss, budget);
        if (verdict == ValueCheck.TOO_FEW_POINTS) {
            return null;
        }
        if (verdict == ValueCheck.REJECT) {
            return "left and right side differ on the fresh sample (seed " + seed + ")" + firstDifference(s, t);
        }
        int disagreement = ValueCheck.firstPreciseDisagreement(precise.get(), source, target, points, nearMiss, verdict);
        if (disagreement >= 0) {
            return "left and right side differ in " + PreciseEvaluator.DIGITS + " digits on the fresh sample (seed "
                    + seed + ") at" + describe(disagreement) + ": " + precise.get().describe(source, target,
                    points.point(disagreement));
        }
        return null;
    }

    /** A free-constant rule: the target's constants fitted per draw of the source's (see {@link ConstantFit}). */
    private String constantProblem(Expr source, Expr target) {
        if (target.constantCount() > source.constantCount()) {
            return "the right side has more free constants than the left";
        }
        if (source.constantCount() > ConstantFit.MAX_CONSTANTS) {
            return "more than " + ConstantFit.MAX_CONSTANTS + " free constants";
        }
        ConstantFit fit = fits.get();
        ConstantFit.Source s = fit.source(source);
        if (!s.decidable()) {
            return null; // as for constant-free rules: too few points is no evidence either way
        }
        String problem = fit.problem(s, target);
        return problem == null ? null : "no fit on the fresh sample (seed " + seed + "): " + problem;
    }

    private String firstDifference(double[] s, double[] t) {
        for (int p = 0; p < s.length; p++) {
            if (!Double.isNaN(s[p]) && (Double.isNaN(t[p]) || Math.abs(s[p] - t[p]) > ValueCheck.TIGHT
                    * Math.max(Math.abs(s[p]), Math.abs(t[p])))) {
                return " e.g. at" + describe(p) + ": " + s[p] + " vs " + t[p];
            }
        }
        return "";
    }

    private String describe(int point) {
        StringBuilder at = new StringBuilder();
        for (int k = 0; k < points.variables(); k++) {
            at.append(" _").append(k).append('=').append(points.coordinate(k, point));
        }
        return at.toString();
    }

    /** Every rule that fails, as {@code "rule: problem"} lines, in rule order. */
    public List<String> verify(RuleSet ruleSet) {
        List<String> failures = new ArrayList<>();
        for (Rule rule : ruleSet.rules()) {
            String problem = problem(rule);
            if (problem != null) {
                failures.add(rule + ": " + problem);
            }
        }
        return failures;
    }
}
