package dev.simplij.sr;

import dev.simplij.sr.data.Csv;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A numeric CSV table with a header row, as the {@code sr} command reads it: one column is the
 * target, the others are the inputs, named by the header.
 */
record CsvData(List<String> inputNames, double[][] inputs, double[] target) {

    /**
     * Reads {@code file}, taking {@code targetColumn} as the target.
     *
     * @throws IllegalArgumentException naming the file, line and column of what is wrong
     */
    static CsvData read(Path file, String targetColumn) throws IOException {
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String header = in.readLine();
            if (header == null) {
                throw new IllegalArgumentException(file + ": empty file");
            }
            List<String> names = new ArrayList<>();
            for (String h : header.split(",", -1)) {
                names.add(h.trim().replaceAll("^\"|\"$", ""));
            }
            int target = names.indexOf(targetColumn);
            if (target < 0) {
                throw new IllegalArgumentException(file + ": no column '" + targetColumn + "' in header " + names);
            }
            List<String> inputNames = new ArrayList<>(names);
            inputNames.remove(target);
            Csv.requireVariableColumns(file, inputNames);
            List<double[]> rows = new ArrayList<>();
            List<Double> ys = new ArrayList<>();
            String line;
            int lineNumber = 1;
            while ((line = in.readLine()) != null) {
                lineNumber++;
                if (line.isBlank()) {
                    continue;
                }
                String[] cells = line.split(",", -1);
                if (cells.length != names.size()) {
                    throw new IllegalArgumentException(file + ":" + lineNumber + ": " + cells.length + " cells, header has "
                            + names.size());
                }
                double[] row = new double[names.size() - 1];
                for (int c = 0, k = 0; c < cells.length; c++) {
                    double v;
                    try {
                        v = Double.parseDouble(cells[c].trim());
                    } catch (NumberFormatException e) {
                        throw new IllegalArgumentException(file + ":" + lineNumber + ": column '" + names.get(c)
                                + "' is not a number: '" + cells[c].trim() + "'", e);
                    }
                    if (c == target) {
                        ys.add(v);
                    } else {
                        row[k++] = v;
                    }
                }
                rows.add(row);
            }
            return new CsvData(inputNames, rows.toArray(double[][]::new),
                    ys.stream().mapToDouble(Double::doubleValue).toArray());
        }
    }

    /** One CSV cell: quoted when it holds a comma, a quote or a line break (RFC 4180). */
    static String cell(String text) {
        if (text.indexOf(',') < 0 && text.indexOf('"') < 0 && text.indexOf('\n') < 0) {
            return text;
        }
        return '"' + text.replace("\"", "\"\"") + '"';
    }
}
