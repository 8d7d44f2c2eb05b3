package dev.simplij.reliability;

import dev.simplij.cli.Command;
import dev.simplij.cli.Options;

import java.io.InputStream;
import java.io.PrintStream;
import java.util.List;
import java.util.Set;

/**
 * A reliability command: its name, summary, help and options ({@code --help} among the flags), and a
 * usage error reported as exit status 2.
 */
abstract class OptionsCommand implements Command {
    private final String name;
    private final String summary;
    private final String help;
    private final Set<String> flags;
    private final Set<String> valued;

    OptionsCommand(String name, String summary, String help, Set<String> flags, Set<String> valued) {
        this.name = name;
        this.summary = summary;
        this.help = help;
        this.flags = flags;
        this.valued = valued;
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
            Options options = Options.parse(args, flags, valued);
            if (options.has("--help")) {
                out.print(help);
                return 0;
            }
            return execute(options, out, err);
        } catch (IllegalArgumentException e) {
            err.println("simplij " + name + ": " + e.getMessage());
            return 2;
        }
    }

    /** Runs the command once its options are parsed; an {@link IllegalArgumentException} is a usage error. */
    abstract int execute(Options options, PrintStream out, PrintStream err) throws Exception;
}
