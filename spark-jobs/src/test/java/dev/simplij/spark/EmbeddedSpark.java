package dev.simplij.spark;

import org.apache.spark.sql.SparkSession;

/**
 * The tests' engine: embedded Spark on two threads, on loopback, no web UI, few shuffle partitions;
 * one session for every test class of the JVM (Spark's shutdown hook stops it).
 */
final class EmbeddedSpark {
    private EmbeddedSpark() {
    }

    static synchronized SparkSession session() {
        SparkSession spark = SparkSession.builder().master("local[2]").appName("simplij-spark tests")
                .config("spark.ui.enabled", false)
                .config("spark.driver.host", "127.0.0.1")
                .config("spark.driver.bindAddress", "127.0.0.1")
                .config("spark.sql.shuffle.partitions", 4)
                .config("spark.sql.adaptive.enabled", false)
                .config("spark.sql.codegen.wholeStage", false)
                .getOrCreate();
        spark.sparkContext().setLogLevel("WARN");
        return spark;
    }
}
