package dev.simplij.sr.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.simplij.expr.Expr;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DecontaminatorTest {
    /** One test formula written five ways, including forms no rule brings to the same skeleton. */
    static final List<String> FORMS = List.of(
            "2.5*x1*sin(x2)**2",
            "sin(x2)**2*x1*2.5",
            "x1*(sin(x2)*sin(x2))/0.4",
            "2.5*x1*(1 - cos(x2)**2)",
            "1.25*x1*(1 - cos(2*x2))");

    /**
     * Skeletons a generator may produce for that formula: its own family written other ways, and
     * one family with one more constant (within decontamination.extraConstants).
     */
    static final List<String> GENERATED = List.of(
            "<constant>*x1*sin(x2)**2",
            "x1*sin(x2)**2/<constant>",
            "<constant>*x1*(1 - cos(x2)**2)",
            "<constant>*x1*(1 - cos(2*x2))",
            "<constant>*x1 - <constant>*x1*cos(x2)**2");

    private static final GeneratorConfig CONFIG = GeneratorConfig.defaults();

    private static Decontaminator decontaminator(List<String> formulas) {
        return Decontaminator.of(formulas, "test", TestSupport.skeletonSimplifier(), CONFIG);
    }

    @Test
    void everyFormOfTheTestFormulaCatchesEveryGeneratedForm() {
        for (String form : FORMS) {
            Decontaminator d = decontaminator(List.of(form));
            for (String generated : GENERATED) {
                Expr g = TestSupport.skeletonSimplifier().normalize(Expr.parseInfix(generated));
                assertNotNull(d.match(g), "test formula " + form + " should catch generated " + generated + " (" + g + ")");
            }
        }
    }

    @Test
    void othersAreLeftAlone() {
        Decontaminator d = decontaminator(FORMS);
        // Other functions, and wider families that contain the formula only as a special case.
        for (String other : List.of("<constant>*x1*sin(x2)", "<constant>*x2*sin(x1)**2", "x1*sin(x2)**2 + x1",
                "<constant>*x1*cos(x2)**2", "<constant>*x1*sin(x2)**2*x3", "<constant>*x1*sin(x2)**2 + <constant>",
                "<constant>*x1*sin(x2)**2*tanh(<constant> + x1)")) {
            Expr g = TestSupport.skeletonSimplifier().normalize(Expr.parseInfix(other));
            assertNull(d.match(g), other + " is not the test formula");
        }
    }

    @Test
    void limitsAndSpecialCasesOfWiderFamiliesAreNotMatches() {
        Decontaminator d = decontaminator(List.of("3*x1*x2"));
        for (String equivalent : List.of("<constant>*x1/(<constant>/x2)", "x1*x2/<constant>", "<constant>*(x1 + x1)*x2")) {
            assertNotNull(d.match(TestSupport.skeletonSimplifier().normalize(Expr.parseInfix(equivalent))), equivalent);
        }
        // tan(c/x2) ~ c/x2 as c -> 0; tanh saturates; an additive constant can fit to zero.
        for (String wider : List.of("<constant>*x1/tan(<constant>/x2)", "<constant>*x1*x2*tanh(<constant> + x1)",
                "<constant>*x1*x2 + <constant>", "<constant>*x1*x2 + <constant>*x1")) {
            assertNull(d.match(TestSupport.skeletonSimplifier().normalize(Expr.parseInfix(wider))), wider);
        }
    }

    /** A formula short skeletons often equal: c*x1*x2, in forms the rules may or may not unify. */
    static final List<String> PRODUCT_FORMS = List.of("3*x1*x2", "x2*x1*3", "(x1*x2 + x1*x2)*1.5", "3*x1/(1/x2)",
            "exp(log(3*x1*x2))", "sqrt(9*x1**2*x2**2)");

    @Test
    void generationDropsTheTestFormulaInEveryForm(@TempDir Path dir) throws IOException {
        GeneratorConfig config = GeneratorConfig.defaults().with("seed", "21").with("operators.max", "3")
                .with("variables.min", "2").with("variables.max", "2")
                .with("operators.weights", "* 4, / 2, + 2, - 1, pow2 1, sin 1, exp 1").with("points.enabled", "false");
        int count = 400;
        Decontaminator probe = decontaminator(List.of(PRODUCT_FORMS.get(0)));
        GenerationStats clean = new DatasetGenerator(config, TestSupport.skeletonSimplifier(), null)
                .run(count, dir.resolve("clean"), 10_000_000, null);
        long inFamily = TestSupport.records(dir.resolve("clean")).stream()
                .filter(r -> probe.match(Expr.parsePrefix((String) r.get("prefix"))) != null).count();
        assertTrue(inFamily > 0, "without a test set the family is generated: " + clean.summary());
        for (int f = 0; f < PRODUCT_FORMS.size(); f++) {
            String form = PRODUCT_FORMS.get(f);
            Path csv = dir.resolve("test" + f + ".csv");
            Files.writeString(csv, "name,formula\nother,x1 + sin(x2)\nproduct,\"" + form + "\"\n");
            Decontaminator d = Decontaminator.fromCsv(csv, TestSupport.skeletonSimplifier(), config);
            Path out = dir.resolve("run" + f);
            GenerationStats stats = new DatasetGenerator(config, TestSupport.skeletonSimplifier(), d).run(count, out, 10_000_000, null);
            assertEquals(count, stats.written());
            assertTrue(stats.matchesByTestRow().getOrDefault(2, 0L) > 0, form + ": " + stats.summary());
            assertEquals(form, stats.testFormula(2));
            for (Map<String, Object> r : TestSupport.records(out)) {
                Expr e = Expr.parsePrefix((String) r.get("prefix"));
                assertNull(probe.match(e), "test formula " + form + " let " + e + " through");
            }
        }
    }
}
