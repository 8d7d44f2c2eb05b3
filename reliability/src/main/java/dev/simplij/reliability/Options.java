package dev.simplij.reliability;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/** {@code --name value} and {@code --flag} arguments of the reliability commands, checked against a known set. */
final class Options {
    private final Map<String, String> values = new HashMap<>();

    Options(String command, String[] args, Set<String> flags, Set<String> valued) {
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (flags.contains(arg)) {
                values.put(arg, "true");
            } else if (valued.contains(arg)) {
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException(command + ": " + arg + " needs a value");
                }
                values.put(arg, args[++i]);
            } else {
                throw new IllegalArgumentException(command + ": unknown argument '" + arg + "' (try --help)");
            }
        }
    }

    boolean flag(String name) {
        return values.containsKey(name);
    }

    String text(String name, String fallback) {
        return values.getOrDefault(name, fallback);
    }

    long number(String name, long fallback) {
        String v = values.get(name);
        if (v == null) {
            return fallback;
        }
        try {
            return Long.parseLong(v.replace("_", ""));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " needs a whole number, got '" + v + "'");
        }
    }
}
