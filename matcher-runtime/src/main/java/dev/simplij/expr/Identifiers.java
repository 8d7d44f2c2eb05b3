package dev.simplij.expr;

import java.util.Locale;
import java.util.Set;

/** Which names may be variables. */
final class Identifiers {
    /** Names that denote non-real or undefined values in SymPy or IEEE; never variables. */
    private static final Set<String> NON_REAL = Set.of("nan", "inf", "infinity", "oo", "zoo", "i");
    private static final int VALID_CACHE_SIZE = 256;
    /** Names longer than this are checked every time rather than kept in the cache. */
    private static final int MAX_CACHED_LENGTH = 64;
    /**
     * Names that passed the check, by hash: the same few names are checked again each time an
     * expression is copied, and the check lower-cases (allocates). Racy by design: strings are
     * immutable, so a reader sees a valid name, an older one or null.
     */
    private static final String[] VALID_CACHE = new String[VALID_CACHE_SIZE];

    private Identifiers() {
    }

    static boolean isIdentifierStart(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
    }

    static boolean isIdentifierPart(char c) {
        return isIdentifierStart(c) || (c >= '0' && c <= '9');
    }

    /** Null when {@code name} may be a variable, else why not. */
    static String variableNameProblem(String name) {
        if (name.isEmpty()) {
            return "empty variable name";
        }
        if (!isIdentifierStart(name.charAt(0))) {
            return "variable name must start with a letter or '_': '" + Numbers.abbreviate(name) + "'";
        }
        for (int i = 1; i < name.length(); i++) {
            if (!isIdentifierPart(name.charAt(i))) {
                return "invalid character in variable name '" + Numbers.abbreviate(name) + "'";
            }
        }
        if (isPlaceholder(name)) {
            return "'" + name + "' is a rule placeholder, not a variable";
        }
        Operator op = Operator.byName(name);
        if (op != null && op.arity() == 0) {
            return "'" + name + "' is the named constant " + op.token() + ", not a variable";
        }
        if (op != null || name.equals("real_root")) {
            return "'" + name + "' is an operator, not a variable";
        }
        if (NON_REAL.contains(name.toLowerCase(Locale.ROOT))) {
            return "'" + name + "' is not a finite real number";
        }
        return null;
    }

    static void requireVariableName(String name) {
        int slot = name.hashCode() & (VALID_CACHE_SIZE - 1);
        String known = VALID_CACHE[slot];
        if (known != null && known.equals(name)) {
            return;
        }
        String problem = variableNameProblem(name);
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
        if (name.length() <= MAX_CACHED_LENGTH) {
            VALID_CACHE[slot] = name;
        }
    }

    /** {@code _0}, {@code _1}, ...: the placeholders of rule patterns. */
    static boolean isPlaceholder(String token) {
        if (token.length() < 2 || token.length() > 6 || token.charAt(0) != '_') {
            return false;
        }
        for (int i = 1; i < token.length(); i++) {
            char c = token.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }
}
