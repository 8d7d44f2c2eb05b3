package dev.simplij.cli;

import java.io.InputStream;
import java.io.PrintStream;
import java.util.List;

/**
 * A subcommand of {@code simplij}, discovered with {@link java.util.ServiceLoader}: a module adds one
 * by listing its class in {@code META-INF/services/dev.simplij.cli.Command} (a public class with a
 * public no-argument constructor). {@link Main} answers {@code simplij NAME --help} with {@link #help()}
 * for every command.
 */
public interface Command {
    /** The word after {@code simplij}, such as {@code simplify}. */
    String name();

    /** One line for the list of commands. */
    String summary();

    /** The full usage text, printed for {@code --help}. */
    String help();

    /**
     * Runs the command.
     *
     * @param args the arguments after the command name
     * @return the exit status: 0 success, 1 some input failed, 2 bad usage
     */
    int run(List<String> args, InputStream in, PrintStream out, PrintStream err) throws Exception;
}
