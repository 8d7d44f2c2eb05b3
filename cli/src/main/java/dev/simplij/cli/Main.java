package dev.simplij.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code simplij COMMAND [ARGS]} on picocli: {@code --help}, {@code --version}, {@code help COMMAND},
 * one aligned command list, a completion script, usage errors as {@code simplij NAME: message} with
 * status 2. Every command is a picocli command of this module.
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

    /**
     * Every command by name, in the order of the command list; each is built only when it runs (or
     * when the whole list is needed), so that a command starts without the others' classes.
     */
    private static Map<String, Function<Streams, CommandLine>> commands() {
        Map<String, Function<Streams, CommandLine>> c = new LinkedHashMap<>();
        c.put("simplify", s -> new CommandLine(new SimplifyCommand(s)).setUnmatchedOptionsArePositionalParams(true));
        c.put("pipe-bench", s -> new CommandLine(new PipeBenchCommand(s)));
        c.put("mine", s -> new CommandLine(new MineCommand(s)));
        c.put("bench", s -> new CommandLine(new BenchCommand(s)));
        c.put("canon-bench", s -> new CommandLine(new CanonBenchCommand(s)));
        c.put("soundness", s -> new CommandLine(new SoundnessCommand(s)));
        c.put("fuzz", s -> new CommandLine(new FuzzCommand(s)));
        c.put("load", s -> new CommandLine(new LoadCommand(s)));
        c.put("generate", s -> new CommandLine(new GenerateCommand(s)));
        c.put("generate-bench", s -> new CommandLine(new GenerateBenchCommand(s)));
        c.put("rank", s -> new CommandLine(new RankCommand(s)));
        c.put("sr", s -> new CommandLine(new SrCommand(s)));
        c.put("sr-benchmark", SrBenchmarkCommand::commandLine);
        return Collections.unmodifiableMap(c);
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
        Streams streams = new Streams(in, out, err);
        String name = args.isEmpty() ? null : args.get(0);
        if ("simplify".equals(name) && expressionsOnly(args.subList(1, args.size()))) {
            // Only expressions (or none: standard input), so nothing for an option parser to do:
            // loading and verifying picocli's classes would add about 0.15 s of CPU to every start.
            SimplifyCommand command = new SimplifyCommand(streams);
            command.expressions = List.copyOf(args.subList(1, args.size()));
            return command.call();
        }
        Map<String, Function<Streams, CommandLine>> commands = commands();
        CommandLine line;
        if (commands.containsKey(name)) {
            // the command alone, named as under simplij: its start-up is not the others'
            line = conventions(commands.get(name).apply(streams).setCommandName("simplij " + name), streams);
            args = args.subList(1, args.size());
        } else {
            line = commandLine(streams);
        }
        Exception[] failure = new Exception[1];
        line.setExecutionExceptionHandler((e, failed, parsed) -> {
            String problem = problem(e);
            if (problem == null) {
                failure[0] = e;
                return 2;
            }
            failed.getErr().println(failed.getCommandSpec().qualifiedName() + ": " + problem);
            return badInput(e) ? 2 : 1;
        });
        int status = line.execute(args.toArray(String[]::new));
        line.getOut().flush();
        line.getErr().flush();
        if (failure[0] != null) {
            throw failure[0];
        }
        return status;
    }

    /** Whether no argument starts with {@code -} (a loop: a first lambda would cost start-up time). */
    private static boolean expressionsOnly(List<String> args) {
        for (String a : args) {
            if (a.startsWith("-")) {
                return false;
            }
        }
        return true;
    }

    /** Whether a failure is the input's: a bad value, rule file or configuration, or a missing file (status 2). */
    private static boolean badInput(Throwable e) {
        return e instanceof IllegalArgumentException || e instanceof NoSuchFileException
                || e instanceof UncheckedIOException u && badInput(u.getCause());
    }

    /**
     * What went wrong, for a failure of the input or of a file rather than of the program: a bad
     * value, rule file or configuration, a file that could not be read or written; null for anything
     * else, which is a bug and keeps its stack trace.
     */
    private static String problem(Throwable e) {
        if (e instanceof NoSuchFileException f) {
            return "no such file: " + f.getFile();
        }
        if (e instanceof AccessDeniedException f) {
            return "permission denied: " + f.getFile();
        }
        if (e instanceof UncheckedIOException u) {
            return problem(u.getCause());
        }
        if (e instanceof IllegalArgumentException || e instanceof IllegalStateException || e instanceof IOException) {
            return e.getMessage() != null ? e.getMessage() : e.toString();
        }
        return null;
    }

    /** With no command: the list of commands, and status 2. */
    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getOut());
        return 2;
    }

    /** The command line with every command, {@code help} and {@code completion}. */
    static CommandLine commandLine(Streams streams) {
        CommandLine line = new CommandLine(new Main());
        line.addSubcommand("help", new CommandLine.HelpCommand());
        commands().forEach((name, command) -> line.addSubcommand(name, command.apply(streams)));
        line.addSubcommand("completion", new CompletionCommand(streams));
        return conventions(line, streams);
    }

    /** The names of the commands, in the order of the command list ({@code help} and {@code completion} apart). */
    static Set<String> commandNames() {
        return commands().keySet();
    }
    /** Output streams, no {@code @file} expansion, and usage errors as {@code simplij NAME: message} with status 2. */
    private static CommandLine conventions(CommandLine line, Streams streams) {
        line.setOut(new PrintWriter(new OutputStreamWriter(streams.out(), StandardCharsets.UTF_8), true));
        line.setErr(new PrintWriter(new OutputStreamWriter(streams.err(), StandardCharsets.UTF_8), true));
        line.setExpandAtFiles(false);
        OptionChecks.wholeNumbersMayBeGrouped(line);
        headings(line);
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

    /** One layout of help for every command: description and options under headings of their own. */
    private static void headings(CommandLine line) {
        line.getCommandSpec().usageMessage().descriptionHeading("%n").optionListHeading("%nOptions:%n");
        line.getSubcommands().values().forEach(Main::headings);
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
