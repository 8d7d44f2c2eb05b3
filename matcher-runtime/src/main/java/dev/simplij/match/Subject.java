package dev.simplij.match;

import dev.simplij.expr.Expr;
import dev.simplij.expr.StructuralHash;

/**
 * What the matcher reads of a term graph: an {@link Expr}, or the simplifier's hash-consed store.
 * Nodes are ints; codes and payloads follow {@link Expr#code} and {@link Expr#payload}.
 */
public interface Subject {
    /** As {@link Expr#code}: an operator ordinal, or {@link Expr#VARIABLE}, {@link Expr#NUMBER}, ... */
    int code(int node);

    /** Literal bits of a number, index of a placeholder; unspecified for other kinds. */
    long payload(int node);

    /** The name of a variable node. */
    String variableName(int node);

    /** The {@code k}-th operand (0-based). */
    int child(int node, int k);

    /** The hash of the node's own token, {@link StructuralHash#token} (the rule index's bucket key). */
    default long tokenHash(int node) {
        int code = code(node);
        return StructuralHash.token(code, payload(node), code == Expr.VARIABLE ? variableName(node) : null);
    }

    /** The structural hash, equal to {@link Expr#hash} of the same subtree. */
    long hash(int node);

    /**
     * True when the subtree surely holds a variable or a placeholder; false when it holds neither or
     * when that is not known. Where it is true, no left side free of both can match, and the
     * matcher does not look those up.
     */
    default boolean knownToHoldVariable(int node) {
        return false;
    }

    /** True when the two subtrees are equal. */
    boolean sameSubtree(int a, int b);

    /** An {@link Expr} seen as a subject. */
    static Subject of(Expr e) {
        return new ExprSubject(e);
    }
}
