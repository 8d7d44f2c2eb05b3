package dev.simplij.miner;

import dev.simplij.expr.Expr;
import dev.simplij.expr.ExprOrder;
import dev.simplij.expr.Operator;
import dev.simplij.match.RuleIndex;
import dev.simplij.miner.MiningStatistics.LengthStats;
import dev.simplij.miner.Placeholders.Renaming;
import dev.simplij.miner.TargetIndex.Target;
import dev.simplij.rules.Rule;
import dev.simplij.simplify.Simplifier;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * One mining run, length by length, each stage a class of its own:
 * <ol>
 *   <li>{@link Enumeration}: every expression of length {@code n} whose operands are irreducible
 *       expressions of shorter lengths (under every canonical placeholder renaming), split into
 *       units of work;</li>
 *   <li>{@link Evaluation}: each one's value vector from its operands' vectors;</li>
 *   <li>{@link TargetSearch}, grouping and exact check: the smallest target ({@link ExprOrder}) of
 *       its {@link TargetIndex} bucket that passes {@link ValueCheck}: a candidate rule;</li>
 *   <li>{@link KruskalSelection}: drop the candidate when the rules kept for shorter sources already
 *       reduce its source as far; re-check the rest on a fresh wider sample ({@link RuleVerifier});
 *       then, in increasing order, drop those a kept rule with a source of the same length covers;</li>
 *   <li>{@link Layer}: expressions no kept rule rewrites become the building blocks of length
 *       {@code n}.</li>
 * </ol>
 * A final pass, longest sources first, removes rules the others make redundant. The units of a
 * length run on a {@link UnitRunner} (stages 2-4 and the shorter-rules step of 4 per unit) and are
 * merged in unit order, so the result does not depend on the number of threads or on the engine.
 *
 * <p>An engine that runs units on other JVMs works on {@linkplain #replica replicas} of the run, each
 * brought to the state of the run after every length by {@link #advance} with the run's own
 * {@link LengthState}, through the same steps as the run takes.
 */
public final class MiningRun {
    private static final long FRESH_SEED_SALT = 0x9E3779B97F4A7C15L;

    private final MinerConfig config;
    private final int variables;
    private final SampleMatrix points;
    private final RuleVerifier recheck;
    private final List<Renaming>[][] renamings;
    private final List<Operator> unary = new ArrayList<>();
    private final List<Operator> binary = new ArrayList<>();
    private final Layer[] layers;
    private final int minDefined;
    private final List<Target> targetList = new ArrayList<>();
    private TargetIndex targets;
    private Simplifier shorter;
    /**
     * The rules of {@link #shorter}, indexed to ask whether one applies at a root (the simplifier
     * keeps its index to itself).
     */
    private RuleIndex shorterIndex;
    private final List<Rule> kept = new ArrayList<>();
    private final List<LengthStats> stats = new ArrayList<>();
    private final long[] all;
    /** Per length, what the enumeration modulo commutativity builds without pruning; zeros without it. */
    private final long[] allModuloCommutativity;
    /** Per length, what the enumeration modulo associativity builds without pruning; zeros without it. */
    private final long[] allModuloAssociativity;
    private final long[] removedByFinalPass;
    private final ThreadLocal<Worker> workers = ThreadLocal.withInitial(Worker::new);
    /** Free constants: possible right sides (with and without constants) in ExprOrder, and the fitters. */
    private final List<PoolTarget> constantPool = new ArrayList<>();
    private final ThreadLocal<ConstantFit> fits;
    /** The possible right sides of the free-constant sources of length {@link #constantTargetsLength}. */
    private List<PoolTarget> constantTargets;
    private int constantTargetsLength;

    MiningRun(MinerConfig config) {
        this.config = config;
        this.variables = config.variableCount();
        this.points = SampleMatrix.create(variables, config.samples(), config.seed(), false);
        this.recheck = RuleVerifier.of(variables, config.samples(), config.seed() ^ FRESH_SEED_SALT);
        this.renamings = Placeholders.renamings(variables, points.permutations());
        for (Operator op : config.operators()) {
            (op.arity() == 1 ? unary : binary).add(op);
        }
        this.layers = new Layer[config.maxSource() + 1];
        this.minDefined = Math.max(8, points.size() / 16);
        this.targets = TargetIndex.of(List.of(), points);
        this.kept.addAll(config.baseRules());
        indexShorterRules();
        int literal = config.leaves().size() - variables;
        this.all = ExpressionCount.perLength(unary.size(), binary.size(), literal, variables, config.maxSource());
        int commutative = (int) binary.stream().filter(Operator::isCommutative).count();
        if (config.moduloCommutativity()) {
            this.allModuloCommutativity = ExpressionCount.perLengthModuloCommutativity(unary.size(),
                    binary.size() - commutative, commutative, literal, variables, config.maxSource());
        } else {
            this.allModuloCommutativity = new long[config.maxSource() + 1];
        }
        if (config.moduloAssociativity()) {
            int associative = (int) binary.stream().filter(op -> Enumeration.groupsChains(op, true)).count();
            this.allModuloAssociativity = ExpressionCount.perLengthModuloAssociativity(unary.size(),
                    binary.size() - commutative, commutative - associative, associative, literal, variables,
                    config.maxSource());
        } else {
            this.allModuloAssociativity = new long[config.maxSource() + 1];
        }
        this.removedByFinalPass = new long[config.maxSource() + 1];
        this.fits = ThreadLocal.withInitial(() -> new ConstantFit(points, config.seed(), false, minDefined));
    }

    /** The kept rules as {@link #shorter} and {@link #shorterIndex}, after a length is mined. */
    private void indexShorterRules() {
        shorter = KruskalSelection.rulesOnly(kept, config.moduloAssociativity());
        shorterIndex = RuleIndex.of(kept, config.moduloAssociativity());
    }

    /** Whether a kept rule applies at the root of {@code s} (whatever it rewrites it to). */
    private boolean rootReducible(Expr s) {
        return shorterIndex.findFirst(s, 0) != null;
    }

    /** The kept rules in priority order and the per-length counts. */
    record Outcome(List<Rule> rules, List<LengthStats> stats, int samplePoints) {
    }

    /**
     * What a replica needs of a mined length: its layer (the building blocks of length {@code n}) and
     * every rule kept so far. Serializable, for an engine to ship.
     */
    public record LengthState(int length, Layer layer, List<Rule> kept) implements java.io.Serializable {
    }

    /** A run at its start (the leaves mined), for an engine's worker JVM to {@link #advance}. */
    public static MiningRun replica(MinerConfig config) {
        MiningRun run = new MiningRun(config);
        run.start();
        return run;
    }

    /** Brings a replica to the run's state after length {@code s.length()}. */
    public void advance(LengthState s) {
        layers[s.length()] = s.layer();
        kept.clear();
        kept.addAll(s.kept());
        endLength(s.length());
    }

    private void start() {
        layers[1] = leaves();
        stats.add(new LengthStats(1, all[1], allModuloCommutativity[1], allModuloAssociativity[1], layers[1].size(),
                0, 0, 0, 0, 0, 0,
                layers[1].size()));
        addTargets(1);
    }

    /** After length {@code n}'s layer and rules: its targets, and the kept rules indexed. */
    private void endLength(int n) {
        if (n <= config.maxTarget()) {
            addTargets(n);
        }
        indexShorterRules();
    }

    Outcome run(UnitRunner runner) {
        Resources.resetPeakHeap();
        start();
        for (int n = 2; n <= config.maxSource(); n++) {
            long wall = System.nanoTime();
            long cpu = Resources.processCpuNanos();
            mineLength(n, runner);
            long t0 = System.nanoTime();
            endLength(n);
            if (n < config.maxSource()) {
                runner.lengthDone(new LengthState(n, layers[n], List.copyOf(kept)));
            }
            log("length %d: target index and rule index %.1f s", n, (System.nanoTime() - t0) / 1e9);
            // the per-length costs an estimate of a longer run starts from
            log("length %d: %.1f s wall, %.1f s CPU, peak heap so far %d MB", n, (System.nanoTime() - wall) / 1e9,
                    (Resources.processCpuNanos() - cpu) / 1e9, Resources.peakHeap() >> 20);
        }
        long t0 = System.nanoTime();
        List<Rule> minimal = KruskalSelection.finalPass(kept, config.maxSource(), removedByFinalPass,
                config.moduloAssociativity());
        log("final pass %.1f s", (System.nanoTime() - t0) / 1e9);
        List<LengthStats> withFinal = new ArrayList<>();
        for (LengthStats s : stats) {
            int n = s.length();
            long rules = minimal.stream().filter(r -> r.lhs().size() == n).count();
            withFinal.add(new LengthStats(n, s.all(), s.allModuloCommutativity(), s.allModuloAssociativity(),
                    s.enumerated(), s.candidates(),
                    s.coveredByShorter(), s.rejectedOnRecheck(), s.coveredBySameLength(), removedByFinalPass[n], rules,
                    s.irreducible()));
        }
        return new Outcome(minimal, withFinal, points.size());
    }

    /**
     * After {@link #run()}: the irreducible expressions of one length (the enumerated sources that got
     * no rule and that no kept rule rewrites at the root), in {@link ExprOrder}; empty for the
     * longest sources, which are not kept.
     */
    List<Expr> irreducible(int length) {
        Layer layer = length < layers.length ? layers[length] : null;
        return layer == null || length == config.maxSource() ? List.of() : List.copyOf(layer.exprs);
    }

    private void log(String format, Object... args) {
        if (config.progress() != null) {
            config.progress().printf(format + "%n", args);
        }
    }

    /**
     * Whether the layer of {@code length} keeps its value vectors: those up to the maximum target
     * length are right sides, and those up to {@code max-source - 2} are binary operands, read
     * again and again; the vectors of the other layers are recomputed when read (see {@link Layer}).
     */
    private boolean keepsValues(int length) {
        return length <= config.maxTarget() || length <= config.maxSource() - 2;
    }

    private Layer leaves() {
        Layer layer = new Layer(true);
        int n = points.size();
        for (String token : config.leaves()) {
            if (MinerConfig.isVariable(token)) {
                continue;
            }
            if (token.equals(Expr.CONSTANT_TOKEN)) {
                // no value vector: see ConstantFit
                layer.add(Expr.builder().constant().build(), 0, 0, null, null);
                continue;
            }
            Expr leaf = Expr.parsePrefix(token);
            double value = leaf.kind(0) == dev.simplij.expr.NodeKind.NUMBER ? leaf.number(0)
                    : leaf.operator(0).constantValue();
            double[] v = new double[n];
            Arrays.fill(v, value);
            layer.add(leaf, 0, 0, v, null);
        }
        if (variables > 0) {
            Expr x = Expr.builder().placeholder(0).build();
            layer.add(x, 1, Placeholders.occurrences(x), points.column(0).clone(), null);
        }
        layer.sortByExprOrder();
        return layer;
    }

    /** Adds the blocks of length {@code n}, under every placeholder renaming, to the possible targets. */
    private void addTargets(int n) {
        Layer layer = layers[n];
        for (int i = 0; i < layer.size(); i++) {
            Expr e = layer.exprs.get(i);
            int d = layer.distinct[i];
            for (Renaming r : renamings[variables][d]) {
                Expr renamedExpr = Placeholders.renamed(e, r.map());
                double[] v = layer.values.get(i);
                if (config.hasFreeConstant()) {
                    constantPool.add(new PoolTarget(renamedExpr, Placeholders.occurrences(renamedExpr)));
                    if (v == null) {
                        continue;
                    }
                }
                targetList.add(new Target(renamedExpr, v, r.sigma(), Placeholders.rename(layer.occurrences[i], r.map())));
            }
        }
        targets = TargetIndex.of(targetList, points);
        constantPool.sort(Comparator.comparing(PoolTarget::expr, ExprOrder::compare));
    }

    // ---- one length -------------------------------------------------------------------------

    private static final class UnitResult implements java.io.Serializable {
        private static final long serialVersionUID = 1L;
        long enumerated;
        long candidates;
        long coveredByShorter;
        long rejectedOnRecheck;
        final Layer blocks;
        /** Candidate rules that survived the shorter rules and the re-check. */
        final List<Rule> pending = new ArrayList<>();
        /** Enumerated sources with a free constant, decided after the value-vector pass. */
        final List<ConstantSource> constantSources = new ArrayList<>();

        UnitResult(boolean keepsValues) {
            blocks = new Layer(keepsValues);
        }
    }

    /** An enumerated source holding {@code <constant>}. */
    private record ConstantSource(Expr expr, int distinct, long occurrences) implements java.io.Serializable {
    }

    /**
     * A unit of the free-constant stage: sources of length {@code length}, and the right sides of that
     * length they may take ({@code sameLength}, renamed; empty above max-target), which the run has
     * and its replicas do not have yet.
     */
    private record ConstantChunk(int length, List<Expr> sameLength, List<ConstantSource> sources)
            implements java.io.Serializable {
    }

    /** A possible right side of a free-constant rule, compiled for the fit. */
    private record PoolTarget(Expr expr, long occurrences, int constants, ConstantFit.Scalar scalar) {
        PoolTarget(Expr expr, long occurrences) {
            this(expr, occurrences, expr.constantCount(), new ConstantFit.Scalar(expr));
        }
    }

    private void mineLength(int n, UnitRunner runner) {
        List<Enumeration.Unit> units = Enumeration.units(n, layers, unary, binary, renamings,
                config.moduloCommutativity());
        long total = units.stream().mapToLong(Enumeration.Unit::candidates).sum();
        Progress progress = new Progress(config.progress(), "length " + n, total);
        List<UnitResult> results = runner.shipped(this, (run, u) -> run.workers.get().process(u, n),
                units, u -> progress.advance(u.candidates()), "mining failed at length " + n);
        progress.finish();
        Layer layer = new Layer(keepsValues(n));
        List<Rule> pending = new ArrayList<>();
        List<ConstantSource> constantSources = new ArrayList<>();
        long enumerated = 0;
        long candidates = 0;
        long coveredByShorter = 0;
        long rejected = 0;
        for (UnitResult r : results) {
            enumerated += r.enumerated;
            candidates += r.candidates;
            coveredByShorter += r.coveredByShorter;
            rejected += r.rejectedOnRecheck;
            layer.addAll(r.blocks);
            pending.addAll(r.pending);
            constantSources.addAll(r.constantSources);
        }
        if (!constantSources.isEmpty()) {
            UnitResult r = mineConstantSources(n, constantSources, layer, runner);
            candidates += r.candidates;
            coveredByShorter += r.coveredByShorter;
            rejected += r.rejectedOnRecheck;
            layer.addAll(r.blocks);
            pending.addAll(r.pending);
        }
        pending.sort(Comparator.comparing(Rule::lhs, ExprOrder::compare));
        long t0 = System.nanoTime();
        long coveredBySameLength = KruskalSelection.sameLengthStep(pending, shorter, kept,
                config.moduloAssociativity());
        layer.sortByExprOrder();
        log("length %d: same-length step and sort %.1f s", n, (System.nanoTime() - t0) / 1e9);
        layers[n] = layer;
        stats.add(new LengthStats(n, all[n], allModuloCommutativity[n], allModuloAssociativity[n], enumerated,
                candidates, coveredByShorter,
                rejected, coveredBySameLength, 0, 0, n == config.maxSource() ? 0 : layer.size()));
    }

    /** Per-thread scratch space and the candidate loop. */
    private final class Worker {
        private final double[] values = new double[points.size()];
        private final double[] operandValues = new double[points.size()];
        private final Evaluation evaluation = new Evaluation(points, layers);
        private final TargetSearch search = new TargetSearch(points, minDefined);
        // the current candidate: op applied to left (and right renamed by map), and its recipe
        private Operator op;
        private Expr left;
        private Expr right;
        private int[] map;
        private Expr built;
        private int leftLength;
        private int leftIndex;
        private int rightIndex;
        private int sigma;
        /** The current candidate's length, and how far the kept rules reduce it (0: not asked yet). */
        private int length;
        private int shorterReach;

        UnitResult process(Enumeration.Unit unit, int n) {
            UnitResult out = new UnitResult(keepsValues(n));
            length = n;
            boolean last = n == config.maxSource();
            op = unit.op();
            leftLength = unit.leftLength();
            if (op.arity() == 1) {
                Layer child = layers[n - 1];
                right = null;
                rightIndex = 0;
                sigma = 0;
                for (int i = unit.from(); i < unit.to(); i++) {
                    left = child.exprs.get(i);
                    leftIndex = i;
                    built = null;
                    if (child.freeConstant(i)) {
                        out.enumerated++;
                        out.constantSources.add(new ConstantSource(expr(), child.distinct[i], child.occurrences[i]));
                        continue;
                    }
                    evaluation.unary(op, left, evaluation.values(n - 1, i, operandValues), values);
                    consider(out, n, last, child.distinct[i], child.occurrences[i]);
                }
                return out;
            }
            Layer l = layers[unit.leftLength()];
            Layer r = layers[n - 1 - unit.leftLength()];
            // modulo commutativity: right blocks from the left one on (see Enumeration)
            boolean diagonal = Enumeration.ordersOperands(op, config.moduloCommutativity())
                    && unit.leftLength() == n - 1 - unit.leftLength();
            boolean groupsChains = Enumeration.groupsChains(op, config.moduloAssociativity());
            for (int i = unit.from(); i < unit.to(); i++) {
                left = l.exprs.get(i);
                leftIndex = i;
                double[] lv = l.values.get(i);
                int dl = l.distinct[i];
                for (int j = diagonal ? i : 0; j < r.size(); j++) {
                    right = r.exprs.get(j);
                    rightIndex = j;
                    double[] rv = r.values.get(j);
                    for (Renaming ren : renamings[dl][r.distinct[j]]) {
                        if (diagonal && j == i && !Enumeration.builtOnDiagonal(left, ren.map())) {
                            continue;
                        }
                        map = ren.map();
                        sigma = ren.sigma();
                        built = null;
                        if (groupsChains && (left.operator(0) == op || right.operator(0) == op)
                                && !Enumeration.builtAsChain(expr(), MiningRun.this::rootReducible)) {
                            continue;
                        }
                        if (lv == null || rv == null) {
                            out.enumerated++;
                            out.constantSources.add(new ConstantSource(expr(), ren.distinct(),
                                    l.occurrences[i] + Placeholders.rename(r.occurrences[j], map)));
                            continue;
                        }
                        evaluation.binary(op, left, lv, dl, right, rv, r.distinct[j], sigma, values);
                        long occ = l.occurrences[i] + Placeholders.rename(r.occurrences[j], map);
                        consider(out, n, last, ren.distinct(), occ);
                    }
                }
            }
            return out;
        }

        private Expr expr() {
            if (built == null) {
                Expr.Builder b = Expr.builder().operator(op).subtree(left, 0);
                if (right != null) {
                    Placeholders.appendRenamed(b, right, map);
                }
                built = b.build();
            }
            return built;
        }

        private void consider(UnitResult out, int n, boolean last, int distinct, long occ) {
            out.enumerated++;
            shorterReach = 0;
            int best = search.find(targets, values, n, distinct, occ, this::expr, this::shorterReach);
            if (best == TargetSearch.REACHED_BY_SHORTER_RULES) {
                // a candidate the Kruskal step drops, and no block: a kept rule rewrites its root
                out.candidates++;
                out.coveredByShorter++;
                return;
            }
            if (best < 0) {
                if (!last) {
                    Expr s = expr();
                    if (!rootReducible(s)) {
                        out.blocks.add(s, distinct, occ, out.blocks.keepsValues() ? values.clone() : null, recipe());
                    }
                }
                return;
            }
            candidate(out, expr(), targets.target(best).expr(), distinct, occ, values, recipe(), last);
        }

        /**
         * With {@link MinerConfig#shorterRulesFirst()}, the length the kept rules reduce the current
         * candidate to; else, or when no kept rule applies at its root (such a source must stay a
         * possible block), its own length.
         */
        private int shorterReach() {
            if (shorterReach == 0) {
                Expr s = config.shorterRulesFirst() ? expr() : null;
                shorterReach = s != null && rootReducible(s) ? shorter.simplify(s).size() : length;
            }
            return shorterReach;
        }

        private Layer.Recipe recipe() {
            return new Layer.Recipe(op.ordinal(), leftLength, leftIndex, rightIndex, sigma);
        }
    }

    // ---- free constants ---------------------------------------------------------------------

    private static final int CONSTANT_CHUNK = 64;

    /**
     * Decides the sources holding {@code <constant>} of length {@code n}: each is evaluated directly
     * under {@link ConstantFit}'s constant draws and matched against the possible right sides in
     * {@link ExprOrder} (shorter ones, and for {@code n <= max-target} smaller ones of the same length
     * that are not the source up to operand order); the first that fits every draw wins. Then the
     * same Kruskal steps as constant-free candidates. Chunks are shipped like the enumeration's units
     * (run or replicas), merged in order.
     */
    private UnitResult mineConstantSources(int n, List<ConstantSource> sources, Layer valueBlocks,
                                           UnitRunner runner) {
        List<Expr> sameLength = new ArrayList<>();
        if (n <= config.maxTarget()) {
            for (int i = 0; i < valueBlocks.size(); i++) {
                addRenamed(sameLength, valueBlocks.exprs.get(i), valueBlocks.distinct[i]);
            }
            for (ConstantSource c : sources) {
                addRenamed(sameLength, c.expr(), c.distinct());
            }
        }
        List<Expr> shippedSameLength = List.copyOf(sameLength);
        List<ConstantChunk> chunks = new ArrayList<>();
        for (int from = 0; from < sources.size(); from += CONSTANT_CHUNK) {
            chunks.add(new ConstantChunk(n, shippedSameLength,
                    List.copyOf(sources.subList(from, Math.min(sources.size(), from + CONSTANT_CHUNK)))));
        }
        Progress progress = new Progress(config.progress(), "length " + n + " free constants", sources.size());
        List<UnitResult> results = runner.shipped(this, (run, chunk) -> run.decideConstants(chunk), chunks,
                chunk -> progress.advance(chunk.sources().size()), "mining free constants failed at length " + n);
        progress.finish();
        UnitResult merged = new UnitResult(keepsValues(n));
        for (UnitResult r : results) {
            merged.candidates += r.candidates;
            merged.coveredByShorter += r.coveredByShorter;
            merged.rejectedOnRecheck += r.rejectedOnRecheck;
            merged.blocks.addAll(r.blocks);
            merged.pending.addAll(r.pending);
        }
        return merged;
    }

    private UnitResult decideConstants(ConstantChunk chunk) {
        int n = chunk.length();
        List<PoolTarget> pool = constantTargets(n, chunk.sameLength());
        UnitResult r = new UnitResult(keepsValues(n));
        for (ConstantSource c : chunk.sources()) {
            considerConstant(r, c, pool, n == config.maxSource());
        }
        return r;
    }

    /**
     * The possible right sides at length {@code n}, in {@link ExprOrder}: those of the shorter lengths
     * and {@code sameLength}, compiled once a length on each JVM (by the first chunk that asks).
     */
    private synchronized List<PoolTarget> constantTargets(int n, List<Expr> sameLength) {
        if (constantTargetsLength != n) {
            List<PoolTarget> all = new ArrayList<>(constantPool);
            for (Expr e : sameLength) {
                all.add(new PoolTarget(e, Placeholders.occurrences(e)));
            }
            if (!sameLength.isEmpty()) { // the shorter lengths' pool is sorted already
                all.sort(Comparator.comparing(PoolTarget::expr, ExprOrder::compare));
            }
            constantTargets = all;
            constantTargetsLength = n;
        }
        return constantTargets;
    }

    private void addRenamed(List<Expr> out, Expr e, int distinct) {
        for (Renaming r : renamings[variables][distinct]) {
            out.add(Placeholders.renamed(e, r.map()));
        }
    }

    private void considerConstant(UnitResult out, ConstantSource c, List<PoolTarget> pool, boolean last) {
        Expr s = c.expr();
        PoolTarget best = findConstantTarget(s, c.occurrences(), pool);
        if (best == null) {
            if (!last && !rootReducible(s)) {
                out.blocks.add(s, c.distinct(), c.occurrences(), null, null);
            }
            return;
        }
        candidate(out, s, best.expr(), c.distinct(), c.occurrences(), null, null, last);
    }

    /**
     * A source with a sound target {@code t}: dropped when the shorter rules reduce it as far
     * (Kruskal), kept as a block when it fails the re-check, else pending for the same-length step.
     * {@code values}: the source's value vector, null for free constants (copied when kept), and
     * {@code recipe} how it was built.
     */
    private void candidate(UnitResult out, Expr s, Expr t, int distinct, long occ, double[] values,
                           Layer.Recipe recipe, boolean last) {
        out.candidates++;
        if (KruskalSelection.asFar(shorter.simplify(s), s, t)) {
            out.coveredByShorter++;
            return;
        }
        if (recheck.problem(s, t) != null) {
            out.rejectedOnRecheck++;
            if (!last && !rootReducible(s)) {
                out.blocks.add(s, distinct, occ, values == null || !out.blocks.keepsValues() ? null : values.clone(),
                        recipe);
            }
            return;
        }
        out.pending.add(new Rule(s, t));
    }

    /** The smallest possible right side that fits the source under every constant draw, or null. */
    private PoolTarget findConstantTarget(Expr s, long occ, List<PoolTarget> pool) {
        ConstantFit fit = fits.get();
        ConstantFit.Source source = fit.source(s);
        if (!source.decidable()) {
            return null;
        }
        boolean free = source.constantFree();
        int constants = s.constantCount();
        String canonical = null;
        for (PoolTarget t : pool) {
            Expr te = t.expr();
            if (ExprOrder.compare(te, s) >= 0) {
                break;
            }
            if (t.constants() > constants || (t.constants() == 0 && !free)
                    || !Placeholders.within(t.occurrences(), occ)) {
                continue;
            }
            if (te.size() == s.size()) {
                if (canonical == null) {
                    canonical = commutativeForm(s, 0);
                }
                if (canonical.equals(commutativeForm(te, 0))) {
                    continue; // operand order is the simplifier's job, not a rule's
                }
            }
            if (fit.screen(source, t.scalar()) && fit.problem(source, te) == null) {
                return t;
            }
        }
        return null;
    }

    /** The subtree at {@code node} as text with the operands of commutative operators sorted. */
    static String commutativeForm(Expr e, int node) {
        dev.simplij.expr.Operator op = e.operator(node);
        if (op == null || op.arity() == 0) {
            return e.token(node);
        }
        String a = commutativeForm(e, node + 1);
        if (op.arity() == 1) {
            return "(" + op.token() + " " + a + ")";
        }
        String b = commutativeForm(e, e.end(node + 1));
        if (op.isCommutative() && a.compareTo(b) > 0) {
            String tmp = a;
            a = b;
            b = tmp;
        }
        return "(" + op.token() + " " + a + " " + b + ")";
    }


}
