package dev.simplij.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code bench} and {@code canon-bench}: their option checks, and canon-bench end to end on a small slice. */
class BenchCommandsTest {
    private static final String FEYNMAN = "../" + CanonBenchCommand.FEYNMAN;

    @Test
    void benchRefusesUnknownPeersAndBadNumbers() throws Exception {
        Invocation peer = Invocation.of("bench", "--corpus", "x.tsv", "--peers", "mathematica");
        assertEquals(2, peer.status());
        assertTrue(peer.err().startsWith("simplij bench: unknown peer 'mathematica' (known: sympy, symja, jenetics)\n"),
                peer.err());
        Invocation noCorpus = Invocation.of("bench", "--peers", "symja");
        assertEquals(2, noCorpus.status());
        assertTrue(noCorpus.err().startsWith("simplij bench: Missing required option: '--corpus=FILE'\n"), noCorpus.err());
        Invocation repeats = Invocation.of("bench", "--corpus", "x.tsv", "--repeats", "0");
        assertEquals(2, repeats.status());
        assertTrue(repeats.err().startsWith("simplij bench: --repeats must be at least 1, got 0\n"), repeats.err());
        Invocation soon = Invocation.of("bench", "--corpus=x.tsv", "--timeout", "soon");
        assertEquals(2, soon.status());
        assertTrue(soon.err().startsWith("simplij bench: Invalid value for option '--timeout': 'soon' is not a double"),
                soon.err());
        Invocation zero = Invocation.of("bench", "--corpus", "x.tsv", "--timeout", "0");
        assertEquals(2, zero.status());
        assertTrue(zero.err().startsWith("simplij bench: --timeout must be positive, got 0.0\n"), zero.err());
        Invocation missing = Invocation.of("bench", "--corpus", "no/such.tsv", "--peers", "none");
        assertTrue(missing.status() != 0 && missing.err().startsWith("simplij bench: ")
                && missing.err().contains("no/such.tsv"), missing.err());
    }

    @Test
    void canonBenchWritesReportAndDisagreements(@TempDir Path dir) throws Exception {
        Invocation o = Invocation.of("canon-bench", "--random", "30", "--corpus", FEYNMAN, "--out", dir.toString());
        assertEquals(0, o.status(), o.err());
        assertEquals(Files.readString(dir.resolve("report.md")) + "\nwrote " + dir.resolve("report.md") + " and "
                + dir.resolve("disagreements.tsv") + "\n", o.out());
        assertTrue(Files.readString(dir.resolve("disagreements.tsv")).startsWith("corpus\tid\tkind\t"));
        Invocation noVariants = Invocation.of("canon-bench", "--variants", "0");
        assertEquals(2, noVariants.status());
        assertTrue(noVariants.err().startsWith("simplij canon-bench: --variants must be at least 1, got 0\n"),
                noVariants.err());
        Invocation noFile = Invocation.of("canon-bench", "--corpus", "no/such.tsv");
        assertEquals(2, noFile.status());
        assertTrue(noFile.err().startsWith("simplij canon-bench: --corpus no/such.tsv: no such file\n"), noFile.err());
    }
}
