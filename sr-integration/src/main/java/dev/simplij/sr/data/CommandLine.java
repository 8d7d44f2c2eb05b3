package dev.simplij.sr.data;

import dev.simplij.rules.RuleSet;
import dev.simplij.simplify.Simplifier;
import dev.simplij.sr.Normalizer;
import dev.simplij.sr.SimplifierNormalizer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The options of one command line: {@code --flag} switches and {@code --key VALUE} pairs (also
 * written {@code --key=VALUE}); a repeatable option keeps every value. Validated when parsed: an
 * unknown option or a missing value is an error that names it.
 */
final class CommandLine {
    private final Map<String, List<String>> values;

    private CommandLine(Map<String, List<String>> values) {
        this.values = values;
    }

    static CommandLine parse(List<String> args, Set<String> flags, Set<String> valued) {
        Map<String, List<String>> values = new LinkedHashMap<>();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            String value = null;
            int eq = arg.indexOf('=');
            if (arg.startsWith("--") && eq > 0) {
                value = arg.substring(eq + 1);
                arg = arg.substring(0, eq);
            }
            if (flags.contains(arg) && value == null) {
                values.computeIfAbsent(arg, k -> new ArrayList<>()).add("true");
            } else if (valued.contains(arg)) {
                if (value == null) {
                    if (i + 1 >= args.size()) {
                        throw new IllegalArgumentException(arg + " needs a value");
                    }
                    value = args.get(++i);
                }
                values.computeIfAbsent(arg, k -> new ArrayList<>()).add(value);
            } else {
                throw new IllegalArgumentException("unknown option '" + args.get(i) + "'");
            }
        }
        return new CommandLine(values);
    }

    boolean has(String key) {
        return values.containsKey(key);
    }

    /** The last value given, or null. */
    String get(String key) {
        List<String> v = values.get(key);
        return v == null ? null : v.get(v.size() - 1);
    }

    String require(String key) {
        String v = get(key);
        if (v == null) {
            throw new IllegalArgumentException(key + " is required");
        }
        return v;
    }

    List<String> all(String key) {
        return values.getOrDefault(key, List.of());
    }

    long longValue(String key, long otherwise, long min) {
        String v = get(key);
        if (v == null) {
            return otherwise;
        }
        long n;
        try {
            n = Long.parseLong(v.replace("_", ""));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " must be an integer, got '" + v + "'");
        }
        if (n < min) {
            throw new IllegalArgumentException(key + " must be >= " + min + ", got " + n);
        }
        return n;
    }

    /** The skeleton-mode simplifier of {@code --ruleset NAME|FILE}, else the SR search's standard one. */
    Normalizer skeletonSimplifier() {
        String ruleset = get("--ruleset");
        if (ruleset == null) {
            return SimplifierNormalizer.standard();
        }
        return SimplifierNormalizer.of(Simplifier.builder().ruleSet(RuleSet.load(ruleset)).skeleton(true).build());
    }
}
