package dev.simplij.bench;

import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.geom.Ellipse2D;
import java.io.IOException;
import java.nio.file.Path;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/** The plots of a benchmark run, as PNG files drawn by JFreeChart (headless). */
final class BenchCharts {
    static final String TIME_ECDF = "time-ecdf.png";
    static final String LENGTH_ECDF = "length-ecdf.png";
    static final String TIME_VS_LENGTH = "time-vs-length.png";
    private static final int WIDTH = 900;
    private static final int HEIGHT = 560;
    private static final Color[] COLORS = {new Color(0x1f77b4), new Color(0xd62728), new Color(0x2ca02c),
            new Color(0xff7f0e)};

    private BenchCharts() {
    }

    /** Writes the three plots into {@code dir}; returns their file names. */
    static List<String> write(Path dir, List<Benchmark.Row> rows, List<String> peers) throws IOException {
        System.setProperty("java.awt.headless", "true");
        List<String> tools = new ArrayList<>();
        tools.add("SimpliJ");
        tools.addAll(peers);

        XYSeriesCollection times = new XYSeriesCollection();
        XYSeriesCollection lengths = new XYSeriesCollection();
        XYSeriesCollection scatter = new XYSeriesCollection();
        for (String tool : tools) {
            times.addSeries(ecdf(tool, BenchReport.sorted(rows, r -> outcome(r, tool).micros())));
            List<Benchmark.Row> ok = rows.stream().filter(r -> outcome(r, tool).status() == Peer.Status.OK).toList();
            ToDoubleFunction<Benchmark.Row> ratio = r -> (double) outcome(r, tool).result().size() / r.input().size();
            lengths.addSeries(ecdf(tool + " (" + ok.size() + " rows)", BenchReport.sorted(ok, ratio)));
            XYSeries s = new XYSeries(tool, false, true);
            for (Benchmark.Row r : rows) {
                s.add(r.input().size(), Math.max(outcome(r, tool).micros(), 0.01));
            }
            scatter.addSeries(s);
        }

        JFreeChart timeChart = ChartFactory.createXYLineChart("Time per expression (ECDF)", "", "share of expressions",
                times, PlotOrientation.VERTICAL, true, false, false);
        logX(timeChart, "microseconds per expression (log scale)");
        style(timeChart, false);
        ChartUtils.saveChartAsPNG(dir.resolve(TIME_ECDF).toFile(), timeChart, WIDTH, HEIGHT);

        JFreeChart lengthChart = ChartFactory.createXYLineChart("Length after / length before (ECDF)",
                "output length / input length (prefix tokens)", "share of expressions", lengths,
                PlotOrientation.VERTICAL, true, false, false);
        style(lengthChart, false);
        ChartUtils.saveChartAsPNG(dir.resolve(LENGTH_ECDF).toFile(), lengthChart, WIDTH, HEIGHT);

        JFreeChart scatterChart = ChartFactory.createScatterPlot("Time against input length", "input length (prefix tokens)",
                "", scatter, PlotOrientation.VERTICAL, true, false, false);
        XYPlot plot = scatterChart.getXYPlot();
        plot.setRangeAxis(logAxis("microseconds per expression (log scale)"));
        style(scatterChart, true);
        ChartUtils.saveChartAsPNG(dir.resolve(TIME_VS_LENGTH).toFile(), scatterChart, WIDTH, HEIGHT);
        return List.of(TIME_ECDF, LENGTH_ECDF, TIME_VS_LENGTH);
    }

    static Peer.Outcome outcome(Benchmark.Row r, String tool) {
        return "SimpliJ".equals(tool) ? r.simplij() : r.peers().get(tool);
    }

    /** Step points (x_i, i/n) of the empirical distribution of sorted values. */
    static XYSeries ecdf(String name, double[] sorted) {
        XYSeries s = new XYSeries(name, false, true);
        for (int i = 0; i < sorted.length; i++) {
            double x = Math.max(sorted[i], 1e-3);
            s.add(x, (double) i / sorted.length);
            s.add(x, (double) (i + 1) / sorted.length);
        }
        return s;
    }

    private static void logX(JFreeChart chart, String label) {
        chart.getXYPlot().setDomainAxis(logAxis(label));
    }

    /** A base-10 axis with a tick per decade, labelled 0.1, 1, 10, 1,000 rather than 10^k. */
    private static LogAxis logAxis(String label) {
        LogAxis axis = new LogAxis(label);
        axis.setSmallestValue(0.01);
        axis.setTickUnit(new NumberTickUnit(1));
        axis.setMinorTickMarksVisible(true);
        axis.setNumberFormatOverride(new DecimalFormat("#,##0.##", DecimalFormatSymbols.getInstance(Locale.ROOT)));
        return axis;
    }

    private static void style(JFreeChart chart, boolean points) {
        chart.setBackgroundPaint(Color.WHITE);
        XYPlot plot = chart.getXYPlot();
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        if (plot.getRangeAxis() instanceof NumberAxis n && !points) {
            n.setRange(0, 1.0);
        }
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(!points, points);
        for (int i = 0; i < plot.getDataset().getSeriesCount(); i++) {
            r.setSeriesPaint(i, COLORS[i % COLORS.length]);
            r.setSeriesStroke(i, new BasicStroke(2f));
            r.setSeriesShape(i, new Ellipse2D.Double(-2, -2, 4, 4));
        }
        plot.setRenderer(r);
    }
}
