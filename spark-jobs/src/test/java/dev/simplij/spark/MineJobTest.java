package dev.simplij.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.simplij.miner.MiningResult;
import dev.simplij.miner.RuleMiner;
import dev.simplij.rules.RuleSet;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The miner on Spark against the single-machine miner, in embedded local[2]. */
class MineJobTest {
    private final SparkSession spark = EmbeddedSpark.session();

    private static String singleMachine(SparkUnits.MinerSpec spec, String out) throws IOException {
        MiningResult single = RuleMiner.mine(spec.config(null), out);
        StringWriter text = new StringWriter();
        single.ruleSet().write(text);
        return text.toString();
    }

    private static String rule(String text, String rule) {
        return text.lines().filter(l -> l.equals(rule)).findFirst().orElse(null);
    }

    @Test
    void writesTheBytesOfTheSingleMachineMiner() throws IOException {
        // four operators, two placeholders, sources to 4 tokens: every stage, several lengths of replicas
        SparkUnits.MinerSpec spec = new SparkUnits.MinerSpec("small", List.of("+", "-", "*", "/", "neg"),
                List.of("_0", "_1", "0", "1"), 4, 3, 256, 3, 2, null, null);
        String expected = singleMachine(spec, "small.rules");
        MineJob.Result onSpark = MineJob.mine(spark, spec, 3, "small.rules", null);
        assertTrue(onSpark.result().ruleSet().size() > 10, expected);
        assertEquals(expected, onSpark.text());
    }

    @Test
    void freeConstantSourcesAreDecidedOnTheExecutorsWithTheSameRules() throws IOException {
        // <constant> leaves: every length has chunks of free-constant sources; lengths 2 and 3 (up to
        // max-target) also take right sides of their own length, shipped with the chunks
        SparkUnits.MinerSpec spec = new SparkUnits.MinerSpec("constants",
                List.of("+", "-", "*", "/", "neg", "pow2", "exp", "log"), List.of("_0", "2", "<constant>"), 4, 3, 128, 1, 2,
                null, null);
        String expected = singleMachine(spec, "constants.rules");
        int jobsBefore = spark.sparkContext().statusTracker().getJobIdsForGroup(null).length;
        MineJob.Result onSpark = MineJob.mine(spark, spec, 3, "constants.rules", null);
        // lengths 2, 3 and 4: a Spark job for the enumeration's units and one for the free-constant chunks
        assertEquals(6, spark.sparkContext().statusTracker().getJobIdsForGroup(null).length - jobsBefore);
        assertTrue(rule(expected, "+ <constant> <constant> -> <constant>") != null, expected);
        // a right side of the source's own length
        assertTrue(rule(expected, "/ _0 <constant> -> * <constant> _0") != null, expected);
        assertEquals(expected, onSpark.text());
    }

    @Test
    void extendsABaseRuleSetShippedToTheExecutors() throws IOException {
        RuleSet small = RuleSet.load("small");
        SparkUnits.MinerSpec spec = new SparkUnits.MinerSpec("extended", List.of("+", "*", "neg", "pow2", "exp", "log"),
                List.of("_0", "_1", "0", "1"), 4, 2, 256, 1, 2, "small", small.rules());
        SparkUnits.MinerSpec withoutBase = new SparkUnits.MinerSpec("extended", spec.operators(), spec.leaves(), 4, 2, 256,
                1, 2, null, null);
        String expected = singleMachine(spec, "extended.rules");
        MineJob.Result onSpark = MineJob.mine(spark, spec, 3, "extended.rules", null);
        assertTrue(onSpark.result().ruleSet().header().get("base").startsWith("small (" + small.size() + " rules"),
                onSpark.text());
        // the base changes the rules (so the replicas did prune with it), and it is part of the output
        assertNotEquals(singleMachine(withoutBase, "extended.rules").lines().filter(l -> !l.startsWith("#")).toList(),
                expected.lines().filter(l -> !l.startsWith("#")).toList());
        assertTrue(rule(expected, "- _0 _0 -> 0") != null, expected);
        assertEquals(expected, onSpark.text());
    }

    @Test
    void aBaseThatCannotBeReadIsRefusedBeforeSparkStarts(@TempDir Path tmp) {
        Path missing = tmp.resolve("missing.rules");
        PrintStream err = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        int status;
        try {
            System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
            status = new CommandLine(new SparkMain.Mine()).execute("--operators", "+,neg", "--leaves", "_0,0",
                    "--max-source", "3", "--max-target", "2", "--base", missing.toString(), "--out",
                    tmp.resolve("out.rules").toString());
        } finally {
            System.setErr(err);
        }
        String message = captured.toString(StandardCharsets.UTF_8);
        assertEquals(2, status, message);
        assertTrue(message.startsWith("simplij-spark mine: ") && message.contains(missing.toString()), message);
    }
}
