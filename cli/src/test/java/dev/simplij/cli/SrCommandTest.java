package dev.simplij.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.simplij.sr.FrontFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code simplij sr} end to end, through {@link Main}. */
class SrCommandTest {
    @TempDir
    Path dir;

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
        Invocation r = Invocation.of("sr", "--data", data.toString(), "--target", "y", "--time", "20", "--iterations", "10",
                "--seed", "3", "--populations", "3", "--population-size", "25", "--loss-threshold", "1e-20", "--out",
                front.toString(), "--plot", plot.toString(), "--quiet");
        assertEquals(0, r.status(), r.err());
        assertEquals("", r.err(), "--quiet: no progress");
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
        Invocation help = Invocation.of("sr", "--help");
        assertEquals(0, help.status());
        assertTrue(help.out().contains("\n      --data=FILE.csv ") && help.out().contains("\n      --quiet "), help.out());
        Invocation noData = Invocation.of("sr", "--target", "y");
        assertEquals(2, noData.status());
        assertTrue(noData.err().startsWith("simplij sr: Missing required option: '--data=FILE.csv'\n"), noData.err());
        Path data = dir.resolve("bad.csv");
        Files.writeString(data, "x,y\n1,2\n3,oops\n");
        Invocation bad = Invocation.of("sr", "--data", data.toString(), "--target", "y");
        assertEquals(2, bad.status());
        assertTrue(bad.err().contains("bad.csv:3: column 'y' is not a number: 'oops'"), bad.err());
        Invocation noTarget = Invocation.of("sr", "--data", data.toString(), "--target", "z");
        assertEquals(2, noTarget.status());
        assertTrue(noTarget.err().contains("no column 'z'"), noTarget.err());
        Path good = dir.resolve("good.csv");
        Files.writeString(good, "x,y\n1,2\n3,4\n");
        assertTrue(Invocation.of("sr", "--data", good.toString(), "--target", "y", "--operators", "+,frob").err()
                .contains("unknown operator 'frob'"));
        Path euler = dir.resolve("euler.csv");
        Files.writeString(euler, "E,y\n1,2\n3,4\n");
        Invocation constantColumn = Invocation.of("sr", "--data", euler.toString(), "--target", "y");
        assertEquals(2, constantColumn.status());
        assertEquals("simplij sr: " + euler + ": column 'E' cannot be a variable of a formula ('E' is the named constant E,"
                + " not a variable); rename it in the header, for example to 'E_'\n", constantColumn.err());
        Invocation badNumber = Invocation.of("sr", "--data", good.toString(), "--target", "y", "--max-size", "big");
        assertEquals(2, badNumber.status());
        assertTrue(badNumber.err().startsWith("simplij sr: Invalid value for option '--max-size': 'big' is not a whole "
                + "number\n"), badNumber.err());
        Invocation twice = Invocation.of("sr", "--data", good.toString(), "--target", "y", "--seed", "1", "--seed", "2");
        assertEquals(2, twice.status(), "an option of one value given twice");
        assertTrue(twice.err().startsWith("simplij sr: option '--seed' (N) should be specified only once"), twice.err());
    }

    @Test
    void progressIsSwitchedOffByQuietNotByAZeroInterval() throws Exception {
        Path good = dir.resolve("good.csv");
        Files.writeString(good, "x,y\n1,2\n3,4\n");
        Invocation zero = Invocation.of("sr", "--data", good.toString(), "--target", "y", "--progress", "0");
        assertEquals(2, zero.status());
        assertTrue(zero.err().startsWith("simplij sr: --progress must be positive, got 0.0 (--quiet for no progress)\n"),
                zero.err());
    }

    @Test
    void pysrOperatorNamesAreAccepted() throws Exception {
        StringBuilder csv = new StringBuilder("x,y\n");
        for (int i = 0; i < 30; i++) {
            double x = -1.5 + i * 0.1;
            csv.append(x).append(',').append(x * x * x + x * x).append('\n');
        }
        Path data = dir.resolve("poly.csv");
        Files.writeString(data, csv);
        Invocation r = Invocation.of("sr", "--data", data.toString(), "--target", "y", "--operators", "+,*,square,cube",
                "--iterations", "3", "--threads", "1", "--populations", "2", "--population-size", "15", "--quiet");
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().lines().anyMatch(l -> l.startsWith("*")), r.out());
    }

    @Test
    void theTableShowsWhichEquationsAreDimensionallyConsistent() throws Exception {
        StringBuilder csv = new StringBuilder("m,v,E\n");
        for (int i = 0; i < 40; i++) {
            double m = 1 + i % 5 * 0.25;
            double v = 1 + i / 5 * 0.125;
            csv.append(m).append(',').append(v).append(',').append(0.5 * m * v * v).append('\n');
        }
        Path data = dir.resolve("e.csv");
        Files.writeString(data, csv);
        Invocation r = Invocation.of("sr", "--data", data.toString(), "--target", "E", "--units", "m=kg,v=m/s,E=kg*m^2/s^2",
                "--iterations", "20", "--threads", "1", "--populations", "3", "--population-size", "20", "--seed", "2",
                "--quiet");
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().contains("units"), r.out());
        assertTrue(r.out().lines().anyMatch(l -> l.startsWith("*") && l.contains(" ok ")), r.out());
        Invocation badUnit = Invocation.of("sr", "--data", data.toString(), "--target", "E", "--units", "E=J^x");
        assertEquals(2, badUnit.status());
        assertTrue(badUnit.err().contains("unit 'E=J^x'"), badUnit.err());
    }

    @Test
    void theCommandTakesPySrsEverydayFeatures() throws Exception {
        StringBuilder csv = new StringBuilder("x1,x2,w,y\n");
        java.util.Random random = new java.util.Random(11);
        for (int i = 0; i < 80; i++) {
            double x1 = -3 + 6 * random.nextDouble();
            double x2 = -3 + 6 * random.nextDouble();
            // every tenth row is an outlier of weight 0
            csv.append(x1).append(',').append(x2).append(',').append(i % 10 == 0 ? 0 : 1).append(',')
                    .append(2.5 * Math.sin(x1) + x2 * x2 + (i % 10 == 0 ? 50 : 0)).append('\n');
        }
        Path data = dir.resolve("d.csv");
        Files.writeString(data, csv);
        Invocation r = Invocation.of("sr", "--data", data.toString(), "--target", "y", "--weights", "w", "--loss",
                "huber:0.5", "--operators", "+,-,*,sin", "--nested", "sin:sin=0", "--guess", "2*sin(x1) + x2*x2",
                "--per-complexity", "2", "--iterations", "2", "--threads", "1", "--populations", "2",
                "--population-size", "15", "--quiet");
        assertEquals(0, r.status(), r.err());
        String printed = r.out();
        assertTrue(printed.lines().anyMatch(l -> l.startsWith("*") && l.endsWith("x2**2 + 2.5*sin(x1)")), printed);
        assertTrue(printed.lines().anyMatch(l -> l.startsWith("   ")), "alternatives shown below front rows: " + printed);
        assertTrue(printed.lines().noneMatch(l -> l.contains(" w") || l.contains("w*")), "w is not an input: " + printed);
    }
}
