package dev.simplij.sr.data;

import dev.simplij.expr.Expr;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A small reader and quoting helper for RFC 4180 CSV: comma-separated fields, double quotes around
 * a field that holds commas, quotes or line breaks, a doubled quote inside quotes. Enough for test
 * sets of formulas ({@code real_root(x, 3)} holds a comma) and numeric data files.
 */
public final class Csv {
    /** A header and its rows; every row has as many fields as the header. */
    public record Table(List<String> header, List<List<String>> rows) {
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
     * Reads a CSV file with a header line.
     *
     * @throws IllegalArgumentException naming the file and line of a malformed record
     */
    public static Table read(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        List<List<String>> records = parse(text, file.toString());
        if (records.isEmpty()) {
            throw new IllegalArgumentException(file + ": empty file, expected a header line");
        }
        List<String> header = records.get(0).stream().map(String::trim).toList();
        List<List<String>> rows = new ArrayList<>();
        for (int r = 1; r < records.size(); r++) {
            List<String> row = records.get(r);
            if (row.size() == 1 && row.get(0).isBlank()) {
                continue;
            }
            if (row.size() != header.size()) {
                throw new IllegalArgumentException(file + ": record " + (r + 1) + " has " + row.size()
                        + " fields, the header has " + header.size());
            }
            rows.add(row);
        }
        return new Table(header, rows);
    }

    static List<List<String>> parse(String text, String source) {
        List<List<String>> records = new ArrayList<>();
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        int line = 1;
        int i = 0;
        int n = text.length();
        if (n > 0 && text.charAt(0) == '\uFEFF') {
            i = 1;
        }
        for (; i < n; i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < n && text.charAt(i + 1) == '"') {
                        field.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    if (c == '\n') {
                        line++;
                    }
                    field.append(c);
                }
            } else if (c == '"' && field.length() == 0) {
                quoted = true;
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < n && text.charAt(i + 1) == '\n') {
                    i++;
                }
                line++;
                fields.add(field.toString());
                field.setLength(0);
                records.add(fields);
                fields = new ArrayList<>();
            } else {
                field.append(c);
            }
        }
        if (quoted) {
            throw new IllegalArgumentException(source + ": line " + line + ": a quoted field is not closed");
        }
        if (field.length() > 0 || !fields.isEmpty()) {
            fields.add(field.toString());
            records.add(fields);
        }
        return records;
    }

    /** A field as written in CSV: quoted when it holds a comma, quote or line break. */
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

    public static String quote(String field) {
        if (field.indexOf(',') < 0 && field.indexOf('"') < 0 && field.indexOf('\n') < 0 && field.indexOf('\r') < 0) {
            return field;
        }
        return '"' + field.replace("\"", "\"\"") + '"';
    }
}
