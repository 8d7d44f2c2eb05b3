package dev.simplij.sr;

import dev.simplij.sr.data.Csv;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A numeric CSV table with a header row, as the {@code sr} command reads it: one column is the
 * target, one optionally weights the rows, the others are the inputs, named by the header.
 */
public record CsvData(List<String> inputNames, double[][] inputs, double[] target, double[] weights) {

    /**
     * Reads {@code file}, taking {@code targetColumn} as the target and, unless null,
     * {@code weightColumn} as the weight of each row (neither is an input).
     *
     * @throws IllegalArgumentException naming the file, line and column of what is wrong
     */
    public static CsvData read(Path file, String targetColumn, String weightColumn) throws IOException {
        Csv.Table table = Csv.read(file);
        List<String> names = table.header();
        int target = names.indexOf(targetColumn);
        if (target < 0) {
            throw new IllegalArgumentException(file + ": no column '" + targetColumn + "' in header " + names);
        }
        int weight = weightColumn == null ? -1 : names.indexOf(weightColumn);
        if (weightColumn != null && (weight < 0 || weight == target)) {
            throw new IllegalArgumentException(file + ": no weight column '" + weightColumn + "' in header " + names
                    + (weight == target ? " other than the target" : ""));
        }
        List<String> inputNames = new ArrayList<>(names);
        inputNames.remove(targetColumn);
        if (weightColumn != null) {
            inputNames.remove(weightColumn);
        }
        Csv.requireVariableColumns(file, inputNames);
        double[][] rows = new double[table.rows().size()][];
        double[] ys = new double[rows.length];
        double[] ws = weightColumn == null ? null : new double[rows.length];
        for (int r = 0; r < rows.length; r++) {
            List<String> cells = table.rows().get(r);
            double[] row = new double[inputNames.size()];
            for (int c = 0, k = 0; c < cells.size(); c++) {
                double v;
                try {
                    v = Double.parseDouble(cells.get(c).trim());
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException(file + ":" + table.lines().get(r) + ": column '" + names.get(c)
                            + "' is not a number: '" + cells.get(c).trim() + "'", e);
                }
                if (c == target) {
                    ys[r] = v;
                } else if (c == weight) {
                    ws[r] = v;
                } else {
                    row[k++] = v;
                }
            }
            rows[r] = row;
        }
        return new CsvData(inputNames, rows, ys, ws);
    }
}
