package dev.simplij.spark;

import dev.simplij.rules.RuleSet;
import dev.simplij.simplify.Simplifier;
import dev.simplij.sr.Normalizer;
import dev.simplij.sr.SimplifierNormalizer;
import dev.simplij.sr.data.DatasetGenerator;
import dev.simplij.sr.data.Decontaminator;
import dev.simplij.sr.data.GeneratorConfig;
import java.io.IOException;
import java.io.Serializable;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What an executor needs to build the generator of a run: the configuration's keys and values, the
 * skeleton simplifier's rules as rule-file text (null for the standard simplifier) and the test set's
 * formulas, all plain data that Spark ships with the tasks, so an executor reads no file of the
 * driver's. Each JVM builds the generator (simplifier, filter, decontaminator) once per run and shares
 * it between its task threads; it is thread-safe.
 */
record Generators(TreeMap<String, String> config, String ruleSetText, List<String> testFormulas, String testSource)
        implements Serializable {
    private static final Map<Generators, DatasetGenerator> BUILT = new ConcurrentHashMap<>();

    /**
     * @param ruleSet        the skeleton simplifier's rules, or null for the standard simplifier
     * @param decontaminator built with {@link #normalizer(RuleSet)} of the same rules, or null
     */
    static Generators of(GeneratorConfig config, RuleSet ruleSet, Decontaminator decontaminator, String testSource) {
        return new Generators(new TreeMap<>(config.values()), ruleSet == null ? null : text(ruleSet),
                decontaminator == null ? List.of() : decontaminator.tests().stream().map(Decontaminator.TestFormula::formula).toList(),
                testSource);
    }

    /** Skeleton mode with {@code ruleSet}, or the SR search's standard simplifier for null. */
    static Normalizer normalizer(RuleSet ruleSet) {
        return ruleSet == null ? SimplifierNormalizer.standard()
                : SimplifierNormalizer.of(Simplifier.builder().ruleSet(ruleSet).skeleton(true).build());
    }

    private static String text(RuleSet ruleSet) {
        StringWriter w = new StringWriter();
        try {
            ruleSet.write(w);
        } catch (IOException e) {
            throw new UncheckedIOException("a StringWriter does not fail", e);
        }
        return w.toString();
    }

    GeneratorConfig generatorConfig() {
        GeneratorConfig c = GeneratorConfig.defaults();
        for (Map.Entry<String, String> e : config.entrySet()) {
            if (!e.getValue().equals(c.values().get(e.getKey()))) {
                c = c.with(e.getKey(), e.getValue());
            }
        }
        return c;
    }

    /** This JVM's generator for the run. */
    DatasetGenerator generator() {
        return BUILT.computeIfAbsent(this, g -> {
            Normalizer normalizer = normalizer(g.ruleSet());
            return new DatasetGenerator(g.generatorConfig(), normalizer, g.decontaminator(normalizer));
        });
    }

    /** The run's test set as the executors build it (the same rows and skeletons), or null without one. */
    Decontaminator decontaminator() {
        return testFormulas.isEmpty() ? null : decontaminator(normalizer(ruleSet()));
    }

    private Decontaminator decontaminator(Normalizer normalizer) {
        return testFormulas.isEmpty() ? null : Decontaminator.of(testFormulas, testSource, normalizer, generatorConfig());
    }

    /** The rules read back from their text (the driver validated them), or null. */
    private RuleSet ruleSet() {
        if (ruleSetText == null) {
            return null;
        }
        try {
            return RuleSet.read(new StringReader(ruleSetText), "the run's --ruleset");
        } catch (IOException e) {
            throw new UncheckedIOException("a StringReader does not fail", e);
        }
    }
}
