package dev.simplij.sr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.simplij.expr.Expr;
import dev.simplij.sr.fit.Dataset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class UnitsTest {
    private static final List<String> INPUTS = List.of("m", "v", "t");
    private static final String ENERGY = "m=kg,v=m/s,t=s,E=kg*m^2/s^2";

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', value = {
            "m*v**2                      | true",
            "m*v*v/2                     | true",
            "<constant>*m*v**2           | true",
            "m*(v - <constant>*v)**2     | true",
            "m*v                         | false",
            "m*v**2 + m                  | false",
            "m*v**2 + <constant>         | false",
            "m*exp(v)                    | false",
            "m*v**2*exp(v*t/(v*t))       | true",
            "m*sqrt(v**4)                | true",
            "m*v**<constant>             | false",
            "<constant>                  | false",
    })
    void dimensionalConsistency(String expression, boolean consistent) {
        Units units = Units.parse(ENERGY, INPUTS, "E", false);
        assertEquals(consistent, units.consistent(Expr.parseInfix(expression)), expression);
    }

    @Test
    void constantsMayCarryUnitsWhenAsked() {
        Units units = Units.parse(ENERGY, INPUTS, "E", true);
        assertTrue(units.consistent(Expr.parseInfix("m*v**2 + <constant>")));
        assertTrue(units.consistent(Expr.parseInfix("<constant>")));
        assertTrue(units.consistent(Expr.parseInfix("<constant>*m")), "the constant takes m^2/s^2");
        assertFalse(units.consistent(Expr.parseInfix("m*v**2 + m")), "a constant cannot fix a sum of unlike columns");
    }

    @Test
    void aLeadingOneOverInvertsTheUnit() {
        Units units = Units.parse("m=1/s,v=s^-1,E=1", INPUTS, "E", false);
        assertTrue(units.consistent(Expr.parseInfix("m/v")));
        assertFalse(units.consistent(Expr.parseInfix("m*v")));
        assertEquals("unit 'm=1/': no unit after '=' and 1/",
                assertThrows(IllegalArgumentException.class, () -> Units.parse("m=1/", INPUTS, "E", false)).getMessage());
        assertEquals("unit 'm=': no unit after '='",
                assertThrows(IllegalArgumentException.class, () -> Units.parse("m=", INPUTS, "E", false)).getMessage());
    }

    @Test
    void badUnitsNameTheEntry() {
        IllegalArgumentException column = assertThrows(IllegalArgumentException.class,
                () -> Units.parse("q=kg", INPUTS, "E", false));
        assertEquals("unit 'q=kg': no column 'q' among [m, v, t] and the target E", column.getMessage());
        IllegalArgumentException unit = assertThrows(IllegalArgumentException.class,
                () -> Units.parse("v=m+s", INPUTS, "E", false));
        assertEquals("unit 'v=m+s': expected * or / at '+s'", unit.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Units.parse("v", INPUTS, "E", false));
    }

    /** Kinetic energy from mass and speed; with units, equations that are not energies pay the penalty. */
    @Test
    void theSearchPenalizesInconsistentEquationsAndSelectsAConsistentOne() {
        Dataset data = SearchTest.box(5, 60, INPUTS, 1, 2, r -> 0.5 * r[0] * r[1] * r[1]);
        Units units = Units.parse(ENERGY, INPUTS, "E", false);
        SymbolicRegression.Builder b = SymbolicRegression.builder().seed(2).populations(3).populationSize(20)
                .cyclesPerIteration(50).maxIterations(20);
        SearchResult with = b.units(units, 1000).build().fit(data);
        assertTrue(units.consistent(with.selected().expression()), with.selected().sympy());
        assertTrue(with.selected().loss() < 1e-20, with.selected().sympy());
        for (Equation e : with.front()) {
            if (!units.consistent(e.expression())) {
                assertTrue(e.loss() >= 1000 * data.targetVariance(), "penalty in the loss of " + e.sympy());
            }
        }
        SearchResult without = SymbolicRegression.builder().seed(2).populations(3).populationSize(20)
                .cyclesPerIteration(50).maxIterations(20).build().fit(data);
        assertTrue(without.front().stream().anyMatch(e -> !units.consistent(e.expression())
                        && e.loss() < data.targetVariance()), "without units, inconsistent equations compete: "
                + without.front());
    }
}
