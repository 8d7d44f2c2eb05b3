package dev.simplij.cli;

import dev.simplij.sr.Normalizer;
import dev.simplij.sr.data.Decontaminator;
import dev.simplij.sr.data.GeneratorConfig;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Option;

/** The generator's options that {@code generate} and {@code generate-bench} share. */
final class GeneratorOptions {
    @Option(names = "--config", paramLabel = "FILE", description = "generator configuration, a properties file over the "
            + "defaults (default: the defaults; see generate --print-config)")
    Path config;

    @Option(names = "--set", paramLabel = "KEY=VALUE", description = "override one configuration key (repeatable)")
    List<String> settings = List.of();

    @Option(names = "--seed", paramLabel = "N", description = "the same as --set seed=N")
    Long seed;

    @Option(names = "--threads", paramLabel = "N", description = "the same as --set threads=N (0: all cores)")
    Integer threads;

    @Option(names = "--ruleset", paramLabel = "NAME|FILE[,...]", description = "rules of the skeleton simplifier "
            + "(default: the shipped default); several, separated by commas, are combined")
    String ruleSets;

    @Option(names = "--test-set", paramLabel = "FILE.csv", description = "CSV with a header and a 'formula' column "
            + "(SymPy syntax, variables x1, x2, ... as generated); matching skeletons are dropped")
    Path testSet;

    /** The configuration of {@code --config} with {@code --set}, {@code --seed} and {@code --threads} applied. */
    GeneratorConfig config() {
        GeneratorConfig c = config != null ? GeneratorConfig.load(config) : GeneratorConfig.defaults();
        for (String kv : settings) {
            int eq = kv.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("--set takes KEY=VALUE, got '" + kv + "'");
            }
            c = c.with(kv.substring(0, eq).trim(), kv.substring(eq + 1));
        }
        if (seed != null) {
            c = c.with("seed", seed.toString());
        }
        if (threads != null) {
            c = c.with("threads", threads.toString());
        }
        return c;
    }

    /** The skeleton simplifier of {@code --ruleset}. */
    Normalizer normalizer() {
        return SkeletonRules.normalizer(ruleSets);
    }

    /** The decontaminator of {@code --test-set}, or null without one. */
    Decontaminator decontaminator(Normalizer normalizer, GeneratorConfig config) {
        return testSet == null ? null : Decontaminator.fromCsv(testSet, normalizer, config);
    }
}
