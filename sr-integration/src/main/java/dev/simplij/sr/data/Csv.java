package dev.simplij.sr.data;

import dev.simplij.expr.Expr;
import dev.simplij.sr.fit.Dataset;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * CSV files with a header line, read with Apache Commons CSV (RFC 4180: comma-separated fields,
 * double quotes around a field that holds commas, quotes or line breaks, a doubled quote inside
 * quotes; blank lines skipped, a byte-order mark ignored), and the quoting of a field written back.
 * The one CSV reader of this module: test sets of formulas ({@code real_root(x, 3)} holds a comma)
 * and numeric data files.
 */
public final class Csv {
    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(true).get();

    /**
     * A header and its rows; every row has as many fields as the header. {@code lines} holds the
     * line of the file where each row starts (the header is line 1).
     */
    public record Table(List<String> header, List<List<String>> rows, List<Long> lines) {
        /** The index of a column, or an exception listing the columns there are. */
        public int column(String name, Path file) {
            int i = header.indexOf(name);
            if (i < 0) {
                throw new IllegalArgumentException(file + ": no column '" + name + "' (columns: " + header + ")");
            }
            return i;
        }
    }

    private Csv() {
    }

    /**
     * Reads a CSV file with a header line; header names are trimmed.
     *
     * @throws IllegalArgumentException naming the file and line of a malformed record
     */
    public static Table read(Path file) {
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return read(in, file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** Reads CSV text with a header line from {@code in}; {@code source} names it in errors. */
    public static Table read(Reader in, String source) throws IOException {
        StringWriter whole = new StringWriter();
        in.transferTo(whole);
        String text = whole.toString();
        LineIndex lines = new LineIndex(text);
        List<String> header = null;
        List<List<String>> rows = new ArrayList<>();
        List<Long> starts = new ArrayList<>();
        try (CSVParser parser = FORMAT.parse(new StringReader(text))) {
            for (CSVRecord record : parser) {
                List<String> fields = record.toList();
                int position = (int) record.getCharacterPosition();
                while (position < text.length() && (text.charAt(position) == '\n' || text.charAt(position) == '\r')) {
                    position++; // the record's position is before the empty lines skipped ahead of it
                }
                long line = lines.lineOf(position);
                if (header != null && fields.size() == 1 && fields.get(0).isBlank()) {
                    continue; // a line of blanks
                }
                if (header == null) {
                    if (!fields.isEmpty() && fields.get(0).startsWith("\uFEFF")) {
                        fields.set(0, fields.get(0).substring(1));
                    }
                    header = fields.stream().map(String::trim).toList();
                } else if (fields.size() != header.size()) {
                    throw new IllegalArgumentException(source + ":" + line + ": " + fields.size()
                            + " fields, the header has " + header.size());
                } else {
                    rows.add(fields);
                    starts.add(line);
                }
            }
        } catch (UncheckedIOException e) {
            throw new IllegalArgumentException(source + ": " + e.getCause().getMessage(), e);
        }
        if (header == null) {
            throw new IllegalArgumentException(source + ": empty file, expected a header line");
        }
        return new Table(header, List.copyOf(rows), List.copyOf(starts));
    }

    /** Line numbers (from 1) of character positions. */
    private static final class LineIndex {
        private final long[] breaks;

        LineIndex(CharSequence text) {
            long[] at = new long[16];
            int n = 0;
            for (int i = 0; i < text.length(); i++) {
                if (text.charAt(i) == '\n') {
                    if (n == at.length) {
                        at = Arrays.copyOf(at, 2 * n);
                    }
                    at[n++] = i;
                }
            }
            breaks = Arrays.copyOf(at, n);
        }

        long lineOf(long position) {
            int i = Arrays.binarySearch(breaks, position);
            return (i >= 0 ? i : -i - 1) + 1;
        }
    }

    /**
     * Refuses a data column whose name cannot be a variable of a formula ({@code E} and {@code pi}
     * are constants, {@code sin} an operator), saying how to rename it.
     */
    public static void requireVariableColumns(Path file, List<String> names) {
        for (String name : names) {
            String problem = variableNameProblem(name);
            if (problem != null) {
                throw new IllegalArgumentException(file + ": column '" + name + "' cannot be a variable of a formula ("
                        + problem + "); rename it in the header, for example to '" + name.replaceAll("\\W", "_") + "_'");
            }
        }
    }

    /** Null when {@code name} may be a variable, else why not (the expression builder's check). */
    private static String variableNameProblem(String name) {
        try {
            Expr.builder().variable(name);
            return null;
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
    }

    /** A field as written in CSV: quoted when it holds a comma, quote or line break. */
    public static String quote(String field) {
        if (field.indexOf(',') < 0 && field.indexOf('"') < 0 && field.indexOf('\n') < 0 && field.indexOf('\r') < 0) {
            return field;
        }
        return '"' + field.replace("\"", "\"\"") + '"';
    }

    /** A numeric CSV with a header: the target column and the others as inputs, rows with a non-finite value skipped. */
    public static Dataset dataset(Path file, String target) {
        Table table = read(file);
        int t = table.column(target, file);
        List<String> names = new ArrayList<>(table.header());
        names.remove(t);
        requireVariableColumns(file, names);
        List<double[]> xs = new ArrayList<>();
        List<Double> ys = new ArrayList<>();
        for (int r = 0; r < table.rows().size(); r++) {
            List<String> row = table.rows().get(r);
            double[] x = new double[names.size()];
            double y = 0;
            boolean finite = true;
            for (int c = 0, k = 0; c < row.size(); c++) {
                double v;
                try {
                    v = Double.parseDouble(row.get(c).trim());
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException(file + ": data row " + (r + 1) + ", column '" + table.header().get(c)
                            + "' is not a number: '" + row.get(c) + "'");
                }
                finite &= Double.isFinite(v);
                if (c == t) {
                    y = v;
                } else {
                    x[k++] = v;
                }
            }
            if (finite) {
                xs.add(x);
                ys.add(y);
            }
        }
        return Dataset.of(xs.toArray(double[][]::new), ys.stream().mapToDouble(Double::doubleValue).toArray(), names);
    }
}
