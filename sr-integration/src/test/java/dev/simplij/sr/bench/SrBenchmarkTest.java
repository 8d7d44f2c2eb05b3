package dev.simplij.sr.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.simplij.expr.Expr;
import dev.simplij.sr.Units;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;

class SrBenchmarkTest {
    @Test
    void suitesAreWellFormed() {
        assertEquals(8, Problems.nguyen().size());
        assertEquals(2, Problems.neuralOde().size());
        assertEquals(20, Problems.feynman().size());
        assertEquals(12, Problems.physics().size());
        Set<String> names = new HashSet<>();
        List<Problem> problems = new java.util.ArrayList<>(Problems.suite("all"));
        problems.addAll(Problems.suite("physics"));
        for (Problem p : problems) {
            assertTrue(names.add(p.name()), p.name());
            assertTrue(p.truth().variables().stream().allMatch(p.inputs()::contains), p.name());
            double[] y = p.target(p.sample(200, RandomSource.XO_RO_SHI_RO_128_PP.create(1L)));
            for (double v : y) {
                assertTrue(Double.isFinite(v), p.name() + " is undefined somewhere on its box");
            }
        }
    }

    @Test
    void physicsFormulasCarryConstantsFarFromOne() {
        for (Problem p : Problems.physics()) {
            double farthest = 0;
            Expr truth = p.truth();
            for (int i = 0; i < truth.size(); i++) {
                if (truth.kind(i) == dev.simplij.expr.NodeKind.NUMBER) {
                    farthest = Math.max(farthest, Math.abs(Math.log10(Math.abs(truth.number(i)))));
                }
            }
            assertTrue(farthest >= 8, p.name() + " has no constant 8 orders of magnitude from 1");
        }
    }

    @Test
    void truthSkeletonTurnsNumbersIntoConstants() {
        Problem p = Problems.suite("feynman").stream().filter(q -> q.name().equals("II.3.24")).findFirst().orElseThrow();
        Expr skeleton = SrBenchmark.truthSkeleton(p);
        assertTrue(skeleton.constantCount() >= 1, skeleton.toString());
        assertTrue(skeleton.toPrefix().indexOf("pi") < 0, skeleton.toString());
    }

    @Test
    void physicsUnitsMakeEachFormulaConsistentWithItsConstantsAsSymbols() {
        // each formula with G, c, h, kB, eps0, g (and Yukawa's k, r0) as symbols of known SI units instead of numbers
        String constants = "G=m^3*kg^-1*s^-2,c=m/s,h=kg*m^2/s,kB=kg*m^2*s^-2*K^-1,eps0=A^2*s^4*kg^-1*m^-3,g=m/s^2,"
                + "k=kg*m^3/s^2,r0=m";
        Map<String, String> symbolic = new HashMap<>();
        """
                newton: G*m1*m2/r**2
                coulomb: q1*q2/(4*pi*eps0*r**2)
                thermal-speed: sqrt(3*kB*T/m)
                lorentz-mass: m0/sqrt(1 - v**2/c**2)
                velocity-addition: (u + v)/(1 + u*v/c**2)
                aberration: (cos(t) - v/c)/(1 - v/c*cos(t))
                time-dilation: sqrt(1 - 2*G*M/(r*c**2))
                barometric: n0*exp(-m*g*z/(kB*T))
                yukawa: k*exp(-r/r0)/r
                planck: 2*h*f**3/c**2/(exp(h*f/(kB*T)) - 1)
                gw-power: -(32/5)*G**4/c**5*(m1*m2)**2*(m1 + m2)/r**5
                larmor: q**2*a**2/(6*pi*eps0*c**3)
                """.lines().forEach(line -> symbolic.put(line.substring(0, line.indexOf(':')), line.substring(line.indexOf(':') + 2)));
        List<String> names = List.of("G", "c", "h", "kB", "eps0", "g", "k", "r0");
        assertEquals(symbolic.keySet(), new HashSet<>(Problems.physics().stream().map(Problem::name).toList()));
        for (Problem p : Problems.physics()) {
            List<String> columns = new ArrayList<>(p.inputs());
            columns.addAll(names);
            String spec = Problems.unitSpec(p) + "," + constants;
            Expr formula = Expr.parseInfix(symbolic.get(p.name()));
            assertTrue(Units.parse(spec, columns, Problems.TARGET, false).consistent(formula), p.name());
            // the same formula is inconsistent when the target's unit is another (no target is in seconds)
            String wrongTarget = spec.replaceAll("(^|,)y=[^,]*", "$1y=s");
            assertFalse(Units.parse(wrongTarget, columns, Problems.TARGET, false).consistent(formula), p.name());
            // the search's own units (constants free to carry units) admit the formula's skeleton
            assertTrue(Problems.units(p).consistent(SrBenchmark.truthSkeleton(p)), p.name());
        }
        assertThrows(IllegalArgumentException.class, () -> Problems.units(Problems.feynman().get(0)));
        assertThrows(IllegalArgumentException.class, () -> SrBenchmark.builder().suite("feynman").units(true).build());
    }

    @Test
    void smallSeededRunsRecoverEasyProblems() {
        for (Problem p : List.of(Problems.neuralOde().get(0), Problems.feynman().get(2))) {
            SrBenchmark.Outcome o = SrBenchmark.solve(p, true, null, new SrBenchmark.Budget(30, Double.POSITIVE_INFINITY), 1, 3, 60);
            assertTrue(o.recovered(), p.name() + ": " + o.result().front());
        }
    }

    @Test
    void spreadIsMedianAndRangeWithUnrecoveredRunsAboveTheBudget() {
        assertEquals("2.0 [1.0 - 5.0]", SrBenchmark.spread(new double[] {5, 1, 2}, "%.1f"));
        assertEquals("3.5 [1.0 - > budget]", SrBenchmark.spread(new double[] {1, 3, 4, Double.POSITIVE_INFINITY}, "%.1f"));
        assertEquals("> budget [1.0 - > budget]",
                SrBenchmark.spread(new double[] {1, Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY}, "%.1f"));
        assertEquals("7", SrBenchmark.spread(new double[] {7, 7}, "%.0f"));
    }

    @Test
    void onlyKeepsTheSuitesOrderAndRefusesANameNotInIt() {
        assertEquals(List.of("Nguyen-2", "Nguyen-8"),
                SrBenchmark.only(Problems.suite("nguyen"), List.of("Nguyen-8", "Nguyen-2")).stream().map(Problem::name).toList());
        IllegalArgumentException miscased = assertThrows(IllegalArgumentException.class,
                () -> SrBenchmark.only(Problems.suite("nguyen"), List.of("nguyen-1")));
        assertTrue(miscased.getMessage().startsWith("--only: no problem 'nguyen-1' in this suite; valid names: Nguyen-1, "),
                miscased.getMessage());
    }

    @Test
    void theProblemListNamesEverySuite() {
        String list = SrBenchmark.problemList();
        assertTrue(list.startsWith("  nguyen   Nguyen-1, Nguyen-2,") && list.contains("\n  node     dx/dt, dy/dt\n")
                && list.contains("\n  feynman  I.6.2a, ") && list.contains("\n  feynman-full  120 equations, "), list);
        assertTrue(list.lines().allMatch(l -> l.length() <= SrBenchmark.PROBLEM_LIST_WIDTH), list);
        assertTrue(list.contains("\n           I.") && list.contains(" II.38.14\n"),
                "the Feynman names go on over more lines, aligned: " + list);
    }
}
