package dev.simplij.sr.bench;

import dev.simplij.sr.Equation;
import dev.simplij.sr.FrontFiles;
import dev.simplij.sr.OperatorSet;
import dev.simplij.sr.SearchResult;
import dev.simplij.sr.StopReason;
import dev.simplij.sr.SymbolicRegression;
import dev.simplij.sr.data.Csv;
import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYStepRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * {@code sr-benchmark --suite feynman-full}: the AI Feynman database on the protocol of the SRBench
 * Feynman comparisons that PySR's published figures use. Per equation and seed: 512 support points
 * to fit and 512 held-out points, both drawn uniformly from the table's ranges; the search runs with
 * its defaults (it stops early once the fit is exact to float32 rounding) within the budget; the
 * equation is <b>recovered</b> when the equation model selection picks has a fraction of variance
 * unexplained (FVU) on the held-out points of at most float32 epsilon (2^-23). The held-out points
 * are never shown to the search, not even to decide when to stop.
 */
final class FeynmanBenchmark {
    static final String SUITE = "feynman-full";
    static final int SUPPORT_POINTS = 512;
    static final int HELD_OUT_POINTS = 512;
    static final double RECOVERY_FVU = 0x1p-23;
    /** 95% two-sided normal quantile, for the Wilson interval. */
    static final double Z95 = 1.959963984540054;

    private FeynmanBenchmark() {
    }

    /**
     * One run of one equation.
     *
     * @param heldOutFvu       the selected equation's FVU on the held-out points (infinite where it is undefined)
     * @param seconds          wall-clock seconds of the search; the time to recovery when recovered
     * @param cpuSeconds       the JVM's CPU seconds over the search (every thread)
     */
    record Run(Problem problem, long seed, boolean recovered, double heldOutFvu, double seconds, double cpuSeconds,
               long evaluations, long candidates, StopReason stop, Equation selected) {
    }

    /** The search settings a run varies, to measure their effect: linear scaling, SimpliJ normalization. */
    record Variant(boolean linearScaling, boolean normalization) {
    }

    /** A confidence interval for a proportion. */
    record Interval(double low, double high) {
    }

    /**
     * The equations to run: all of {@code suite}, or {@code sample} of them drawn without replacement
     * with {@code seed} (kept in table order), so a slice is reproducible and representative.
     */
    static List<Problem> sample(List<Problem> suite, int sample, long seed) {
        if (sample <= 0 || sample >= suite.size()) {
            return suite;
        }
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
        int[] index = new int[suite.size()];
        Arrays.setAll(index, i -> i);
        for (int i = 0; i < sample; i++) {
            int j = i + rng.nextInt(index.length - i);
            int t = index[i];
            index[i] = index[j];
            index[j] = t;
        }
        int[] chosen = Arrays.copyOf(index, sample);
        Arrays.sort(chosen);
        return Arrays.stream(chosen).mapToObj(suite::get).toList();
    }

    static List<Run> runAll(List<Problem> problems, SrBenchmark.Budget budget, int threads, List<Long> seeds,
                            int supportPoints, Variant variant, PrintStream out) {
        List<Run> runs = new ArrayList<>();
        for (Problem p : problems) {
            for (long seed : seeds) {
                Run r = solve(p, seed, budget, threads, supportPoints, variant);
                runs.add(r);
                out.printf(Locale.ROOT, "%-10s seed %-3d %s in %6.1f s (%6.1f CPU s)  FVU %.2e  %s%n", p.name(), seed,
                        r.recovered() ? "recovered" : "missed   ", r.seconds(), r.cpuSeconds(), r.heldOutFvu(),
                        r.selected() == null ? "-" : r.selected().infix(6));
            }
        }
        return runs;
    }

    static Run solve(Problem p, long seed, SrBenchmark.Budget budget, int threads, int supportPoints, Variant variant) {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed * 31 + p.name().hashCode());
        double[][] x = p.sample(supportPoints, rng);
        double[] y = p.target(x);
        double[][] heldOut = p.sample(HELD_OUT_POINTS, rng);
        double[] truth = p.target(heldOut);
        long start = System.nanoTime();
        long cpuStart = ProcessCpu.nanos();
        SymbolicRegression.Builder sr = SymbolicRegression.builder()
                .operators(OperatorSet.parse(p.operators()))
                .threads(threads)
                .seed(seed)
                .linearScaling(variant.linearScaling())
                .normalization(variant.normalization())
                .maxIterations(Long.MAX_VALUE)
                .progress(progress -> (ProcessCpu.nanos() - cpuStart) / 1e9 < budget.cpuSeconds());
        if (budget.wallSeconds() < Double.POSITIVE_INFINITY) {
            sr.timeLimit(Duration.ofMillis((long) (budget.wallSeconds() * 1000)));
        }
        SearchResult r = sr.build().fit(x, y, p.inputs());
        double seconds = (System.nanoTime() - start) / 1e9;
        double cpuSeconds = (ProcessCpu.nanos() - cpuStart) / 1e9;
        double fvu = r.selected() == null ? Double.POSITIVE_INFINITY : fvu(r.selected().predict(heldOut), truth);
        return new Run(p, seed, fvu <= RECOVERY_FVU, fvu, seconds, cpuSeconds, r.stats().evaluations(),
                r.stats().candidates(), r.stopReason(), r.selected());
    }

    /** Fraction of variance unexplained: squared error over the targets' variance; infinite for an undefined prediction. */
    static double fvu(double[] prediction, double[] truth) {
        double mean = Arrays.stream(truth).average().orElse(0);
        double se = 0;
        double var = 0;
        for (int i = 0; i < truth.length; i++) {
            if (!Double.isFinite(prediction[i])) {
                return Double.POSITIVE_INFINITY;
            }
            se += (prediction[i] - truth[i]) * (prediction[i] - truth[i]);
            var += (truth[i] - mean) * (truth[i] - mean);
        }
        return se / Math.max(var, Double.MIN_NORMAL);
    }

    /** The Wilson score interval for {@code successes} of {@code n} at normal quantile {@code z}. */
    static Interval wilson(int successes, int n, double z) {
        if (n == 0) {
            return new Interval(0, 1);
        }
        double p = successes / (double) n;
        double z2 = z * z;
        double center = (p + z2 / (2 * n)) / (1 + z2 / n);
        double half = z / (1 + z2 / n) * Math.sqrt(p * (1 - p) / n + z2 / (4.0 * n * n));
        return new Interval(Math.max(0, center - half), Math.min(1, center + half));
    }

    /** results.md, results.csv and time-to-recovery-ecdf.png in {@code dir}. */
    static void write(List<Run> runs, Path dir, SrBenchmark.Budget budget, int threads, List<Long> seeds,
                      int supportPoints, String command) throws IOException {
        int recovered = (int) runs.stream().filter(Run::recovered).count();
        Interval ci = wilson(recovered, runs.size(), Z95);
        long equations = runs.stream().map(Run::problem).distinct().count();
        StringBuilder md = new StringBuilder();
        md.append(String.format(Locale.ROOT, "# sr-benchmark --suite %s%n%n```sh%n%s%n```%n%n", SUITE, command));
        md.append(String.format(Locale.ROOT, "%d equations of the AI Feynman database, seeds %s, budget %s per run, "
                        + "%d threads, %d support points, %d held-out points; recovered = FVU of the selected equation on "
                        + "the held-out points <= 2^-23.%n%n", equations, seeds, budget.describe(), threads, supportPoints,
                HELD_OUT_POINTS));
        md.append(String.format(Locale.ROOT, "**Recovered %d of %d runs: %.1f%% (95%% Wilson interval %.1f%% - %.1f%%).** "
                        + "Median seconds to recovery over recovered runs: %s wall, %s CPU. Evaluations per run, "
                        + "median: %s.%n%n",
                recovered, runs.size(), 100.0 * recovered / Math.max(1, runs.size()), 100 * ci.low(), 100 * ci.high(),
                fmt(SrBenchmark.median(runs.stream().filter(Run::recovered).mapToDouble(Run::seconds).toArray())),
                fmt(SrBenchmark.median(runs.stream().filter(Run::recovered).mapToDouble(Run::cpuSeconds).toArray())),
                fmt(SrBenchmark.median(runs.stream().mapToDouble(Run::evaluations).toArray()))));
        md.append("| equation | seed | truth | recovered | held-out FVU | stop | wall s | CPU s | evaluations | selected (6 digits) |\n");
        md.append("|---|---|---|---|---|---|---|---|---|---|\n");
        StringBuilder csv = new StringBuilder("suite,equation,seed,recovered,held_out_fvu,stop,seconds,cpu_seconds,"
                + "evaluations,candidates,selected_complexity,selected\n");
        for (Run r : runs) {
            String selected = r.selected() == null ? "" : r.selected().sympy();
            md.append(String.format(Locale.ROOT, "| %s | %d | `%s` | %s | %.2e | %s | %.1f | %.1f | %d | `%s` |%n",
                    r.problem().name(), r.seed(), r.problem().formula(), r.recovered() ? "yes" : "**no**", r.heldOutFvu(),
                    r.stop().name().toLowerCase(Locale.ROOT), r.seconds(), r.cpuSeconds(), r.evaluations(),
                    r.selected() == null ? "-" : r.selected().infix(6)));
            csv.append(String.join(",", r.problem().suite(), r.problem().name(), Long.toString(r.seed()),
                    Boolean.toString(r.recovered()), Double.toString(r.heldOutFvu()), r.stop().name().toLowerCase(Locale.ROOT),
                    fmt(r.seconds()), fmt(r.cpuSeconds()), Long.toString(r.evaluations()), Long.toString(r.candidates()),
                    r.selected() == null ? "" : Integer.toString(r.selected().complexity()), Csv.quote(selected)))
                    .append('\n');
        }
        md.append("\n![time to recovery](time-to-recovery-ecdf.png)\n");
        Files.writeString(dir.resolve("results.md"), md, StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("results.csv"), csv, StandardCharsets.UTF_8);
        plotEcdf(runs, budget, dir.resolve("time-to-recovery-ecdf.png"));
    }

    /**
     * The empirical distribution of seconds to recovery (CPU seconds when {@code cpu}, else wall): the
     * fraction of all runs recovered within t seconds, a step function; runs not recovered never count,
     * so it ends at the recovery rate.
     */
    static XYSeries ecdf(List<Run> runs, boolean cpu) {
        double[] times = runs.stream().filter(Run::recovered).mapToDouble(cpu ? Run::cpuSeconds : Run::seconds).sorted()
                .toArray();
        XYSeries s = new XYSeries("recovered within t (" + runs.size() + " runs)");
        s.add(0, 0);
        for (int i = 0; i < times.length; i++) {
            s.add(times[i], (i + 1) / (double) runs.size());
        }
        return s;
    }

    /**
     * The ECDF as PNG, over CPU seconds when the budget is CPU time (on a shared machine wall seconds
     * count the other work), else wall seconds, up to the budget.
     */
    private static void plotEcdf(List<Run> runs, SrBenchmark.Budget budget, Path file) throws IOException {
        System.setProperty("java.awt.headless", "true");
        boolean cpu = budget.cpuSeconds() < Double.POSITIVE_INFINITY;
        XYSeries series = ecdf(runs, cpu);
        double end = cpu ? budget.cpuSeconds() : budget.wallSeconds() < Double.POSITIVE_INFINITY ? budget.wallSeconds()
                : runs.stream().mapToDouble(Run::seconds).max().orElse(1);
        series.add(end, series.getY(series.getItemCount() - 1));
        NumberAxis x = new NumberAxis(cpu ? "CPU seconds" : "wall seconds");
        x.setRange(0, end);
        NumberAxis y = new NumberAxis("fraction of runs recovered");
        y.setRange(0, 1);
        XYStepRenderer renderer = new XYStepRenderer();
        renderer.setSeriesPaint(0, new Color(0x1f77b4));
        renderer.setSeriesStroke(0, new BasicStroke(2f));
        XYPlot plot = new XYPlot(new XYSeriesCollection(series), x, y, renderer);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        JFreeChart chart = new JFreeChart("AI Feynman: time to recovery", JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        chart.setBackgroundPaint(Color.WHITE);
        ImageIO.setUseCache(false);
        ChartUtils.saveChartAsPNG(file.toFile(), chart, 800, 450);
    }

    private static String fmt(double v) {
        return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%.4g", v);
    }
}
