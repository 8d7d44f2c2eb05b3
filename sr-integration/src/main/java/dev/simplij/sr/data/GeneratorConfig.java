package dev.simplij.sr.data;

import dev.simplij.expr.Operator;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * The generator's configuration: a properties file over the shipped defaults
 * ({@code generator-default.properties}, every key documented there). Immutable; validated when
 * made, with errors that name the source and the key.
 */
public final class GeneratorConfig {
    static final String DEFAULT_RESOURCE = "generator-default.properties";
    private static final String DOMAIN_PREFIX = "points.domain.";

    private final String source;
    private final Map<String, String> values;

    private final long seed;
    private final int minOperators;
    private final int maxOperators;
    private final Map<Operator, Double> operatorWeights;
    private final int minVariables;
    private final int maxVariables;
    private final double constantProbability;
    private final boolean simplify;
    private final boolean rejectConstant;
    private final boolean rejectFewerVariables;
    private final double rejectUndefinedFraction;
    private final int validationPoints;
    private final boolean pointsEnabled;
    private final int pointCount;
    private final Prior domain;
    private final Map<String, Prior> domainOverrides;
    private final Prior constantPrior;
    private final int shardRecords;
    private final long dedupeExpected;
    private final long dedupeMax;
    private final long dedupeMaxRaw;
    private final int threads;
    private final int decontaminationPoints;
    private final Prior decontaminationDomain;
    private final double decontaminationTolerance;
    private final int decontaminationMaxConstants;
    private final boolean decontaminationNumeric;
    private final int decontaminationExtraConstants;
    private final int decontaminationScreenIterations;
    private final double decontaminationScreenError;
    private final int decontaminationRestarts;

    private GeneratorConfig(String source, Map<String, String> values) {
        this.source = source;
        this.values = Collections.unmodifiableMap(new TreeMap<>(values));
        seed = longValue("seed");
        minOperators = intValue("operators.min", 0);
        maxOperators = intValue("operators.max", minOperators);
        operatorWeights = weights("operators.weights");
        minVariables = intValue("variables.min", 1);
        maxVariables = intValue("variables.max", minVariables);
        constantProbability = doubleValue("leaves.constantProbability", 0, 1);
        simplify = booleanValue("simplify");
        rejectConstant = booleanValue("reject.constant");
        rejectFewerVariables = booleanValue("reject.fewerVariables");
        rejectUndefinedFraction = doubleValue("reject.undefinedFraction", 0, 1);
        validationPoints = intValue("reject.validationPoints", 1);
        pointsEnabled = booleanValue("points.enabled");
        pointCount = intValue("points.count", 1);
        domain = prior("points.domain");
        Map<String, Prior> overrides = new TreeMap<>();
        for (String key : this.values.keySet()) {
            if (key.startsWith(DOMAIN_PREFIX)) {
                overrides.put(key.substring(DOMAIN_PREFIX.length()), prior(key));
            }
        }
        domainOverrides = Collections.unmodifiableMap(overrides);
        constantPrior = prior("constants.prior");
        shardRecords = intValue("output.shardRecords", 1);
        dedupeExpected = longValue("dedupe.expectedEntries");
        dedupeMax = longValue("dedupe.maxEntries");
        dedupeMaxRaw = longValue("dedupe.maxRawEntries");
        threads = intValue("threads", 0);
        decontaminationPoints = intValue("decontamination.points", 1);
        decontaminationDomain = prior("decontamination.domain");
        decontaminationTolerance = doubleValue("decontamination.tolerance", 0, 1);
        decontaminationMaxConstants = intValue("decontamination.maxConstants", 0);
        decontaminationNumeric = booleanValue("decontamination.numeric");
        decontaminationExtraConstants = intValue("decontamination.extraConstants", 0);
        decontaminationScreenIterations = intValue("decontamination.screenIterations", 1);
        decontaminationScreenError = doubleValue("decontamination.screenError", 0, Double.MAX_VALUE);
        decontaminationRestarts = intValue("decontamination.restarts", 0);
        if (dedupeExpected < 0 || dedupeMax < 1 || dedupeMaxRaw < 1) {
            throw error("dedupe.maxEntries", "and dedupe.maxRawEntries must be >= 1 (and dedupe.expectedEntries >= 0)");
        }
    }

    /** The shipped default configuration. */
    public static GeneratorConfig defaults() {
        return new GeneratorConfig("defaults", readDefaults());
    }

    /**
     * The defaults overridden by a properties file.
     *
     * @throws IllegalArgumentException naming the file and key of an unknown key or a bad value
     */
    public static GeneratorConfig load(Path file) {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(r);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read generator configuration " + file, e);
        }
        return defaults().with(file.toString(), toMap(p));
    }

    /** This configuration with one key changed. */
    public GeneratorConfig with(String key, String value) {
        return with(source + " + " + key, Map.of(key, value));
    }

    private GeneratorConfig with(String newSource, Map<String, String> changes) {
        Map<String, String> merged = new LinkedHashMap<>(values);
        for (Map.Entry<String, String> e : changes.entrySet()) {
            String key = e.getKey();
            if (!values.containsKey(key) && !key.startsWith(DOMAIN_PREFIX)) {
                throw new IllegalArgumentException(newSource + ": unknown key '" + key + "' (known: "
                        + String.join(", ", values.keySet()) + ")");
            }
            merged.put(key, e.getValue().trim());
        }
        return new GeneratorConfig(newSource, merged);
    }

    /** The default configuration's file, comments included, as {@code generate --print-config} shows it. */
    public static String defaultText() {
        try (InputStream in = GeneratorConfig.class.getResourceAsStream(DEFAULT_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("resource " + DEFAULT_RESOURCE + " is missing from the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, String> readDefaults() {
        Properties p = new Properties();
        try (InputStream in = GeneratorConfig.class.getResourceAsStream(DEFAULT_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("resource " + DEFAULT_RESOURCE + " is missing from the class path");
            }
            p.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return toMap(p);
    }

    private static Map<String, String> toMap(Properties p) {
        Map<String, String> m = new TreeMap<>();
        for (String name : p.stringPropertyNames()) {
            m.put(name, p.getProperty(name).trim());
        }
        return m;
    }

    private IllegalArgumentException error(String key, String what) {
        return new IllegalArgumentException(source + ": " + key + " = '" + values.get(key) + "' " + what);
    }

    private String raw(String key) {
        String v = values.get(key);
        if (v == null) {
            throw new IllegalArgumentException(source + ": missing key " + key);
        }
        return v;
    }

    private long longValue(String key) {
        try {
            return Long.parseLong(raw(key));
        } catch (NumberFormatException e) {
            throw error(key, "is not an integer");
        }
    }

    private int intValue(String key, int min) {
        long v = longValue(key);
        if (v < min || v > Integer.MAX_VALUE) {
            throw error(key, "must be an integer >= " + min);
        }
        return (int) v;
    }

    private double doubleValue(String key, double min, double max) {
        double v;
        try {
            v = Double.parseDouble(raw(key));
        } catch (NumberFormatException e) {
            throw error(key, "is not a number");
        }
        if (!(v >= min && v <= max)) {
            throw error(key, "must be in [" + min + ", " + max + "]");
        }
        return v;
    }

    private boolean booleanValue(String key) {
        return switch (raw(key)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw error(key, "must be true or false");
        };
    }

    private Prior prior(String key) {
        try {
            return Prior.parse(raw(key));
        } catch (IllegalArgumentException e) {
            throw error(key, "is not a prior: " + e.getMessage());
        }
    }

    private Map<Operator, Double> weights(String key) {
        Map<Operator, Double> w = new LinkedHashMap<>();
        for (String entry : raw(key).split(",")) {
            String[] parts = entry.trim().split("\\s+");
            if (parts.length != 2) {
                throw error(key, "entry '" + entry.trim() + "' is not 'token weight'");
            }
            Operator op = Operator.byToken(parts[0]);
            if (op == null || op.arity() == 0) {
                throw error(key, "'" + parts[0] + "' is not a unary or binary operator of the table");
            }
            double weight;
            try {
                weight = Double.parseDouble(parts[1]);
            } catch (NumberFormatException e) {
                throw error(key, "weight '" + parts[1] + "' of " + parts[0] + " is not a number");
            }
            if (!(weight >= 0) || Double.isInfinite(weight)) {
                throw error(key, "weight of " + parts[0] + " must be finite and >= 0");
            }
            if (w.put(op, weight) != null) {
                throw error(key, parts[0] + " is listed twice");
            }
        }
        if (w.values().stream().allMatch(x -> x == 0) && maxOperators > 0) {
            throw error(key, "gives every operator weight 0");
        }
        return Collections.unmodifiableMap(w);
    }

    /** Where this configuration came from (file names and overrides). */
    public String source() {
        return source;
    }

    /** Every key with its value, sorted by key: what a run records as its provenance. */
    public Map<String, String> values() {
        return values;
    }

    public long seed() {
        return seed;
    }

    /** A sampler for this configuration. */
    public SkeletonSampler sampler() {
        return new SkeletonSampler(operatorWeights, minOperators, maxOperators, minVariables, maxVariables,
                constantProbability);
    }

    public Map<Operator, Double> operatorWeights() {
        return operatorWeights;
    }

    public int maxOperators() {
        return maxOperators;
    }

    public int maxVariables() {
        return maxVariables;
    }

    public boolean simplify() {
        return simplify;
    }

    public boolean rejectConstant() {
        return rejectConstant;
    }

    public boolean rejectFewerVariables() {
        return rejectFewerVariables;
    }

    public double rejectUndefinedFraction() {
        return rejectUndefinedFraction;
    }

    public int validationPoints() {
        return validationPoints;
    }

    public boolean pointsEnabled() {
        return pointsEnabled;
    }

    public int pointCount() {
        return pointCount;
    }

    /** The domain prior of one variable: its override, else {@code points.domain}. */
    public Prior domain(String variable) {
        return domainOverrides.getOrDefault(variable, domain);
    }

    public Prior constantPrior() {
        return constantPrior;
    }

    public int shardRecords() {
        return shardRecords;
    }

    public long dedupeExpectedEntries() {
        return dedupeExpected;
    }

    public long dedupeMaxEntries() {
        return dedupeMax;
    }

    /** Cap of the raw-skeleton table, which only feeds the duplicate rate before simplification. */
    public long dedupeMaxRawEntries() {
        return dedupeMaxRaw;
    }

    /** Worker threads, with 0 resolved to the number of cores. */
    public int threads() {
        return threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
    }

    public int decontaminationPoints() {
        return decontaminationPoints;
    }

    public Prior decontaminationDomain() {
        return decontaminationDomain;
    }

    public double decontaminationTolerance() {
        return decontaminationTolerance;
    }

    public int decontaminationMaxConstants() {
        return decontaminationMaxConstants;
    }

    /** Whether the numeric check runs (else only the symbolic one). */
    public boolean decontaminationNumeric() {
        return decontaminationNumeric;
    }

    public int decontaminationExtraConstants() {
        return decontaminationExtraConstants;
    }

    public int decontaminationScreenIterations() {
        return decontaminationScreenIterations;
    }

    public double decontaminationScreenError() {
        return decontaminationScreenError;
    }

    public int decontaminationRestarts() {
        return decontaminationRestarts;
    }

    /** The declared variable names {@code x1 .. x(variables.max)}. */
    public List<String> variableNames() {
        return java.util.stream.IntStream.range(0, maxVariables).mapToObj(SkeletonSampler::variableName).toList();
    }
}
