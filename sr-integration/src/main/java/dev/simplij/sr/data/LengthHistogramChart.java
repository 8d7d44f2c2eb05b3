package dev.simplij.sr.data;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.io.OutputStream;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYStepRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/** The figure of a generation run: skeleton length histograms before and after simplification. */
final class LengthHistogramChart {
    private LengthHistogramChart() {
    }

    /** Writes a PNG with one step line per histogram, as fractions of all sampled skeletons. */
    static void write(GenerationStats stats, OutputStream png) throws IOException {
        System.setProperty("java.awt.headless", "true");
        XYSeriesCollection data = new XYSeriesCollection();
        data.addSeries(series("before simplification (mean " + String.format("%.2f", stats.meanRawLength()) + ")",
                stats.rawLengthHistogram(), stats.sampled()));
        data.addSeries(series("after simplification (mean " + String.format("%.2f", stats.meanSimplifiedLength()) + ")",
                stats.simplifiedLengthHistogram(), stats.sampled()));
        data.addSeries(series("written: unique, valid (" + String.format("%,d", stats.written()) + ")",
                stats.writtenLengthHistogram(), Math.max(1, stats.written())));
        JFreeChart chart = ChartFactory.createXYLineChart(
                String.format("Skeleton lengths, %,d sampled (%.2f tokens saved on average)", stats.sampled(),
                        stats.meanTokensSaved()),
                "length (prefix tokens)", "fraction of skeletons", data, PlotOrientation.VERTICAL, true, false, false);
        XYPlot plot = chart.getXYPlot();
        plot.setRenderer(new XYStepRenderer());
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        for (int i = 0; i < data.getSeriesCount(); i++) {
            plot.getRenderer().setSeriesStroke(i, new BasicStroke(2f));
        }
        ChartUtils.writeChartAsPNG(png, chart, 900, 520);
    }

    private static XYSeries series(String name, long[] histogram, long total) {
        XYSeries s = new XYSeries(name);
        long[] h = GenerationStats.trimmed(histogram);
        for (int len = 0; len < h.length; len++) {
            s.add(len - 0.5, (double) h[len] / total);
        }
        return s;
    }
}
