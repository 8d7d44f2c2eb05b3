package dev.simplij.simplify;

/** Like-term collection (filled in by the like-terms step). */
final class LikeTerms {
    private final Normalizer n;

    LikeTerms(Normalizer n, boolean folding, boolean skeleton) {
        this.n = n;
    }

    int collect(int t) {
        return TermStore.NONE;
    }
}
