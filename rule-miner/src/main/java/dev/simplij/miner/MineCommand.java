package dev.simplij.miner;

import dev.simplij.cli.Command;
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
import java.util.HashMap;
import java.util.List;
import java.util.Map;

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
        Map<String, String> options;
        try {
            options = parse(args);
        } catch (IllegalArgumentException e) {
            err.println("mine: " + e.getMessage());
            err.println("Try './simplij mine --help'.");
            return 2;
        }
        if (options.containsKey("help")) {
            out.print(USAGE);
            return 0;
        }
        try {
            if (options.containsKey("verify")) {
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

    private static final List<String> FLAGS = List.of("help", "quiet");
    private static final List<String> VALUED = List.of("operators", "leaves", "max-source", "max-target", "samples",
            "seed", "out", "name", "threads", "verify", "base");

    private static Map<String, String> parse(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (!arg.startsWith("--")) {
                throw new IllegalArgumentException("unexpected argument '" + arg + "'");
            }
            String key = arg.substring(2);
            String value = null;
            int eq = key.indexOf('=');
            if (eq >= 0) {
                value = key.substring(eq + 1);
                key = key.substring(0, eq);
            }
            if (FLAGS.contains(key)) {
                options.put(key, "true");
            } else if (VALUED.contains(key)) {
                if (value == null) {
                    if (i + 1 >= args.length) {
                        throw new IllegalArgumentException("--" + key + " needs a value");
                    }
                    value = args[++i];
                }
                if (value.length() >= 2 && value.startsWith("'") && value.endsWith("'")) {
                    value = value.substring(1, value.length() - 1); // a recorded command read without a shell
                }
                options.put(key, value);
            } else {
                throw new IllegalArgumentException("unknown option '--" + key + "'");
            }
        }
        return options;
    }

    private static String required(Map<String, String> options, String key) {
        String v = options.get(key);
        if (v == null) {
            throw new IllegalArgumentException("--" + key + " is required");
        }
        return v;
    }

    private static int integer(Map<String, String> options, String key, int fallback) {
        String v = options.get(key);
        if (v == null) {
            return fallback;
        }
        try {
            return Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + key + " must be an integer, got '" + v + "'");
        }
    }

    private static long seed(Map<String, String> options) {
        String v = options.getOrDefault("seed", "1");
        try {
            return Long.parseLong(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--seed must be an integer, got '" + v + "'");
        }
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

    static MinerConfig config(Map<String, String> options, String out, PrintStream progress) {
        String ops = required(options, "operators");
        List<String> tokens = ops.equals("all") ? allOperators() : Arrays.asList(ops.split(","));
        String file = Path.of(out).getFileName().toString();
        String name = options.getOrDefault("name", file.endsWith(".rules") ? file.substring(0, file.length() - 6) : file);
        MinerConfig.Builder b = MinerConfig.builder()
                .name(name)
                .operatorTokens(tokens)
                .leaves(Arrays.asList(required(options, "leaves").split(",")))
                .maxSource(integer(options, "max-source", 0))
                .maxTarget(integer(options, "max-target", 0))
                .samples(integer(options, "samples", 512))
                .seed(seed(options))
                .progress(progress);
        if (options.containsKey("threads")) {
            b.threads(integer(options, "threads", 1));
        }
        if (options.containsKey("base")) {
            b.base(options.get("base"), RuleSet.load(options.get("base")));
        }
        return b.build();
    }

    private static int mine(Map<String, String> options, PrintStream out, PrintStream err) throws IOException {
        String file = required(options, "out");
        required(options, "max-source");
        required(options, "max-target");
        MinerConfig config = config(options, file, options.containsKey("quiet") ? null : err);
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

    private static int verify(Map<String, String> options, PrintStream out, PrintStream err) {
        RuleSet rules = RuleSet.load(options.get("verify"));
        long seed = seed(options);
        RuleVerifier verifier = RuleVerifier.forRules(rules.rules(), integer(options, "samples", 2048), seed);
        List<String> failures = verifier.verify(rules);
        for (String f : failures) {
            err.println(f);
        }
        out.printf("%s: %d of %d rules hold on a fresh sample (seed %d)%n", rules.source(),
                rules.size() - failures.size(), rules.size(), seed);
        return failures.isEmpty() ? 0 : 1;
    }
}
