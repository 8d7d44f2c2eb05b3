package dev.simplij.cli;

import dev.simplij.expr.Expr;
import dev.simplij.expr.ParseException;
import dev.simplij.rules.RuleSet;
import dev.simplij.simplify.Simplifier;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code simplij simplify}: simplifies expressions given as arguments, or streams standard input
 * one expression per line with exactly one output line per input line.
 */
@Command(name = "simplify", header = SimplifyCommand.SUMMARY, mixinStandardHelpOptions = true,
        versionProvider = Main.Version.class, sortOptions = false, usageHelpAutoWidth = true,
        description = {"Simplifies each EXPR, or with no EXPR each line of standard input, and writes one line per "
                + "expression in the same notation: infix in SymPy syntax (default), or prefix tokens with --prefix.",
                "A line that cannot be parsed gives an empty output line and a message on standard error with its line "
                + "number, character position (0-based) and the reason; the exit status is then 1, after all lines."},
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {"0:all simplified", "1:some expression could not be parsed", "2:bad usage or rule set"})
final class SimplifyCommand implements Callable<Integer> {
    /** One line for the list of commands. */
    static final String SUMMARY = "simplify expressions (arguments, or standard input line by line)";
    /** Lines parsed and simplified together (in parallel) before their results are written. */
    static final int BATCH = 8192;
    /** Batches at least this long run on every core (as {@code Simplifier.simplifyAll}). */
    static final int PARALLEL_FROM = 256;
    /** The shipped free-constant rules that {@code --skeleton} adds to the default rules. */
    static final String SKELETON_RULES = "skeleton";

    @Option(names = "--prefix", description = "read and write prefix tokens ('+ pow2 sin x1 pow2 cos x1')")
    boolean prefix;

    @Option(names = "--ruleset", paramLabel = "NAME|FILE[,...]",
            description = "shipped rule sets by name, or rule files; several, separated by commas, are combined "
                    + "(default: 'default', and 'default,skeleton' with --skeleton)")
    String ruleSets;

    @Option(names = "--skeleton", description = "skeleton mode: absorb <constant> free constants, with the "
            + "free-constant rules of 'skeleton' added to the default rules")
    boolean skeleton;

    @Parameters(paramLabel = "EXPR", arity = "0..*", description = "expressions; none: read standard input")
    List<String> expressions = List.of();

    @Spec
    CommandSpec spec;

    private final InputStream in;
    private final PrintStream out;
    private final PrintStream err;

    SimplifyCommand(Streams streams) {
        this.in = streams.in();
        this.out = streams.out();
        this.err = streams.err();
    }

    @Override
    public Integer call() throws IOException {
        String unknown = spec == null ? null : unknownOption();
        if (unknown != null) {
            throw new ParameterException(spec.commandLine(), "Unknown option: '" + unknown + "'");
        }
        String names = ruleSets != null ? ruleSets : skeleton ? RuleSet.DEFAULT_NAME + "," + SKELETON_RULES : null;
        Simplifier simplifier;
        try {
            RuleSet rules = names == null ? Simplifier.defaultRuleSet() : RuleSet.loadAll(names);
            if (!skeleton && rules.rules().stream().anyMatch(r -> r.lhs().constantCount() > 0)) {
                // 'exp <constant> -> <constant>' holds for some value of the right side's constant,
                // not for a fixed number the token would otherwise stand for
                err.println("simplify: " + rules.source() + " has free-constant rules; they hold only for skeletons:"
                        + " add --skeleton");
                return 2;
            }
            simplifier = Simplifier.builder().ruleSet(rules).skeleton(skeleton).build();
        } catch (IllegalArgumentException | IllegalStateException e) {
            // a bad rule file (RuleFormatException), no rulesets module
            err.println("simplify: " + e.getMessage());
            return 2;
        }
        boolean failed;
        if (!expressions.isEmpty()) {
            Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
            failed = simplifyBatch(simplifier, prefix, expressions, 1, "argument", writer, err);
            writer.flush();
        } else {
            failed = pipe(simplifier, prefix, in, out, err);
        }
        return failed ? 1 : 0;
    }

    /**
     * Simplifies every line of {@code in} into one line of {@code out}, in batches of {@link #BATCH}
     * lines: each batch is parsed, simplified and printed on this thread and the common pool's (as
     * {@code Simplifier.simplifyAll} runs), while a thread of its own writes the batch before, in
     * input order. Returns whether some line failed to parse.
     */
    static boolean pipe(Simplifier simplifier, boolean prefix, InputStream in, OutputStream out, PrintStream err)
            throws IOException {
        Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16);
        // Not the common pool: a batch waiting there behind the next batch's work would stall the pipe.
        ExecutorService output = Executors.newSingleThreadExecutor(task -> {
            Thread t = new Thread(task, "simplify-output");
            t.setDaemon(true);
            return t;
        });
        try {
            boolean failed = false;
            long lineNumber = 1;
            Future<Boolean> written = null;
            for (List<String> texts = read(reader); !texts.isEmpty(); texts = read(reader)) {
                Batch batch = Batch.of(simplifier, prefix, texts);
                failed |= written != null && outcome(written);
                long first = lineNumber;
                written = output.submit(() -> batch.write(first, "line", writer, err));
                lineNumber += texts.size();
            }
            failed |= written != null && outcome(written);
            writer.flush();
            return failed;
        } finally {
            output.shutdownNow();
        }
    }

    /** Whether the batch had a line that failed to parse, once it is written; its write's exception if it failed. */
    private static boolean outcome(Future<Boolean> written) throws IOException {
        try {
            return written.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while writing");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    /**
     * An argument before {@code --} that looks like a long option ({@code --name}) and is not one;
     * other arguments that start with {@code -} ({@code -x1 + 1}) are expressions.
     */
    private String unknownOption() {
        for (String arg : spec.commandLine().getParseResult().originalArgs()) {
            if (arg.equals("--")) {
                return null;
            }
            if (arg.length() > 2 && arg.startsWith("--") && Character.isLetter(arg.charAt(2))
                    && !spec.optionsMap().containsKey(arg.split("=", 2)[0])) {
                return arg;
            }
        }
        return null;
    }

    /** Up to {@link #BATCH} lines; empty at the end of the input. */
    private static List<String> read(BufferedReader reader) throws IOException {
        List<String> batch = new ArrayList<>(BATCH);
        String line;
        while (batch.size() < BATCH && (line = reader.readLine()) != null) {
            batch.add(line);
        }
        return batch;
    }

    /** Parses, simplifies and writes one batch; returns whether some entry failed to parse. */
    static boolean simplifyBatch(Simplifier simplifier, boolean prefix, List<String> texts, long firstNumber,
                                 String what, Writer out, PrintStream err) throws IOException {
        return Batch.of(simplifier, prefix, texts).write(firstNumber, what, out, err);
    }

    /** The printed results of a batch, or where each entry failed to parse; in input order. */
    private record Batch(String[] results, ParseException[] errors) {
        /** Each entry parsed, simplified and printed on its own, in parallel for a large batch. */
        static Batch of(Simplifier simplifier, boolean prefix, List<String> texts) {
            int n = texts.size();
            Batch b = new Batch(new String[n], new ParseException[n]);
            IntStream entries = IntStream.range(0, n);
            (n < PARALLEL_FROM ? entries : entries.parallel()).forEach(i -> {
                try {
                    Expr e = prefix ? Expr.parsePrefix(texts.get(i)) : Expr.parseInfix(texts.get(i));
                    Expr r = simplifier.simplify(e);
                    b.results[i] = prefix ? r.toPrefix() : r.toInfix();
                } catch (ParseException e) {
                    b.errors[i] = e;
                }
            });
            return b;
        }

        /** Writes one line per entry (empty for a parse error, reported on {@code err}); returns whether one failed. */
        boolean write(long firstNumber, String what, Writer out, PrintStream err) throws IOException {
            boolean failed = false;
            for (int i = 0; i < results.length; i++) {
                if (errors[i] != null) {
                    err.println("simplify: " + what + " " + (firstNumber + i) + ", position " + errors[i].position()
                            + ": " + errors[i].reason());
                    failed = true;
                } else {
                    out.write(results[i]);
                }
                out.write('\n');
            }
            return failed;
        }
    }
}
