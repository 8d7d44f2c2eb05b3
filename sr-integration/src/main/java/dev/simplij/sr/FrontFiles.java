package dev.simplij.sr;

import java.awt.BasicStroke;
import java.awt.Color;
import dev.simplij.expr.Expr;
import dev.simplij.sr.data.Csv;
import java.awt.geom.Ellipse2D;
import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.FieldPosition;
import java.text.NumberFormat;
import java.text.ParsePosition;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/** Writes a front as CSV and plots loss against complexity as PNG (JFreeChart, headless). */
public final class FrontFiles {
    /** Losses are drawn no lower than this, so exact fits (loss 0) fit on a log axis. */
    static final double PLOT_FLOOR = 1e-32;

    private FrontFiles() {
    }

    /** The name of the series that marks the selected equation. */
    static final String SELECTED = "selected";

    /** The CSV header. */
    public static final String HEADER = "complexity,loss,score,selected,sympy,prefix,latex,skeleton";

    /**
     * Writes the front with a header: {@code complexity, loss, score, selected} (true on the selected
     * row), {@code sympy} (full precision, readable by {@code sympify}), {@code prefix}, {@code latex},
     * {@code skeleton} (prefix, constants as {@code <constant>}).
     */
    public static void writeCsv(SearchResult result, Path file) throws IOException {
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write(HEADER + "\n");
            List<Equation> front = result.front();
            for (int i = 0; i < front.size(); i++) {
                Equation e = front.get(i);
                w.write(e.complexity() + "," + e.loss() + "," + e.score() + "," + (i == result.selectedIndex()) + ","
                        + Csv.quote(e.sympy()) + "," + Csv.quote(e.prefix()) + "," + Csv.quote(e.latex()) + ","
                        + Csv.quote(e.skeleton().toPrefix()) + "\n");
            }
        }
    }

    /**
     * The equations of a front written by {@link #writeCsv} (its {@code prefix} column), for a warm start.
     *
     * @throws IllegalArgumentException naming the file and line of a row that does not parse
     */
    public static List<Expr> readEquations(Path file) {
        Csv.Table table = Csv.read(file);
        int prefix = table.column("prefix", file);
        List<Expr> equations = new ArrayList<>();
        for (int r = 0; r < table.rows().size(); r++) {
            String text = table.rows().get(r).get(prefix);
            try {
                equations.add(Expr.parsePrefix(text));
            } catch (RuntimeException e) {
                throw new IllegalArgumentException(file + ":" + table.lines().get(r) + ": prefix '" + text
                        + "' does not parse: " + e.getMessage(), e);
            }
        }
        return equations;
    }

    /** Plots loss (log scale) against complexity, the selected equation marked; PNG. */
    public static void plot(SearchResult result, String title, Path file) throws IOException {
        XYSeries front = new XYSeries("Pareto front");
        XYSeries selected = new XYSeries(SELECTED);
        for (int i = 0; i < result.front().size(); i++) {
            Equation e = result.front().get(i);
            front.add(e.complexity(), Math.max(e.loss(), PLOT_FLOOR));
            if (i == result.selectedIndex()) {
                selected.add(e.complexity(), Math.max(e.loss(), PLOT_FLOOR));
            }
        }
        writePng(title, "complexity", "loss", List.of(front, selected), file, 800, 500);
    }

    /** Seconds (log scale) against problem number, one series per setting; PNG. */
    public static void writeTimeChart(String title, List<XYSeries> series, Path file) throws IOException {
        writePng(title, "problem", "seconds", series, file, 800, 450);
    }

    /** A line-and-marker chart with a log-scale y axis, written as PNG. */
    static void writePng(String title, String xLabel, String yLabel, List<XYSeries> series, Path file, int width, int height)
            throws IOException {
        if (!file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".png")) {
            throw new IllegalArgumentException("plots are PNG: name the file *.png, got " + file);
        }
        // ImageIO's file cache registers a shutdown hook, which fails while Ctrl-C shuts the JVM down;
        // a chart is small enough to encode in memory
        ImageIO.setUseCache(false);
        ChartUtils.saveChartAsPNG(file.toFile(), chart(title, xLabel, yLabel, series), width, height);
    }

    /**
     * The chart: a series named {@code selected} is drawn as a large ring without lines, over the
     * others. The y axis is logarithmic with ticks at whole decades written as numbers ({@code 0.01},
     * {@code 1e-12}), spanning at least one decade: JFreeChart's default label for a range inside a
     * decade is {@code 10^-0.0}.
     */
    static JFreeChart chart(String title, String xLabel, String yLabel, List<XYSeries> series) {
        System.setProperty("java.awt.headless", "true");
        XYSeriesCollection data = new XYSeriesCollection();
        series.forEach(data::addSeries);
        NumberAxis x = new NumberAxis(xLabel);
        x.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        LogAxis y = new LogAxis(yLabel);
        y.setBase(10);
        y.setSmallestValue(PLOT_FLOOR);
        y.setStandardTickUnits(NumberAxis.createIntegerTickUnits()); // in decades: whole powers of ten only
        y.setNumberFormatOverride(new DecadeFormat());
        double[] bounds = decades(series);
        y.setRange(bounds[0], bounds[1]);
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, true);
        Color[] colors = {new Color(0x1f77b4), new Color(0xd62728), new Color(0x2ca02c), new Color(0xff7f0e)};
        for (int i = 0; i < series.size(); i++) {
            renderer.setSeriesPaint(i, colors[i % colors.length]);
            renderer.setSeriesStroke(i, new BasicStroke(2f));
            if (series.get(i).getKey().equals(SELECTED)) {
                renderer.setSeriesLinesVisible(i, false);
                renderer.setSeriesShapesFilled(i, false);
                renderer.setSeriesShape(i, new Ellipse2D.Double(-8, -8, 16, 16));
                renderer.setSeriesStroke(i, new BasicStroke(3f));
            }
        }
        XYPlot plot = new XYPlot(data, x, y, renderer);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        JFreeChart chart = new JFreeChart(title, JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        chart.setBackgroundPaint(Color.WHITE);
        return chart;
    }

    /**
     * Whole decades around the positive y values of the series, at least one decade apart, widened by a
     * twentieth of a decade so both end decades get a tick.
     */
    private static double[] decades(List<XYSeries> series) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (XYSeries s : series) {
            for (int i = 0; i < s.getItemCount(); i++) {
                double v = s.getY(i).doubleValue();
                if (v > 0 && v < Double.POSITIVE_INFINITY) {
                    min = Math.min(min, v);
                    max = Math.max(max, v);
                }
            }
        }
        if (min > max) {
            return new double[] {Math.pow(10, -1.05), Math.pow(10, 1.05)};
        }
        double low = Math.floor(Math.log10(min));
        double high = Math.max(Math.ceil(Math.log10(max)), low + 1);
        return new double[] {Math.pow(10, low - 0.05), Math.pow(10, high + 0.05)};
    }

    /** Tick labels for powers of ten: plain from 0.001 to 1000 ({@code 0.01}, {@code 100}), else {@code 1e-12}. */
    static final class DecadeFormat extends NumberFormat {
        private static final long serialVersionUID = 1L;

        @Override
        public StringBuffer format(double number, StringBuffer to, FieldPosition pos) {
            double a = Math.abs(number);
            if (a == 0 || (a >= 1e-3 && a < 1e4)) {
                return to.append(new BigDecimal(Double.toString(number)).round(new MathContext(3)).stripTrailingZeros()
                        .toPlainString());
            }
            return to.append(String.format(Locale.ROOT, "%.0e", number).replace("e-0", "e-").replace("e+0", "e")
                    .replace("e+", "e"));
        }

        @Override
        public StringBuffer format(long number, StringBuffer to, FieldPosition pos) {
            return format((double) number, to, pos);
        }

        @Override
        public Number parse(String source, ParsePosition pos) {
            String rest = source.substring(pos.getIndex());
            try {
                double v = Double.parseDouble(rest);
                pos.setIndex(source.length());
                return v;
            } catch (NumberFormatException e) {
                pos.setErrorIndex(pos.getIndex());
                return null;
            }
        }
    }
}
