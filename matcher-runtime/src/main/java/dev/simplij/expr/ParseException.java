package dev.simplij.expr;

/**
 * Thrown for text that is not an expression. Says why and where: the character offset (0-based) in
 * the text and, for prefix input, the token number.
 */
public final class ParseException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final int position;
    private final String reason;

    public ParseException(String reason, int position) {
        super(reason + " at position " + position);
        this.reason = reason;
        this.position = position;
    }

    /** Character offset (0-based) where the problem was found. */
    public int position() {
        return position;
    }

    /** The problem, without the position. */
    public String reason() {
        return reason;
    }
}
