package dev.simplij.reliability;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;

/**
 * The Jazzer fuzz target for the parsers and printers: the fuzzer picks the notation and the text,
 * {@link NotationOracle} decides whether the outcome is acceptable. Anything it throws, and any
 * exception other than a clean refusal, is a crash with a reproducer.
 */
public final class ExpressionFuzzTarget {
    private static final NotationOracle.Notation[] NOTATIONS = NotationOracle.Notation.values();

    private ExpressionFuzzTarget() {
    }

    /** Jazzer's entry point. */
    public static void fuzzerTestOneInput(FuzzedDataProvider data) {
        NotationOracle.Notation notation = NOTATIONS[data.consumeInt(0, NOTATIONS.length - 1)];
        NotationOracle.check(notation, data.consumeRemainingAsString());
    }
}
