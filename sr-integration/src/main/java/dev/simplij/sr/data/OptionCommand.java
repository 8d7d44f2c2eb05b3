package dev.simplij.sr.data;

import dev.simplij.cli.Command;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Set;

/**
 * A command of this package: options parsed and checked by {@link CommandLine}, and one error path
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
    abstract int execute(CommandLine options, PrintStream out, PrintStream err) throws IOException;

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
        CommandLine cl;
        try {
            cl = CommandLine.parse(args, flags, valued);
        } catch (IllegalArgumentException e) {
            err.println(name + ": " + e.getMessage());
            err.print(usage);
            return 2;
        }
        if (cl.has("--help")) {
            out.print(usage);
            return 0;
        }
        try {
            return execute(cl, out, err);
        } catch (IllegalArgumentException | IllegalStateException | UncheckedIOException e) {
            err.println(name + ": " + e.getMessage());
            return 2;
        } catch (IOException e) {
            err.println(name + ": " + e);
            return 2;
        }
    }
}
