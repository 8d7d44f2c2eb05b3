package dev.simplij.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * {@code simplij COMMAND [ARGS]} on picocli: {@code --help}, {@code --version}, {@code help COMMAND},
 * one aligned command list, usage errors with status 2. {@code simplify} is a picocli command of
 * this module; the other modules' commands ({@link Command} services) still parse their own
 * arguments and are wrapped: picocli passes their arguments through unchanged and prints their
 * {@link Command#help()} for {@code --help} and {@code help NAME}.
 */
@CommandLine.Command(name = "simplij", synopsisSubcommandLabel = "COMMAND",
        description = "Rule-based simplification of symbolic-regression formulas, and the tools around it.",
        mixinStandardHelpOptions = true, versionProvider = Main.Version.class, usageHelpWidth = 110,
        commandListHeading = "%nCommands:%n",
        footer = "%nsimplij help COMMAND or simplij COMMAND --help: the command's options.")
public final class Main implements Callable<Integer> {
    @CommandLine.Spec
    CommandSpec spec;

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
        boolean simplify = !args.isEmpty() && args.get(0).equals("simplify");
        if (simplify && args.stream().skip(1).noneMatch(a -> a.startsWith("-"))) {
            // Only expressions (or none: standard input), so nothing for an option parser to do:
            // loading and verifying picocli's classes would add about 0.15 s of CPU to every start.
            SimplifyCommand command = new SimplifyCommand(in, out, err);
            command.expressions = List.copyOf(args.subList(1, args.size()));
            return command.call();
        }
        // simplify alone is built without the other commands: its start-up is what a pipe pays
        CommandLine line = simplify ? conventions(simplifyAlone(in, out, err), out, err) : commandLine(in, out, err);
        if (simplify) {
            args = args.subList(1, args.size());
        }
        Exception[] failure = new Exception[1];
        line.setExecutionExceptionHandler((e, failed, parsed) -> {
            failure[0] = e;
            return 2;
        });
        int status = line.execute(args.toArray(String[]::new));
        line.getOut().flush();
        line.getErr().flush();
        if (failure[0] != null) {
            throw failure[0];
        }
        return status;
    }

    /** With no command: the list of commands, and status 2. */
    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getOut());
        return 2;
    }

    /** The command line with every command: {@code simplify}, {@code help} and the {@link Command} services. */
    static CommandLine commandLine(InputStream in, PrintStream out, PrintStream err) {
        CommandLine line = new CommandLine(new Main());
        Map<String, CommandLine> byName = new TreeMap<>();
        byName.put("simplify", simplify(in, out, err));
        byName.put("pipe-bench", new CommandLine(new PipeBenchCommand(out, err)));
        for (Command c : commands()) {
            byName.putIfAbsent(c.name(), wrap(c, in, out, err));
        }
        line.addSubcommand("help", new CommandLine.HelpCommand());
        byName.forEach(line::addSubcommand);
        return conventions(line, out, err);
    }

    private static CommandLine simplify(InputStream in, PrintStream out, PrintStream err) {
        return new CommandLine(new SimplifyCommand(in, out, err)).setUnmatchedOptionsArePositionalParams(true);
    }

    /** {@code simplify} on its own, named as under {@code simplij}. */
    private static CommandLine simplifyAlone(InputStream in, PrintStream out, PrintStream err) {
        return simplify(in, out, err).setCommandName("simplij simplify");
    }

    /** Output streams, no {@code @file} expansion, and usage errors as {@code simplij NAME: message} with status 2. */
    private static CommandLine conventions(CommandLine line, PrintStream out, PrintStream err) {
        line.setOut(new PrintWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), true));
        line.setErr(new PrintWriter(new OutputStreamWriter(err, StandardCharsets.UTF_8), true));
        line.setExpandAtFiles(false);
        line.setParameterExceptionHandler((e, arguments) -> {
            CommandLine failed = e.getCommandLine();
            String name = failed.getCommandSpec().qualifiedName();
            PrintWriter messages = failed.getErr();
            if (failed.getCommand() instanceof Main && e instanceof CommandLine.UnmatchedArgumentException u
                    && !u.getUnmatched().isEmpty() && !u.getUnmatched().get(0).startsWith("-")) {
                messages.println(name + ": unknown command '" + u.getUnmatched().get(0) + "'");
                CommandLine.UnmatchedArgumentException.printSuggestions(u, messages);
            } else {
                messages.println(name + ": " + e.getMessage());
            }
            messages.println("(see " + name + " --help)");
            return 2;
        });
        return line;
    }

    /** The {@link Command} services on the class path, sorted by name. */
    public static List<Command> commands() {
        List<Command> list = new ArrayList<>();
        ServiceLoader.load(Command.class).forEach(list::add);
        list.sort((a, b) -> a.name().compareTo(b.name()));
        return list;
    }

    /**
     * A command that parses its own arguments, as a picocli subcommand: every argument goes to it
     * unchanged (no {@code @file} expansion, no {@code --} handling), and its usage is its own help text.
     */
    private static CommandLine wrap(Command command, InputStream in, PrintStream out, PrintStream err) {
        List<String> args = new ArrayList<>();
        CommandSpec spec = CommandSpec.wrapWithoutInspection((Callable<Integer>) () -> command.run(args, in, out, err));
        spec.name(command.name());
        spec.usageMessage().description(command.summary())
                .sectionKeys(List.of("help"))
                .sectionMap(Map.of("help", help -> command.help()));
        spec.addOption(OptionSpec.builder("-h", "--help").usageHelp(true).description("this text").build());
        spec.addPositional(PositionalParamSpec.builder().arity("0..*").paramLabel("ARGS").type(List.class)
                .auxiliaryTypes(String.class).setter(new CommandLine.Model.ISetter() {
                    @Override
                    public <T> T set(T value) {
                        args.clear();
                        if (value != null) {
                            @SuppressWarnings("unchecked")
                            List<String> given = (List<String>) value;
                            args.addAll(given);
                        }
                        return null;
                    }
                }).build());
        spec.parser().unmatchedOptionsArePositionalParams(true).posixClusteredShortOptionsAllowed(false)
                .endOfOptionsDelimiter("\u0000");
        return new CommandLine(spec);
    }

    /** {@code simplij --version}: the version the build stamped into {@code version.txt}. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            try (InputStream in = Main.class.getResourceAsStream("version.txt")) {
                String v = in == null ? "unknown" : new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
                return new String[] {"simplij " + v, "Java " + System.getProperty("java.version") + " ("
                        + System.getProperty("java.vendor") + ")"};
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

}
