package dev.simplij.bench;

import dev.simplij.expr.Expr;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The bench command end to end on a few rows, its argument checking, and the SymPy worker. */
class BenchCommandTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return new BenchCommand().run(List.of(args), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private static Path corpus(Path dir) throws IOException {
        Path file = dir.resolve("identities.tsv");
        try (InputStream in = BenchCommandTest.class.getResourceAsStream("/corpus/identities.tsv")) {
            Files.copy(in, file);
        }
        return file;
    }

    @Test
    void writesTableRowsAndPlots(@TempDir Path dir) throws IOException {
        Path report = dir.resolve("report");
        int status = run("--corpus", corpus(dir).toString(), "--peers", "symja,jenetics", "--out", report.toString(),
                "--per-bucket", "6", "--warmup", "0.2", "--repeats", "3", "--timeout", "20");
        assertEquals(0, status, err.toString(StandardCharsets.UTF_8));
        String md = Files.readString(report.resolve("bench.md"));
        assertTrue(md.contains("| identities | 6 |"), md);
        assertTrue(md.contains("Symja / SimpliJ") && md.contains("Jenetics / SimpliJ"), md);
        assertTrue(md.contains("## SimpliJ against Symja"), md);
        assertEquals(7, Files.readAllLines(report.resolve("rows.tsv")).size());
        for (String png : List.of(BenchCharts.TIME_ECDF, BenchCharts.LENGTH_ECDF, BenchCharts.TIME_VS_LENGTH)) {
            byte[] bytes = Files.readAllBytes(report.resolve(png));
            assertTrue(bytes.length > 1000 && bytes[1] == 'P' && bytes[2] == 'N' && bytes[3] == 'G', png);
        }
    }

    @Test
    void refusesUnknownPeersAndMissingCorpus() {
        assertEquals(2, run("--corpus", "x.tsv", "--peers", "mathematica"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("unknown peer 'mathematica'"));
        assertEquals(2, run("--peers", "symja"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("bench: --corpus is required\n"));
        err.reset();
        assertEquals(2, run("--corpus", "x.tsv", "--repeats", "0"));
        assertEquals("bench: --repeats must be at least 1, got 0\nRun 'simplij bench --help' for usage.\n",
                err.toString(StandardCharsets.UTF_8));
        err.reset();
        assertEquals(2, run("--corpus=x.tsv", "--timeout", "soon"));
        assertTrue(err.toString(StandardCharsets.UTF_8).startsWith("bench: --timeout needs a number, got 'soon'\n"));
        err.reset();
        assertEquals(2, run("--corpus", "x.tsv", "--timeout", "0"));
        assertTrue(err.toString(StandardCharsets.UTF_8).startsWith("bench: --timeout must be positive, got 0.0\n"));
        assertEquals(0, run("--help"));
        assertTrue(out.toString(StandardCharsets.UTF_8).startsWith("Usage: simplij bench"));
    }

    @Test
    void selectsDistinctInputsPerBucket(@TempDir Path dir) throws IOException {
        Corpus c = Corpus.read(corpus(dir));
        List<CorpusRow> rows = Benchmark.select(c, 3);
        assertEquals(3, rows.size());
        assertEquals(rows.size(), rows.stream().map(CorpusRow::inputPrefix).distinct().count());
        Expr renamed = Benchmark.renameVariables(Expr.parsePrefix("+ x1 * x2 x1"), "w");
        assertEquals("+ wx1 * wx2 wx1", renamed.toPrefix());
    }

    @Test
    void sympyWorkerSimplifiesTimesOutAndEvaluates() throws IOException {
        SympyWorker sympy;
        try {
            sympy = SympyWorker.start(SympyWorker.defaultPython());
        } catch (IOException e) {
            System.out.println("SKIPPED: SymPy worker test: " + e.getMessage());
            Assumptions.abort("SKIPPED: needs python3 with sympy: " + e.getMessage());
            return;
        }
        try (sympy) {
            SympyWorker.Simplified s = sympy.simplify("+ pow2 sin x1 pow2 cos x1", 30);
            assertEquals("ok", s.status(), s.note());
            assertEquals("1", s.prefix());
            assertTrue(s.micros() > 0);
            // big enough that simplify cannot finish in a millisecond
            SympyWorker.Simplified slow = sympy.simplify(
                    "/ + pow5 + x1 x2 pow3 - x1 x3 - pow4 + x2 sin x1 pow2 + x3 cos x2", 0.001);
            assertEquals("timeout", slow.status(), slow.note());
            List<SympyWorker.Reading> v = sympy.evaluate("sqrt(x1)*x2 + real_root(x1, 3)",
                    List.of(Map.of("x1", 0.5, "x2", 2.0), Map.of("x1", -1.0, "x2", 1.0)));
            assertEquals(Math.sqrt(0.5) * 2 + Math.cbrt(0.5), v.get(0).value(), 1e-12);
            assertTrue(Double.isNaN(v.get(1).value()) && !v.get(1).timedOut(), "sqrt(-1) is not real");
            assertEquals("ok", sympy.simplify("x1", 30).status(), "worker still answers after a time-out");
        }
    }
}
