package dev.simplij.rulesets;

import dev.simplij.expr.Evaluator;
import dev.simplij.expr.Expr;
import dev.simplij.expr.NodeKind;
import dev.simplij.expr.Operator;
import dev.simplij.simplify.Simplifier;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.ListSampler;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Completeness of the shipped default rules as a tested property: every textbook identity of
 * {@code identities.tsv} (trigonometric, hyperbolic, exponential and logarithmic, powers and roots,
 * inverse functions on their domains) is reduced by {@link Simplifier#standard()} to its short side,
 * or is a listed finding (true, shorter, not in the rules), or is unsound with the reason why.
 *
 * <p>The default build checks a seeded slice of {@link #SLICE} rows; {@code -Didentities=all} (or
 * {@code mvn -P completeness}) checks every row. Values are compared in doubles at seeded points.
 */
class TextbookIdentitiesTest {
    static final int SLICE = 40;
    static final long SEED = 20261207L;
    private static final List<String> VARIABLES = List.of("x1", "x2");
    private static final Simplifier SIMPLIFIER = Simplifier.standard();
    private static final double[][] POINTS = points(64, SEED);

    /** One line of the table. */
    record Row(int line, String expectation, String family, String longSide, String shortSide, String reason) {
        @Override
        public String toString() {
            return "line " + line + ": " + expectation + " " + longSide + " -> " + shortSide;
        }
    }

    static List<Row> table() {
        List<Row> rows = new ArrayList<>();
        try (InputStream in = TextbookIdentitiesTest.class.getClassLoader().getResourceAsStream("identities.tsv");
             BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            int number = 0;
            while ((line = r.readLine()) != null) {
                number++;
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split("\t", -1);
                rows.add(new Row(number, f[0], f[1], f[2], f[3], f.length > 4 ? f[4] : ""));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rows;
    }

    /** Every row with {@code -Didentities=all}, else a seeded slice in table order. */
    static List<Row> selected() {
        List<Row> rows = table();
        if ("all".equals(System.getProperty("identities"))) {
            return rows;
        }
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(SEED);
        List<Row> shuffled = new ArrayList<>(rows);
        ListSampler.shuffle(rng, shuffled);
        List<Row> slice = new ArrayList<>(shuffled.subList(0, Math.min(SLICE, shuffled.size())));
        slice.sort(Comparator.comparingInt(Row::line));
        return slice;
    }

    /** Half the points in [-1, 1]^2 (the inverse functions' domain), half in [-4, 4]^2. */
    private static double[][] points(int count, long seed) {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
        double[][] points = new double[count][VARIABLES.size()];
        for (int i = 0; i < count; i++) {
            double scale = i % 2 == 0 ? 1 : 4;
            for (int j = 0; j < VARIABLES.size(); j++) {
                points[i][j] = (2 * rng.nextDouble() - 1) * scale;
            }
        }
        return points;
    }

    private static double[] values(Expr e) {
        Evaluator evaluator = Evaluator.compile(e, VARIABLES);
        double[] v = new double[POINTS.length];
        for (int i = 0; i < POINTS.length; i++) {
            v[i] = evaluator.evaluate(POINTS[i]);
        }
        return v;
    }

    private static boolean close(double a, double b) {
        return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.max(Math.abs(a), Math.abs(b)));
    }

    /**
     * The first point where {@code lhs} is defined and {@code rhs} is undefined or different, or -1;
     * {@code lhs} must be defined at 8 points or more.
     */
    private static int counterexample(Expr lhs, Expr rhs) {
        double[] l = values(lhs);
        double[] r = values(rhs);
        int defined = 0;
        for (int i = 0; i < l.length; i++) {
            if (Double.isNaN(l[i])) {
                continue;
            }
            defined++;
            if (Double.isNaN(r[i]) || !close(l[i], r[i])) {
                return i;
            }
        }
        assertTrue(defined >= 8, lhs.toInfix() + " is defined at only " + defined + " of the points");
        return -1;
    }

    @Test
    void theTableHasSixtyIdentitiesOverTheWholeOperatorTable() {
        List<Row> rows = table();
        assertTrue(rows.size() >= 60, rows.size() + " rows");
        Set<Operator> seen = EnumSet.noneOf(Operator.class);
        for (Row row : rows) {
            assertTrue(Set.of("reduces", "missing", "unsound").contains(row.expectation()), row.toString());
            assertTrue(row.expectation().equals("reduces") || !row.reason().isBlank(), row + ": says why");
            for (String side : List.of(row.longSide(), row.shortSide())) {
                Expr e = Expr.parseInfix(side);
                for (int i = 0; i < e.size(); i++) {
                    if (e.kind(i) == NodeKind.OPERATOR) {
                        seen.add(e.operator(i));
                    }
                }
            }
        }
        assertEquals(EnumSet.allOf(Operator.class), seen, "operators without an identity");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("selected")
    void holdsAsListed(Row row) {
        Expr lhs = Expr.parseInfix(row.longSide());
        Expr rhs = Expr.parseInfix(row.shortSide());
        Expr out = SIMPLIFIER.simplify(lhs);
        switch (row.expectation()) {
            case "reduces" -> {
                assertTrue(out.size() <= rhs.size(), row + ": simplified to " + out.toInfix());
                assertEquals(-1, counterexample(lhs, out), row + ": the result " + out.toInfix() + " differs");
            }
            case "missing" -> {
                assertTrue(rhs.size() < lhs.size(), row + ": the short side is not shorter");
                assertEquals(-1, counterexample(lhs, rhs), row + ": not an identity");
                assertTrue(out.size() > rhs.size(), row + ": now reduced to " + out.toInfix()
                        + ": move the row to 'reduces'");
            }
            case "unsound" -> {
                int at = counterexample(lhs, rhs);
                assertTrue(at >= 0, row + ": holds at every point, so the reason '" + row.reason() + "' is wrong");
                assertNotEquals(SIMPLIFIER.simplify(rhs), out, row + ": the simplifier produced the false side");
            }
            default -> throw new AssertionError(row + ": unknown expectation");
        }
    }
}
