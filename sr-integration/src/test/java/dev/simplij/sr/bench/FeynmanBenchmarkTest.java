package dev.simplij.sr.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;

class FeynmanBenchmarkTest {
    @Test
    void theDatabaseHas120EquationsDefinedOnTheirRanges() {
        List<Problem> all = FeynmanDatabase.equations();
        assertEquals(100, all.stream().filter(p -> p.suite().equals("feynman-full")).count());
        assertEquals(20, all.stream().filter(p -> p.suite().equals("feynman-bonus")).count());
        Set<String> names = new HashSet<>();
        for (Problem p : all) {
            assertTrue(names.add(p.name()), "duplicate " + p.name());
            double[] y = p.target(p.sample(FeynmanBenchmark.SUPPORT_POINTS, RandomSource.XO_RO_SHI_RO_128_PP.create(1L)));
            for (double v : y) {
                assertTrue(Double.isFinite(v), p.name() + " = " + p.formula() + " is undefined somewhere on its ranges");
            }
        }
        Problem gravity = all.stream().filter(p -> p.name().equals("test_9")).findFirst().orElseThrow();
        assertEquals("-32/5*G**4/c**5*(m1*m2)**2*(m1+m2)/r**5", gravity.formula(), "~ is the tables' unary minus");
        assertEquals(List.of("G", "c", "m1", "m2", "r"), gravity.inputs());
        Problem arcsin = all.stream().filter(p -> p.name().equals("I.26.2")).findFirst().orElseThrow();
        assertEquals(FeynmanDatabase.BASE_OPERATORS + ",asin", arcsin.operators());
    }

    @Test
    void aBadRowNamesTheTableTheLineAndTheEquation() {
        String header = "Filename,Formula,v1_name,v1_low,v1_high\n";
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class, () -> FeynmanDatabase.parse(
                new StringReader(header + "ok,x*2,x,1,5\nbad,x*y,x,1,5\n"), "t.csv", "s"));
        assertEquals("t.csv line 3 (bad): formula uses [y], not among its variables [x]", unknown.getMessage());
        IllegalArgumentException range = assertThrows(IllegalArgumentException.class, () -> FeynmanDatabase.parse(
                new StringReader(header + "r,x,x,5,one\n"), "t.csv", "s"));
        assertEquals("t.csv line 2 (r): range of x is not a number", range.getMessage());
    }

    @Test
    void wilsonIntervalMatchesPublishedValues() {
        // Wilson (1927); values as in Newcombe (1998), Table I: 0/10 -> 0 - 0.2775, 5/10 -> 0.2366 - 0.7634
        FeynmanBenchmark.Interval none = FeynmanBenchmark.wilson(0, 10, FeynmanBenchmark.Z95);
        assertEquals(0, none.low(), 1e-12);
        assertEquals(0.2775, none.high(), 1e-4);
        FeynmanBenchmark.Interval half = FeynmanBenchmark.wilson(5, 10, FeynmanBenchmark.Z95);
        assertEquals(0.2366, half.low(), 1e-4);
        assertEquals(0.7634, half.high(), 1e-4);
    }

    @Test
    void fvuIsZeroForTheTruthAndOneForTheMean() {
        double[] truth = {1, 2, 3, 4};
        assertEquals(0, FeynmanBenchmark.fvu(truth.clone(), truth));
        assertEquals(1, FeynmanBenchmark.fvu(new double[] {2.5, 2.5, 2.5, 2.5}, truth), 1e-15);
        assertEquals(Double.POSITIVE_INFINITY, FeynmanBenchmark.fvu(new double[] {1, Double.NaN, 3, 4}, truth));
    }

    @Test
    void aSampleIsSeededAndInTableOrder() {
        List<Problem> all = FeynmanDatabase.equations();
        List<Problem> a = FeynmanBenchmark.sample(all, 10, 1);
        assertEquals(10, a.size());
        assertEquals(a, FeynmanBenchmark.sample(all, 10, 1));
        assertTrue(!a.equals(FeynmanBenchmark.sample(all, 10, 2)));
        for (int i = 1; i < a.size(); i++) {
            assertTrue(all.indexOf(a.get(i)) > all.indexOf(a.get(i - 1)));
        }
    }
}
