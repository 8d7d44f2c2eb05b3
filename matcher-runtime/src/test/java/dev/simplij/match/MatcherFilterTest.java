package dev.simplij.match;

import dev.simplij.expr.Expr;
import dev.simplij.expr.Operator;
import dev.simplij.rules.Rule;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The matcher refuses most candidates before reading their patterns (bucket keys, {@link ShapeCheck},
 * skipping ground left sides where a node holds a variable). None of that may change the answer:
 * the first matching pattern must be the one that trying every pattern in order finds.
 */
class MatcherFilterTest {
    private static final long SEED = 20261123L;
    private static final Operator[] BINARY = {Operator.ADD, Operator.MUL, Operator.SUB};
    private static final Operator[] UNARY = {Operator.NEG, Operator.SIN};
    private static final String[] PATTERN_LEAVES = {"_0", "_1", "_0", "x1", "1"};
    private static final String[] SUBJECT_LEAVES = {"x1", "1", "x1", "x2"};
    private static final String[] GROUND_LEAVES = {"x1", "1", "1"};

    @Test
    void firstMatchIsTheFirstOfAllPatternsInOrder() {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(SEED);
        List<Rule> rules = new ArrayList<>();
        while (rules.size() < 100) {
            // ground left sides first, so that they are the first match where they match at all
            rules.add(new Rule(random(rng, 2 + rng.nextInt(3), GROUND_LEAVES), Expr.parsePrefix("0")));
        }
        while (rules.size() < 400) {
            // small alphabets, so that repeated placeholders and ground left sides do match
            rules.add(new Rule(random(rng, 2 + rng.nextInt(6), PATTERN_LEAVES), Expr.parsePrefix("0")));
        }
        RuleIndex index = RuleIndex.of(rules);
        Matcher matcher = index.matcher();
        int[] bindings = new int[index.maxPlaceholders()];
        int[] stack = new int[index.maxPatternSize() + 2];
        int matched = 0;
        for (int i = 0; i < 3000; i++) {
            Expr e = random(rng, 1 + rng.nextInt(12), SUBJECT_LEAVES);
            for (Subject s : List.of(Subject.of(e), new VariableAware(e))) {
                for (int node = 0; node < e.size(); node++) {
                    int expected = -1;
                    for (int p = 0; p < index.patternCount() && expected < 0; p++) {
                        if (index.match(p, s, node, bindings, stack)) {
                            expected = p;
                        }
                    }
                    matcher.reset(s, node);
                    Pattern found = matcher.next() ? matcher.pattern() : null;
                    assertEquals(expected < 0 ? null : index.pattern(expected), found,
                            "seed " + SEED + ", subject " + e + " at node " + node);
                    matched += expected < 0 ? 0 : 1;
                }
            }
        }
        assertTrue(matched > 1000, "too few matches to test anything: " + matched);
    }

    private static Expr random(UniformRandomProvider rng, int size, String[] leaves) {
        StringBuilder prefix = new StringBuilder();
        emit(rng, size, leaves, prefix);
        return Expr.parsePrefix(prefix.toString().trim());
    }

    private static void emit(UniformRandomProvider rng, int size, String[] leaves, StringBuilder out) {
        if (size == 1) {
            out.append(leaves[rng.nextInt(leaves.length)]).append(' ');
        } else if (size == 2 || rng.nextInt(3) == 0) {
            out.append(UNARY[rng.nextInt(UNARY.length)].token()).append(' ');
            emit(rng, size - 1, leaves, out);
        } else {
            out.append(BINARY[rng.nextInt(BINARY.length)].token()).append(' ');
            int left = 1 + rng.nextInt(size - 2);
            emit(rng, left, leaves, out);
            emit(rng, size - 1 - left, leaves, out);
        }
    }

    /** A subject that says where it holds variables, as the simplifier's term store does. */
    private static final class VariableAware implements Subject {
        private final Expr e;
        private final Subject plain;

        VariableAware(Expr e) {
            this.e = e;
            this.plain = Subject.of(e);
        }

        @Override
        public boolean knownToHoldVariable(int node) {
            for (int i = node; i < e.end(node); i++) {
                if (e.code(i) == Expr.VARIABLE) {
                    return true;
                }
            }
            return false;
        }

        @Override
        public int code(int node) {
            return plain.code(node);
        }

        @Override
        public long payload(int node) {
            return plain.payload(node);
        }

        @Override
        public String variableName(int node) {
            return plain.variableName(node);
        }

        @Override
        public int child(int node, int k) {
            return plain.child(node, k);
        }

        @Override
        public long hash(int node) {
            return plain.hash(node);
        }

        @Override
        public boolean sameSubtree(int a, int b) {
            return plain.sameSubtree(a, b);
        }
    }
}
