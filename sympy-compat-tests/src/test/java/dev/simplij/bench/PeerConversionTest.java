package dev.simplij.bench;

import dev.simplij.bench.ExprAssembler.NotExpressible;
import dev.simplij.expr.Expr;
import dev.simplij.expr.Operator;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The conversions into and out of each peer's form keep the value, and lengths are measured in the
 * shortest SimpliJ spelling, so that the benchmark compares like with like.
 */
class PeerConversionTest {
    private static final long SEED = 20261123L;
    private final ValueCheck values = new ValueCheck(6, 64);

    /** Every input of the identities corpus plus seeded random picks of the random corpus. */
    static List<Expr> sample() throws IOException {
        List<Expr> out = new ArrayList<>();
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(SEED);
        for (String name : List.of("identities.tsv", "random.tsv")) {
            try (InputStream in = PeerConversionTest.class.getResourceAsStream("/corpus/" + name)) {
                if (in == null) {
                    continue;
                }
                for (CorpusRow row : Corpus.read(name, in).rows()) {
                    if (name.startsWith("identities") || rng.nextInt(4) == 0) {
                        out.add(row.input());
                    }
                }
            }
        }
        assertTrue(out.size() >= 50, "corpora give only " + out.size() + " expressions");
        return out;
    }

    @Test
    void symjaRoundTripKeepsTheValue() throws Exception {
        SymjaPeer.quietLogging();
        List<String> failures = new ArrayList<>();
        for (Expr e : sample()) {
            Expr back;
            try {
                back = SymjaPeer.fromSymja(SymjaPeer.toSymja(e));
            } catch (NotExpressible x) {
                failures.add(e.toPrefix() + ": " + x.getMessage());
                continue;
            }
            ValueCheck.Result r = values.compare(e, back, ValueCheck.rowSeed(SEED, e.toPrefix()));
            if (!r.ok()) {
                failures.add(e.toPrefix() + " -> " + back.toPrefix() + ": " + r.mismatch());
            }
        }
        assertEquals(List.of(), failures);
    }

    @Test
    void jeneticsRoundTripKeepsTheValue() throws Exception {
        List<String> failures = new ArrayList<>();
        for (Expr e : sample()) {
            if (e.tokens().contains(Operator.POW1_5.token())) {
                continue; // Jenetics has no real fifth root: pow1_5 becomes x^0.2, undefined for x < 0
            }
            Expr back = JeneticsPeer.fromJenetics(JeneticsPeer.toJenetics(e));
            ValueCheck.Result r = values.compare(e, back, ValueCheck.rowSeed(SEED, e.toPrefix()));
            if (!r.ok()) {
                failures.add(e.toPrefix() + " -> " + back.toPrefix() + ": " + r.mismatch());
            }
        }
        assertEquals(List.of(), failures);
    }

    @ParameterizedTest(name = "x^({1}/{2}) is {3}")
    @CsvSource({
            "x1, 1, 1, x1",
            "x1, 2, 1, pow2 x1",
            "x1, -1, 1, inv x1",
            "x1, -3, 1, inv pow3 x1",
            "x1, 7, 1, pow x1 7",
            "x1, 1, 2, pow1_2 x1",
            "x1, 3, 2, pow3 pow1_2 x1",
            "x1, -1, 2, inv pow1_2 x1",
            "x1, 1, 4, pow1_4 x1",
            "x1, 1, 3, pow x1 / 1 3",
            "x1, 7, 2, pow pow1_2 x1 7",
    })
    void powersTakeTheirShortestSpelling(String base, long p, long q, String expected) throws NotExpressible {
        assertEquals(expected, ExprAssembler.power(Expr.parsePrefix(base), p, q).toPrefix());
    }

    @Test
    void sumsSubtractNegativeTermsAndStartPositive() {
        Expr a = Expr.parsePrefix("x1");
        Expr b = Expr.parsePrefix("x2");
        assertEquals("- x2 x1", ExprAssembler.sum(List.of(new ExprAssembler.Term(true, a), new ExprAssembler.Term(false, b)))
                .toPrefix());
        assertEquals("- neg x1 x2", ExprAssembler.sum(List.of(new ExprAssembler.Term(true, a), new ExprAssembler.Term(true, b)))
                .toPrefix());
        assertEquals("-3", ExprAssembler.negate(Expr.parsePrefix("3")).toPrefix());
    }

    @Test
    void symjaSpellsResultsShortest() throws Exception {
        SymjaPeer.quietLogging();
        // Symja's internal forms: Times(x1, Power(Times(2, x2), -1)), Plus(x1, Times(-3, x2)), Power(E, x1)
        assertEquals("/ x1 * 2 x2", SymjaPeer.fromSymja(SymjaPeer.toSymja(Expr.parsePrefix("/ x1 * 2 x2"))).toPrefix());
        assertEquals("- x1 * 3 x2", SymjaPeer.fromSymja(SymjaPeer.toSymja(Expr.parsePrefix("- x1 * 3 x2"))).toPrefix());
        assertEquals("exp x1", SymjaPeer.fromSymja(SymjaPeer.toSymja(Expr.parsePrefix("exp x1"))).toPrefix());
    }
}
