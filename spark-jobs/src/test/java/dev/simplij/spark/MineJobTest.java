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
    void theMinersStrategyOptionsGiveTheBytesOfTheSingleMachineMiner() throws IOException {
        SparkUnits.MinerSpec plain = new SparkUnits.MinerSpec("small", List.of("+", "-", "*", "/", "neg"),
                List.of("_0", "_1", "0", "1"), 4, 3, 256, 3, 2, null, null);
        SparkUnits.MinerSpec both = new SparkUnits.MinerSpec("small", plain.operators(), plain.leaves(), 4, 3, 256, 3, 2,
                null, null, true, true, false);
        String expected = singleMachine(both, "small.rules");
        assertTrue(expected.contains(" --shorter-rules-first --modulo-commutativity "), expected);
        // the options reach the replicas: the enumeration modulo commutativity has fewer sources
        assertNotEquals(singleMachine(plain, "small.rules").lines().filter(l -> l.startsWith("# enumerated")).toList(),
                expected.lines().filter(l -> l.startsWith("# enumerated")).toList());
        assertEquals(expected, MineJob.mine(spark, both, 3, "small.rules", null).text());
    }

    @Test
    void moduloAssociativityGivesTheBytesOfTheSingleMachineMiner() throws IOException {
        // to 5 tokens, over three distinct leaves besides the placeholder: the first chains of three
        SparkUnits.MinerSpec commuted = new SparkUnits.MinerSpec("one", List.of("+", "-", "*", "/", "neg"),
                List.of("_0", "0", "1", "2"), 5, 3, 256, 3, 2, null, null, false, true, false);
        SparkUnits.MinerSpec regrouped = new SparkUnits.MinerSpec("one", commuted.operators(), commuted.leaves(), 5, 3,
                256, 3, 2, null, null, false, true, true);
        String expected = singleMachine(regrouped, "one.rules");
        assertTrue(expected.contains(" --modulo-commutativity --modulo-associativity "), expected);
        // the option reaches the replicas: the enumeration modulo associativity has fewer sources
        assertNotEquals(singleMachine(commuted, "one.rules").lines().filter(l -> l.startsWith("# enumerated")).toList(),
                expected.lines().filter(l -> l.startsWith("# enumerated")).toList());
        assertEquals(expected, MineJob.mine(spark, regrouped, 3, "one.rules", null).text());
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

    /** The exit status of {@code simplij-spark mine} with these arguments, and what it wrote on standard error. */
    private record Refusal(int status, String message) {
        static Refusal of(String... args) {
            PrintStream err = System.err;
            ByteArrayOutputStream captured = new ByteArrayOutputStream();
            try {
                System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
                int status = new CommandLine(new SparkMain.Mine()).execute(args);
                return new Refusal(status, captured.toString(StandardCharsets.UTF_8));
            } finally {
                System.setErr(err);
            }
        }
    }

    @Test
    void anOutputThatIsADirectoryIsRefusedBeforeSparkStarts(@TempDir Path tmp) {
        Refusal r = Refusal.of("--operators", "+,neg", "--leaves", "_0,0", "--max-source", "3", "--max-target", "2",
                "--out", tmp.toString());
        assertEquals(2, r.status(), r.message());
        assertTrue(r.message().startsWith("simplij-spark mine: --out " + tmp + " is a directory"), r.message());
    }

    @Test
    void aBaseThatCannotBeReadIsRefusedBeforeSparkStarts(@TempDir Path tmp) {
        Path missing = tmp.resolve("missing.rules");
        Refusal r = Refusal.of("--operators", "+,neg", "--leaves", "_0,0", "--max-source", "3", "--max-target", "2",
                "--base", missing.toString(), "--out", tmp.resolve("out.rules").toString());
        assertEquals(2, r.status(), r.message());
        assertTrue(r.message().startsWith("simplij-spark mine: ") && r.message().contains(missing.toString()), r.message());
    }
}
