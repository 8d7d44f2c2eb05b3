package dev.simplij.reliability;

import dev.simplij.cli.Command;

import java.io.InputStream;
import java.io.PrintStream;
import java.util.List;

/** A reliability command: its name, summary and help, and a usage error reported as exit status 2. */
abstract class OptionsCommand implements Command {
    private final String name;
    private final String summary;
    private final String help;

    OptionsCommand(String name, String summary, String help) {
        this.name = name;
        this.summary = summary;
        this.help = help;
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final String summary() {
        return summary;
    }

    @Override
    public final String help() {
        return help;
    }

    @Override
    public final int run(List<String> args, InputStream in, PrintStream out, PrintStream err) throws Exception {
        try {
            return execute(args.toArray(String[]::new), out, err);
        } catch (IllegalArgumentException e) {
            err.println("simplij " + name + ": " + e.getMessage());
            return 2;
        }
    }

    /** Runs the command; an {@link IllegalArgumentException} is a usage error. */
    abstract int execute(String[] args, PrintStream out, PrintStream err) throws Exception;
}
