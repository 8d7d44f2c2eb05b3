package dev.simplij.compat;

import dev.simplij.bench.Corpus;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** The committed golden corpora, read from the test class path, and the seed of the random points. */
final class GoldenCorpora {
    static final String RANDOM = "random.tsv";
    static final String IDENTITIES = "identities.tsv";

    /** Base seed of the value checks; {@code -Dsimplij.seed=N} replays another. */
    static final long SEED = Long.getLong("simplij.seed", 20261123L);

    private GoldenCorpora() {
    }

    static Corpus load(String name) {
        String resource = "/corpus/" + name;
        try (InputStream in = GoldenCorpora.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("golden corpus " + resource + " is missing; regenerate it with "
                        + "python3 sympy-compat-tests/scripts/make_corpus.py");
            }
            return Corpus.read("corpus/" + name, in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
