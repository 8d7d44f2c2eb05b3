package dev.simplij.sr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.simplij.expr.Expr;
import dev.simplij.sr.fit.Dataset;
import dev.simplij.sr.fit.Loss;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** PySR's everyday features: losses, weights, nesting limits, guesses, warm start, several equations per complexity. */
class EverydayFeaturesTest {
    @TempDir
    Path dir;

    private static final List<String> X1_X2 = List.of("x1", "x2");

    /** 80 seeded points of (x1, x2) in [-3, 3]^2 and y = 2.5 sin(x1) + x2^2. */
    private static Dataset sinePlusSquare() {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(11L);
        double[][] x = new double[80][2];
        double[] y = new double[80];
        for (int i = 0; i < y.length; i++) {
            x[i][0] = rng.nextDouble(-3, 3);
            x[i][1] = rng.nextDouble(-3, 3);
            y[i] = 2.5 * Math.sin(x[i][0]) + x[i][1] * x[i][1];
        }
        return Dataset.of(x, y, X1_X2);
    }

    private static SymbolicRegression.Builder small() {
        return SymbolicRegression.builder().seed(3).populations(3).populationSize(20).cyclesPerIteration(50)
                .operators(OperatorSet.parse("+,-,*,sin"));
    }

    @Test
    void namedLossesHaveTheirTextbookValues() {
        double[] p = {0, 3};
        double[] t = {0.5, 0};
        assertEquals((0.25 + 9) / 2, Loss.parse("l2").loss(p, t), 1e-15);
        assertEquals((0.5 + 3) / 2, Loss.parse("l1").loss(p, t), 1e-15);
        assertEquals((0.5 * 0.25 + (3 - 0.5)) / 2, Loss.parse("huber").loss(p, t), 1e-15, "delta 1: quadratic, then linear");
        assertEquals((0.5 * 0.25 + 2 * (3 - 1)) / 2, Loss.parse("huber:2").loss(p, t), 1e-15);
        assertEquals((Math.log(Math.cosh(0.5)) + Math.log(Math.cosh(3))) / 2, Loss.parse("logcosh").loss(p, t), 1e-15);
        assertEquals(1000 - Math.log(2), Loss.logCosh().loss(new double[] {1000}, new double[] {0}), 1e-9, "no overflow");
        assertEquals((1 * 0.25 + 3 * 9) / 4, Loss.mse().loss(p, t, new double[] {1, 3}), 1e-15, "weighted mean");
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class, () -> Loss.parse("l3"));
        assertEquals("unknown loss 'l3': l2, l1, huber[:DELTA] or logcosh", unknown.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Loss.parse("huber:-1"));
    }

    @Test
    void aCustomLossDrivesTheSearch() {
        Dataset d = sinePlusSquare();
        Loss quartic = Loss.elementwise((p, t) -> Math.pow(p - t, 4));
        SearchResult r = small().loss(quartic).maxIterations(0).guesses("2*sin(x1) + x2*x2").build().fit(d);
        Equation best = r.mostAccurate();
        assertTrue(best.loss() < 1e-12, "the guess refitted under the custom loss: " + best.sympy() + " " + best.loss());
        double[] p = best.predict(new double[][] {{1, 1}});
        assertEquals(2.5 * Math.sin(1) + 1, p[0], 1e-3);
    }

    @Test
    void weightsDecideWhichRowsCount() {
        Dataset clean = sinePlusSquare();
        double[] y = clean.target();
        double[] w = new double[y.length];
        java.util.Arrays.fill(w, 1);
        for (int i = 0; i < y.length; i += 10) {
            y[i] += 50; // outliers, weighted 0
            w[i] = 0;
        }
        Dataset corrupted = clean.withTarget(y);
        SymbolicRegression sr = small().maxIterations(0).guesses("2*sin(x1) + x2*x2").build();
        double weighted = sr.fit(corrupted.withWeights(w)).mostAccurate().loss();
        double unweighted = sr.fit(corrupted).mostAccurate().loss();
        assertTrue(weighted < 1e-12, "outliers weighted 0 do not count: " + weighted);
        assertTrue(unweighted > 1, "they do without weights: " + unweighted);
        IllegalArgumentException whole = assertThrows(IllegalArgumentException.class, () -> small()
                .loss((p, t) -> 0).build().fit(corrupted.withWeights(w)));
        assertTrue(whole.getMessage().contains("takes none"), whole.getMessage());
        assertThrows(IllegalArgumentException.class, () -> corrupted.withWeights(new double[] {1}));
        IllegalArgumentException negative = assertThrows(IllegalArgumentException.class,
                () -> corrupted.withWeights(java.util.stream.DoubleStream.generate(() -> -1).limit(80).toArray()));
        assertEquals("weight at row 0 must be finite and >= 0, got -1.0", negative.getMessage());
    }

    @Test
    void nestingLimitsKeepSinOutOfSin() {
        Constraints c = Constraints.of(20, 8).nesting("sin:sin=0");
        assertFalse(c.admits(Expr.parseInfix("sin(x1 + sin(x2))"), 6));
        assertTrue(c.admits(Expr.parseInfix("sin(x1) + sin(x2)"), 6));
        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class, () -> c.nesting("sin>sin=0"));
        assertEquals("nesting limit 'sin>sin=0' is not outer:inner=N (as sin:sin=0)", bad.getMessage());
        assertThrows(IllegalArgumentException.class, () -> c.nesting("sin:sine=0"));
        SearchResult r = small().constraints(c).maxIterations(6).earlyStopFvu(-1).build().fit(sinePlusSquare());
        // the printed forms are checked for nesting alone: cleanup may fold them deeper than the search's limit
        Constraints nestingOnly = Constraints.of(1000, 1000).nesting("sin:sin=0");
        for (Equation e : r.hallOfFame()) {
            assertTrue(nestingOnly.admits(e.expression(), 0), "sin inside sin: " + e.sympy());
        }
        assertTrue(r.hallOfFame().stream().anyMatch(e -> e.sympy().contains("sin")), "sin is used, just not nested");
    }

    @Test
    void aGuessStartsTheSearch() {
        Dataset d = sinePlusSquare();
        SearchResult guessed = small().maxIterations(0).guesses("2.4*sin(x1) + x2**2").build().fit(d);
        SearchResult blind = small().maxIterations(0).build().fit(d);
        assertTrue(guessed.mostAccurate().loss() < 1e-20, guessed.front().toString());
        assertTrue(blind.mostAccurate().loss() > 1e-3, "no iterations: only the guess can explain this");
        assertEquals("x2**2 + 2.5*sin(x1)", guessed.mostAccurate().infix(4));
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> small().guesses("x3*2").build().fit(d));
        assertEquals("guess '2*x3' uses [x3], not among the inputs [x1, x2]", unknown.getMessage());
        assertThrows(IllegalArgumentException.class, () -> small().guesses("sin(("));
    }

    @Test
    void aWarmStartContinuesFromAnEarlierFront() throws Exception {
        Dataset d = sinePlusSquare();
        SearchResult first = small().maxIterations(8).earlyStopFvu(-1).build().fit(d);
        Path out = dir.resolve("front.csv");
        FrontFiles.writeCsv(first, out);
        List<Expr> earlier = FrontFiles.readEquations(out);
        assertEquals(first.front().size(), earlier.size());
        SearchResult resumed = small().seed(99).maxIterations(0).warmStart(earlier).build().fit(d);
        assertTrue(resumed.mostAccurate().loss() <= first.mostAccurate().loss() * (1 + 1e-9) + 1e-20,
                resumed.mostAccurate().loss() + " vs " + first.mostAccurate().loss());
        Files.writeString(out, FrontFiles.HEADER + "\n1,0,0,true,x,\"+ x\",x,x\n");
        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class, () -> FrontFiles.readEquations(out));
        assertTrue(bad.getMessage().startsWith(out + ":2: prefix '+ x' does not parse"), bad.getMessage());
    }

    @Test
    void severalEquationsPerComplexity() {
        SearchResult r = small().equationsPerComplexity(3).maxIterations(5).earlyStopFvu(-1).build().fit(sinePlusSquare());
        Map<Integer, Integer> perComplexity = new HashMap<>();
        for (Equation e : r.hallOfFame()) {
            perComplexity.merge(e.complexity(), 1, Integer::sum);
        }
        assertTrue(perComplexity.values().stream().allMatch(n -> n <= 3), perComplexity.toString());
        assertTrue(perComplexity.values().stream().anyMatch(n -> n >= 2), "alternatives kept: " + perComplexity);
        assertEquals(r.hallOfFame().size(), r.hallOfFame().stream().map(Equation::sympy).distinct().count(), "no repeats");
        for (Equation f : r.front()) {
            double bestAtComplexity = r.hallOfFame().stream().filter(e -> e.complexity() == f.complexity())
                    .mapToDouble(Equation::loss).min().orElseThrow();
            assertEquals(bestAtComplexity, f.loss(), "the front holds the best of each complexity");
        }
        SearchResult one = small().maxIterations(5).earlyStopFvu(-1).build().fit(sinePlusSquare());
        assertEquals(one.hallOfFame().size(), one.hallOfFame().stream().map(Equation::complexity).distinct().count(),
                "one per complexity by default");
    }

    @Test
    void hallOfFameKeepsTheBestDistinctFormsPerComplexity() {
        HallOfFame h = new HallOfFame(10, 2);
        Member a = member("x1 + x2", 3.0);
        assertTrue(h.offer(a));
        assertTrue(h.offer(member("x1*x2", 2.0)));
        assertFalse(h.offer(member("x1 - x2", 4.0)), "worse than both kept");
        assertTrue(h.offer(member("x1 - x2", 1.0)));
        assertFalse(h.offer(member("x1*x2", 2.5)), "the same form at a higher loss");
        assertEquals(List.of("x1 - x2", "x1*x2"), h.members().stream().map(m -> m.candidate().skeleton().toInfix()).toList());
        assertEquals(1, h.front().size());
    }

    private static Member member(String infix, double loss) {
        Expr e = Expr.parseInfix(infix);
        return new Member(new Candidate(e, new double[0]), loss, Complexity.nodeCount().of(e), 0);
    }
}
