package dev.simplij.simplify;

import dev.simplij.expr.Expr;
import dev.simplij.expr.ExprOrder;
import dev.simplij.testing.RandomExpressions;
import org.apache.commons.rng.UniformRandomProvider;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The term store orders terms as {@link ExprOrder} orders the same expressions, although it
 * compares token codes by a table and names by packed keys of their first characters.
 */
class TermStoreOrderTest {
    /** Names that share prefixes, are longer than a key holds, or differ only in case or length. */
    private static final List<String> NAMES = List.of("x", "x1", "x10", "x2", "X", "_a", "abcdef", "abcdefg",
            "abcdefgh", "abcdefgi", "abcdefghij", "abcdefgg", "zz", "z");

    @Test
    void ordersAsExprOrder() {
        long seed = 43L;
        RandomExpressions gen = RandomExpressions.anything(seed);
        UniformRandomProvider rng = gen.rng();
        TermStore store = new TermStore(16);
        List<Expr> exprs = new ArrayList<>();
        List<Integer> terms = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            Expr e = renamed(gen.next(1 + rng.nextInt(12)), rng);
            exprs.add(e);
            terms.add(intern(store, e));
        }
        for (int i = 0; i < 20_000; i++) {
            int a = rng.nextInt(exprs.size());
            int b = rng.nextInt(exprs.size());
            int expected = Integer.signum(ExprOrder.compare(exprs.get(a), exprs.get(b)));
            assertEquals(expected, Integer.signum(store.compare(terms.get(a), terms.get(b))),
                    "seed " + seed + ": " + exprs.get(a) + " vs " + exprs.get(b));
        }
    }

    @Test
    void ordersNamesAsStrings() {
        TermStore store = new TermStore(16);
        int[] ids = new int[NAMES.size()];
        for (int i = NAMES.size() - 1; i >= 0; i--) {
            ids[i] = store.variable(NAMES.get(i));
        }
        for (int a = 0; a < ids.length; a++) {
            for (int b = 0; b < ids.length; b++) {
                assertEquals(Integer.signum(NAMES.get(a).compareTo(NAMES.get(b))),
                        Integer.signum(store.compare(ids[a], ids[b])), NAMES.get(a) + " vs " + NAMES.get(b));
            }
        }
    }

    private static Expr renamed(Expr e, UniformRandomProvider rng) {
        Expr.Builder b = Expr.builder(e.size());
        for (int k = 0; k < e.size(); k++) {
            if (e.code(k) == Expr.VARIABLE) {
                b.variable(NAMES.get(rng.nextInt(NAMES.size())));
            } else {
                b.token(e, k);
            }
        }
        return b.build();
    }

    /** The store's term of e as it stands: built by a normalizer with every step off. */
    private static int intern(TermStore store, Expr e) {
        Simplifier nothing = Simplifier.builder().folding(false).likeTerms(false).canonicalOrder(false).build();
        Normalizer normalizer = new Normalizer(store, nothing);
        normalizer.start(Long.MAX_VALUE);
        return normalizer.build(e);
    }
}
