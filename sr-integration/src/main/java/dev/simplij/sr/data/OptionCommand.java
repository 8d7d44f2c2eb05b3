package dev.simplij.sr.data;

import dev.simplij.cli.Command;
import dev.simplij.cli.Options;
import dev.simplij.rules.RuleSet;
import dev.simplij.simplify.Simplifier;
import dev.simplij.sr.Normalizer;
import dev.simplij.sr.SimplifierNormalizer;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Set;

/**
 * A command of this package: options parsed and checked by {@link Options}, and one error path
 * for all: bad usage prints the message and the usage to standard error with status 2;
 * {@code --help} prints the usage with status 0; an invalid configuration or input file prints its
 * message with status 2.
 */
abstract class OptionCommand implements Command {
    private final String name;
    private final String summary;
    private final String usage;
    private final Set<String> flags;
    private final Set<String> valued;

    OptionCommand(String name, String summary, String usage, Set<String> flags, Set<String> valued) {
        this.name = name;
        this.summary = summary;
        this.usage = usage;
        this.flags = flags;
        this.valued = valued;
    }

    /** Does the work once the options are parsed; returns the exit status. */
    abstract int execute(Options options, PrintStream out, PrintStream err) throws IOException;

    /** The skeleton-mode simplifier of {@code --ruleset NAME|FILE[,...]} (rule sets combined), else the SR search's standard one. */
    static Normalizer skeletonSimplifier(Options options) {
        String ruleset = options.text("--ruleset", null);
        if (ruleset == null) {
            return SimplifierNormalizer.standard();
        }
        return SimplifierNormalizer.of(Simplifier.builder().ruleSet(RuleSet.loadAll(ruleset)).skeleton(true).build());
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String summary() {
        return summary;
    }

    @Override
    public String help() {
        return usage;
    }

    @Override
    public int run(List<String> args, InputStream in, PrintStream out, PrintStream err) {
        return run(args, out, err);
    }

    /** Runs the command; returns the exit status. */
    public int run(List<String> args, PrintStream out, PrintStream err) {
        Options options;
        try {
            options = Options.parse(args, flags, valued);
        } catch (IllegalArgumentException e) {
            err.println(name + ": " + e.getMessage());
            err.print(usage);
            return 2;
        }
        if (options.has("--help")) {
            out.print(usage);
            return 0;
        }
        try {
            return execute(options, out, err);
        } catch (IllegalArgumentException | IllegalStateException | UncheckedIOException e) {
            err.println(name + ": " + e.getMessage());
            return 2;
        } catch (IOException e) {
            err.println(name + ": " + e);
            return 2;
        }
    }
}
