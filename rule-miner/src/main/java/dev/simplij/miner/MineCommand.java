package dev.simplij.miner;

import dev.simplij.cli.Command;
import dev.simplij.cli.Options;
import dev.simplij.expr.Operator;
import dev.simplij.rules.RuleSet;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * {@code ./simplij mine}: mines a rule set and writes the rule file, or with {@code --verify}
 * re-checks an existing rule file (or shipped rule set) on a fresh seeded sample.
 */
public final class MineCommand implements Command {
    static final String USAGE = """
            Usage: ./simplij mine --operators OPS --leaves LEAVES --max-source N --max-target M
                                  --samples K --seed S --out FILE [--base RULES] [--name NAME]
                                  [--threads T] [--quiet]
                   ./simplij mine --verify NAME_OR_FILE [--samples K] [--seed S]

            Mines rewrite rules lhs -> rhs that hold wherever lhs is defined on the reals: every
            expression up to N tokens whose proper subterms are irreducible is evaluated on a seeded
            sample, matched against all irreducible expressions of at most M tokens, checked exactly
            (60-digit re-check of near misses, fresh wider sample), and reduced to a minimal set.
            The same command writes the same bytes on any number of threads.

              --operators OPS    comma-separated operator tokens, or 'all' (every unary and binary
                                 operator of the table): + - * / pow neg inv abs pow2 ... tanh
              --leaves LEAVES    comma-separated leaves: _0,_1 (pattern variables), numbers, pi, E,
                                 and '<constant>' (quoted in a shell) for free-constant rules: for
                                 every value of the left side's constants there are values of the
                                 right side's such that both agree wherever the left is defined
                                 (right sides may then be as long as the left, but smaller in order)
              --max-source N     longest left side in tokens (2..9)
              --max-target M     longest right side in tokens (< N; free-constant right sides as
                                 long as their left side only up to M)
              --samples K        sample points (default 512)
              --seed S           sample seed (default 1)
              --out FILE         where to write the rule file
              --base RULES       extend a mined rule set (a shipped name or a file): its rules prune
                                 the enumeration as if mined in this run, and the output is the union,
                                 minimized together (longer sources over an operator subset on top
                                 of a shorter mining of the whole table)
              --name NAME        rule set name (default: FILE's name without .rules)
              --threads T        worker threads (default: all cores); does not change the result
              --quiet            no progress bar
              --verify RULES     re-check every rule of a shipped rule set or rule file instead
              --help             this text

            Example (the shipped small rule set, a few seconds; 'skeleton.rules' records its own command):
              ./simplij mine --operators +,-,*,/,neg,abs,pow2,pow1_2,exp,log --leaves _0,_1,0,1,-1,2 \\
                --max-source 4 --max-target 3 --samples 512 --seed 1 \\
                --out rulesets/src/main/resources/dev/simplij/rulesets/small.rules
            """;

    /** For the {@link java.util.ServiceLoader}. */
    public MineCommand() {
    }

    @Override
    public String name() {
        return "mine";
    }

    @Override
    public String summary() {
        return "mine a verified minimal rule set offline, or --verify a rule file on a fresh sample";
    }

    @Override
    public String help() {
        return USAGE;
    }

    @Override
    public int run(List<String> args, InputStream in, PrintStream out, PrintStream err) {
        return execute(args.toArray(String[]::new), out, err);
    }

    /** Runs without the {@code simplij} launcher: {@code java -cp ... dev.simplij.miner.MineCommand ...}. */
    public static void main(String[] args) {
        System.exit(execute(args, System.out, System.err));
    }

    /** Runs the command; returns the process exit code (0 ok, 1 failed check, 2 usage error). */
    public static int execute(String[] args, PrintStream out, PrintStream err) {
        Options options;
        try {
            options = Options.parse(List.of(args), FLAGS, VALUED);
        } catch (IllegalArgumentException e) {
            err.println("mine: " + e.getMessage());
            err.println("Try './simplij mine --help'.");
            return 2;
        }
        if (options.has("--help")) {
            out.print(USAGE);
            return 0;
        }
        try {
            if (options.has("--verify")) {
                return verify(options, out, err);
            }
            return mine(options, out, err);
        } catch (IllegalArgumentException e) { // includes RuleFormatException
            err.println("mine: " + e.getMessage());
            return 2;
        } catch (IOException e) {
            err.println("mine: " + e.getMessage());
            return 1;
        }
    }

    private static final Set<String> FLAGS = Set.of("--help", "--quiet");
    private static final Set<String> VALUED = Set.of("--operators", "--leaves", "--max-source", "--max-target",
            "--samples", "--seed", "--out", "--name", "--threads", "--verify", "--base");

    /**
     * The option's text without the single quotes around it that a recorded {@code # command:} line
     * has (the leaves with {@code <constant>}) when it is read without a shell; null when not given.
     */
    private static String text(Options options, String name) {
        String value = options.text(name, null);
        if (value != null && value.length() >= 2 && value.startsWith("'") && value.endsWith("'")) {
            return value.substring(1, value.length() - 1);
        }
        return value;
    }

    private static String required(Options options, String name) {
        options.required(name);
        return text(options, name);
    }

    /** Every unary and binary operator of the table, by token. */
    static List<String> allOperators() {
        List<String> tokens = new ArrayList<>();
        for (Operator op : Operator.values()) {
            if (op.arity() > 0) {
                tokens.add(op.token());
            }
        }
        return tokens;
    }

    static MinerConfig config(Options options, String out, PrintStream progress) {
        String ops = required(options, "--operators");
        List<String> tokens = ops.equals("all") ? allOperators() : Arrays.asList(ops.split(","));
        String file = Path.of(out).getFileName().toString();
        String name = options.has("--name") ? text(options, "--name")
                : file.endsWith(".rules") ? file.substring(0, file.length() - 6) : file;
        MinerConfig.Builder b = MinerConfig.builder()
                .name(name)
                .operatorTokens(tokens)
                .leaves(Arrays.asList(required(options, "--leaves").split(",")))
                .maxSource(options.integer("--max-source", 0))
                .maxTarget(options.integer("--max-target", 0))
                .samples(options.integer("--samples", 512))
                .seed(options.wholeNumber("--seed", 1))
                .progress(progress);
        if (options.has("--threads")) {
            b.threads(options.integer("--threads", 1));
        }
        if (options.has("--base")) {
            String base = text(options, "--base");
            b.base(base, RuleSet.load(base));
        }
        return b.build();
    }

    private static int mine(Options options, PrintStream out, PrintStream err) throws IOException {
        String file = required(options, "--out");
        options.required("--max-source");
        options.required("--max-target");
        MinerConfig config = config(options, file, options.has("--quiet") ? null : err);
        MiningResult result = RuleMiner.mine(config, file);
        Path path = Path.of(file);
        if (path.getParent() != null) {
            Files.createDirectories(path.getParent());
        }
        try (Writer w = Files.newBufferedWriter(path, StandardCharsets.UTF_8)) {
            result.ruleSet().write(w);
        }
        MiningStatistics s = result.statistics();
        out.print(s.table());
        out.printf("%d rules written to %s in %.1f s on %d threads, peak heap %d MB%n", s.rules(), file,
                s.millis() / 1000.0, config.threads(), s.peakHeapBytes() >> 20);
        return 0;
    }

    private static int verify(Options options, PrintStream out, PrintStream err) {
        RuleSet rules = RuleSet.load(text(options, "--verify"));
        long seed = options.wholeNumber("--seed", 1);
        RuleVerifier verifier = RuleVerifier.forRules(rules.rules(), options.integer("--samples", 2048), seed);
        List<String> failures = verifier.verify(rules);
        for (String f : failures) {
            err.println(f);
        }
        out.printf("%s: %d of %d rules hold on a fresh sample (seed %d)%n", rules.source(),
                rules.size() - failures.size(), rules.size(), seed);
        return failures.isEmpty() ? 0 : 1;
    }
}
