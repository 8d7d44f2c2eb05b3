package dev.simplij.sr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.simplij.expr.Expr;
import dev.simplij.sr.fit.ConstantFitter;
import dev.simplij.sr.fit.Dataset;
import dev.simplij.sr.fit.FitResult;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;

class NormalizationTest {
    private static final List<String> XY = List.of("x", "y");

    private static double[][] box(UniformRandomProvider rng, int n) {
        double[][] p = new double[n][2];
        for (double[] row : p) {
            row[0] = rng.nextDouble(0.2, 2);
            row[1] = rng.nextDouble(0.2, 2);
        }
        return p;
    }

    /**
     * The property the search's soundness rests on: the canonical skeleton can express whatever the
     * raw one expresses. Data made by a random skeleton with random constants is fitted exactly by
     * its canonical form (allowing a few optimizer misses, which are not systematic).
     */
    @Test
    void canonicalSkeletonsFitWhatTheRawOnesMake() {
        Normalizer normalizer = SimplifierNormalizer.standard();
        Mutator mutator = new Mutator(OperatorSet.parse("+,-,*,/,exp,sin"), XY);
        ConstantFitter fitter = ConstantFitter.builder().restarts(8).maxIterations(200).build();
        List<String> misses = new ArrayList<>();
        int tried = 0;
        for (long seed = 0; tried < 60; seed++) {
            UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
            Candidate raw = mutator.randomTree(1 + rng.nextInt(4), rng);
            double[][] x = box(rng, 40);
            Dataset inputs = Dataset.of(x, new double[40], XY);
            double[] y = inputs.predict(inputs.compile(raw.skeleton()), raw.constants());
            boolean finite = true;
            for (double v : y) {
                finite &= Double.isFinite(v) && Math.abs(v) < 1e6;
            }
            if (!finite) {
                continue;
            }
            tried++;
            Dataset d = Dataset.of(x, y, XY);
            Expr canonical = normalizer.normalize(raw.skeleton());
            FitResult r = fitter.fit(canonical, d, null, rng);
            if (!(r.loss() <= 1e-12 * Math.max(1, d.targetVariance()))) {
                misses.add("seed " + seed + ": " + raw + " -> " + canonical + " loss " + r.loss());
            }
        }
        assertTrue(misses.size() <= 6, String.join("\n", misses));
    }

    @Test
    void switchTurnsNormalizationOff() {
        double[] y = new double[40];
        double[][] x = SearchTest.points(7, v -> v * v + 1, y);
        SymbolicRegression.Builder b = SymbolicRegression.builder().seed(4).populations(3).populationSize(25)
                .cyclesPerIteration(100).maxIterations(4);
        SearchResult on = b.build().fit(x, y, List.of("x"));
        SearchResult off = b.normalization(false).build().fit(x, y, List.of("x"));
        assertTrue(on.stats().changedByNormalization() > 0, on.stats().toString());
        assertEquals(0, off.stats().changedByNormalization());
        assertEquals(0, off.stats().normalizationSeconds());
        assertTrue(on.stats().cacheHits() > 0);
    }

    @Test
    void hallOfFameHoldsDistinctCanonicalForms() {
        double[] y = new double[40];
        double[][] x = SearchTest.points(8, v -> Math.sin(v) * v, y);
        SearchResult r = SymbolicRegression.builder().seed(2).populations(3).populationSize(25).cyclesPerIteration(100)
                .operators(OperatorSet.parse("+,*,-,sin")).maxIterations(4).build().fit(x, y, List.of("x"));
        Set<Expr> skeletons = new HashSet<>();
        for (Equation e : r.front()) {
            assertTrue(skeletons.add(e.skeleton()), e.skeleton().toString());
            assertEquals(e.skeleton(), SimplifierNormalizer.standard().normalize(e.skeleton()), "canonical: " + e.skeleton());
        }
    }

    @Test
    void cacheIsBoundedAndCountsHits() {
        FitnessCache cache = new FitnessCache(32);
        FitnessCache.View island = cache.view();
        for (int i = 0; i < 200; i++) {
            island.offer(Expr.parseInfix("x + " + i), new FitnessCache.Fitness(new double[0], i));
        }
        cache.settle(List.of(island));
        assertEquals(32, cache.size());
        Expr last = Expr.parseInfix("x + 199");
        assertEquals(199, island.get(last).loss());
        assertEquals(1, cache.hits());
        island.offer(last, new FitnessCache.Fitness(new double[0], 500));
        assertEquals(199, island.get(last).loss(), "a worse fit does not replace a better one");
        assertEquals(null, island.get(Expr.parseInfix("x + 0")), "the least recently used went first");
        FitnessCache off = new FitnessCache(0);
        off.view().offer(last, new FitnessCache.Fitness(new double[0], 1));
        assertEquals(null, off.view().get(last));
    }

    @Test
    void islandsSeeOnlySettledEntriesAndTheirOwn() {
        FitnessCache cache = new FitnessCache(10);
        FitnessCache.View first = cache.view();
        FitnessCache.View second = cache.view();
        Expr x = Expr.parseInfix("x*<constant>");
        first.offer(x, new FitnessCache.Fitness(new double[] {1}, 3));
        assertEquals(3, first.get(x).loss());
        assertEquals(null, second.get(x), "not settled yet: what another island fitted this iteration is not seen");
        second.offer(x, new FitnessCache.Fitness(new double[] {2}, 2));
        cache.settle(List.of(first, second));
        assertEquals(2, first.get(x).loss(), "the better fit is kept, whichever island came first");
    }
}
