package dev.simplij.sr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.simplij.expr.Evaluator;
import dev.simplij.expr.Expr;
import java.util.List;
import org.junit.jupiter.api.Test;

class ApiTest {
    @Test
    void equationPrintsEveryNotation() {
        Equation e = new Equation(Expr.parseInfix("<constant>*sin(x1) + y/<constant>"), new double[] {1.2345678, -0.5},
                List.of("x1", "y"), 7, 0.25, 1.5);
        assertEquals("-y/0.5 + 1.2345678*sin(x1)", e.sympy()); // SymPy's order: the symbol y before sin(x1)
        assertEquals("-y/0.5 + 1.23457*sin(x1)", e.infix());
        assertEquals("+ * 1.2345678 sin x1 / y -0.5", e.prefix());
        assertEquals("-\\frac{y}{0.5} + 1.235 \\sin{\\left(x_{1}\\right)}", e.latex());
        assertEquals(1.2345678 * Math.sin(2) + 3 / -0.5, e.predict(new double[][] {{2, 3}})[0], 1e-12);
        assertEquals(1.2345678 * Math.sin(2) + 3 / -0.5, e.evaluator().evaluate(new double[] {2, 3}), 1e-12);
        assertEquals(2, e.constants().length);
        assertEquals(e.evaluator().evaluate(new double[] {2, 3}),
                Evaluator.compile(Expr.parseInfix(e.sympy()), List.of("x1", "y")).evaluate(new double[] {2, 3}), 1e-12,
                "SymPy text reads back to the same value");
    }

    @Test
    void modelSelectionByName() {
        Equation a = new Equation(Expr.parseInfix("x"), new double[0], List.of("x"), 1, 10, 0);
        Equation b = new Equation(Expr.parseInfix("x*x"), new double[0], List.of("x"), 3, 0.1, Math.log(100) / 2);
        Equation c = new Equation(Expr.parseInfix("x*x + x*x*x*0"), new double[0], List.of("x"), 9, 0.099, 0.001);
        List<Equation> front = List.of(a, b, c);
        assertEquals(1, ModelSelection.parse("best").select(front), "within 1.5x of the best loss, highest score");
        assertEquals(2, ModelSelection.parse("accuracy").select(front));
        assertEquals(0, ModelSelection.parse("2").select(front));
        assertThrows(IllegalArgumentException.class, () -> ModelSelection.parse("cheapest"));
        List<Equation> scored = ModelSelection.score(front, 0);
        assertEquals(Math.log(100) / 2, scored.get(1).score(), 1e-12);
    }

    @Test
    void distillationFitsEachOutput() {
        SymbolicRegression sr = SymbolicRegression.builder().seed(1).populations(3).populationSize(25)
                .cyclesPerIteration(100).maxIterations(20).lossThreshold(1e-20).build();
        List<SearchResult> results = Distillation.distill(p -> new double[] {p[0] * p[1], p[0] + 2}, new double[] {-1, -1},
                new double[] {1, 1}, 50, List.of("a", "b"), sr, 3);
        assertEquals(2, results.size());
        for (SearchResult r : results) {
            assertTrue(r.mostAccurate().loss() < 1e-20, r.front().toString());
        }
        assertThrows(IllegalArgumentException.class, () -> Distillation.distill(p -> p, new double[1], new double[1], 5,
                List.of("a", "b"), sr, 1));
    }
}
