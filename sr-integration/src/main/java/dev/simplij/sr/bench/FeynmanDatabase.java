package dev.simplij.sr.bench;

import dev.simplij.expr.Expr;
import dev.simplij.sr.data.Csv;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The 100 + 20 equations of the AI Feynman database (Udrescu and Tegmark, 2020) with their variable
 * ranges, read from the tables stored as resources (provenance in {@code SOURCE.md} next to them).
 */
final class FeynmanDatabase {
    static final String FEYNMAN = "FeynmanEquations.csv";
    static final String BONUS = "BonusEquations.csv";
    /** Operators every equation may use; an equation needing {@code tanh}, {@code asin} or {@code acos} gets it too. */
    static final String BASE_OPERATORS = "+,-,*,/,sqrt,exp,log,sin,cos";
    private static final List<String> EXTRA_OPERATORS = List.of("tanh", "asin", "acos");
    private static final int MAX_VARIABLES = 10;

    private FeynmanDatabase() {
    }

    /** The 120 equations: the Feynman table, then the bonus table. */
    static List<Problem> equations() {
        List<Problem> all = new ArrayList<>(read(FEYNMAN, "feynman-full"));
        all.addAll(read(BONUS, "feynman-bonus"));
        return all;
    }

    private static List<Problem> read(String resource, String suite) {
        try (InputStream in = FeynmanDatabase.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("resource " + resource + " is missing from the classpath");
            }
            return parse(new InputStreamReader(in, StandardCharsets.UTF_8), resource, suite);
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + resource, e);
        }
    }

    /**
     * The equations of one table. A row whose formula does not parse, names a symbol that is not one
     * of its variables, or has a range that is not {@code low <= high} is an error naming the table,
     * the line and the equation.
     */
    static List<Problem> parse(Reader reader, String where, String suite) throws IOException {
        Csv.Table table = Csv.read(reader, where);
        int nameColumn = table.column("Filename", Path.of(where));
        int formulaColumn = table.column("Formula", Path.of(where));
        List<Problem> problems = new ArrayList<>();
        for (int r = 0; r < table.rows().size(); r++) {
            List<String> row = table.rows().get(r);
            String name = row.get(nameColumn);
            String at = where + " line " + table.lines().get(r) + " (" + name + "): ";
            String formula = row.get(formulaColumn).replace('~', '-');
            List<String> inputs = new ArrayList<>();
            List<double[]> ranges = new ArrayList<>();
            for (int v = 1; v <= MAX_VARIABLES && table.header().contains("v" + v + "_name"); v++) {
                String variable = row.get(table.header().indexOf("v" + v + "_name")).trim();
                if (variable.isEmpty()) {
                    break;
                }
                double low;
                double high;
                try {
                    low = Double.parseDouble(row.get(table.header().indexOf("v" + v + "_low")));
                    high = Double.parseDouble(row.get(table.header().indexOf("v" + v + "_high")));
                } catch (NumberFormatException | IndexOutOfBoundsException e) {
                    throw new IllegalArgumentException(at + "range of " + variable + " is not a number", e);
                }
                if (!(low <= high)) {
                    throw new IllegalArgumentException(at + "range of " + variable + " is [" + low + ", " + high + "]");
                }
                String usable = usableName(variable);
                if (!usable.equals(variable)) {
                    formula = formula.replaceAll("\\b" + Pattern.quote(variable) + "\\b", Matcher.quoteReplacement(usable));
                }
                inputs.add(usable);
                ranges.add(new double[] {low, high});
            }
            Expr truth;
            try {
                truth = Expr.parseInfix(formula);
            } catch (RuntimeException e) {
                throw new IllegalArgumentException(at + "formula '" + formula + "' does not parse: " + e.getMessage(), e);
            }
            Set<String> unknown = new LinkedHashSet<>(truth.variables());
            unknown.removeAll(inputs);
            if (!unknown.isEmpty()) {
                throw new IllegalArgumentException(at + "formula uses " + unknown + ", not among its variables " + inputs);
            }
            double[] low = ranges.stream().mapToDouble(range -> range[0]).toArray();
            double[] high = ranges.stream().mapToDouble(range -> range[1]).toArray();
            problems.add(new Problem(suite, name, formula, List.copyOf(inputs), low, high, operators(truth)));
        }
        return problems;
    }

    /**
     * The variable's name, or with {@code _} appended where SimpliJ's parser reads it as something else
     * (SymPy's names: {@code I} is the imaginary unit, {@code E} Euler's number).
     */
    static String usableName(String variable) {
        try {
            Expr e = Expr.parseInfix(variable);
            if (e.size() == 1 && variable.equals(e.variables().isEmpty() ? null : e.variables().get(0))) {
                return variable;
            }
        } catch (RuntimeException reserved) {
            // fall through: renamed below
        }
        return variable + "_";
    }

    /** The base operators plus the extra unary functions the formula uses. */
    private static String operators(Expr truth) {
        StringBuilder ops = new StringBuilder(BASE_OPERATORS);
        for (String extra : EXTRA_OPERATORS) {
            for (int i = 0; i < truth.size(); i++) {
                if (truth.operator(i) != null && truth.operator(i).token().equals(extra)) {
                    ops.append(',').append(extra);
                    break;
                }
            }
        }
        return ops.toString();
    }
}
