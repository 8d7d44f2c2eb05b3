package dev.simplij.sr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.text.AttributedCharacterIterator;
import java.util.ArrayList;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.AxisState;
import org.jfree.chart.axis.LogTick;
import org.jfree.chart.axis.Tick;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.xy.XYSeries;
import org.junit.jupiter.api.Test;

class FrontFilesTest {
    /** The labels of the y axis' ticks as drawn on an 800 x 500 chart. */
    private static List<String> yTickLabels(double... losses) {
        XYSeries front = new XYSeries("Pareto front");
        for (int i = 0; i < losses.length; i++) {
            front.add(i + 1, losses[i]);
        }
        JFreeChart chart = FrontFiles.chart("t", "complexity", "loss", List.of(front));
        BufferedImage image = new BufferedImage(800, 500, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        chart.draw(g, new Rectangle2D.Double(0, 0, 800, 500));
        List<String> labels = new ArrayList<>();
        for (Object o : ((XYPlot) chart.getPlot()).getRangeAxis().refreshTicks(g, new AxisState(),
                new Rectangle2D.Double(60, 30, 700, 400), RectangleEdge.LEFT)) {
            Tick t = (Tick) o;
            String text = t.getText();
            if (text == null && t instanceof LogTick l && l.getAttributedLabel() != null) {
                StringBuilder sb = new StringBuilder();
                AttributedCharacterIterator it = l.getAttributedLabel().getIterator();
                for (char c = it.first(); c != AttributedCharacterIterator.DONE; c = it.next()) {
                    sb.append(c);
                }
                text = sb.toString();
            }
            if (text != null && !text.isEmpty()) {
                labels.add(text);
            }
        }
        g.dispose();
        return labels;
    }

    @Test
    void logAxisTicksReadAsNumbersAtWholeDecades() {
        for (double[] losses : List.of(new double[] {0.9, 0.8, 0.7}, new double[] {3.2, 1e-3, 1e-30}, new double[] {1e-8})) {
            List<String> labels = yTickLabels(losses);
            assertFalse(labels.isEmpty());
            for (String label : labels) {
                double v = Double.parseDouble(label); // "10^-0.0" would throw
                double decade = Math.log10(v);
                assertEquals(Math.rint(decade), decade, 1e-9, "tick at a whole decade: " + label + " in " + labels);
            }
        }
        List<String> oneDecade = yTickLabels(0.9, 0.5);
        assertTrue(oneDecade.containsAll(List.of("0.1", "1")), oneDecade.toString());
    }

    @Test
    void decadeLabels() {
        FrontFiles.DecadeFormat f = new FrontFiles.DecadeFormat();
        assertEquals("1e-12", f.format(1e-12));
        assertEquals("0.001", f.format(1e-3));
        assertEquals("100", f.format(100));
        assertEquals("1e5", f.format(1e5));
    }
}
