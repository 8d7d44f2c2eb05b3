package dev.simplij.sr.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.simplij.expr.Expr;
import dev.simplij.sr.fit.ConstantFitter;
import dev.simplij.sr.fit.Dataset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;

class CandidateRankerTest {
    /** y = 2.5 x1 sin(x2) + 0.7, with 1% noise. */
    private static Dataset data(long seed) {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
        ZigguratSampler.NormalizedGaussian noise = ZigguratSampler.NormalizedGaussian.of(rng);
        int n = 200;
        double[][] x = new double[n][2];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i][0] = -3 + 6 * rng.nextDouble();
            x[i][1] = -3 + 6 * rng.nextDouble();
            y[i] = 2.5 * x[i][0] * Math.sin(x[i][1]) + 0.7;
            y[i] += 0.01 * Math.abs(y[i]) * noise.sample();
        }
        return Dataset.of(x, y, List.of("x1", "x2"));
    }

    @Test
    void recoversTheTrueFormulaAmongNoisyCandidates() {
        long seed = 31L;
        List<String> candidates = new ArrayList<>(List.of(
                "<constant>*x1*sin(x2) + <constant>",            // the truth, infix
                "<constant>*x1*sin(x2) + <constant>",            // the same line again
                "+ * * <constant> sin x2 x1 <constant>",           // the truth again, prefix, another order
                "x1*sin(x2)*<constant> + <constant> + <constant>", // the truth once simplified
                "<constant>*x1 + <constant>",
                "<constant>*sin(x2) + <constant>*x1",
                "<constant>*x1*x2 + <constant>",
                "<constant>*x1*sin(x2) + <constant>*x2**2*<constant>*x1 + <constant>*cos(x1) + <constant>",
                "<constant>*x1*sin(<constant>*x2 + <constant>) + <constant> + <constant>*x1*x2*<constant>",
                "exp(<constant>*x1)",
                "not a formula ((",
                "# a comment line",
                "<constant>*x3"));
        // Noise: random skeletons over the same variables.
        SkeletonSampler sampler = GeneratorConfig.defaults().with("variables.max", "2").with("operators.max", "6").sampler();
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
        for (int i = 0; i < 40; i++) {
            candidates.add(sampler.sample(rng).skeleton().toPrefix());
        }
        CandidateRanker ranker = new CandidateRanker(TestSupport.skeletonSimplifier(), ConstantFitter.standard(), seed);
        CandidateRanker.Result result = ranker.rank(data(seed), candidates, false, true);

        // The truth's forms, as the simplifier writes them (one form once the rules unify them all).
        Set<Expr> truth = new HashSet<>();
        for (int i = 0; i < 4; i++) {
            truth.add(TestSupport.skeletonSimplifier().normalize(CandidateRanker.parse(candidates.get(i))));
        }
        CandidateRanker.Ranked best = result.ranked().get(0);
        assertTrue(best.selected(), "the first row is the selected one");
        assertTrue(truth.contains(best.skeleton()), "seed " + seed + ": selected " + best.skeleton() + ", ranking "
                + result.ranked());
        assertEquals(4, result.ranked().stream().filter(r -> truth.contains(r.skeleton())).mapToInt(CandidateRanker.Ranked::inputs)
                .sum(), "the truth's four lines are merged into its forms");
        assertEquals(2, result.rejected().size(), "unparseable line and unknown variable: " + result.rejected());
        assertTrue(result.distinct() < result.candidates(), "duplicates merged");
        // The truth's fit: loss near the noise level, and the selected expression evaluates like the data.
        assertTrue(best.loss() < 0.01, "loss " + best.loss());
        for (CandidateRanker.Ranked r : result.ranked()) {
            if (r.pareto()) {
                assertTrue(r.score() >= 0);
            }
        }
    }
}
