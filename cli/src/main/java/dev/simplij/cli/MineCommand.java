package dev.simplij.cli;

import dev.simplij.expr.Operator;
import dev.simplij.miner.MinerConfig;
import dev.simplij.miner.MiningResult;
import dev.simplij.miner.MiningStatistics;
import dev.simplij.miner.RuleMiner;
import dev.simplij.miner.RuleVerifier;
import dev.simplij.rules.RuleSet;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code simplij mine}: mines a rule set and writes the rule file, or with {@code --verify}
 * re-checks an existing rule file (or shipped rule set) on a fresh seeded sample.
 */
@Command(name = "mine", header = "mine a verified minimal rule set offline, or --verify a rule file on a fresh sample",
        mixinStandardHelpOptions = true, versionProvider = Main.Version.class, sortOptions = false,
        usageHelpAutoWidth = true,
        description = {"Mines rewrite rules lhs -> rhs that hold wherever lhs is defined on the reals: every expression up "
                + "to N tokens whose proper subterms are irreducible is evaluated on a seeded sample, matched against all "
                + "irreducible expressions of at most M tokens, checked exactly (60-digit re-check of near misses, fresh "
                + "wider sample), and reduced to a minimal set. The same command writes the same bytes on any number of "
                + "threads. Values in single quotes (as a rule file's recorded command has them) lose the quotes.",
                "Mining needs --operators, --leaves, --max-source, --max-target and --out; --verify NAME|FILE takes only "
                        + "--samples and --seed."},
        footer = {"%nExample (the shipped small rule set, a few seconds; each rule file records its own command):",
                "  ./simplij mine --operators +,-,*,/,neg,abs,pow2,pow1_2,exp,log --leaves _0,_1,0,1,-1,2 \\",
                "    --max-source 4 --max-target 3 --samples 512 --seed 1 \\",
                "    --out rulesets/src/main/resources/dev/simplij/rulesets/small.rules"},
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {"0:rules written, or every rule verified", "1:a rule failed verification, or the file could not "
                + "be written", "2:bad usage or rule file"})
final class MineCommand implements Callable<Integer> {
    @Option(names = "--operators", paramLabel = "OPS", converter = ShellQuotes.class,
            description = "comma-separated operator tokens, or 'all' (every unary and binary operator of the table)")
    String operators;

    @Option(names = "--leaves", paramLabel = "LEAVES", converter = ShellQuotes.class,
            description = "comma-separated leaves: _0,_1 (pattern variables), numbers, pi, E, and '<constant>' (quoted in "
                    + "a shell) for free-constant rules: for every value of the left side's constants there are values of "
                    + "the right side's such that both agree wherever the left is defined")
    String leaves;

    @Option(names = "--max-source", paramLabel = "N", description = "longest left side in tokens (2..9)")
    Integer maxSource;

    @Option(names = "--max-target", paramLabel = "M", description = "longest right side in tokens (< N; free-constant "
            + "right sides as long as their left side only up to M)")
    Integer maxTarget;

    @Option(names = "--samples", paramLabel = "K", description = "sample points (default: 512; 2048 with --verify)")
    Integer samples;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "1", description = "sample seed (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--out", paramLabel = "FILE", converter = ShellQuotes.class, description = "where to write the rule file")
    String out;

    @Option(names = "--base", paramLabel = "RULES", converter = ShellQuotes.class,
            description = "extend a mined rule set (a shipped name or a file): its rules prune the enumeration as if mined "
                    + "in this run, and the output is the union, minimized together")
    String base;

    @Option(names = "--name", paramLabel = "NAME", converter = ShellQuotes.class,
            description = "rule set name (default: FILE's name without .rules)")
    String name;

    @Option(names = "--threads", paramLabel = "T", description = "worker threads (default: all cores); does not change "
            + "the result")
    Integer threads;

    @Option(names = "--quiet", description = "no progress bar")
    boolean quiet;

    @Option(names = "--shorter-rules-first", description = "skip the high-precision decision of a candidate that "
            + "the rules kept so far already reduce as far (the same rules, faster; two header counters differ)")
    boolean shorterRulesFirst;

    @Option(names = "--modulo-commutativity", description = "build + and * over their operands in one order only "
            + "(shorter or smaller first), one of each swapped pair: fewer sources; the runtime matches rules under "
            + "every swap, but some rules name another target than a plain run's")
    boolean moduloCommutativity;

    @Option(names = "--modulo-associativity", description = "with --modulo-commutativity: build a chain of three "
            + "operands of + or * in one grouping only, its first operand (shorter, fewer placeholders) alone, unless "
            + "that grouping's pair reduces; the miner then matches rules under every grouping of their chains")
    boolean moduloAssociativity;

    @Option(names = "--verify", paramLabel = "NAME|FILE", converter = ShellQuotes.class,
            description = "re-check every rule of a shipped rule set or rule file instead")
    String verify;

    @Spec
    CommandSpec spec;

    private final PrintStream stdout;
    private final PrintStream stderr;

    MineCommand(Streams streams) {
        this.stdout = streams.out();
        this.stderr = streams.err();
    }

    /** A value without the single quotes around it that a recorded {@code # command:} line has when read without a shell. */
    static final class ShellQuotes implements CommandLine.ITypeConverter<String> {
        @Override
        public String convert(String value) {
            return value.length() >= 2 && value.startsWith("'") && value.endsWith("'")
                    ? value.substring(1, value.length() - 1) : value;
        }
    }

    @Override
    public Integer call() throws IOException {
        return verify != null ? verify() : mine();
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

    private MinerConfig config() {
        String ops = OptionChecks.required(spec, "--operators", operators);
        List<String> tokens = ops.equals("all") ? allOperators() : Arrays.asList(ops.split(","));
        String file = Path.of(out).getFileName().toString();
        String setName = name != null ? name : file.endsWith(".rules") ? file.substring(0, file.length() - 6) : file;
        MinerConfig.Builder b = MinerConfig.builder()
                .name(setName)
                .operatorTokens(tokens)
                .leaves(Arrays.asList(OptionChecks.required(spec, "--leaves", leaves).split(",")))
                .maxSource(OptionChecks.required(spec, "--max-source", maxSource))
                .maxTarget(OptionChecks.required(spec, "--max-target", maxTarget))
                .samples(samples == null ? 512 : samples)
                .seed(seed)
                .progress(quiet ? null : stderr)
                .shorterRulesFirst(shorterRulesFirst)
                .moduloCommutativity(moduloCommutativity)
                .moduloAssociativity(moduloAssociativity);
        if (threads != null) {
            b.threads(threads);
        }
        if (base != null) {
            b.base(base, RuleSet.load(base));
        }
        return b.build();
    }

    private int mine() throws IOException {
        OptionChecks.required(spec, "--out", out);
        Path path = Path.of(out);
        try {
            RuleMiner.checkRuleFilePath(path);
        } catch (IllegalArgumentException directory) {
            throw OptionChecks.usageError(spec, directory.getMessage());
        }
        if (path.getParent() != null) {
            Files.createDirectories(path.getParent());
        }
        MinerConfig config = config();
        MiningResult result = RuleMiner.mine(config, out);
        try (Writer w = Files.newBufferedWriter(path, StandardCharsets.UTF_8)) {
            result.ruleSet().write(w);
        }
        MiningStatistics s = result.statistics();
        stdout.print(s.table());
        stdout.printf("%d rules written to %s in %.1f s on %d threads, peak heap %d MB%n", s.rules(), out,
                s.millis() / 1000.0, config.threads(), s.peakHeapBytes() >> 20);
        return 0;
    }

    private int verify() {
        RuleSet rules = RuleSet.load(verify);
        RuleVerifier verifier = RuleVerifier.forRules(rules.rules(), samples == null ? 2048 : samples, seed);
        List<String> failures = verifier.verify(rules);
        for (String f : failures) {
            stderr.println(f);
        }
        stdout.printf("%s: %d of %d rules hold on a fresh sample (seed %d)%n", rules.source(),
                rules.size() - failures.size(), rules.size(), seed);
        return failures.isEmpty() ? 0 : 1;
    }
}
