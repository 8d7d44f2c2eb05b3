package dev.simplij.reliability;

import dev.simplij.cli.Options;
import dev.simplij.rules.RuleSet;
import dev.simplij.simplify.Simplifier;

import java.io.PrintStream;
import java.util.List;
import java.util.Set;

/** {@code simplij soundness}: soundness at scale of a simplifier over seeded random expressions. */
public final class SoundnessCommand extends OptionsCommand {
    static final String HELP = """
            Usage: simplij soundness [--count N] [--seed N] [--min-size T] [--max-size T] [--points P]
                                     [--threads K] [--ruleset NAME|FILE] [--quiet]

            Draws N seeded random expressions (sizes T..T tokens; arithmetic, polynomial, power,
            trigonometric and full operator mixes), simplifies each, and compares input and output at
            P random points where the input is defined. A double-precision disagreement is re-checked
            in outward-rounded decimal interval arithmetic (40, then 120 digits) before it is
            reported as a mismatch; points no precision decides are counted as undecided. Prints every
            mismatch with its seed, input, output and point; '--seed S+i --count 1' reproduces
            expression i.

              --count N      expressions (default 10000000)
              --seed N       base seed (default 1)
              --min-size T   smallest expression in prefix tokens (default 3)
              --max-size T   largest expression in prefix tokens (default 40)
              --points P     points per expression (default 8)
              --threads K    worker threads (default: all cores)
              --ruleset X    rule set name or file (default: the shipped default)
              --quiet        no progress lines

            Exit status 0 with no mismatch and no crash, 1 otherwise.
            """;

    /** For the Command SPI ({@code simplij soundness}). */
    public SoundnessCommand() {
        super("soundness", "check value agreement of N seeded random expressions before and after simplify", HELP,
                Set.of("--help", "--quiet"),
                Set.of("--count", "--seed", "--min-size", "--max-size", "--points", "--threads", "--ruleset"));
    }

    @Override
    int execute(Options o, PrintStream out, PrintStream err) throws Exception {
        SoundnessCheck.Settings s = new SoundnessCheck.Settings(o.wholeNumber("--seed", 1),
                o.wholeNumber("--count", 10_000_000), o.integer("--min-size", 3), o.integer("--max-size", 40),
                o.integer("--points", 8), o.integer("--threads", Runtime.getRuntime().availableProcessors()));
        String ruleSet = o.text("--ruleset", RuleSet.DEFAULT_NAME);
        Simplifier simplifier = Simplifier.builder().ruleSet(RuleSet.load(ruleSet)).build();
        out.printf("soundness: %,d expressions, seed %d, sizes %d..%d, %d points each, %d threads, rule set %s%n",
                s.count(), s.seed(), s.minSize(), s.maxSize(), s.points(), s.threads(), ruleSet);
        SoundnessCheck.Report r = SoundnessCheck.run(s, simplifier::simplify, o.has("--quiet") ? null : err);
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

    public static void main(String[] args) throws Exception {
        System.exit(new SoundnessCommand().run(List.of(args), System.in, System.out, System.err));
    }
}
