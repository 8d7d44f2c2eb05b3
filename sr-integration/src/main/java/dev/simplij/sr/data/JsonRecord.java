package dev.simplij.sr.data;

import dev.simplij.expr.Expr;
import java.util.List;

/**
 * One generated record as a JSON Lines line:
 * <pre>
 * {"prefix": "* &lt;constant&gt; sin x1", "infix": "&lt;constant&gt;*sin(x1)", "variables": ["x1"],
 *  "constants": [1.5], "X": [[0.3], [2.0]], "y": [0.44, 1.36]}
 * </pre>
 * {@code constants} holds one value per {@code <constant>} occurrence in prefix order; {@code X}
 * is row by row, one coordinate per declared variable; the last three are absent when data points
 * are switched off. Numbers print as Java's shortest round-trip decimal, so the bytes are
 * deterministic.
 */
final class JsonRecord {
    private JsonRecord() {
    }

    /**
     * @param data {@code [constants, y, column of x1, ..., column of xd]}, or null for a skeleton
     *             without data
     */
    static String write(Expr skeleton, List<String> variables, double[][] data) {
        StringBuilder sb = new StringBuilder(data == null ? 128 : 64 + 24 * data[1].length * (variables.size() + 1));
        sb.append("{\"prefix\":");
        string(sb, skeleton.toPrefix());
        sb.append(",\"infix\":");
        string(sb, skeleton.toInfix());
        sb.append(",\"variables\":[");
        for (int i = 0; i < variables.size(); i++) {
            if (i > 0) {
                sb.append(',');
            }
            string(sb, variables.get(i));
        }
        sb.append(']');
        if (data != null) {
            sb.append(",\"constants\":");
            numbers(sb, data[0]);
            sb.append(",\"X\":[");
            double[] y = data[1];
            for (int r = 0; r < y.length; r++) {
                if (r > 0) {
                    sb.append(',');
                }
                sb.append('[');
                for (int c = 2; c < data.length; c++) {
                    if (c > 2) {
                        sb.append(',');
                    }
                    sb.append(data[c][r]);
                }
                sb.append(']');
            }
            sb.append("],\"y\":");
            numbers(sb, y);
        }
        return sb.append('}').toString();
    }

    private static void numbers(StringBuilder sb, double[] values) {
        sb.append('[');
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                sb.append(',');
            }
            sb.append(values[i]);
        }
        sb.append(']');
    }

    private static boolean plain(String s) {
        for (int i = 0, n = s.length(); i < n; i++) {
            char c = s.charAt(i);
            if (c < 0x20 || c == '"' || c == '\\') {
                return false;
            }
        }
        return true;
    }

    static void string(StringBuilder sb, String s) {
        sb.append('"');
        if (plain(s)) {
            // Tokens of both notations never need escaping: append in one go.
            sb.append(s).append('"');
            return;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        sb.append('"');
    }
}
