package dev.simplij.sr.data;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.simplij.expr.Expr;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * One generated record as a JSON Lines line:
 * <pre>
 * {"prefix": "* &lt;constant&gt; sin x1", "infix": "&lt;constant&gt;*sin(x1)", "variables": ["x1"],
 *  "constants": [1.5], "X": [[0.3], [2.0]], "y": [0.44, 1.36]}
 * </pre>
 * {@code constants} holds one value per {@code <constant>} occurrence in prefix order; {@code X}
 * is row by row, one coordinate per declared variable; the last three are absent when data points
 * are switched off. Written by Jackson's streaming generator; numbers print as
 * {@code Double.toString} does (Jackson's default), so the bytes are deterministic and the same as
 * those of the hand-written writer before it.
 */
final class JsonRecord {
    /** Thread-safe; its generators recycle their buffers per thread. */
    private static final JsonFactory JSON = JsonFactory.builder().build();

    private JsonRecord() {
    }

    /**
     * @param data {@code [constants, y, column of x1, ..., column of xd]}, or null for a skeleton
     *             without data
     */
    static String write(Expr skeleton, List<String> variables, double[][] data) {
        StringWriter text = new StringWriter(data == null ? 128 : 64 + 24 * data[1].length * (variables.size() + 1));
        try (JsonGenerator g = JSON.createGenerator(text)) {
            g.writeStartObject();
            g.writeStringField("prefix", skeleton.toPrefix());
            g.writeStringField("infix", skeleton.toInfix());
            g.writeArrayFieldStart("variables");
            for (String v : variables) {
                g.writeString(v);
            }
            g.writeEndArray();
            if (data != null) {
                g.writeFieldName("constants");
                g.writeArray(data[0], 0, data[0].length);
                g.writeArrayFieldStart("X");
                double[] y = data[1];
                double[] row = new double[data.length - 2];
                for (int r = 0; r < y.length; r++) {
                    for (int c = 2; c < data.length; c++) {
                        row[c - 2] = data[c][r];
                    }
                    g.writeArray(row, 0, row.length);
                }
                g.writeEndArray();
                g.writeFieldName("y");
                g.writeArray(y, 0, y.length);
            }
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("a StringWriter does not fail", e);
        }
        return text.toString();
    }
}
