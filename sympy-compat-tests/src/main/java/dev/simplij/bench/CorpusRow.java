package dev.simplij.bench;

import dev.simplij.expr.Expr;

/**
 * One expression of a golden corpus with SymPy's recorded answer.
 *
 * @param sympyLen   SymPy's result length in prefix tokens, -1 when it has none
 * @param sympyMicros SymPy's recorded wall time, machine-dependent; -1 when absent
 * @param location   file and line, for messages
 */
public record CorpusRow(String id, String bucket, String inputPrefix, String inputInfix, int inputLen,
                        String sympyPrefix, String sympyInfix, int sympyLen, String sympyStatus, long sympyMicros,
                        String location) {
    /** SymPy's status when its result is the simplified input in SimpliJ's vocabulary. */
    public static final String OK = "ok";

    public Expr input() {
        return Expr.parsePrefix(inputPrefix);
    }

    /** True when SymPy's length may be compared with SimpliJ's. */
    public boolean sympyOk() {
        return OK.equals(sympyStatus) && sympyLen >= 0;
    }
}
