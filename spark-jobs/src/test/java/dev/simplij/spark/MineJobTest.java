package dev.simplij.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.simplij.miner.MiningResult;
import dev.simplij.miner.RuleMiner;
import java.io.IOException;
import java.io.StringWriter;
import java.util.List;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;

/** The miner on Spark against the single-machine miner, in embedded local[2]. */
class MineJobTest {
    private final SparkSession spark = EmbeddedSpark.session();

    @Test
    void writesTheBytesOfTheSingleMachineMiner() throws IOException {
        // four operators, two placeholders, sources to 4 tokens: every stage, several lengths of replicas
        SparkUnits.MinerSpec spec = new SparkUnits.MinerSpec("small", List.of("+", "-", "*", "/", "neg"),
                List.of("_0", "_1", "0", "1"), 4, 3, 256, 3, 2);
        MiningResult single = RuleMiner.mine(spec.config(null), "small.rules");
        StringWriter expected = new StringWriter();
        single.ruleSet().write(expected);
        MineJob.Result onSpark = MineJob.mine(spark, spec, 3, "small.rules", null);
        assertTrue(single.ruleSet().size() > 10, expected.toString());
        assertEquals(expected.toString(), onSpark.text());
    }
}
