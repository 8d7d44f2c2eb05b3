package dev.simplij.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A golden corpus as {@code make_corpus.py} writes it: {@code #} comment lines, a header line naming
 * the columns, then one tab-separated row per expression. Columns are found by name, so the file may
 * add columns without breaking readers.
 *
 * @param source   where the rows came from, for messages
 * @param comments the comment lines without their leading {@code "# "}
 * @param rows     the rows in file order
 */
public record Corpus(String source, List<String> comments, List<CorpusRow> rows) {
    static final List<String> REQUIRED = List.of("id", "bucket", "input_prefix", "input_infix", "input_len",
            "sympy_prefix", "sympy_infix", "sympy_len", "sympy_status", "sympy_us");

    public Corpus {
        comments = List.copyOf(comments);
        rows = List.copyOf(rows);
    }

    public static Corpus read(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return read(file.toString(), in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read corpus " + file, e);
        }
    }

    /** Reads a corpus from a stream; {@code source} names it in messages. */
    public static Corpus read(String source, InputStream in) throws IOException {
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        List<String> comments = new ArrayList<>();
        List<CorpusRow> rows = new ArrayList<>();
        Map<String, Integer> columns = null;
        String line;
        int lineNo = 0;
        while ((line = reader.readLine()) != null) {
            lineNo++;
            if (line.startsWith("#")) {
                comments.add(line.replaceFirst("^#\\s?", ""));
                continue;
            }
            if (line.isBlank()) {
                continue;
            }
            String[] cells = line.split("\t", -1);
            if (columns == null) {
                columns = header(source, lineNo, cells);
                continue;
            }
            if (cells.length != columns.size()) {
                throw new IllegalArgumentException(source + ":" + lineNo + ": " + cells.length + " cells, header has "
                        + columns.size());
            }
            rows.add(row(source, lineNo, cells, columns));
        }
        if (columns == null) {
            throw new IllegalArgumentException(source + ": no header line");
        }
        return new Corpus(source, comments, rows);
    }

    private static Map<String, Integer> header(String source, int lineNo, String[] cells) {
        Map<String, Integer> columns = new LinkedHashMap<>();
        for (int i = 0; i < cells.length; i++) {
            columns.put(cells[i], i);
        }
        for (String name : REQUIRED) {
            if (!columns.containsKey(name)) {
                throw new IllegalArgumentException(source + ":" + lineNo + ": header lacks column '" + name + "': "
                        + Arrays.toString(cells));
            }
        }
        return columns;
    }

    private static CorpusRow row(String source, int lineNo, String[] cells, Map<String, Integer> columns) {
        Map<String, String> cell = new HashMap<>();
        columns.forEach((name, i) -> cell.put(name, cells[i]));
        try {
            return new CorpusRow(cell.get("id"), cell.get("bucket"), cell.get("input_prefix"), cell.get("input_infix"),
                    Integer.parseInt(cell.get("input_len")), cell.get("sympy_prefix"), cell.get("sympy_infix"),
                    cell.get("sympy_len").isEmpty() ? -1 : Integer.parseInt(cell.get("sympy_len")),
                    cell.get("sympy_status"), cell.get("sympy_us").isEmpty() ? -1 : Long.parseLong(cell.get("sympy_us")),
                    source + ":" + lineNo);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(source + ":" + lineNo + ": " + e.getMessage(), e);
        }
    }

    /** The buckets in order of first appearance. */
    public List<String> buckets() {
        return rows.stream().map(CorpusRow::bucket).distinct().toList();
    }
}
