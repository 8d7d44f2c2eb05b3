package dev.simplij.cli;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The options of one command line, checked against what the command knows: {@code --flag} switches
 * and {@code --key VALUE} options (also written {@code --key=VALUE}; the value is the next argument
 * whatever it looks like, so {@code --seed -3} works). An option given twice keeps both values for
 * {@link #all}; the getters of one value refuse it ({@code --seed takes one value and was given 2
 * times}), so that a second value never silently replaces the first. Commands that take positional arguments (see
 * {@link #parseWithPositionals}) may mix them with the options, and {@code --} makes every argument
 * after it positional.
 *
 * <p>Every problem is an {@link IllegalArgumentException} whose message names the option and the
 * problem ({@code unknown option '--sed'}, {@code --out needs a value}, {@code --out is required},
 * {@code --seed needs a whole number, got 'x'}); the command adds its own name and exit status.
 * Asking for an option the command did not declare is a bug in the command and is refused too.
 * Immutable.
 *
 * <p>Its last users are the front ends of {@code sr} and {@code sr-benchmark} (issue 19), which the
 * launcher of the cli module still wraps; every other command is a picocli command of the cli module.
 * It goes when those two move there.
 */
public final class Options {
    private final Set<String> flags;
    private final Set<String> valued;
    private final Map<String, List<String>> values;
    private final List<String> positionals;

    private Options(Set<String> flags, Set<String> valued, Map<String, List<String>> values, List<String> positionals) {
        this.flags = flags;
        this.valued = valued;
        this.values = values;
        this.positionals = positionals;
    }

    /**
     * Parses a command line of options only: any argument that is not a declared option is an error.
     *
     * @param flags  the switches, such as {@code --quiet}
     * @param valued the options that take a value, such as {@code --seed}
     */
    public static Options parse(List<String> args, Set<String> flags, Set<String> valued) {
        return parse(args, flags, valued, false);
    }

    /**
     * Parses a command line of options and positional arguments: an argument that does not start with
     * {@code --} is positional, and so is every argument after {@code --}.
     */
    public static Options parseWithPositionals(List<String> args, Set<String> flags, Set<String> valued) {
        return parse(args, flags, valued, true);
    }

    private static Options parse(List<String> args, Set<String> flags, Set<String> valued, boolean takesPositionals) {
        for (String name : flags) {
            if (!name.startsWith("--") || valued.contains(name)) {
                throw new IllegalArgumentException("flag '" + name + "' must start with -- and not also take a value");
            }
        }
        for (String name : valued) {
            if (!name.startsWith("--")) {
                throw new IllegalArgumentException("option '" + name + "' must start with --");
            }
        }
        Map<String, List<String>> values = new LinkedHashMap<>();
        List<String> positionals = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (takesPositionals && arg.equals("--")) {
                positionals.addAll(args.subList(i + 1, args.size()));
                break;
            }
            if (!arg.startsWith("--")) {
                if (!takesPositionals) {
                    throw new IllegalArgumentException("unexpected argument '" + arg + "'");
                }
                positionals.add(arg);
                continue;
            }
            String name = arg;
            String value = null;
            int eq = arg.indexOf('=');
            if (eq > 2) {
                name = arg.substring(0, eq);
                value = arg.substring(eq + 1);
            }
            if (flags.contains(name)) {
                if (value != null) {
                    throw new IllegalArgumentException(name + " takes no value, got '" + arg + "'");
                }
                value = "true";
            } else if (valued.contains(name)) {
                if (value == null) {
                    if (i + 1 >= args.size()) {
                        throw new IllegalArgumentException(name + " needs a value");
                    }
                    value = args.get(++i);
                }
            } else {
                throw new IllegalArgumentException("unknown option '" + name + "'");
            }
            values.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
        }
        values.replaceAll((name, list) -> List.copyOf(list));
        return new Options(Set.copyOf(flags), Set.copyOf(valued), Map.copyOf(values), List.copyOf(positionals));
    }

    /** Whether the flag or the valued option was given. */
    public boolean has(String name) {
        declared(name);
        return values.containsKey(name);
    }

    /** The option's value, or {@code fallback} when it was not given; an error when given twice. */
    public String text(String name, String fallback) {
        String value = single(name);
        return value == null ? fallback : value;
    }

    /** The option's value; an error when it was not given, or given twice. */
    public String required(String name) {
        String value = single(name);
        if (value == null) {
            throw new IllegalArgumentException(name + " is required");
        }
        return value;
    }

    private String single(String name) {
        List<String> given = all(name);
        if (given.size() > 1) {
            throw new IllegalArgumentException(name + " takes one value and was given " + given.size() + " times ("
                    + String.join(", ", given.stream().map(v -> "'" + v + "'").toList()) + ")");
        }
        return given.isEmpty() ? null : given.get(0);
    }

    /** Every value of a repeatable option, in the order given; empty when it was not given. */
    public List<String> all(String name) {
        declaredValued(name);
        return values.getOrDefault(name, List.of());
    }

    /** {@link #wholeNumber(String, long, long)} with no minimum (a seed, or a value the command checks itself). */
    public long wholeNumber(String name, long fallback) {
        return wholeNumber(name, fallback, Long.MIN_VALUE);
    }

    /**
     * The option's whole number (digits may be grouped with {@code _}: {@code 10_000_000}), or
     * {@code fallback} when it was not given; an error when it is not a whole number or is below
     * {@code minimum}.
     */
    public long wholeNumber(String name, long fallback, long minimum) {
        String v = text(name, null);
        if (v == null) {
            return fallback;
        }
        long n = wholeNumber(name, v, v);
        if (n < minimum) {
            throw new IllegalArgumentException(name + " must be at least " + minimum + ", got " + n);
        }
        return n;
    }

    /**
     * The option's comma-separated whole numbers ({@code --seeds 1,2,3}; blanks around a number are
     * ignored), or {@code fallback} when it was not given.
     */
    public List<Long> wholeNumbers(String name, List<Long> fallback) {
        String v = text(name, null);
        if (v == null) {
            return fallback;
        }
        List<Long> numbers = new ArrayList<>();
        for (String item : v.split(",")) {
            numbers.add(wholeNumber(name, item.trim(), v));
        }
        return List.copyOf(numbers);
    }

    private static long wholeNumber(String name, String text, String given) {
        try {
            return Long.parseLong(text.replace("_", ""));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " needs a whole number, got '" + given + "'");
        }
    }

    /** {@link #integer(String, int, int)} with no minimum. */
    public int integer(String name, int fallback) {
        return integer(name, fallback, Integer.MIN_VALUE);
    }

    /** {@link #wholeNumber(String, long, long)} for a number that must fit an {@code int}. */
    public int integer(String name, int fallback, int minimum) {
        long n = wholeNumber(name, fallback, minimum);
        if (n > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(name + " must be at most " + Integer.MAX_VALUE + ", got " + n);
        }
        return (int) n;
    }

    /** The option's decimal number (as Java reads a double), or {@code fallback} when it was not given. */
    public double decimal(String name, double fallback) {
        String v = text(name, null);
        if (v == null) {
            return fallback;
        }
        try {
            return Double.parseDouble(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " needs a number, got '" + v + "'");
        }
    }

    /** {@link #decimal(String, double)} that, when given, must be at least {@code minimum} (so not NaN). */
    public double decimal(String name, double fallback, double minimum) {
        double x = decimal(name, fallback);
        if (has(name) && !(x >= minimum)) {
            throw new IllegalArgumentException(name + " must be at least "
                    + BigDecimal.valueOf(minimum).stripTrailingZeros().toPlainString() + ", got " + text(name, null));
        }
        return x;
    }

    /** The positional arguments in order (always empty for a command line of options only). */
    public List<String> positionals() {
        return positionals;
    }

    private void declared(String name) {
        if (!flags.contains(name) && !valued.contains(name)) {
            throw new IllegalArgumentException(name + " is not an option of this command");
        }
    }

    private void declaredValued(String name) {
        if (!valued.contains(name)) {
            throw new IllegalArgumentException(name + " is not an option of this command that takes a value");
        }
    }
}
