package dev.simplij.compat;

import dev.simplij.bench.Corpus;
import dev.simplij.bench.CorpusRow;
import dev.simplij.bench.SympyWorker;
import dev.simplij.bench.ValueCheck;
import dev.simplij.expr.Evaluator;
import dev.simplij.expr.Expr;
import dev.simplij.simplify.Simplifier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Feeds SimpliJ's printed infix back to SymPy (one long-lived Python process for the whole class)
 * and checks that SymPy reads it as an expression with the input's value, at seeded points where the
 * input is defined. Aborted, with a message saying so, when Python or SymPy is missing.
 */
class SympyReadsSimplijTest {
    /** Points per row; SymPy evaluates at 30 digits, which is what costs time here. */
    private static final int POINTS = 2;
    private static SympyWorker sympy;
    private static String unavailable;

    private final Simplifier simplifier = Simplifier.standard();

    @BeforeAll
    static void startSympy() {
        String python = SympyWorker.defaultPython();
        try {
            sympy = SympyWorker.start(python);
        } catch (IOException e) {
            unavailable = e.getMessage();
            System.out.println("SKIPPED: SimpliJ infix read back by SymPy: no SymPy (" + unavailable + ")");
        }
    }

    @AfterAll
    static void stopSympy() {
        if (sympy != null) {
            sympy.close();
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {GoldenCorpora.RANDOM, GoldenCorpora.IDENTITIES})
    void sympyReadsEveryResultWithTheInputsValue(String file) throws IOException {
        readBack(file, "results", simplifier::simplify, 1);
    }

    /**
     * The printer on trees as they come, not simplified: nested sums and products in any grouping and
     * order, which it prints flat and reordered (every fourth input of the random corpus).
     */
    @Test
    void sympyReadsPrintedInputsWithTheirValue() throws IOException {
        readBack(GoldenCorpora.RANDOM, "inputs", UnaryOperator.identity(), 4);
    }

    /** Prints {@code printed(input)} of every {@code stride}-th row and has SymPy evaluate the text. */
    private void readBack(String file, String what, UnaryOperator<Expr> printed, int stride) throws IOException {
        if (sympy == null) {
            Assumptions.abort("SKIPPED: SymPy read-back of " + file + " needs python3 with sympy: " + unavailable);
        }
        Corpus corpus = GoldenCorpora.load(file);
        ValueCheck points = new ValueCheck(POINTS, 64);
        List<String> failures = new ArrayList<>();
        int compared = 0;
        int timedOut = 0;
        int index = 0;
        for (CorpusRow row : corpus.rows()) {
            if (index++ % stride != 0) {
                continue;
            }
            Expr input = row.input();
            Expr output = printed.apply(input);
            List<String> columns = ValueCheck.columns(input, output);
            long seed = ValueCheck.rowSeed(GoldenCorpora.SEED, row.id());
            List<double[]> defined = points.definedPoints(input, columns, seed);
            if (defined.isEmpty()) {
                continue;
            }
            List<Map<String, Double>> named = new ArrayList<>();
            for (double[] p : defined) {
                Map<String, Double> m = new LinkedHashMap<>();
                for (int c = 0; c < columns.size(); c++) {
                    m.put(columns.get(c), p[c]);
                }
                named.add(m);
            }
            String infix = output.toInfix();
            List<SympyWorker.Reading> theirs = sympy.evaluate(infix, named);
            Evaluator in = Evaluator.compile(input, columns);
            for (int i = 0; i < defined.size(); i++) {
                if (theirs.get(i).timedOut()) {
                    timedOut++;
                    continue;
                }
                double expected = in.evaluate(defined.get(i));
                double actual = theirs.get(i).value();
                compared++;
                if (!ValueCheck.close(input, columns, defined.get(i), expected, actual)) {
                    failures.add(String.format(Locale.ROOT, "%s -> '%s': SymPy reads %s at %s, input is %s (seed %d, "
                                    + "row seed %d)", GoldenCorpusTest.describe(row), infix, actual, named.get(i), expected,
                            GoldenCorpora.SEED, seed));
                    break;
                }
            }
        }
        System.out.printf(Locale.ROOT, "%s, %s: SymPy %s read back SimpliJ's infix at %d points (%d more timed out in evalf)%n",
                file, what, sympy.sympyVersion(), compared, timedOut);
        assertTrue(compared > 0, "no point compared");
        GoldenCorpusTest.report(file + ", " + what + ": SimpliJ infix that SymPy reads with another value", failures);
    }
}
