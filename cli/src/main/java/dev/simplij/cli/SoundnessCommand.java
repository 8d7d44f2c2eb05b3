package dev.simplij.cli;

import dev.simplij.reliability.SoundnessCheck;
import dev.simplij.rules.RuleSet;
import dev.simplij.simplify.Simplifier;
import java.io.PrintStream;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code simplij soundness}: soundness at scale of a simplifier over seeded random expressions. */
@Command(name = "soundness", header = "check value agreement of N seeded random expressions before and after simplify",
        mixinStandardHelpOptions = true, versionProvider = Main.Version.class, sortOptions = false,
        usageHelpAutoWidth = true,
        description = {"Draws N seeded random expressions (arithmetic, polynomial, power, trigonometric and full operator "
                + "mixes), simplifies each, and compares input and output at P random points where the input is defined. "
                + "A double-precision disagreement is re-checked in outward-rounded decimal interval arithmetic (40, then "
                + "120 digits) before it is reported as a mismatch; points no precision decides are counted as undecided. "
                + "Prints every mismatch with its seed, input, output and point; '--seed S+i --count 1' reproduces "
                + "expression i."},
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {"0:no mismatch and no crash", "1:a mismatch or a crash", "2:bad usage or rule set"})
final class SoundnessCommand implements Callable<Integer> {
    @Option(names = "--count", paramLabel = "N", defaultValue = "10000000", description = "expressions (default: ${DEFAULT-VALUE})")
    long count;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "1", description = "base seed (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--min-size", paramLabel = "T", defaultValue = "3",
            description = "smallest expression in prefix tokens (default: ${DEFAULT-VALUE})")
    int minSize;

    @Option(names = "--max-size", paramLabel = "T", defaultValue = "40",
            description = "largest expression in prefix tokens (default: ${DEFAULT-VALUE})")
    int maxSize;

    @Option(names = "--points", paramLabel = "P", defaultValue = "8", description = "points per expression (default: ${DEFAULT-VALUE})")
    int points;

    @Option(names = "--threads", paramLabel = "K", description = "worker threads (default: all cores)")
    Integer threads;

    @Option(names = "--ruleset", paramLabel = "NAME|FILE", defaultValue = RuleSet.DEFAULT_NAME,
            description = "rule set name or file (default: ${DEFAULT-VALUE})")
    String ruleSet;

    @Option(names = "--quiet", description = "no progress lines")
    boolean quiet;

    @Spec
    CommandSpec spec;

    private final PrintStream out;
    private final PrintStream err;

    SoundnessCommand(Streams streams) {
        this.out = streams.out();
        this.err = streams.err();
    }

    @Override
    public Integer call() throws Exception {
        OptionChecks.atLeast(spec, "--count", count, 1);
        OptionChecks.atLeast(spec, "--min-size", minSize, 1);
        OptionChecks.atLeast(spec, "--max-size", maxSize, minSize);
        OptionChecks.atLeast(spec, "--points", points, 1);
        int workers = OptionChecks.atLeast(spec, "--threads",
                threads == null ? Runtime.getRuntime().availableProcessors() : threads, 1);
        SoundnessCheck.Settings s = new SoundnessCheck.Settings(seed, count, minSize, maxSize, points, workers);
        Simplifier simplifier = Simplifier.builder().ruleSet(RuleSet.load(ruleSet)).build();
        out.printf("soundness: %,d expressions, seed %d, sizes %d..%d, %d points each, %d threads, rule set %s%n",
                s.count(), s.seed(), s.minSize(), s.maxSize(), s.points(), s.threads(), ruleSet);
        SoundnessCheck.Report r = SoundnessCheck.run(s, simplifier::simplify, quiet ? null : err);
        for (SoundnessCheck.Mismatch m : r.mismatches()) {
            out.println("MISMATCH " + m);
        }
        for (String c : r.crashes()) {
            out.println("CRASH " + c);
        }
        for (SoundnessCheck.Mismatch m : r.undecidedSamples()) {
            out.println("undecided (neither agreement nor mismatch) " + m);
        }
        out.println(r.summary());
        return r.mismatchCount() == 0 && r.crashCount() == 0 ? 0 : 1;
    }
}
