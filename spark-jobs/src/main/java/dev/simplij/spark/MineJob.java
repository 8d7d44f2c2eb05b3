package dev.simplij.spark;

import dev.simplij.miner.MiningResult;
import dev.simplij.miner.RuleMiner;
import java.io.IOException;
import java.io.PrintStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;

/** {@code mine} on Spark: {@link RuleMiner#mine} with its units on {@link SparkUnits}. */
final class MineJob {
    private MineJob() {
    }

    /** The mining result and its rule file's text (the bytes {@code simplij mine} writes). */
    record Result(MiningResult result, String text) {
    }

    /**
     * @param outName the file name recorded in the header's regeneration command
     * @param progress the miner's per-length lines, or null
     */
    static Result mine(SparkSession spark, SparkUnits.MinerSpec spec, int partitions, String outName, PrintStream progress) {
        try (SparkUnits units = new SparkUnits(JavaSparkContext.fromSparkContext(spark.sparkContext()), spec, partitions)) {
            MiningResult result = RuleMiner.mine(spec.config(progress), outName, units);
            StringWriter text = new StringWriter();
            result.ruleSet().write(text);
            return new Result(result, text.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("a StringWriter does not fail", e);
        }
    }
}
