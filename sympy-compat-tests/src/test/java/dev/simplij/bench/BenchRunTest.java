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
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A bench run end to end on a few rows, the selection of rows, and the SymPy worker. */
class BenchRunTest {
    private static Path corpus(Path dir) throws IOException {
        Path file = dir.resolve("identities.tsv");
        try (InputStream in = BenchRunTest.class.getResourceAsStream("/corpus/identities.tsv")) {
            Files.copy(in, file);
        }
        return file;
    }

    @Test
    void writesTableRowsAndPlots(@TempDir Path dir) throws IOException {
        Path report = dir.resolve("report");
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        BenchRun.Settings settings = new BenchRun.Settings(corpus(dir), List.of("symja", "jenetics"), report, 20, 6, 3,
                0.2, SympyWorker.defaultPython(), 1, "");
        Path md = BenchRun.run(settings, new PrintStream(log, true, StandardCharsets.UTF_8), "--per-bucket 6");
        assertEquals(report.resolve("bench.md"), md);
        String text = Files.readString(md);
        assertTrue(text.contains("| identities | 6 |"), text);
        assertTrue(text.contains("Symja / SimpliJ") && text.contains("Jenetics / SimpliJ"), text);
        assertTrue(text.contains("## SimpliJ against Symja"), text);
        assertEquals(7, Files.readAllLines(report.resolve("rows.tsv")).size());
        for (String png : List.of(BenchCharts.TIME_ECDF, BenchCharts.LENGTH_ECDF, BenchCharts.TIME_VS_LENGTH)) {
            byte[] bytes = Files.readAllBytes(report.resolve(png));
            assertTrue(bytes.length > 1000 && bytes[1] == 'P' && bytes[2] == 'N' && bytes[3] == 'G', png);
        }
    }

    @Test
    void refusesAnUnknownPeer() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new BenchRun.Settings(
                Path.of("x.tsv"), List.of("mathematica"), Path.of("out"), 1, 0, 1, 0, "python3", 1, ""));
        assertEquals("unknown peer 'mathematica' (known: sympy, symja, jenetics)", e.getMessage());
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
