package dev.simplij.canon;

import dev.simplij.expr.Expr;
import dev.simplij.expr.NodeKind;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;

/**
 * A formula as a small immutable tree of prefix tokens, the shape the variant rewrites work on. It
 * goes to and from {@link Expr} through prefix text only, so it does not depend on how
 * {@code Expr} stores numbers.
 *
 * @param token  the prefix token ({@code +}, {@code sin}, {@code x1}, {@code 2.5}, {@code pi})
 * @param number whether the token is a numeric literal
 * @param kids   the operands, none for a leaf
 */
record Tree(String token, boolean number, List<Tree> kids) {
    Tree {
        kids = List.copyOf(kids);
    }

    static Tree leaf(String token) {
        return new Tree(token, false, List.of());
    }

    static Tree number(String token) {
        return new Tree(token, true, List.of());
    }

    static Tree of(String token, Tree... kids) {
        return new Tree(token, false, List.of(kids));
    }

    /** The tree of an expression. */
    static Tree of(Expr e) {
        Deque<Tree> stack = new ArrayDeque<>();
        for (int i = e.size() - 1; i >= 0; i--) {
            int arity = e.arity(i);
            List<Tree> kids = new ArrayList<>(arity);
            for (int k = 0; k < arity; k++) {
                kids.add(stack.pop());
            }
            stack.push(new Tree(e.token(i), e.kind(i) == NodeKind.NUMBER, kids));
        }
        return stack.pop();
    }

    Expr toExpr() {
        return Expr.parsePrefix(prefix());
    }

    String prefix() {
        StringBuilder b = new StringBuilder();
        appendPrefix(b);
        return b.toString();
    }

    private void appendPrefix(StringBuilder b) {
        if (!b.isEmpty()) {
            b.append(' ');
        }
        b.append(token);
        for (Tree k : kids) {
            k.appendPrefix(b);
        }
    }

    boolean is(String op) {
        return !number && token.equals(op) && !kids.isEmpty();
    }

    Tree kid(int k) {
        return kids.get(k);
    }

    /** Nodes in the tree, this one included. */
    int nodes() {
        int n = 1;
        for (Tree k : kids) {
            n += k.nodes();
        }
        return n;
    }

    /** The node at a preorder index (0 is this node). */
    Tree node(int index) {
        if (index == 0) {
            return this;
        }
        int i = index - 1;
        for (Tree k : kids) {
            int n = k.nodes();
            if (i < n) {
                return k.node(i);
            }
            i -= n;
        }
        throw new IndexOutOfBoundsException(index);
    }

    /** This tree with the node at a preorder index replaced. */
    Tree replace(int index, Tree by) {
        if (index == 0) {
            return by;
        }
        int i = index - 1;
        List<Tree> out = new ArrayList<>(kids);
        for (int k = 0; k < kids.size(); k++) {
            int n = kids.get(k).nodes();
            if (i < n) {
                out.set(k, kids.get(k).replace(i, by));
                return new Tree(token, number, out);
            }
            i -= n;
        }
        throw new IndexOutOfBoundsException(index);
    }

    /**
     * This tree up to the order of operands of {@code +} and {@code *}: each chain of one of them is
     * flattened, its items sorted by their prefix text and rebuilt left-nested, so two trees that differ
     * only in operand order and grouping give the same text.
     */
    Tree operandOrderForgotten() {
        if (is("+") || is("*")) {
            List<Tree> items = new ArrayList<>();
            flatten(token, items);
            List<Tree> sorted = new ArrayList<>();
            for (Tree item : items) {
                sorted.add(item.operandOrderForgotten());
            }
            sorted.sort(java.util.Comparator.comparing(Tree::prefix));
            Tree chain = sorted.get(0);
            for (int i = 1; i < sorted.size(); i++) {
                chain = of(token, chain, sorted.get(i));
            }
            return chain;
        }
        if (kids.isEmpty()) {
            return this;
        }
        List<Tree> out = new ArrayList<>(kids.size());
        for (Tree k : kids) {
            out.add(k.operandOrderForgotten());
        }
        return new Tree(token, number, out);
    }

    private void flatten(String op, List<Tree> items) {
        if (is(op)) {
            kid(0).flatten(op, items);
            kid(1).flatten(op, items);
        } else {
            items.add(this);
        }
    }

    /** Variables renamed; names not in the map stay. */
    Tree rename(Map<String, String> names, List<String> variables) {
        if (kids.isEmpty()) {
            return variables.contains(token) ? leaf(names.getOrDefault(token, token)) : this;
        }
        List<Tree> out = new ArrayList<>(kids.size());
        for (Tree k : kids) {
            out.add(k.rename(names, variables));
        }
        return new Tree(token, number, out);
    }
}
