package dev.simplij.rules;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An immutable, validated list of rules with its provenance header.
 *
 * <p>File format (UTF-8, one rule per line, diffable):
 * <pre>
 * # simplij-ruleset 1
 * # name: small
 * # ... provenance: operators, lengths, leaves, sample size, seed, counts, command ...
 * # rules: 2
 * # checksum: sha256:&lt;hex of the rule lines, each ending in '\n'&gt;
 * - _0 _0 -> 0
 * / _0 _0 -> 1
 * </pre>
 * Shipped rule sets are resources {@code dev/simplij/rulesets/NAME.rules} on the class path.
 */
public final class RuleSet {
    public static final String MAGIC = "# simplij-ruleset 1";
    public static final String DEFAULT_NAME = "default";
    static final String RESOURCE_DIRECTORY = "dev/simplij/rulesets/";

    private final String source;
    private final Map<String, String> header;
    private final List<Rule> rules;

    private RuleSet(String source, Map<String, String> header, List<Rule> rules) {
        this.source = source;
        this.header = Collections.unmodifiableMap(new LinkedHashMap<>(header));
        this.rules = List.copyOf(rules);
    }

    /**
     * A rule set made in memory (by the miner, or a test). The header gets {@code rules} and
     * {@code checksum} entries computed from the rules.
     *
     * @throws IllegalArgumentException if two rules have the same left side
     */
    public static RuleSet of(String name, Map<String, String> provenance, List<Rule> rules) {
        Map<String, String> header = new LinkedHashMap<>();
        header.put("name", name);
        header.putAll(provenance);
        header.remove("rules");
        header.remove("checksum");
        header.put("rules", Integer.toString(rules.size()));
        header.put("checksum", checksum(rules));
        requireDistinctLeftSides(name, rules);
        return new RuleSet(name, header, rules);
    }

    /** The shipped default rule set. */
    public static RuleSet defaultRuleSet() {
        return load(DEFAULT_NAME);
    }

    /**
     * Loads a shipped rule set by name, or else a rule file by path.
     *
     * @throws RuleFormatException if neither exists or the file is invalid
     */
    public static RuleSet load(String nameOrPath) {
        InputStream resource = RuleSet.class.getClassLoader().getResourceAsStream(RESOURCE_DIRECTORY + nameOrPath
                + ".rules");
        if (resource != null) {
            try (Reader reader = new InputStreamReader(resource, StandardCharsets.UTF_8)) {
                return read(reader, "ruleset '" + nameOrPath + "'");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        Path path = Path.of(nameOrPath);
        if (!Files.isRegularFile(path)) {
            throw new RuleFormatException(nameOrPath, 0, "no shipped rule set of that name and no such file");
        }
        return load(path);
    }

    /**
     * Loads and {@linkplain #combine combines} the rule sets of a comma-separated list of shipped
     * names or files, such as {@code "default,skeleton"}; a single name is {@link #load(String)}.
     */
    public static RuleSet loadAll(String namesOrPaths) {
        List<RuleSet> sets = new ArrayList<>();
        for (String one : namesOrPaths.split(",", -1)) {
            if (one.isBlank()) {
                throw new RuleFormatException(namesOrPaths, 0, "an empty rule set name in a comma-separated list");
            }
            sets.add(load(one.strip()));
        }
        return combine(sets);
    }

    /**
     * The rules of several sets as one set, in the order given (the order is the rules' priority);
     * when two sets have a rule for the same left side, the earlier set's rule is kept. One set is
     * returned as it is.
     */
    public static RuleSet combine(List<RuleSet> sets) {
        if (sets.isEmpty()) {
            throw new IllegalArgumentException("no rule set to combine");
        }
        if (sets.size() == 1) {
            return sets.get(0);
        }
        Map<String, Rule> byLeftSide = new LinkedHashMap<>();
        for (RuleSet set : sets) {
            for (Rule rule : set.rules()) {
                byLeftSide.putIfAbsent(rule.lhs().toPrefix(), rule);
            }
        }
        String name = String.join(",", sets.stream().map(RuleSet::name).toList());
        return of(name, Map.of("combines", String.join(", ", sets.stream().map(RuleSet::source).toList())),
                List.copyOf(byLeftSide.values()));
    }

    /** The header's {@code name}, else the source. */
    private String name() {
        return header.getOrDefault("name", source);
    }

    /** Loads a rule file. */
    public static RuleSet load(Path path) {
        try (Reader reader = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
            return read(reader, path.toString());
        } catch (IOException e) {
            throw new RuleFormatException(path.toString(), 0, "cannot read: " + e.getMessage());
        }
    }

    /**
     * Reads and validates a rule file: the magic line, the header, every rule (known operators,
     * arities, placeholders on the right bound on the left, strictly decreasing), the rule count,
     * distinct left sides and the checksum.
     */
    public static RuleSet read(Reader in, String source) throws IOException {
        BufferedReader reader = in instanceof BufferedReader b ? b : new BufferedReader(in);
        Map<String, String> header = new LinkedHashMap<>();
        List<Rule> rules = new ArrayList<>();
        Map<String, Integer> lineOfLhs = new HashMap<>();
        String line = reader.readLine();
        if (line == null) {
            throw new RuleFormatException(source, 0, "empty rule file");
        }
        if (!line.equals(MAGIC)) {
            throw new RuleFormatException(source, 1, "not a SimpliJ rule file: expected '" + MAGIC + "'");
        }
        int number = 1;
        boolean inRules = false;
        while ((line = reader.readLine()) != null) {
            number++;
            if (line.isBlank()) {
                continue;
            }
            if (line.startsWith("#")) {
                if (inRules) {
                    throw new RuleFormatException(source, number, "header line after the first rule");
                }
                int colon = line.indexOf(':');
                if (colon < 0) {
                    throw new RuleFormatException(source, number, "header line without 'key: value'");
                }
                header.put(line.substring(1, colon).trim(), line.substring(colon + 1).trim());
                continue;
            }
            inRules = true;
            Rule rule;
            try {
                rule = Rule.parse(line);
            } catch (IllegalArgumentException e) {
                throw new RuleFormatException(source, number, e.getMessage());
            }
            Integer previous = lineOfLhs.putIfAbsent(rule.lhs().toPrefix(), number);
            if (previous != null) {
                throw new RuleFormatException(source, number, "left side '" + rule.lhs() + "' already has a rule on line "
                        + previous);
            }
            rules.add(rule);
        }
        String declared = header.get("rules");
        if (declared == null) {
            throw new RuleFormatException(source, 0, "header has no 'rules' count");
        }
        if (!declared.equals(Integer.toString(rules.size()))) {
            throw new RuleFormatException(source, 0, "header declares " + declared + " rules, file has " + rules.size()
                    + " (truncated or edited?)");
        }
        String expected = header.get("checksum");
        String actual = checksum(rules);
        if (expected == null) {
            throw new RuleFormatException(source, 0, "header has no checksum");
        }
        if (!expected.equals(actual)) {
            throw new RuleFormatException(source, 0, "checksum mismatch: header says " + expected + ", rules give "
                    + actual + " (edited without regenerating?)");
        }
        return new RuleSet(source, header, rules);
    }

    /** Writes the file format; {@link #read} reads back an equal rule set, byte for byte. */
    public void write(Writer out) throws IOException {
        out.write(MAGIC);
        out.write('\n');
        for (Map.Entry<String, String> entry : header.entrySet()) {
            out.write("# " + entry.getKey() + ": " + entry.getValue() + "\n");
        }
        for (Rule rule : rules) {
            out.write(rule.toString());
            out.write('\n');
        }
        out.flush();
    }

    /** SHA-256 over the rule lines, each followed by '\n'. */
    public static String checksum(List<Rule> rules) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (Rule rule : rules) {
                digest.update((rule + "\n").getBytes(StandardCharsets.UTF_8));
            }
            return "sha256:" + HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
    }

    private static void requireDistinctLeftSides(String source, List<Rule> rules) {
        Map<String, Rule> seen = new HashMap<>();
        for (Rule rule : rules) {
            Rule previous = seen.putIfAbsent(rule.lhs().toPrefix(), rule);
            if (previous != null) {
                throw new RuleFormatException(source, 0, "two rules for left side '" + rule.lhs() + "'");
            }
        }
    }

    /** Where the rules came from: a file path or a shipped rule set's name. */
    public String source() {
        return source;
    }

    /** The provenance header, in file order. */
    public Map<String, String> header() {
        return header;
    }

    public List<Rule> rules() {
        return rules;
    }

    public int size() {
        return rules.size();
    }

    @Override
    public String toString() {
        return "RuleSet[" + source + ", " + rules.size() + " rules]";
    }
}
