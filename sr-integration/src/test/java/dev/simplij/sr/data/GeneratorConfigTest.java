package dev.simplij.sr.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.simplij.expr.Operator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GeneratorConfigTest {
    @Test
    void defaultsLoadAndFilesOverrideThem(@TempDir Path dir) throws IOException {
        GeneratorConfig d = GeneratorConfig.defaults();
        assertEquals(10, d.maxOperators());
        assertEquals(10.0, d.operatorWeights().get(Operator.ADD));
        Path file = dir.resolve("small.properties");
        Files.writeString(file, "seed = 7\noperators.weights = + 1, sin 2\npoints.domain.x2 = uniform(0, 1)\n");
        GeneratorConfig c = GeneratorConfig.load(file);
        assertEquals(7, c.seed());
        assertEquals(2, c.operatorWeights().size());
        assertEquals("uniform(0, 1)", c.domain("x2").toString());
        assertEquals("uniform(-10, 10)", c.domain("x1").toString());
    }

    @Test
    void errorsNameTheSourceAndKey(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("bad.properties");
        Files.writeString(file, "operators.wieghts = + 1\n");
        String m = assertThrows(IllegalArgumentException.class, () -> GeneratorConfig.load(file)).getMessage();
        assertTrue(m.contains("bad.properties") && m.contains("operators.wieghts"), m);
        m = assertThrows(IllegalArgumentException.class,
                () -> GeneratorConfig.defaults().with("operators.weights", "+ 1, foo 2")).getMessage();
        assertTrue(m.contains("operators.weights") && m.contains("foo"), m);
        m = assertThrows(IllegalArgumentException.class,
                () -> GeneratorConfig.defaults().with("constants.prior", "uniform(1)")).getMessage();
        assertTrue(m.contains("constants.prior"), m);
    }
}
