package dev.simplij.sr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.simplij.sr.fit.Dataset;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleUnaryOperator;
import java.util.function.ToDoubleFunction;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;

class SearchTest {
    /** 60 seeded points of x in [-2, 2] and y = f(x). */
    static double[][] points(long seed, DoubleUnaryOperator f, double[] y) {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
        double[][] x = new double[y.length][1];
        for (int i = 0; i < y.length; i++) {
            x[i][0] = rng.nextDouble(-2, 2);
            y[i] = f.applyAsDouble(x[i][0]);
        }
        return x;
    }

    /** A data set of {@code rows} seeded points in {@code [low, high]^names}, the target {@code f} of each row. */
    static Dataset box(long seed, int rows, List<String> names, double low, double high, ToDoubleFunction<double[]> f) {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
        double[][] x = new double[rows][names.size()];
        double[] y = new double[rows];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < names.size(); j++) {
                x[i][j] = rng.nextDouble(low, high);
            }
            y[i] = f.applyAsDouble(x[i]);
        }
        return Dataset.of(x, y, names);
    }

    private static SymbolicRegression.Builder small(long seed) {
        return SymbolicRegression.builder().seed(seed).populations(4).populationSize(30).cyclesPerIteration(100);
    }

    @Test
    void recoversAPolynomialWithConstants() {
        double[] y = new double[60];
        double[][] x = points(1, v -> 2.5 * v * v * v + v - 0.7, y);
        SearchResult r = small(3).maxIterations(40).lossThreshold(1e-20).build().fit(x, y, List.of("x"));
        Equation best = r.selected();
        assertNotNull(best);
        assertTrue(best.loss() < 1e-20, r.front().toString());
        assertEquals(StopReason.LOSS, r.stopReason());
        double[] p = best.predict(new double[][] {{3.0}});
        assertEquals(2.5 * 27 + 3 - 0.7, p[0], 1e-6, best.sympy());
    }

    @Test
    void recoversAnExponentialWhoseConstantIsFourteenOrdersOfMagnitudeFromOne() {
        // the Yukawa range factor exp(-r/a) with a = 1.4e-15 m, r in [5e-16, 5e-15]: the constant 1/a = 7.1e14
        // sits inside exp, where a start near 1 fits nothing (issue 19's constants far from 1)
        double a = 1.4e-15;
        Dataset d = box(7, 100, List.of("r"), 5e-16, 5e-15, row -> 3 * Math.exp(-row[0] / a));
        // the selection of PySR 1.x (parsimony 0, scaling 1040), for which this 10-iteration search was written: it
        // finds the form at all of seeds 1-10 with it and at 7 of 10 with the defaults, 0.0032 and 20 (README, "The
        // relativistic-mass regression"); what is tested here is the log-scale constants, on and off, over several
        // seeds (one seed alone is no comparison: which seeds fail moves whenever the rules change the normal
        // forms the search walks through)
        final int seeds = 5;
        int exactOn = 0;
        int exactOff = 0;
        StringBuilder fronts = new StringBuilder();
        for (long seed = 1; seed <= seeds; seed++) {
            SearchResult r = small(seed).operators(OperatorSet.parse("+,-,*,/,exp")).parsimony(0, 1040).maxIterations(10)
                    .build().fit(d);
            fronts.append("seed ").append(seed).append(": ").append(r.front()).append('\n');
            if (r.stopReason() == StopReason.EXACT) {
                exactOn++;
                Equation best = r.selected();
                double at = 6e-15;
                assertEquals(3 * Math.exp(-at / a), best.predict(new double[][] {{at}})[0], 1e-6 * 3 * Math.exp(-at / a),
                        best.sympy());
            }
            SearchResult off = small(seed).operators(OperatorSet.parse("+,-,*,/,exp")).parsimony(0, 1040).maxIterations(10)
                    .logScaleConstants(false).build().fit(d);
            fronts.append("  without log-scale constants: ").append(off.front()).append('\n');
            exactOff += off.stopReason() == StopReason.EXACT ? 1 : 0;
        }
        System.out.println("log-scale constants: exact at " + exactOn + " of " + seeds + " seeds, without: " + exactOff);
        assertEquals(seeds, exactOn, fronts.toString());
        assertTrue(exactOff < exactOn, fronts.toString());
    }

    @Test
    void singleThreadedRunsAreReproducible() {
        double[] y = new double[40];
        double[][] x = points(2, v -> v * v - Math.sin(v), y);
        SymbolicRegression sr = small(17).operators(OperatorSet.parse("+,-,*,sin")).maxIterations(3).build();
        SearchResult a = sr.fit(x, y, List.of("x"));
        SearchResult b = sr.fit(x, y, List.of("x"));
        assertEquals(strings(a), strings(b));
        assertEquals(a.stats().candidates(), b.stats().candidates());
        assertEquals(a.stats().evaluations(), b.stats().evaluations());
        SearchResult other = sr.toBuilder().seed(18).build().fit(x, y, List.of("x"));
        assertTrue(other.stats().evaluations() != a.stats().evaluations() || !strings(other).equals(strings(a)));
    }

    private static List<String> strings(SearchResult r) {
        List<String> s = new ArrayList<>();
        r.front().forEach(e -> s.add(e.complexity() + " " + e.loss() + " " + e.sympy()));
        return s;
    }

    /** The islands share the fitness cache only through settled iterations, so thread timing changes nothing. */
    @Test
    void runsAreReproducibleForAnyThreadCount() {
        double[] y = new double[40];
        double[][] x = points(9, v -> v * v * v - Math.sin(2 * v), y);
        SymbolicRegression sr = small(23).operators(OperatorSet.parse("+,-,*,sin")).maxIterations(4).earlyStopFvu(-1).build();
        SearchResult one = sr.fit(x, y, List.of("x"));
        for (int threads : new int[] {2, 3, 2}) {
            SearchResult many = sr.toBuilder().threads(threads).build().fit(x, y, List.of("x"));
            assertEquals(strings(one), strings(many), threads + " threads");
            assertEquals(one.stats().evaluations(), many.stats().evaluations(), threads + " threads");
            assertEquals(one.stats().cacheHits(), many.stats().cacheHits(), threads + " threads");
        }
    }

    @Test
    void stopsOnEachBudget() {
        double[] y = new double[40];
        double[][] x = points(3, v -> Math.exp(v) * v, y);
        SymbolicRegression.Builder b = small(1).operators(OperatorSet.parse("+,*,exp")).earlyStopFvu(-1);
        assertEquals(StopReason.ITERATIONS, b.maxIterations(2).build().fit(x, y, List.of("x")).stopReason());
        SearchResult timed = b.maxIterations(Long.MAX_VALUE).timeLimit(Duration.ofMillis(300)).build().fit(x, y, List.of("x"));
        assertEquals(StopReason.TIME, timed.stopReason());
        assertTrue(timed.elapsed().toMillis() < 5000, timed.elapsed().toString());
        int[] calls = new int[1];
        SearchResult listened = b.timeLimit(null).maxIterations(50).progress(p -> ++calls[0] < 2).build()
                .fit(x, y, List.of("x"));
        assertEquals(StopReason.LISTENER, listened.stopReason());
        assertEquals(2, calls[0]);
        assertEquals(2, listened.iterations());
    }

    @Test
    void frontIsParetoAndModelSelectionPicksFromIt() {
        double[] y = new double[50];
        double[][] x = points(4, v -> v * v * v - 2 * v, y);
        SearchResult r = small(5).maxIterations(15).build().fit(x, y, List.of("x"));
        List<Equation> front = r.front();
        for (int i = 1; i < front.size(); i++) {
            assertTrue(front.get(i).complexity() > front.get(i - 1).complexity());
            assertTrue(front.get(i).loss() < front.get(i - 1).loss());
        }
        assertEquals(front.size() - 1, ModelSelection.accuracy().select(front));
        int capped = ModelSelection.maxComplexity(3).select(front);
        assertTrue(front.get(capped).complexity() <= 3 || capped == 0);
    }

    @Test
    void seedZeroWorks() {
        double[] y = new double[30];
        double[][] x = points(0, v -> 2 * v, y);
        SearchResult r = small(0).maxIterations(3).earlyStopFvu(-1).build().fit(x, y, List.of("x"));
        assertEquals(StopReason.ITERATIONS, r.stopReason());
    }

    @Test
    void threadsProduceAValidFront() {
        double[] y = new double[40];
        double[][] x = points(6, v -> 3 * v + 1, y);
        SearchResult r = small(2).threads(2).maxIterations(5).build().fit(x, y, List.of("x"));
        assertTrue(r.mostAccurate().loss() < 1e-20, r.front().toString());
    }

    @Test
    void stopsOnceTheFitIsExactToRounding() {
        double[] y = new double[40];
        double[][] x = points(7, v -> 3 * v * v + 1, y);
        SymbolicRegression.Builder b = small(4).maxIterations(1000).timeLimit(Duration.ofSeconds(60));
        SearchResult exact = b.build().fit(x, y, List.of("x"));
        assertEquals(StopReason.EXACT, exact.stopReason());
        assertTrue(exact.iterations() < 1000, "stopped at iteration " + exact.iterations());
        assertTrue(exact.mostAccurate().loss() <= 0x1p-23 * variance(y), exact.front().toString());
        SearchResult never = b.earlyStopFvu(-1).maxIterations(exact.iterations() + 2).build().fit(x, y, List.of("x"));
        assertEquals(StopReason.ITERATIONS, never.stopReason());
    }

    @Test
    void aStopRequestEndsTheSearchAndKeepsTheFront() {
        double[] y = new double[40];
        double[][] x = points(8, v -> Math.exp(v) * v - Math.sin(v), y);
        StopRequest stop = new StopRequest();
        int[] calls = new int[1];
        SearchResult r = small(5).operators(OperatorSet.parse("+,-,*,sin")).maxIterations(1000).earlyStopFvu(-1)
                .stopRequest(stop).progress(p -> {
                    if (++calls[0] == 2) {
                        stop.request();
                    }
                    return true;
                }).build().fit(x, y, List.of("x"));
        assertEquals(StopReason.INTERRUPTED, r.stopReason());
        assertEquals(2, r.iterations());
        assertFalse(r.front().isEmpty());
        assertNotNull(r.selected());
    }

    private static double variance(double[] y) {
        double mean = java.util.Arrays.stream(y).average().orElse(0);
        return java.util.Arrays.stream(y).map(v -> (v - mean) * (v - mean)).average().orElse(0);
    }
}
