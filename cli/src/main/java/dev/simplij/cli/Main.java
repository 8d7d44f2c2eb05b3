package dev.simplij.cli;

import java.io.InputStream;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.ServiceLoader;

/** {@code simplij COMMAND [ARGS]}: dispatches to the {@link Command}s found on the class path. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        int status;
        try {
            status = run(Arrays.asList(args), System.in, System.out, System.err);
        } catch (Exception e) {
            System.err.println("simplij: " + e);
            status = 2;
        }
        System.out.flush();
        System.exit(status);
    }

    /** Runs one invocation; returns the exit status. */
    public static int run(List<String> args, InputStream in, PrintStream out, PrintStream err) throws Exception {
        List<Command> commands = commands();
        if (args.isEmpty() || args.get(0).equals("--help") || args.get(0).equals("-h") || args.get(0).equals("help")) {
            out.print(overview(commands));
            return args.isEmpty() ? 2 : 0;
        }
        String name = args.get(0);
        List<String> rest = args.subList(1, args.size());
        for (Command c : commands) {
            if (c.name().equals(name)) {
                if (rest.contains("--help") || rest.contains("-h")) {
                    out.print(c.help());
                    return 0;
                }
                return c.run(rest, in, out, err);
            }
        }
        err.println("simplij: unknown command '" + name + "'");
        err.print(overview(commands));
        return 2;
    }

    /** The commands on the class path, sorted by name. */
    public static List<Command> commands() {
        List<Command> list = new ArrayList<>();
        ServiceLoader.load(Command.class).forEach(list::add);
        list.sort(Comparator.comparing(Command::name));
        return list;
    }

    private static String overview(List<Command> commands) {
        StringBuilder sb = new StringBuilder("usage: simplij COMMAND [ARGS]   (simplij COMMAND --help for details)\n\n");
        for (Command c : commands) {
            sb.append(String.format("  %-10s %s%n", c.name(), c.summary()));
        }
        return sb.toString();
    }
}
