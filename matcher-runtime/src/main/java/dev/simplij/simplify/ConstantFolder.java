package dev.simplij.simplify;

/** Exact constant folding (filled in by the folding step). */
final class ConstantFolder {
    private final Normalizer n;

    ConstantFolder(Normalizer n) {
        this.n = n;
    }

    int fold(int t) {
        return TermStore.NONE;
    }
}
