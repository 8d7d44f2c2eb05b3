package dev.simplij.sr.bench;

import dev.simplij.expr.Expr;
import dev.simplij.expr.NodeKind;
import dev.simplij.sr.Equation;
import dev.simplij.sr.FrontFiles;
import dev.simplij.sr.OperatorSet;
import dev.simplij.sr.SearchResult;
import dev.simplij.sr.SimplifierNormalizer;
import dev.simplij.sr.SymbolicRegression;
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
 * normalization on and off on the same budget. Writes Markdown tables, CSV and PNG figures.
 */
public final class SrBenchmark {
    static final String USAGE = """
            usage: simplij sr-benchmark [--suite nguyen|node|feynman|all] [--time SECONDS] [--threads N]
                                        [--seed N] [--points N] [--compare] [--only NAME,...] [--out DIR]

            Fits each problem from noiseless data until it is recovered (normalized MSE below 1e-10 on
            200 fresh points) or the time runs out (default 120 s), and writes results.md, results.csv
            and figures to DIR (default sr-benchmark-results). --compare runs every problem twice, with
            SimpliJ normalization on and off, on the same budget, and writes normalization.md.
            """;

    /** Normalized MSE on fresh points below which a formula counts as recovered. */
    static final double RECOVERED_NMSE = 1e-10;

    private SrBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        System.exit(run(List.of(args), System.out, System.err));
    }

    /** Outcome of one run on one problem. */
    record Outcome(Problem problem, boolean normalized, boolean recovered, double secondsToRecover, double seconds,
                   long candidates, long evaluations, double cacheHitRate, Equation recoveredEquation, Equation selected,
                   boolean skeletonMatch, SearchResult result) {
    }

    public static int run(List<String> args, PrintStream out, PrintStream err) throws IOException {
        Map<String, String> o = new java.util.LinkedHashMap<>();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            switch (a) {
                case "--help" -> {
                    out.print(USAGE);
                    return 0;
                }
                case "--compare" -> o.put(a, "true");
                case "--suite", "--time", "--threads", "--seed", "--points", "--only", "--out" -> {
                    if (i + 1 >= args.size()) {
                        err.println("sr-benchmark: " + a + " needs a value");
                        return 2;
                    }
                    o.put(a, args.get(++i));
                }
                default -> {
                    err.println("sr-benchmark: unknown argument '" + a + "'");
                    err.print(USAGE);
                    return 2;
                }
            }
        }
        List<Problem> problems = new ArrayList<>(Problems.suite(o.getOrDefault("--suite", "all")));
        if (o.containsKey("--only")) {
            List<String> only = List.of(o.get("--only").split(","));
            problems.removeIf(p -> !only.contains(p.name()));
        }
        double seconds = Double.parseDouble(o.getOrDefault("--time", "120"));
        int threads = Integer.parseInt(o.getOrDefault("--threads", "2"));
        long seed = Long.parseLong(o.getOrDefault("--seed", "0"));
        int points = Integer.parseInt(o.getOrDefault("--points", "100"));
        Path dir = Path.of(o.getOrDefault("--out", "sr-benchmark-results"));
        Files.createDirectories(dir);
        boolean compare = o.containsKey("--compare");
        List<Outcome> outcomes = new ArrayList<>();
        for (Problem p : problems) {
            for (boolean normalized : compare ? new boolean[] {true, false} : new boolean[] {true}) {
                Outcome r = solve(p, normalized, seconds, threads, seed, points);
                outcomes.add(r);
                out.printf(Locale.ROOT, "%-9s %-4s %s in %6.1f s  size %2s  %s%n", p.name(), normalized ? "on" : "off",
                        r.recovered() ? "recovered" : "missed   ", r.recovered() ? r.secondsToRecover() : r.seconds(),
                        r.recoveredEquation() == null ? "-" : Integer.toString(r.recoveredEquation().complexity()),
                        r.recoveredEquation() == null ? r.selected().infix(4) : r.recoveredEquation().infix(6));
                if (normalized) {
                    FrontFiles.plot(r.result(), p.name() + ": " + p.formula(),
                            dir.resolve("front-" + p.name().replace('/', '_').replace('.', '_') + ".png"));
                }
            }
        }
        writeResults(outcomes, dir, seconds, threads, seed, points);
        if (compare) {
            writeComparison(outcomes, dir, seconds);
        }
        return 0;
    }

    static Outcome solve(Problem p, boolean normalized, double seconds, int threads, long seed, int points) {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed * 31 + p.name().hashCode());
        double[][] x = p.sample(points, rng);
        double[] y = p.target(x);
        double[][] fresh = p.sample(200, rng);
        double[] truth = p.target(fresh);
        long start = System.nanoTime();
        double[] recoveredAt = {Double.NaN};
        SearchResult r = SymbolicRegression.builder()
                .operators(OperatorSet.parse(p.operators()))
                .threads(threads)
                .seed(seed)
                .normalization(normalized)
                .timeLimit(Duration.ofMillis((long) (seconds * 1000)))
                .maxIterations(Long.MAX_VALUE)
                .progress(progress -> {
                    for (Equation e : progress.front()) {
                        if (recovers(e, fresh, truth)) {
                            recoveredAt[0] = (System.nanoTime() - start) / 1e9;
                            return false;
                        }
                    }
                    return true;
                })
                .build()
                .fit(x, y, p.inputs());
        double total = (System.nanoTime() - start) / 1e9;
        Equation found = null;
        for (Equation e : r.front()) {
            if (recovers(e, fresh, truth)) {
                found = e;
                break;
            }
        }
        boolean match = found != null && truthSkeleton(p).equals(SimplifierNormalizer.standard().normalize(found.skeleton()));
        return new Outcome(p, normalized, found != null, Double.isNaN(recoveredAt[0]) ? total : recoveredAt[0], total,
                r.stats().candidates(), r.stats().evaluations(), r.stats().cacheHitRate(), found, r.selected(), match, r);
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

    private static void writeResults(List<Outcome> outcomes, Path dir, double seconds, int threads, long seed, int points)
            throws IOException {
        StringBuilder md = new StringBuilder();
        md.append(String.format(Locale.ROOT, "Budget %.0f s per problem, %d threads, seed %d, %d noiseless training points; "
                + "recovered = normalized MSE < 1e-10 on 200 fresh points.%n%n", seconds, threads, seed, points));
        md.append("| suite | problem | truth | recovered | time (s) | size | skeleton = truth's | found (6 digits) |\n");
        md.append("|---|---|---|---|---|---|---|---|\n");
        StringBuilder csv = new StringBuilder("suite,problem,normalization,recovered,seconds_to_recover,seconds,candidates,"
                + "evaluations,cache_hit_rate,size,skeleton_match,found,selected\n");
        int recovered = 0;
        int runs = 0;
        for (Outcome r : outcomes) {
            Equation e = r.recoveredEquation();
            csv.append(String.join(",", r.problem().suite(), r.problem().name(), r.normalized() ? "on" : "off",
                    Boolean.toString(r.recovered()), fmt(r.secondsToRecover()), fmt(r.seconds()),
                    Long.toString(r.candidates()), Long.toString(r.evaluations()), fmt(r.cacheHitRate()),
                    e == null ? "" : Integer.toString(e.complexity()), Boolean.toString(r.skeletonMatch()),
                    FrontFiles.csvCell(e == null ? "" : e.sympy()), FrontFiles.csvCell(r.selected() == null ? "" : r.selected().sympy()))).append('\n');
            if (!r.normalized()) {
                continue;
            }
            runs++;
            recovered += r.recovered() ? 1 : 0;
            md.append(String.format(Locale.ROOT, "| %s | %s | `%s` | %s | %.1f | %s | %s | `%s` |%n", r.problem().suite(),
                    r.problem().name(), r.problem().formula(), r.recovered() ? "yes" : "**no**",
                    r.recovered() ? r.secondsToRecover() : r.seconds(), e == null ? "-" : Integer.toString(e.complexity()),
                    e == null ? "-" : r.skeletonMatch() ? "yes" : "no", e == null ? "-" : e.infix(6)));
        }
        md.append(String.format(Locale.ROOT, "%nRecovered %d of %d.%n", recovered, runs));
        Files.writeString(dir.resolve("results.md"), md, StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("results.csv"), csv, StandardCharsets.UTF_8);
    }

    private static void writeComparison(List<Outcome> outcomes, Path dir, double seconds) throws IOException {
        StringBuilder md = new StringBuilder();
        md.append(String.format(Locale.ROOT, "Same budget (%.0f s, same seed and data) with SimpliJ normalization on and off.%n%n",
                seconds));
        md.append("| problem | recovered on / off | time to recover on / off (s) | candidates answered by the cache on / off "
                + "| evaluations per candidate on / off | final size on / off |\n|---|---|---|---|---|---|\n");
        XYSeries on = new XYSeries("normalization on");
        XYSeries off = new XYSeries("normalization off");
        double sumHitOn = 0;
        double sumHitOff = 0;
        int n = 0;
        for (int i = 0; i + 1 < outcomes.size(); i += 2) {
            Outcome a = outcomes.get(i);
            Outcome b = outcomes.get(i + 1);
            md.append(String.format(Locale.ROOT, "| %s | %s / %s | %s / %s | %.0f%% / %.0f%% | %.1f / %.1f | %s / %s |%n",
                    a.problem().name(), yes(a), yes(b), time(a), time(b), 100 * a.cacheHitRate(), 100 * b.cacheHitRate(),
                    a.evaluations() / (double) Math.max(1, a.candidates()), b.evaluations() / (double) Math.max(1, b.candidates()),
                    size(a), size(b)));
            on.add(n + 1, a.recovered() ? a.secondsToRecover() : seconds);
            off.add(n + 1, b.recovered() ? b.secondsToRecover() : seconds);
            sumHitOn += a.cacheHitRate();
            sumHitOff += b.cacheHitRate();
            n++;
        }
        md.append(String.format(Locale.ROOT, "%nMean fraction of candidates answered without evaluation: %.0f%% on, %.0f%% off "
                + "(a miss costs a constant fit, tens of evaluations).%n", 100 * sumHitOn / n, 100 * sumHitOff / n));
        Files.writeString(dir.resolve("normalization.md"), md, StandardCharsets.UTF_8);
        FrontFiles.writeTimeChart("time to recover (unrecovered drawn at the budget)", List.of(on, off),
                dir.resolve("normalization-time-to-recover.png"));
    }

    private static String yes(Outcome o) {
        return o.recovered() ? "yes" : "no";
    }

    private static String time(Outcome o) {
        return o.recovered() ? String.format(Locale.ROOT, "%.1f", o.secondsToRecover()) : "-";
    }

    private static String size(Outcome o) {
        return o.selected() == null ? "-" : Integer.toString(o.selected().complexity());
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.4g", v);
    }
}
