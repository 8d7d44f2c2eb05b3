package dev.simplij.sr;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.simplij.expr.Expr;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;

class CandidateTest {
    private final Mutator mutator = new Mutator(OperatorSet.parse("+,-,*,/,sin,exp"), List.of("x", "y"));

    @Test
    void replacingASubtreeCarriesItsConstants() {
        for (long seed = 0; seed < 300; seed++) {
            UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
            Candidate a = mutator.randomTree(rng.nextInt(6), rng);
            Candidate b = mutator.randomTree(rng.nextInt(6), rng);
            int node = rng.nextInt(a.size());
            Candidate replaced = a.replace(node, b);
            // Substituting first and replacing the concrete subtree must give the same expression.
            Expr concrete = a.concrete();
            Expr.Builder expected = Expr.builder();
            for (int i = 0; i < node; i++) {
                Candidate.copyToken(expected, concrete, i);
            }
            expected.subtree(b.concrete(), 0);
            for (int i = concrete.end(node); i < concrete.size(); i++) {
                Candidate.copyToken(expected, concrete, i);
            }
            assertEquals(expected.build(), replaced.concrete(), "seed " + seed + ": " + a + " at " + node + " <- " + b);
            assertEquals(a.subtree(node).concrete(), concrete.subtree(node), "seed " + seed);
        }
    }

    @Test
    void mutationsAndCrossoverKeepConstantsAligned() {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(11L);
        Candidate c = mutator.randomTree(3, rng);
        for (int i = 0; i < 2000; i++) {
            Mutator.Kind kind = mutator.drawKind(c, false, rng);
            if (kind == Mutator.Kind.NOTHING || kind == Mutator.Kind.SIMPLIFY || kind == Mutator.Kind.PERTURB_CONSTANT) {
                continue;
            }
            Candidate m = mutator.mutate(c, kind, rng);
            if (m != null && m.size() < 40) {
                c = m; // the record's constructor checks the alignment
            }
            Candidate[] children = mutator.crossover(c, mutator.randomTree(2, rng), rng);
            assertEquals(2, children.length);
        }
    }
}
