package dev.simplij.spark;

import dev.simplij.sr.Normalizer;
import dev.simplij.sr.SimplifierNormalizer;
import dev.simplij.sr.data.DatasetGenerator;
import dev.simplij.sr.data.Decontaminator;
import dev.simplij.sr.data.GeneratorConfig;
import java.io.Serializable;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What an executor needs to build the generator of a run: the configuration's keys and values and
 * the test set's formulas, both plain data that Spark ships with the tasks. Each JVM builds the
 * generator (simplifier, filter, decontaminator) once per run and shares it between its task
 * threads; it is thread-safe.
 */
record Generators(TreeMap<String, String> config, List<String> testFormulas, String testSource) implements Serializable {
    private static final Map<Generators, DatasetGenerator> BUILT = new ConcurrentHashMap<>();

    static Generators of(GeneratorConfig config, Decontaminator decontaminator, String testSource) {
        return new Generators(new TreeMap<>(config.values()),
                decontaminator == null ? List.of() : decontaminator.tests().stream().map(Decontaminator.TestFormula::formula).toList(),
                testSource);
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
            GeneratorConfig c = g.generatorConfig();
            Normalizer normalizer = SimplifierNormalizer.standard();
            Decontaminator d = g.testFormulas.isEmpty() ? null : Decontaminator.of(g.testFormulas, g.testSource, normalizer, c);
            return new DatasetGenerator(c, normalizer, d);
        });
    }
}
