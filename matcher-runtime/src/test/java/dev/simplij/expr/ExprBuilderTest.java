package dev.simplij.expr;

import dev.simplij.testing.RandomExpressions;
import org.junit.jupiter.api.Test;

import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The builder counts operands as tokens arrive and lets the expression skip its own check when they
 * form one tree; token sequences that do not are still refused with the expression's messages.
 */
class ExprBuilderTest {
    @Test
    void refusesWhatIsNotOneTree() {
        refused(b -> { }, "empty expression");
        refused(b -> b.operator(Operator.ADD).variable("x1"), "operator at token 0 lacks operands");
        refused(b -> b.operator(Operator.SIN), "operator at token 0 lacks operands");
        refused(b -> b.variable("x1").variable("x2"), "1 tokens left over");
        refused(b -> b.operator(Operator.NEG).number(1).number(2).number(3), "2 tokens left over");
        // a complete tree followed by an operator that lacks operands
        refused(b -> b.number(1).operator(Operator.SIN), "operator at token 1 lacks operands");
    }

    private static void refused(Consumer<Expr.Builder> tokens, String message) {
        Expr.Builder b = Expr.builder();
        tokens.accept(b);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, b::build);
        assertEquals(message, e.getMessage());
    }

    @Test
    void copiesTokenByTokenAndBySubtree() {
        long seed = 41L;
        RandomExpressions gen = RandomExpressions.anything(seed);
        for (int i = 0; i < 2000; i++) {
            Expr e = gen.next(1 + gen.rng().nextInt(40));
            Expr.Builder tokens = Expr.builder();
            for (int k = 0; k < e.size(); k++) {
                tokens.token(e, k);
            }
            assertEquals(e, tokens.build(), "seed " + seed + " #" + i);
            assertEquals(e, Expr.builder(1).subtree(e, 0).build(), "seed " + seed + " #" + i);
            int last = e.size() - 1;
            assertEquals(e.subtree(last), Expr.builder().subtree(e, last).build(), "seed " + seed + " #" + i);
        }
    }

    @Test
    void aBuilderGoesOnAfterBuild() {
        Expr.Builder b = Expr.builder(1).number(2);
        assertEquals(Expr.parsePrefix("2"), b.build());
        b.number(3);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, b::build);
        assertEquals("1 tokens left over", e.getMessage());
    }
}
