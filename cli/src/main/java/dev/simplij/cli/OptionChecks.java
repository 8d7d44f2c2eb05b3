package dev.simplij.cli;

import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/**
 * Checks of option values that picocli's types do not make (a least value, a relation between two
 * options); a failed check is a usage error in the same format and with the same status 2 as a
 * parsing error ({@code simplij NAME: message}).
 */
final class OptionChecks {
    private OptionChecks() {
    }

    /** A usage error of the command of {@code spec}. */
    static ParameterException usageError(CommandSpec spec, String message) {
        return new ParameterException(spec.commandLine(), message);
    }

    /** {@code value}, or a usage error when it is below {@code minimum}. */
    static long atLeast(CommandSpec spec, String option, long value, long minimum) {
        if (value < minimum) {
            throw usageError(spec, option + " must be at least " + minimum + ", got " + value);
        }
        return value;
    }

    /** {@link #atLeast(CommandSpec, String, long, long)} for an {@code int}. */
    static int atLeast(CommandSpec spec, String option, int value, int minimum) {
        return (int) atLeast(spec, option, (long) value, minimum);
    }

    /** {@code value}, or a usage error when it is below {@code minimum} or NaN. */
    static double atLeast(CommandSpec spec, String option, double value, double minimum) {
        if (!(value >= minimum)) {
            throw usageError(spec, option + " must be at least " + minimum + ", got " + value);
        }
        return value;
    }

    /** {@code value}, or a usage error when it is not above 0 (NaN included). */
    static double positive(CommandSpec spec, String option, double value) {
        if (!(value > 0)) {
            throw usageError(spec, option + " must be positive, got " + value);
        }
        return value;
    }

    /** A usage error naming the option when it was not given ({@code null}). */
    static <T> T required(CommandSpec spec, String option, T value) {
        if (value == null) {
            throw usageError(spec, "Missing required option: '" + option + "'");
        }
        return value;
    }

    /**
     * Whole numbers with digits grouped by {@code _} ({@code --count 10_000_000}), for every
     * {@code int} and {@code long} option; other text is refused with the option's name by picocli.
     */
    static CommandLine wholeNumbersMayBeGrouped(CommandLine line) {
        CommandLine.ITypeConverter<Long> longs = text -> wholeNumber(text, Long.MIN_VALUE, Long.MAX_VALUE);
        CommandLine.ITypeConverter<Integer> ints = text -> (int) wholeNumber(text, Integer.MIN_VALUE, Integer.MAX_VALUE);
        return line.registerConverter(Long.class, longs).registerConverter(long.class, longs)
                .registerConverter(Integer.class, ints).registerConverter(int.class, ints);
    }

    private static long wholeNumber(String text, long min, long max) {
        long n;
        try {
            n = Long.parseLong(text.replace("_", ""));
        } catch (NumberFormatException e) {
            throw new CommandLine.TypeConversionException("'" + text + "' is not a whole number");
        }
        if (n < min || n > max) {
            throw new CommandLine.TypeConversionException("'" + text + "' is outside " + min + ".." + max);
        }
        return n;
    }
}
