package dev.simplij.sr.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.simplij.expr.Expr;
import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The records' JSON (Jackson) and the CSV reader (Commons CSV) against the bytes and rows of the hand-written ones before them. */
class FormatsTest {
    @Test
    void jsonRecordsKeepTheirBytes() {
        double[][] data = {{1.5, -0.0}, {0.44, 1.0E-7, 1.0E21, -3.0}, {0.3, 2.0, Double.MIN_VALUE, 123456.789},
                {-1.0, 0.1, 1e300, 5.0}};
        // written by the hand-written JsonRecord of main 9182df7 for the same arguments
        assertEquals("{\"prefix\":\"+ * <constant> sin x1 * <constant> x2\",\"infix\":\"<constant>*sin(x1) + <constant>*x2\","
                + "\"variables\":[\"x1\",\"x2\"],\"constants\":[1.5,-0.0],\"X\":[[0.3,-1.0],[2.0,0.1],[4.9E-324,1.0E300],"
                + "[123456.789,5.0]],\"y\":[0.44,1.0E-7,1.0E21,-3.0]}",
                JsonRecord.write(Expr.parsePrefix("+ * <constant> sin x1 * <constant> x2"), List.of("x1", "x2"), data));
        assertEquals("{\"prefix\":\"* <constant> x1\",\"infix\":\"<constant>*x1\",\"variables\":[\"x1\",\"x2\"]}",
                JsonRecord.write(Expr.parsePrefix("* <constant> x1"), List.of("x1", "x2"), null));
    }

    @Test
    void csvQuotedFieldsBlankLinesAndLineNumbers() throws Exception {
        Csv.Table t = Csv.read(new StringReader("\uFEFFname, formula\nroot,\"real_root(x1, 3)\"\n\nq,\"a \"\"b\"\"\nc\"\nlast,x2"),
                "t.csv");
        assertEquals(List.of("name", "formula"), t.header());
        assertEquals(List.of(List.of("root", "real_root(x1, 3)"), List.of("q", "a \"b\"\nc"), List.of("last", "x2")),
                t.rows());
        assertEquals(List.of(2L, 4L, 6L), t.lines(), "the line where each row starts");
        assertEquals("t.csv:3: 1 fields, the header has 2",
                assertThrows(IllegalArgumentException.class, () -> Csv.read(new StringReader("a,b\n1,2\nx\n"), "t.csv"))
                        .getMessage());
        assertEquals("t.csv: empty file, expected a header line",
                assertThrows(IllegalArgumentException.class, () -> Csv.read(new StringReader(""), "t.csv")).getMessage());
        IllegalArgumentException open = assertThrows(IllegalArgumentException.class,
                () -> Csv.read(new StringReader("a,b\n1,\"2\n"), "t.csv"));
        assertEquals(true, open.getMessage().startsWith("t.csv: "), open.getMessage());
    }

    @Test
    void aFieldIsQuotedOnlyWhenItHoldsACommaAQuoteOrALineBreak() {
        assertEquals("x + 1", Csv.quote("x + 1"));
        assertEquals("\"real_root(x, 3)\"", Csv.quote("real_root(x, 3)"));
        assertEquals("\"a\"\"b\"", Csv.quote("a\"b"));
        assertEquals("\"a\nb\"", Csv.quote("a\nb"));
    }
}
