package dev.simplij.sr;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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
                        + CsvData.cell(e.sympy()) + "," + CsvData.cell(e.prefix()) + "," + CsvData.cell(e.latex()) + ","
                        + CsvData.cell(e.skeleton().toPrefix()) + "\n");
            }
        }
    }

    /** One CSV cell, quoted when it holds a comma, a quote or a line break. */
    public static String csvCell(String text) {
        return CsvData.cell(text);
    }

    /** Plots loss (log scale) against complexity, the selected equation marked; PNG. */
    public static void plot(SearchResult result, String title, Path file) throws IOException {
        XYSeries front = new XYSeries("Pareto front");
        XYSeries selected = new XYSeries("selected");
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
        System.setProperty("java.awt.headless", "true");
        XYSeriesCollection data = new XYSeriesCollection();
        series.forEach(data::addSeries);
        NumberAxis x = new NumberAxis(xLabel);
        x.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        LogAxis y = new LogAxis(yLabel);
        y.setBase(10);
        y.setSmallestValue(PLOT_FLOOR);
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, true);
        Color[] colors = {new Color(0x1f77b4), new Color(0xd62728), new Color(0x2ca02c), new Color(0xff7f0e)};
        for (int i = 0; i < series.size(); i++) {
            renderer.setSeriesPaint(i, colors[i % colors.length]);
            renderer.setSeriesStroke(i, new BasicStroke(2f));
        }
        if (series.size() == 2 && series.get(1).getKey().equals("selected")) {
            renderer.setSeriesLinesVisible(1, false);
            renderer.setSeriesShape(1, new java.awt.geom.Ellipse2D.Double(-6, -6, 12, 12));
        }
        XYPlot plot = new XYPlot(data, x, y, renderer);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        JFreeChart chart = new JFreeChart(title, JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        chart.setBackgroundPaint(Color.WHITE);
        if (!file.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".png")) {
            throw new IllegalArgumentException("plots are PNG: name the file *.png, got " + file);
        }
        ChartUtils.saveChartAsPNG(file.toFile(), chart, width, height);
    }
}
