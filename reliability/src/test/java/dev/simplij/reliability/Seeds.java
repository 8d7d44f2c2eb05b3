package dev.simplij.reliability;

/** The seed of a randomized test: fixed by default, overridable with -Dreliability.seed=N to explore. */
final class Seeds {
    private Seeds() {
    }

    static long of(long fallback) {
        return Long.getLong("reliability.seed", fallback);
    }
}
