package dev.simplij.expr;

/** What a node of an {@link Expr} is. */
public enum NodeKind {
    /** An entry of the {@link Operator} table, including the named constants {@code pi} and {@code E}. */
    OPERATOR,
    /** A named variable such as {@code x1}. */
    VARIABLE,
    /** A numeric literal. */
    NUMBER,
    /** {@code <constant>}: a free constant of a symbolic-regression skeleton; each occurrence is its own unknown. */
    CONSTANT,
    /** {@code _k}: a pattern variable of a rule. */
    PLACEHOLDER
}
