package dev.simplij.canon;

import org.apache.commons.rng.UniformRandomProvider;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The kinds of value-preserving rewrite a variant is made with. A local kind rewrites one node,
 * chosen at random among the nodes where it applies; {@link #REORDER}, {@link #RENAME} and
 * {@link #COMBINED} act on the whole formula. Every rewrite is an identity on the reals wherever the
 * original is defined; {@link VariantCheck} still checks each variant at seeded points, since doubles
 * (overflow in {@code exp(a)*exp(b)}, say) can disagree where the reals do not.
 */
enum Rewrite {
    REORDER("reorder", "operands of + and * swapped (a random nonempty subset of the nodes)", null),
    REGROUP("regroup", "(a + b) + c <-> a + (b + c), the same for *", Rewrite::regroup),
    SUB_AS_NEG("sub-as-neg", "a - b -> a + (-b)", n -> n.is("-") ? Tree.of("+", n.kid(0), Tree.of("neg", n.kid(1))) : null),
    SUB_AS_MINUS_ONE("sub-as-minus-one", "a - b -> a + (-1)*b",
            n -> n.is("-") ? Tree.of("+", n.kid(0), Tree.of("*", Tree.number("-1"), n.kid(1))) : null),
    SUB_SWAP("sub-swap", "a - b -> -(b - a)", n -> n.is("-") ? Tree.of("neg", Tree.of("-", n.kid(1), n.kid(0))) : null),
    NEG_AS_MINUS_ONE("neg-as-minus-one", "-a -> (-1)*a", n -> n.is("neg") ? Tree.of("*", Tree.number("-1"), n.kid(0)) : null),
    DIV_AS_POW("div-as-pow", "a/b -> a*b**-1, 1/b -> b**-1", Rewrite::divAsPow),
    DIV_AS_INV("div-as-inv", "a/b -> a*(1/b)", n -> n.is("/") && !isOne(n.kid(0))
            ? Tree.of("*", n.kid(0), Tree.of("/", Tree.number("1"), n.kid(1))) : null),
    QUOTIENT_SPLIT("quotient-split", "(a + b)/c -> a/c + b/c, the same for -", n -> n.is("/") && (n.kid(0).is("+") || n.kid(0).is("-"))
            ? Tree.of(n.kid(0).token(), Tree.of("/", n.kid(0).kid(0), n.kid(1)), Tree.of("/", n.kid(0).kid(1), n.kid(1)))
            : null),
    TWICE("twice", "2*x <-> x + x, k*x -> (k-1)*x + x for whole k > 2", Rewrite::twice),
    POWER_AS_PRODUCT("power-as-product", "x**2 <-> x*x, x**3 -> x*x**2, x**4 -> x**2*x**2, x**5 -> x*x**4",
            Rewrite::powerAsProduct),
    DISTRIBUTE("distribute", "a*(b + c) -> a*b + a*c, the same for b - c and either operand order", Rewrite::distribute),
    EXP_SPLIT("exp-split", "exp(a + b) -> exp(a)*exp(b), exp(a - b) -> exp(a)/exp(b), and back", Rewrite::expSplit),
    PARITY("parity", "f(a) -> -f(-a) for odd f (sin, tan, ...), f(a) -> f(-a) for even f (cos, cosh, abs, x**2, x**4)",
            Rewrite::parity),
    DOUBLE_NEG("double-neg", "a -> -(-a)", n -> Tree.of("neg", Tree.of("neg", n))),
    IDENTITY_ELEMENTS("identity-elements", "a -> a*1, 0 + a or a/1", null),
    NUMBER_SPLIT("number-split", "n -> m + (n - m) for a whole n; a decimal d -> p/q", Rewrite::numberSplit),
    CANCEL_INSERTED("cancel-inserted", "s -> s + t - t, s + (t - t) or (s - t) + t, t a variable term", null),
    RENAME("rename", "variables renamed consistently (a permutation, or fresh names); output renamed back, compared up to "
            + "the order of + and * operands", null),
    COMBINED("combined", "three local rewrites of random kinds, then operands reordered", null);

    /** A rewrite of one node; null where it does not apply. */
    interface Local {
        Tree at(Tree node);
    }

    private static final Set<String> ODD = Set.of("sin", "tan", "asin", "atan", "sinh", "tanh", "pow3", "pow5", "pow1_3", "pow1_5");
    private static final Set<String> EVEN = Set.of("cos", "cosh", "abs", "pow2", "pow4");

    final String label;
    final String description;
    private final Local local;

    Rewrite(String label, String description, Local local) {
        this.label = label;
        this.description = description;
        this.local = local;
    }

    /** The kinds that rewrite one node and need no random draw beyond the node's choice. */
    static List<Rewrite> simpleLocalKinds() {
        List<Rewrite> out = new ArrayList<>();
        for (Rewrite r : values()) {
            if (r.local != null) {
                out.add(r);
            }
        }
        return out;
    }

    /**
     * A variant of {@code t} made with this kind, or null when it does not apply. {@code renaming}
     * receives the renaming made by {@link #RENAME} (original name to new name).
     */
    Tree apply(Tree t, List<String> variables, UniformRandomProvider rng, Map<String, String> renaming) {
        return switch (this) {
            case REORDER -> reorder(t, rng);
            case IDENTITY_ELEMENTS -> atRandomNode(t, rng, n -> switch (rng.nextInt(3)) {
                case 0 -> Tree.of("*", n, Tree.number("1"));
                case 1 -> Tree.of("+", Tree.number("0"), n);
                default -> Tree.of("/", n, Tree.number("1"));
            });
            case CANCEL_INSERTED -> atRandomNode(t, rng, n -> {
                Tree c = cancelling(variables, rng);
                return switch (rng.nextInt(3)) {
                    case 0 -> Tree.of("-", Tree.of("+", n, c), c);
                    case 1 -> Tree.of("+", n, Tree.of("-", c, c));
                    default -> Tree.of("+", Tree.of("-", n, c), c);
                };
            });
            case RENAME -> rename(t, variables, rng, renaming);
            case COMBINED -> combined(t, variables, rng);
            default -> atRandomApplicableNode(t, rng, local);
        };
    }

    private static Tree combined(Tree t, List<String> variables, UniformRandomProvider rng) {
        List<Rewrite> kinds = new ArrayList<>(simpleLocalKinds());
        kinds.add(IDENTITY_ELEMENTS);
        kinds.add(CANCEL_INSERTED);
        Tree v = t;
        int done = 0;
        for (int tries = 0; tries < 12 && done < 3; tries++) {
            Tree next = kinds.get(rng.nextInt(kinds.size())).apply(v, variables, rng, new HashMap<>());
            if (next != null) {
                v = next;
                done++;
            }
        }
        Tree reordered = reorder(v, rng);
        return reordered != null ? reordered : v;
    }

    /** Applies {@code local} at one node chosen at random among those where it applies. */
    private static Tree atRandomApplicableNode(Tree t, UniformRandomProvider rng, Local local) {
        List<Integer> where = new ArrayList<>();
        List<Tree> rewritten = new ArrayList<>();
        int n = t.nodes();
        for (int i = 0; i < n; i++) {
            Tree r = local.at(t.node(i));
            if (r != null) {
                where.add(i);
                rewritten.add(r);
            }
        }
        if (where.isEmpty()) {
            return null;
        }
        int k = rng.nextInt(where.size());
        return t.replace(where.get(k), rewritten.get(k));
    }

    private static Tree atRandomNode(Tree t, UniformRandomProvider rng, Local local) {
        int i = rng.nextInt(t.nodes());
        return t.replace(i, local.at(t.node(i)));
    }

    /** A term that is defined everywhere: a variable, a multiple of one, or a product of two. */
    private static Tree cancelling(List<String> variables, UniformRandomProvider rng) {
        if (variables.isEmpty()) {
            return rng.nextBoolean() ? Tree.leaf("pi") : Tree.number("3");
        }
        Tree v = Tree.leaf(variables.get(rng.nextInt(variables.size())));
        return switch (rng.nextInt(3)) {
            case 0 -> v;
            case 1 -> Tree.of("*", Tree.number(rng.nextBoolean() ? "3" : "0.5"), v);
            default -> Tree.of("*", v, Tree.leaf(variables.get(rng.nextInt(variables.size()))));
        };
    }

    private static Tree reorder(Tree t, UniformRandomProvider rng) {
        List<Integer> commutative = new ArrayList<>();
        int n = t.nodes();
        for (int i = 0; i < n; i++) {
            Tree node = t.node(i);
            if ((node.is("+") || node.is("*")) && !node.kid(0).equals(node.kid(1))) {
                commutative.add(i);
            }
        }
        if (commutative.isEmpty()) {
            return null;
        }
        List<Integer> swap = new ArrayList<>();
        for (int i : commutative) {
            if (rng.nextBoolean()) {
                swap.add(i);
            }
        }
        if (swap.isEmpty()) {
            swap.add(commutative.get(rng.nextInt(commutative.size())));
        }
        Collections.reverse(swap); // deepest last-in-preorder first keeps earlier indices valid
        Tree v = t;
        for (int i : swap) {
            Tree node = v.node(i);
            v = v.replace(i, Tree.of(node.token(), node.kid(1), node.kid(0)));
        }
        return v;
    }

    private static Tree rename(Tree t, List<String> variables, UniformRandomProvider rng, Map<String, String> renaming) {
        if (variables.isEmpty()) {
            return null;
        }
        List<String> pool = new ArrayList<>(variables);
        pool.add("a0");
        pool.add("z9");
        for (int i = pool.size() - 1; i > 0; i--) {
            Collections.swap(pool, i, rng.nextInt(i + 1));
        }
        Map<String, String> names = new HashMap<>();
        boolean changed = false;
        for (int i = 0; i < variables.size(); i++) {
            names.put(variables.get(i), pool.get(i));
            changed |= !variables.get(i).equals(pool.get(i));
        }
        if (!changed) {
            names.put(variables.get(0), variables.contains("a0") ? "z9" : "a0");
        }
        renaming.putAll(names);
        return t.rename(names, variables);
    }

    private static Tree regroup(Tree n) {
        for (String op : List.of("+", "*")) {
            if (n.is(op) && n.kid(0).is(op)) {
                return Tree.of(op, n.kid(0).kid(0), Tree.of(op, n.kid(0).kid(1), n.kid(1)));
            }
            if (n.is(op) && n.kid(1).is(op)) {
                return Tree.of(op, Tree.of(op, n.kid(0), n.kid(1).kid(0)), n.kid(1).kid(1));
            }
        }
        return null;
    }

    private static boolean isOne(Tree t) {
        return t.number() && t.token().equals("1");
    }

    private static Tree divAsPow(Tree n) {
        if (n.is("/")) {
            return Tree.of("*", n.kid(0), Tree.of("pow", n.kid(1), Tree.number("-1")));
        }
        if (n.is("inv")) {
            return Tree.of("pow", n.kid(0), Tree.number("-1"));
        }
        return null;
    }

    private static Tree twice(Tree n) {
        if (n.is("+") && n.kid(0).equals(n.kid(1))) {
            return Tree.of("*", Tree.number("2"), n.kid(0));
        }
        if (n.is("*")) {
            for (int k = 0; k < 2; k++) {
                Tree c = n.kid(k);
                Tree a = n.kid(1 - k);
                if (c.number() && c.token().matches("\\d{1,6}") && Integer.parseInt(c.token()) >= 2) {
                    int m = Integer.parseInt(c.token());
                    return m == 2 ? Tree.of("+", a, a) : Tree.of("+", Tree.of("*", Tree.number(Integer.toString(m - 1)), a), a);
                }
            }
        }
        return null;
    }

    private static Tree powerAsProduct(Tree n) {
        if (n.is("*") && n.kid(0).equals(n.kid(1))) {
            return Tree.of("pow2", n.kid(0));
        }
        if (n.kids().size() != 1) {
            return null;
        }
        Tree a = n.kid(0);
        return switch (n.token()) {
            case "pow2" -> Tree.of("*", a, a);
            case "pow3" -> Tree.of("*", a, Tree.of("pow2", a));
            case "pow4" -> Tree.of("*", Tree.of("pow2", a), Tree.of("pow2", a));
            case "pow5" -> Tree.of("*", a, Tree.of("pow4", a));
            default -> null;
        };
    }

    private static Tree distribute(Tree n) {
        if (!n.is("*")) {
            return null;
        }
        for (int k = 1; k >= 0; k--) {
            Tree sum = n.kid(k);
            Tree a = n.kid(1 - k);
            if (sum.is("+") || sum.is("-")) {
                Tree left = k == 1 ? Tree.of("*", a, sum.kid(0)) : Tree.of("*", sum.kid(0), a);
                Tree right = k == 1 ? Tree.of("*", a, sum.kid(1)) : Tree.of("*", sum.kid(1), a);
                return Tree.of(sum.token(), left, right);
            }
        }
        return null;
    }

    private static Tree expSplit(Tree n) {
        if (n.is("exp") && (n.kid(0).is("+") || n.kid(0).is("-"))) {
            Tree s = n.kid(0);
            return Tree.of(s.is("+") ? "*" : "/", Tree.of("exp", s.kid(0)), Tree.of("exp", s.kid(1)));
        }
        if ((n.is("*") || n.is("/")) && n.kid(0).is("exp") && n.kid(1).is("exp")) {
            return Tree.of("exp", Tree.of(n.is("*") ? "+" : "-", n.kid(0).kid(0), n.kid(1).kid(0)));
        }
        return null;
    }

    private static Tree parity(Tree n) {
        if (n.kids().size() != 1 || n.number()) {
            return null;
        }
        if (ODD.contains(n.token())) {
            return Tree.of("neg", Tree.of(n.token(), Tree.of("neg", n.kid(0))));
        }
        if (EVEN.contains(n.token())) {
            return Tree.of(n.token(), Tree.of("neg", n.kid(0)));
        }
        return null;
    }

    private static Tree numberSplit(Tree n) {
        if (!n.number()) {
            return null;
        }
        BigDecimal d;
        try {
            d = new BigDecimal(n.token());
        } catch (NumberFormatException e) {
            return null;
        }
        if (d.scale() <= 0) {
            if (d.abs().compareTo(BigDecimal.valueOf(1_000_000)) > 0) {
                return null;
            }
            BigInteger m = BigInteger.ONE;
            return Tree.of("+", Tree.number(m.toString()), Tree.number(d.toBigInteger().subtract(m).toString()));
        }
        if (d.scale() > 6 || d.precision() > 12) {
            return null;
        }
        BigInteger p = d.unscaledValue();
        BigInteger q = BigInteger.TEN.pow(d.scale());
        BigInteger g = p.gcd(q);
        return Tree.of("/", Tree.number(p.divide(g).toString()), Tree.number(q.divide(g).toString()));
    }
}
