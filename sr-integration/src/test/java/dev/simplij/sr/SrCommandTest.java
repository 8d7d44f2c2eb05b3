package dev.simplij.sr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SrCommandTest {
    @TempDir
    Path dir;

    private record Run(int status, String out, String err) {
    }

    private static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = SrCommand.run(List.of(args), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void fitsACsvAndWritesTheFrontAndThePlot() throws Exception {
        StringBuilder csv = new StringBuilder("a,y,b\n");
        for (int i = 0; i < 40; i++) {
            double a = -2 + i * 0.1;
            double b = 1 + (i % 7) * 0.3;
            csv.append(a).append(',').append(a * b + 0.5).append(',').append(b).append('\n');
        }
        Path data = dir.resolve("data.csv");
        Files.writeString(data, csv);
        Path front = dir.resolve("front.csv");
        Path plot = dir.resolve("front.png");
        Run r = run("--data", data.toString(), "--target", "y", "--time", "20", "--iterations", "10", "--seed", "3",
                "--populations", "3", "--population-size", "25", "--loss-threshold", "1e-20", "--out", front.toString(),
                "--plot", plot.toString(), "--progress", "0");
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().contains("complexity"), r.out());
        List<String> lines = Files.readAllLines(front);
        assertEquals(FrontFiles.HEADER, lines.get(0));
        assertEquals(1, lines.stream().filter(l -> l.split(",")[3].equals("true")).count(), String.join("\n", lines));
        String last = lines.get(lines.size() - 1);
        assertTrue(last.contains("a") && last.contains("b"), last);
        byte[] png = Files.readAllBytes(plot);
        assertTrue(png.length > 1000 && png[1] == 'P' && png[2] == 'N' && png[3] == 'G');
    }

    @Test
    void badUsageExplainsItself() throws Exception {
        assertEquals(0, run("--help").status());
        Run unknown = run("--frobnicate");
        assertEquals(2, unknown.status());
        assertTrue(unknown.err().startsWith("sr: unknown option '--frobnicate'\nusage: simplij sr"), unknown.err());
        Path data = dir.resolve("bad.csv");
        Files.writeString(data, "x,y\n1,2\n3,oops\n");
        Run bad = run("--data", data.toString(), "--target", "y");
        assertEquals(2, bad.status());
        assertTrue(bad.err().contains("bad.csv:3: column 'y' is not a number: 'oops'"), bad.err());
        Run noTarget = run("--data", data.toString(), "--target", "z");
        assertTrue(noTarget.err().contains("no column 'z'"), noTarget.err());
        Path good = dir.resolve("good.csv");
        Files.writeString(good, "x,y\n1,2\n3,4\n");
        assertTrue(run("--data", good.toString(), "--target", "y", "--operators", "+,frob").err().contains("unknown operator 'frob'"));
        Path euler = dir.resolve("euler.csv");
        Files.writeString(euler, "E,y\n1,2\n3,4\n");
        Run constantColumn = run("--data", euler.toString(), "--target", "y");
        assertEquals(2, constantColumn.status());
        assertEquals("sr: " + euler + ": column 'E' cannot be a variable of a formula ('E' is the named constant E,"
                + " not a variable); rename it in the header, for example to 'E_'\n", constantColumn.err());
        Run badNumber = run("--data", good.toString(), "--target", "y", "--max-size", "big");
        assertEquals(2, badNumber.status());
        assertEquals("sr: --max-size needs a whole number, got 'big'\n", badNumber.err());
    }

    @Test
    void csvCellsAreQuotedWhenNeeded() {
        assertEquals("x + 1", CsvData.cell("x + 1"));
        assertEquals("\"real_root(x, 3)\"", CsvData.cell("real_root(x, 3)"));
        assertEquals("\"a\"\"b\"", CsvData.cell("a\"b"));
    }
}
