package dev.simplij.miner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.simplij.expr.Expr;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import org.junit.jupiter.api.Test;

/** A layer as a distributed engine ships it (spark-jobs): the same blocks on the other side. */
class LayerTest {
    @Test
    void serializationKeepsTheValueVectorsNaNPayloads() throws IOException, ClassNotFoundException {
        Layer layer = new Layer(true);
        layer.add(Expr.parsePrefix("sin _0"), 1, 1, new double[] {0.5, VectorOps.UNKNOWN, Double.NaN, -0.0}, null);
        layer.add(Expr.parsePrefix("+ _0 <constant>"), 1, 1, null, null);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(layer);
        }
        Layer back;
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            back = (Layer) in.readObject();
        }
        assertEquals(layer.exprs, back.exprs);
        double[] v = back.values.get(0);
        assertEquals(4, v.length);
        assertEquals(0.5, v[0]);
        assertEquals(Double.doubleToRawLongBits(VectorOps.UNKNOWN), Double.doubleToRawLongBits(v[1]));
        assertEquals(Double.doubleToRawLongBits(Double.NaN), Double.doubleToRawLongBits(v[2]));
        assertEquals(Double.doubleToRawLongBits(-0.0), Double.doubleToRawLongBits(v[3]));
        assertNull(back.values.get(1));
    }
}
