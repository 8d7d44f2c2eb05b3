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
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
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
@Command(name = "simplify", header = SimplifyCommand.SUMMARY, sortOptions = false, usageHelpAutoWidth = true,
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

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "this text")
    boolean help;

    @Parameters(paramLabel = "EXPR", arity = "0..*", description = "expressions; none: read standard input")
    List<String> expressions = List.of();

    @Spec
    CommandSpec spec;

    private final InputStream in;
    private final PrintStream out;
    private final PrintStream err;

    SimplifyCommand(InputStream in, PrintStream out, PrintStream err) {
        this.in = in;
        this.out = out;
        this.err = err;
    }

    @Override
    public Integer call() throws IOException {
        String unknown = spec == null ? null : unknownOption();
        if (unknown != null) {
            throw new ParameterException(spec.commandLine(), "unknown option '" + unknown + "'");
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
        Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
        boolean failed;
        if (!expressions.isEmpty()) {
            failed = simplifyBatch(simplifier, prefix, expressions, 1, "argument", writer, err);
        } else {
            failed = false;
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16);
            List<String> batch = new ArrayList<>(BATCH);
            long lineNumber = 1;
            String line;
            while ((line = reader.readLine()) != null) {
                batch.add(line);
                if (batch.size() == BATCH) {
                    failed |= simplifyBatch(simplifier, prefix, batch, lineNumber, "line", writer, err);
                    lineNumber += batch.size();
                    batch.clear();
                }
            }
            failed |= simplifyBatch(simplifier, prefix, batch, lineNumber, "line", writer, err);
        }
        writer.flush();
        return failed ? 1 : 0;
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

    /** Parses, simplifies and writes one batch in order; returns whether some entry failed to parse. */
    private static boolean simplifyBatch(Simplifier simplifier, boolean prefix, List<String> texts, long firstNumber,
                                         String what, Writer out, PrintStream err) throws IOException {
        int n = texts.size();
        List<Expr> parsed = new ArrayList<>(n);
        boolean[] ok = new boolean[n];
        boolean failed = false;
        for (int i = 0; i < n; i++) {
            try {
                parsed.add(prefix ? Expr.parsePrefix(texts.get(i)) : Expr.parseInfix(texts.get(i)));
                ok[i] = true;
            } catch (ParseException e) {
                err.println("simplify: " + what + " " + (firstNumber + i) + ", position " + e.position() + ": "
                        + e.reason());
                failed = true;
            }
        }
        List<Expr> results = simplifier.simplifyAll(parsed);
        int next = 0;
        for (int i = 0; i < n; i++) {
            if (ok[i]) {
                Expr r = results.get(next++);
                out.write(prefix ? r.toPrefix() : r.toInfix());
            }
            out.write('\n');
        }
        return failed;
    }
}
