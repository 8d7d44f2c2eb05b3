package dev.simplij.sr.bench;

import dev.simplij.expr.Expr;
import dev.simplij.expr.NodeKind;
import dev.simplij.sr.Equation;
import dev.simplij.sr.FrontFiles;
import dev.simplij.sr.OperatorSet;
import dev.simplij.sr.SearchStats;
import dev.simplij.sr.SearchResult;
import dev.simplij.sr.SimplifierNormalizer;
import dev.simplij.sr.SymbolicRegression;
import dev.simplij.sr.Units;
import dev.simplij.sr.data.Csv;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.jfree.data.xy.XYSeries;

/**
 * {@code simplij sr-benchmark}: runs the search on Nguyen-1..8, the Neural-ODE vector field and 20
 * Feynman formulas, checks recovery on fresh points, and with {@code --compare} runs each problem with
 * normalization on and off on the same budget, seeds and data. Writes Markdown tables, CSV and PNG
 * figures.
 *
 * <p>Budgets can be CPU time ({@code --cpu}): on a machine shared with other work, wall-clock time
 * counts the others' load, so the same wall budget is not the same budget from one run to the next.
 */
public final class SrBenchmark {
    /** Normalized MSE on fresh points below which a formula counts as recovered. */
    static final double RECOVERED_NMSE = 1e-10;
    /** CPU seconds of the untimed warm-up run per setting. */
    static final double WARM_UP_CPU_SECONDS = 3;

    /** How long one search may run: wall-clock and CPU seconds, either infinite. */
    record Budget(double wallSeconds, double cpuSeconds) {
        String describe() {
            List<String> parts = new ArrayList<>();
            if (cpuSeconds < Double.POSITIVE_INFINITY) {
                parts.add(String.format(Locale.ROOT, "%.0f CPU seconds", cpuSeconds));
            }
            if (wallSeconds < Double.POSITIVE_INFINITY) {
                parts.add(String.format(Locale.ROOT, "%.0f s wall-clock", wallSeconds));
            }
            return String.join(" or ", parts);
        }
    }

    /**
     * Outcome of one run on one problem; times to recover are the run's totals when not recovered.
     * CPU times are the JVM's (every thread: islands, JIT, GC) over the run.
     */
    record Outcome(Problem problem, boolean normalized, long seed, boolean recovered, double secondsToRecover,
                   double cpuSecondsToRecover, double seconds, double cpuSeconds, SearchStats stats,
                   Equation recoveredEquation, Equation selected, boolean skeletonMatch, SearchResult result) {
        /** Candidates answered from the fitness cache (no evaluation) over candidates scored. */
        double savedFraction() {
            return stats.candidates() == 0 ? 0 : stats.cacheHits() / (double) stats.candidates();
        }
    }

    private final boolean full;
    private final List<Problem> problems;
    private final Budget budget;
    private final int threads;
    private final List<Long> seeds;
    private final int points;
    private final Path dir;
    private final boolean compare;
    private final boolean units;
    private final FeynmanBenchmark.Variant variant;
    private final String command;

    private SrBenchmark(Builder b) {
        full = b.suite.equals(FeynmanBenchmark.SUITE);
        if (!full && (b.linearScaling || !b.normalization)) {
            throw new IllegalArgumentException("--linear-scaling and --no-normalize are for --suite "
                    + FeynmanBenchmark.SUITE + " (the other suites compare normalization with --compare)");
        }
        if (full && b.compare) {
            throw new IllegalArgumentException("--compare is not available with --suite " + FeynmanBenchmark.SUITE);
        }
        if (b.units && !b.suite.equals("physics")) {
            throw new IllegalArgumentException("--units is for --suite physics, whose formulas carry SI units");
        }
        if (b.sample != null && !full) {
            throw new IllegalArgumentException("--sample is for --suite " + FeynmanBenchmark.SUITE);
        }
        if (b.cpuSeconds < Double.POSITIVE_INFINITY && ProcessCpu.nanos() < 0) {
            throw new IllegalArgumentException("this JVM does not report process CPU time; use --time");
        }
        List<Problem> suite = Problems.suite(b.suite);
        List<Problem> chosen = b.only == null ? suite : only(suite, b.only);
        problems = b.sample == null ? chosen : FeynmanBenchmark.sample(chosen, b.sample, b.seeds.get(0));
        budget = new Budget(b.wallSeconds != null ? b.wallSeconds
                : b.cpuSeconds < Double.POSITIVE_INFINITY ? Double.POSITIVE_INFINITY : 120, b.cpuSeconds);
        threads = b.threads;
        seeds = b.seeds;
        points = b.points != null ? b.points : full ? FeynmanBenchmark.SUPPORT_POINTS : 100;
        dir = b.out;
        compare = b.compare;
        units = b.units;
        variant = new FeynmanBenchmark.Variant(b.linearScaling, b.normalization);
        command = b.command;
    }

    /** A benchmark with the defaults of {@code simplij sr-benchmark}: every quick suite, 120 s, 2 threads, seed 0. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The settings of one benchmark run. The messages of {@link #build()} name the options of
     * {@code simplij sr-benchmark}, which is what sets them.
     */
    public static final class Builder {
        private String suite = "all";
        private List<String> only;
        private Integer sample;
        private Double wallSeconds;
        private double cpuSeconds = Double.POSITIVE_INFINITY;
        private int threads = 2;
        private List<Long> seeds = List.of(0L);
        private Integer points;
        private Path out = Path.of("sr-benchmark-results");
        private boolean compare;
        private boolean units;
        private boolean linearScaling;
        private boolean normalization = true;
        private String command = "";

        private Builder() {
        }

        /** {@code nguyen}, {@code node}, {@code feynman}, {@code all} (those three; the default) or {@code feynman-full}. */
        public Builder suite(String name) {
            suite = name;
            return this;
        }

        /** Only these problems of the suite, by name (case-sensitive: {@code Nguyen-1}). */
        public Builder only(List<String> names) {
            only = List.copyOf(names);
            return this;
        }

        /** {@code feynman-full} only: {@code n} equations drawn with the first seed, in table order (all when {@code n <= 0}). */
        public Builder sample(int n) {
            sample = n;
            return this;
        }

        /** Wall-clock seconds per search (default 120, none when only a CPU budget is given). */
        public Builder wallSeconds(double seconds) {
            wallSeconds = seconds;
            return this;
        }

        /** CPU seconds of the JVM, every thread, per search (default none); whichever budget ends first ends the search. */
        public Builder cpuSeconds(double seconds) {
            cpuSeconds = seconds;
            return this;
        }

        /** Threads of each search (default 2). */
        public Builder threads(int n) {
            threads = n;
            return this;
        }

        /** One run per problem and seed; each seed draws its own data and seeds the search (default: seed 0). */
        public Builder seeds(List<Long> list) {
            if (list.isEmpty()) {
                throw new IllegalArgumentException("no seed");
            }
            seeds = List.copyOf(list);
            return this;
        }

        /** Noiseless training points per problem (default 100; 512 for {@code feynman-full}). */
        public Builder points(int n) {
            points = n;
            return this;
        }

        /** The folder of the results and figures, created (default {@code sr-benchmark-results}). */
        public Builder out(Path dir) {
            out = dir;
            return this;
        }

        /** Every problem and seed twice, normalization on and off, on the same budget and data (not {@code feynman-full}). */
        public Builder compare(boolean on) {
            compare = on;
            return this;
        }

        /**
         * {@code physics} only: the searches know the SI units of each formula's columns (free constants may carry
         * units) and add the dimensional penalty to inconsistent candidates, to measure its effect.
         */
        public Builder units(boolean on) {
            units = on;
            return this;
        }

        /** {@code feynman-full} only: the searches fit every candidate as {@code a + b*candidate}. */
        public Builder linearScaling(boolean on) {
            linearScaling = on;
            return this;
        }

        /** {@code feynman-full} only: SimpliJ normalization of the searches' candidates (default on). */
        public Builder normalization(boolean on) {
            normalization = on;
            return this;
        }

        /** The command line that started the run, recorded in {@code feynman-full}'s results.md. */
        public Builder command(String line) {
            command = line;
            return this;
        }

        /**
         * The benchmark, its settings checked.
         *
         * @throws IllegalArgumentException for an unknown suite or problem, or settings that do not go together
         */
        public SrBenchmark build() {
            return new SrBenchmark(this);
        }
    }

    /**
     * Runs every problem and seed, one line each on {@code out}, and writes results.md, results.csv
     * and the figures (normalization.md too with {@code compare}) into the folder.
     */
    public void run(PrintStream out) throws IOException {
        Files.createDirectories(dir);
        warmUp(threads, compare);
        if (full) {
            List<FeynmanBenchmark.Run> runs = FeynmanBenchmark.runAll(problems, budget, threads, seeds, points, variant, out);
            FeynmanBenchmark.write(runs, dir, budget, threads, seeds, points, command);
            return;
        }
        List<Outcome> outcomes = new ArrayList<>();
        for (Problem p : problems) {
            for (long seed : seeds) {
                for (boolean normalized : compare ? new boolean[] {true, false} : new boolean[] {true}) {
                    Outcome r = solve(p, normalized, units ? Problems.units(p) : null, budget, threads, seed, points);
                    outcomes.add(r);
                    out.printf(Locale.ROOT, "%-9s seed %-3d %-4s %s in %6.1f s (%6.1f CPU s)  size %2s  %s%n", p.name(), seed,
                            normalized ? "on" : "off", r.recovered() ? "recovered" : "missed   ", r.secondsToRecover(),
                            r.cpuSecondsToRecover(),
                            r.recoveredEquation() == null ? "-" : Integer.toString(r.recoveredEquation().complexity()),
                            r.recoveredEquation() == null ? r.selected().infix(4) : r.recoveredEquation().infix(6));
                    if (normalized && seed == seeds.get(0)) {
                        FrontFiles.plot(r.result(), p.name() + ": " + p.formula(),
                                dir.resolve("front-" + p.name().replace('/', '_').replace('.', '_') + ".png"));
                    }
                }
            }
        }
        writeResults(outcomes, dir, budget, threads, seeds, points, units);
        if (compare) {
            writeComparison(outcomes, dir, budget, threads, seeds);
        }
    }

    /** Columns of {@link #problemList()}: a help text read in a 100-column terminal. */
    static final int PROBLEM_LIST_WIDTH = 100;

    /**
     * The problems of each suite, by the names {@code --only} takes (for the command's help): a
     * suite's names after its own, wrapped at {@link #PROBLEM_LIST_WIDTH} columns between names.
     */
    public static String problemList() {
        StringBuilder sb = new StringBuilder();
        for (String suite : List.of("nguyen", "node", "feynman")) {
            String indent = String.format(Locale.ROOT, "  %-8s ", suite);
            StringBuilder line = new StringBuilder(indent);
            List<String> names = Problems.suite(suite).stream().map(Problem::name).toList();
            for (int i = 0; i < names.size(); i++) {
                String item = names.get(i) + (i + 1 < names.size() ? "," : "");
                if (line.length() > indent.length() && line.length() + 1 + item.length() > PROBLEM_LIST_WIDTH) {
                    sb.append(line.toString().stripTrailing()).append('\n');
                    line = new StringBuilder(" ".repeat(indent.length()));
                } else if (line.length() > indent.length()) {
                    line.append(' ');
                }
                line.append(item);
            }
            sb.append(line).append('\n');
        }
        List<Problem> full = Problems.suite(FeynmanBenchmark.SUITE);
        sb.append(String.format(Locale.ROOT, "  %s  %d equations, %s ... %s (the names of the AI Feynman tables)%n",
                FeynmanBenchmark.SUITE, full.size(), full.get(0).name(), full.get(full.size() - 1).name()));
        return sb.toString();
    }

    /**
     * The problems named by {@code --only}, in the suite's order; a name that is not in the suite
     * (names are case-sensitive: {@code Nguyen-1}) is a usage error that lists the suite's names.
     */
    static List<Problem> only(List<Problem> suite, List<String> names) {
        List<String> valid = suite.stream().map(Problem::name).toList();
        List<String> unknown = names.stream().filter(n -> !valid.contains(n)).toList();
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("--only: no problem " + String.join(", ", unknown.stream()
                    .map(n -> "'" + n + "'").toList()) + " in this suite; valid names: " + String.join(", ", valid));
        }
        return suite.stream().filter(p -> names.contains(p.name())).toList();
    }

    /**
     * A short run per setting before the measured ones, its outcome dropped, so that the first
     * problem does not pay for loading the rules and compiling the hot code.
     */
    private static void warmUp(int threads, boolean compare) {
        Problem small = Problems.neuralOde().get(0);
        for (boolean normalized : compare ? new boolean[] {true, false} : new boolean[] {true}) {
            solve(small, normalized, null, new Budget(10 * WARM_UP_CPU_SECONDS, WARM_UP_CPU_SECONDS), threads, 0, 60);
        }
    }

    /**
     * One search on fresh data of the problem, stopped once recovered or out of budget.
     *
     * @param units the columns' units for the search, null for none
     */
    static Outcome solve(Problem p, boolean normalized, Units units, Budget budget, int threads, long seed, int points) {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed * 31 + p.name().hashCode());
        double[][] x = p.sample(points, rng);
        double[] y = p.target(x);
        double[][] fresh = p.sample(200, rng);
        double[] truth = p.target(fresh);
        long start = System.nanoTime();
        long cpuStart = ProcessCpu.nanos();
        double[] recoveredAt = {Double.NaN, Double.NaN};
        SymbolicRegression.Builder sr = SymbolicRegression.builder()
                .operators(OperatorSet.parse(p.operators()))
                .threads(threads)
                .seed(seed)
                .normalization(normalized)
                .maxIterations(Long.MAX_VALUE)
                // stop on a fit as exact as recovery asks, not at float32 rounding (the search's default): formulas
                // such as I.10.7 are approximated to a fraction of variance of 1e-7, which ended the run as a miss
                .earlyStopFvu(RECOVERED_NMSE)
                .progress(progress -> {
                    for (Equation e : progress.front()) {
                        if (recovers(e, fresh, truth)) {
                            recoveredAt[0] = (System.nanoTime() - start) / 1e9;
                            recoveredAt[1] = (ProcessCpu.nanos() - cpuStart) / 1e9;
                            return false;
                        }
                    }
                    return (ProcessCpu.nanos() - cpuStart) / 1e9 < budget.cpuSeconds();
                });
        if (units != null) {
            sr.units(units, Units.DEFAULT_PENALTY);
        }
        if (budget.wallSeconds() < Double.POSITIVE_INFINITY) {
            sr.timeLimit(Duration.ofMillis((long) (budget.wallSeconds() * 1000)));
        }
        SearchResult r = sr.build().fit(x, y, p.inputs());
        double total = (System.nanoTime() - start) / 1e9;
        double cpuTotal = (ProcessCpu.nanos() - cpuStart) / 1e9;
        Equation found = null;
        for (Equation e : r.front()) {
            if (recovers(e, fresh, truth)) {
                found = e;
                break;
            }
        }
        boolean match = found != null && truthSkeleton(p).equals(SimplifierNormalizer.standard().normalize(found.skeleton()));
        boolean early = !Double.isNaN(recoveredAt[0]);
        return new Outcome(p, normalized, seed, found != null, early ? recoveredAt[0] : total,
                early ? recoveredAt[1] : cpuTotal, total, cpuTotal, r.stats(), found, r.selected(), match, r);
    }

    /** True when the equation matches the truth on fresh points: normalized MSE below the threshold. */
    static boolean recovers(Equation e, double[][] fresh, double[] truth) {
        double[] p = e.predict(fresh);
        double mean = 0;
        for (double t : truth) {
            mean += t / truth.length;
        }
        double se = 0;
        double var = 0;
        for (int i = 0; i < truth.length; i++) {
            if (Double.isNaN(p[i])) {
                return false;
            }
            se += (p[i] - truth[i]) * (p[i] - truth[i]);
            var += (truth[i] - mean) * (truth[i] - mean);
        }
        return se <= RECOVERED_NMSE * Math.max(var, 1e-300);
    }

    /** The ground truth with its numbers (and pi) as free constants, normalized by SimpliJ. */
    static Expr truthSkeleton(Problem p) {
        Expr t = p.truth();
        Expr.Builder b = Expr.builder();
        for (int i = 0; i < t.size(); i++) {
            if (t.kind(i) == NodeKind.NUMBER || (t.kind(i) == NodeKind.OPERATOR && t.operator(i).arity() == 0)) {
                b.constant();
            } else if (t.kind(i) == NodeKind.VARIABLE) {
                b.variable(t.variable(i));
            } else {
                b.operator(t.operator(i));
            }
        }
        return SimplifierNormalizer.standard().normalize(b.build());
    }

    private static void writeResults(List<Outcome> outcomes, Path dir, Budget budget, int threads, List<Long> seeds,
                                     int points, boolean units) throws IOException {
        StringBuilder md = new StringBuilder();
        md.append(String.format(Locale.ROOT, "Budget %s per problem, %d threads, seeds %s, %d noiseless training points%s; "
                + "recovered = normalized MSE < 1e-10 on 200 fresh points.%n%n", budget.describe(), threads, seeds, points,
                units ? ", SI units known (constants may carry units, penalty " + fmt(Units.DEFAULT_PENALTY) + " x the constant model's loss)" : ""));
        md.append("| suite | problem | seed | truth | recovered | time (s) | CPU (s) | size | skeleton = truth's | found (6 digits) |\n");
        md.append("|---|---|---|---|---|---|---|---|---|---|\n");
        StringBuilder csv = new StringBuilder("suite,problem,seed,normalization,recovered,seconds_to_recover,"
                + "cpu_seconds_to_recover,seconds,cpu_seconds,candidates,cache_hits,evaluations,saved_fraction,size,"
                + "selected_size,skeleton_match,found,selected\n");
        int recovered = 0;
        int runs = 0;
        for (Outcome r : outcomes) {
            Equation e = r.recoveredEquation();
            csv.append(String.join(",", r.problem().suite(), r.problem().name(), Long.toString(r.seed()),
                    r.normalized() ? "on" : "off", Boolean.toString(r.recovered()), fmt(r.secondsToRecover()),
                    fmt(r.cpuSecondsToRecover()), fmt(r.seconds()), fmt(r.cpuSeconds()),
                    Long.toString(r.stats().candidates()), Long.toString(r.stats().cacheHits()),
                    Long.toString(r.stats().evaluations()), fmt(r.savedFraction()),
                    e == null ? "" : Integer.toString(e.complexity()),
                    r.selected() == null ? "" : Integer.toString(r.selected().complexity()), Boolean.toString(r.skeletonMatch()),
                    Csv.quote(e == null ? "" : e.sympy()),
                    Csv.quote(r.selected() == null ? "" : r.selected().sympy()))).append('\n');
            if (!r.normalized()) {
                continue;
            }
            runs++;
            recovered += r.recovered() ? 1 : 0;
            md.append(String.format(Locale.ROOT, "| %s | %s | %d | `%s` | %s | %.1f | %.1f | %s | %s | `%s` |%n",
                    r.problem().suite(), r.problem().name(), r.seed(), r.problem().formula(), r.recovered() ? "yes" : "**no**",
                    r.secondsToRecover(), r.cpuSecondsToRecover(), e == null ? "-" : Integer.toString(e.complexity()),
                    e == null ? "-" : r.skeletonMatch() ? "yes" : "no",
                    e == null ? "best: " + r.selected().infix(4) : e.infix(6)));
        }
        md.append(String.format(Locale.ROOT, "%nRecovered %d of %d.%n", recovered, runs));
        Files.writeString(dir.resolve("results.md"), md, StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("results.csv"), csv, StandardCharsets.UTF_8);
    }

    /**
     * The on/off table: per problem, over the seeds, how many runs recovered, the CPU time to recover
     * (median and range; a run that did not recover counts as longer than the budget), the fraction of
     * candidates answered from the cache, evaluations per candidate, and the size of the selected
     * expression at the end.
     */
    private static void writeComparison(List<Outcome> outcomes, Path dir, Budget budget, int threads, List<Long> seeds)
            throws IOException {
        StringBuilder md = new StringBuilder();
        md.append(String.format(Locale.ROOT, "Same budget (%s), %d threads, same seeds %s and data, SimpliJ normalization "
                + "on and off. Each cell: on / off; median [min - max] over the seeds.%n%n", budget.describe(), threads, seeds));
        md.append("| problem | recovered on / off | CPU s to recover on / off | evaluations saved (cache hits / candidates) "
                + "on / off | evaluations per candidate on / off | size of the selected expression on / off |\n"
                + "|---|---|---|---|---|---|\n");
        XYSeries onSeries = new XYSeries("normalization on");
        XYSeries offSeries = new XYSeries("normalization off");
        Map<Boolean, List<Outcome>> all = Map.of(true, new ArrayList<>(), false, new ArrayList<>());
        List<Problem> problems = outcomes.stream().map(Outcome::problem).distinct().toList();
        for (int i = 0; i < problems.size(); i++) {
            Problem p = problems.get(i);
            List<Outcome> on = outcomes.stream().filter(r -> r.problem() == p && r.normalized()).toList();
            List<Outcome> off = outcomes.stream().filter(r -> r.problem() == p && !r.normalized()).toList();
            all.get(true).addAll(on);
            all.get(false).addAll(off);
            md.append(row(p.name(), on, off, budget));
            onSeries.add(i + 1, Math.min(median(recoveryCpu(on)), budgetCap(budget, on)));
            offSeries.add(i + 1, Math.min(median(recoveryCpu(off)), budgetCap(budget, off)));
        }
        md.append(row("**all runs**", all.get(true), all.get(false), budget));
        md.append(String.format(Locale.ROOT, "%nPooled over all runs: %s of the candidates answered from the cache with "
                        + "normalization on, %s with it off (off, the cache still answers candidates whose raw skeleton "
                        + "was seen before). A run that did not recover counts as '> budget'.%n",
                pct(pooledSaved(all.get(true))), pct(pooledSaved(all.get(false)))));
        Files.writeString(dir.resolve("normalization.md"), md, StandardCharsets.UTF_8);
        FrontFiles.writeTimeChart("median CPU seconds to recover (unrecovered drawn at the budget)",
                List.of(onSeries, offSeries), dir.resolve("normalization-time-to-recover.png"));
    }

    private static String row(String name, List<Outcome> on, List<Outcome> off, Budget budget) {
        return String.format(Locale.ROOT, "| %s | %d/%d / %d/%d | %s / %s | %s / %s | %s / %s | %s / %s |%n", name,
                count(on), on.size(), count(off), off.size(), spread(recoveryCpu(on), "%.1f"),
                spread(recoveryCpu(off), "%.1f"), spreadPct(on), spreadPct(off),
                spread(on.stream().mapToDouble(r -> r.stats().evaluations() / (double) Math.max(1, r.stats().candidates()))
                        .toArray(), "%.1f"),
                spread(off.stream().mapToDouble(r -> r.stats().evaluations() / (double) Math.max(1, r.stats().candidates()))
                        .toArray(), "%.1f"),
                spread(sizes(on), "%.0f"), spread(sizes(off), "%.0f"));
    }

    private static long count(List<Outcome> runs) {
        return runs.stream().filter(Outcome::recovered).count();
    }

    /** CPU seconds to recover, infinite for a run that did not recover. */
    private static double[] recoveryCpu(List<Outcome> runs) {
        return runs.stream().mapToDouble(r -> r.recovered() ? r.cpuSecondsToRecover() : Double.POSITIVE_INFINITY).toArray();
    }

    /** Where an unrecovered median is drawn: the budget, or the longest run when the budget is wall-clock only. */
    private static double budgetCap(Budget budget, List<Outcome> runs) {
        return budget.cpuSeconds() < Double.POSITIVE_INFINITY ? budget.cpuSeconds()
                : runs.stream().mapToDouble(Outcome::cpuSeconds).max().orElse(0);
    }

    private static double[] sizes(List<Outcome> runs) {
        return runs.stream().filter(r -> r.selected() != null).mapToDouble(r -> r.selected().complexity()).toArray();
    }

    private static String spreadPct(List<Outcome> runs) {
        return spread(runs.stream().mapToDouble(r -> 100 * r.savedFraction()).toArray(), "%.0f%%");
    }

    private static double pooledSaved(List<Outcome> runs) {
        long hits = runs.stream().mapToLong(r -> r.stats().cacheHits()).sum();
        long candidates = runs.stream().mapToLong(r -> r.stats().candidates()).sum();
        return candidates == 0 ? 0 : hits / (double) candidates;
    }

    private static String pct(double fraction) {
        return String.format(Locale.ROOT, "%.1f%%", 100 * fraction);
    }

    /** {@code median [min - max]}, infinite values as "> budget"; just the value when all are equal. */
    static String spread(double[] values, String format) {
        if (values.length == 0) {
            return "-";
        }
        double[] v = values.clone();
        java.util.Arrays.sort(v);
        String median = show(median(v), format);
        if (v[0] == v[v.length - 1]) {
            return median;
        }
        return median + " [" + show(v[0], format) + " - " + show(v[v.length - 1], format) + "]";
    }

    private static String show(double value, String format) {
        return value == Double.POSITIVE_INFINITY ? "> budget" : String.format(Locale.ROOT, format, value);
    }

    /** The median; the mean of the middle two for an even count (infinite when either is). */
    static double median(double[] values) {
        if (values.length == 0) {
            return Double.NaN;
        }
        double[] v = values.clone();
        java.util.Arrays.sort(v);
        int mid = v.length / 2;
        return v.length % 2 == 1 ? v[mid] : (v[mid - 1] + v[mid]) / 2;
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.4g", v);
    }
}
