package dev.simplij.spark;

import dev.simplij.miner.RuleMiner;
import dev.simplij.rules.RuleFormatException;
import dev.simplij.rules.RuleSet;
import dev.simplij.sr.data.Decontaminator;
import dev.simplij.sr.data.GeneratorConfig;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code simplij-spark}: SimpliJ's jobs on Apache Spark, embedded by default or on the cluster of {@code --master}. */
@Command(name = "simplij-spark", mixinStandardHelpOptions = true, subcommands = {SparkMain.Generate.class, SparkMain.Mine.class},
        description = "SimpliJ's jobs on Apache Spark: embedded (local[*]) by default, on a cluster with --master URL.")
public final class SparkMain {
    private SparkMain() {
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new SparkMain()).execute(args));
    }

    /** Options of every job: where it runs. */
    static class Engine {
        @Option(names = "--master", paramLabel = "URL", description = "Spark master (default: spark.master if "
                + "spark-submit set it, else local[*]); spark://HOST:PORT for a standalone cluster")
        String master;

        @Option(names = "--partitions", paramLabel = "N", description = "partitions of each stage (default: 4 x the "
                + "default parallelism)")
        Integer partitions;

        @Option(names = "--quiet", description = "no stage progress")
        boolean quiet;

        SparkSession session(String job) {
            SparkSession.Builder b = SparkSession.builder().appName("simplij " + job)
                    .config("spark.ui.showConsoleProgress", !quiet);
            if (master != null) {
                b.master(master);
            } else if (!new org.apache.spark.SparkConf().contains("spark.master")) {
                b.master("local[*]");
            }
            SparkSession spark = b.getOrCreate();
            spark.sparkContext().setLogLevel("WARN");
            return spark;
        }

        int partitions(SparkSession spark) {
            return partitions != null ? partitions : 4 * spark.sparkContext().defaultParallelism();
        }
    }

    @Command(name = "generate", mixinStandardHelpOptions = true,
            description = "The records of 'simplij generate' for the same configuration, seed and count, computed on "
                    + "Spark: DIR/shard-NNNNN.jsonl, DIR/lengths.png and, with --test-set, DIR/decontamination.csv (the "
                    + "same bytes), DIR/parquet/, and a summary.",
            exitCodeListHeading = "%nExit status:%n",
            exitCodeList = {"0:N records written", "1:the sample budget ran out first",
                    "2:the output directory is not empty, or a --ruleset cannot be read"})
    static final class Generate implements Callable<Integer> {
        @CommandLine.Mixin
        Engine engine = new Engine();

        @Option(names = "--count", paramLabel = "N", required = true, description = "records to write")
        long count;

        @Option(names = "--out", paramLabel = "DIR", required = true, description = "output directory or URI that every "
                + "executor reaches; must not exist or hold no shards")
        String out;

        @Option(names = "--config", paramLabel = "FILE", description = "generator configuration over the defaults")
        Path config;

        @Option(names = "--seed", paramLabel = "N", description = "the configuration's seed")
        Long seed;

        @Option(names = "--test-set", paramLabel = "FILE.csv", description = "test formulas; matching skeletons are dropped")
        Path testSet;

        @Option(names = "--ruleset", paramLabel = "NAME|FILE[,...]", description = "rules of the skeleton simplifier "
                + "(default: the shipped default); several, separated by commas, are combined; read on the driver "
                + "and shipped to the executors as text")
        String ruleSets;

        @Option(names = "--max-sampled", paramLabel = "N", description = "the sample budget (default: max(10^6, 1000 * count))")
        Long maxSampled;

        @Override
        public Integer call() throws java.io.IOException {
            GeneratorConfig c = config != null ? GeneratorConfig.load(config) : GeneratorConfig.defaults();
            if (seed != null) {
                c = c.with("seed", seed.toString());
            }
            RuleSet rules;
            try {
                rules = ruleSets == null ? null : RuleSet.loadAll(ruleSets);
            } catch (RuleFormatException e) {
                System.err.println("simplij-spark generate: " + e.getMessage());
                return 2;
            }
            Decontaminator d = testSet == null ? null : Decontaminator.fromCsv(testSet, Generators.normalizer(rules), c);
            long budget = maxSampled != null ? maxSampled : Math.max(1_000_000L, Math.min(count, Long.MAX_VALUE / 1000) * 1000);
            try (SparkSession spark = engine.session("generate")) {
                GenerateJob job = new GenerateJob(spark, Generators.of(c, rules, d, testSet == null ? "" : testSet.toString()),
                        engine.partitions(spark), engine.quiet ? null : System.err);
                GenerateJob.Summary s;
                try {
                    s = job.run(count, out, budget);
                } catch (GenerateJob.OutputNotEmpty e) {
                    System.err.println("simplij-spark generate: " + e.getMessage());
                    return 2;
                }
                System.out.print(s.text());
                System.out.println("wrote " + out + "/shard-*.jsonl, " + out + "/parquet, lengths.png"
                        + (testSet != null ? ", decontamination.csv" : ""));
                return s.written() == count ? 0 : 1;
            }
        }
    }

    @Command(name = "mine", mixinStandardHelpOptions = true,
            description = "The rule file of 'simplij mine' for the same configuration (the same bytes), its units of "
                    + "work run as Spark stages on replicas of the run that the driver advances length by length.",
            exitCodeListHeading = "%nExit status:%n",
            exitCodeList = {"0:rules written", "2:a bad configuration, a --base that cannot be read or extended, or an --out "
                    + "that is a directory"})
    static final class Mine implements Callable<Integer> {
        @CommandLine.Mixin
        Engine engine = new Engine();

        @Option(names = "--operators", paramLabel = "OPS", required = true, description = "comma-separated operator tokens")
        String operators;

        @Option(names = "--leaves", paramLabel = "LEAVES", required = true, description = "comma-separated leaves")
        String leaves;

        @Option(names = "--max-source", paramLabel = "N", required = true)
        int maxSource;

        @Option(names = "--max-target", paramLabel = "N", required = true)
        int maxTarget;

        @Option(names = "--samples", paramLabel = "N", defaultValue = "512")
        int samples;

        @Option(names = "--seed", paramLabel = "N", defaultValue = "1")
        long seed;

        @Option(names = "--name", paramLabel = "NAME", description = "the rule set's name (default: the file's name "
                + "without .rules)")
        String name;

        @Option(names = "--base", paramLabel = "RULES", description = "extend a mined rule set (a shipped name or a "
                + "file, read on the driver and shipped to the executors): its rules prune the enumeration as if mined "
                + "in this run, and the output is the union, minimized together")
        String base;

        @Option(names = "--shorter-rules-first", description = "as ./simplij mine: skip the decisions that the rules "
                + "kept so far already make (changes two header counters, not the rules)")
        boolean shorterRulesFirst;

        @Option(names = "--modulo-commutativity", description = "as ./simplij mine: enumerate one of each pair of "
                + "swapped + and * operands")
        boolean moduloCommutativity;

        @Option(names = "--modulo-associativity", description = "as ./simplij mine, with --modulo-commutativity: build "
                + "a chain of three + or * operands in one grouping")
        boolean moduloAssociativity;

        @Option(names = "--out", paramLabel = "FILE", required = true, description = "where to write the rule file")
        String out;

        @Override
        public Integer call() throws java.io.IOException {
            String file = Path.of(out).getFileName().toString();
            SparkUnits.MinerSpec spec;
            try {
                RuleMiner.checkRuleFilePath(Path.of(out)); // refused before the run, not after it
                spec = new SparkUnits.MinerSpec(name != null ? name : file.replaceFirst("\\.rules$", ""),
                        java.util.Arrays.asList(operators.split(",")), java.util.Arrays.asList(leaves.split(",")), maxSource,
                        maxTarget, samples, seed, Runtime.getRuntime().availableProcessors(), base,
                        base == null ? null : RuleSet.load(base).rules(), shorterRulesFirst, moduloCommutativity,
                        moduloAssociativity);
                spec.config(null); // refused here, before a Spark session starts, not on an executor
            } catch (IllegalArgumentException e) {
                System.err.println("simplij-spark mine: " + e.getMessage());
                return 2;
            }
            try (SparkSession spark = engine.session("mine")) {
                MineJob.Result r = MineJob.mine(spark, spec, engine.partitions(spark), out, engine.quiet ? null : System.err);
                java.nio.file.Files.writeString(Path.of(out), r.text());
                System.out.print(r.result().statistics().table());
                System.out.printf("%d rules written to %s in %.1f s%n", r.result().statistics().rules(), out,
                        r.result().statistics().millis() / 1000.0);
                return 0;
            }
        }
    }
}
