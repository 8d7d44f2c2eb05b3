package dev.simplij.miner;

import dev.simplij.expr.Operator;
import dev.simplij.miner.MiningStatistics.LengthStats;
import dev.simplij.rules.RuleSet;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.function.ToLongFunction;

/**
 * Mines a complete, numerically verified, minimal rule set (the SimpliPy approach, made complete
 * and sound): see {@link MiningRun} for the stages and {@link ValueCheck} for the soundness rule.
 *
 * <pre>{@code
 * MinerConfig config = MinerConfig.builder().operatorTokens(List.of("+", "-", "*", "/"))
 *         .leaves(List.of("_0", "_1", "0", "1")).maxSource(5).maxTarget(3).samples(512).seed(1).build();
 * MiningResult result = RuleMiner.mine(config, "small.rules");
 * result.ruleSet().write(writer);
 * }</pre>
 *
 * The rules and the header depend only on the configuration, never on the thread count or timing,
 * so the same command writes the same bytes.
 */
public final class RuleMiner {
    static final String FREE_CONSTANT_SEMANTICS = "; a rule with <constant> holds when for every value of the lhs"
            + " constants (where lhs is defined somewhere) there are values of the rhs constants such that rhs equals"
            + " lhs wherever lhs is defined on the reals; each <constant> is its own unknown, so such rules are for"
            + " skeleton mode only";
    static final String FREE_CONSTANT_CHECK = "; free constants: " + ConstantFit.DRAWS + " draws of the lhs"
            + " constants (positive, negative, mixed signs, small integers and halves), rhs constants fitted per"
            + " draw (Gauss-Newton at a few points, then Levenberg-Marquardt on all), 60-digit confirmation to "
            + ConstantFit.PRECISE_TOLERANCE;

    private RuleMiner() {
    }

    /**
     * Runs the miner.
     *
     * @param outName the file name recorded in the header's regeneration command
     */
    /**
     * Refuses a rule file path that is a directory, for a caller to check before mining, which can
     * take hours: a run must not end without its file.
     *
     * @throws IllegalArgumentException naming the path and what to give instead
     */
    public static void checkRuleFilePath(Path out) {
        if (Files.isDirectory(out)) {
            throw new IllegalArgumentException("--out " + out + " is a directory; give the rule file's path, for example "
                    + out.resolve("NAME.rules"));
        }
    }

    public static MiningResult mine(MinerConfig config, String outName) {
        try (UnitRunner runner = new ParallelUnits(config.threads())) {
            return mine(config, outName, runner);
        }
    }

    /** Runs the miner on the units engine {@code runner} (the same rules and header on any engine). */
    public static MiningResult mine(MinerConfig config, String outName, UnitRunner runner) {
        long start = System.nanoTime();
        MiningRun.Outcome outcome = new MiningRun(config).run(runner);
        long millis = (System.nanoTime() - start) / 1_000_000;
        RuleSet ruleSet = RuleSet.of(config.name(), header(config, outName, outcome), outcome.rules());
        MiningStatistics statistics = new MiningStatistics(outcome.stats(), outcome.samplePoints(),
                outcome.rules().size(), millis, Resources.peakHeap());
        return new MiningResult(ruleSet, statistics);
    }

    private static Map<String, String> header(MinerConfig config, String outName, MiningRun.Outcome outcome) {
        Map<String, String> h = new LinkedHashMap<>();
        StringJoiner ops = new StringJoiner(" ");
        for (Operator op : config.operators()) {
            ops.add(op.token());
        }
        h.put("miner", "simplij-rule-miner " + MinerConfig.MINER_VERSION);
        h.put("semantics", "lhs -> rhs holds wherever lhs is defined on the reals (rhs may be defined at more points)"
                + (config.hasFreeConstant() ? FREE_CONSTANT_SEMANTICS : ""));
        h.put("operators", ops.toString());
        h.put("leaves", String.join(" ", config.leaves()));
        h.put("max-source", Integer.toString(config.maxSource()));
        h.put("max-target", Integer.toString(config.maxTarget()));
        h.put("samples", outcome.samplePoints() + " points, seed " + config.seed()
                + "; re-check on a fresh wider sample, near misses in " + PreciseEvaluator.DIGITS + " digits"
                + (config.hasFreeConstant() ? FREE_CONSTANT_CHECK : ""));
        List<LengthStats> s = outcome.stats();
        h.put("all-per-length", perLength(s, LengthStats::all));
        if (config.moduloCommutativity()) {
            h.put("enumeration", "modulo commutativity: + and * over their operands in ExprOrder only, one of each"
                    + " swapped pair (the runtime matches a left side under every swap)");
            h.put("all-modulo-commutativity-per-length", perLength(s, LengthStats::allModuloCommutativity));
        }
        if (config.moduloAssociativity()) {
            h.put("regrouping", "modulo associativity: a chain of three operands of + or * with its first operand"
                    + " (shorter, fewer placeholders, ExprOrder) alone only, unless that grouping's pair reduces (the"
                    + " miner's reduction steps match a left side under every grouping of its chains)");
            h.put("all-modulo-associativity-per-length", perLength(s, LengthStats::allModuloAssociativity));
        }
        h.put("enumerated-per-length", perLength(s, LengthStats::enumerated));
        h.put("candidates-per-length", perLength(s, LengthStats::candidates));
        h.put("covered-by-shorter-rules", perLength(s, LengthStats::coveredByShorter));
        h.put("rejected-on-recheck", perLength(s, LengthStats::rejectedOnRecheck));
        h.put("covered-by-same-length-rules", perLength(s, LengthStats::coveredBySameLength));
        h.put("removed-by-final-pass", perLength(s, LengthStats::removedByFinalPass));
        h.put("rules-per-length", perLength(s, LengthStats::rules));
        h.put("irreducible-per-length", perLength(s, LengthStats::irreducible));
        if (config.baseReference() != null) {
            h.put("base", config.baseReference() + " (" + config.baseRules().size() + " rules, checksum "
                    + RuleSet.checksum(config.baseRules()) + "), extended by the rules above and minimized with them");
        }
        h.put("order", "longer left sides first (the index tries rules in file order), then ExprOrder");
        h.put("command", config.command(outName));
        return h;
    }

    private static String perLength(List<LengthStats> stats, ToLongFunction<LengthStats> f) {
        StringJoiner j = new StringJoiner(" ");
        for (LengthStats s : stats) {
            j.add(s.length() + "=" + f.applyAsLong(s));
        }
        return j.toString();
    }
}
