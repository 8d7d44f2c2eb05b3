package dev.simplij.reliability;

import dev.simplij.cli.Options;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/** {@code simplij fuzz}: a Jazzer campaign on the parsers and printers. */
public final class FuzzCommand extends OptionsCommand {
    static final String HELP = """
            Usage: simplij fuzz [--seconds S] [--runs N] [--seed N] [--max-len BYTES] [--dir DIR] [--quiet]

            Coverage-guided fuzzing (Jazzer) of the infix and prefix parsers, the printers, the
            evaluator and the rule-line reader. Every input must either be refused with a
            ParseException naming a position inside the text, or read to an expression that prints
            and reads back to the same tree (prefix) and the same value (infix).

              --seconds S    stop after S seconds (default 600)
              --runs N       stop after N inputs (default: no limit)
              --seed N       libFuzzer seed (default 1)
              --max-len B    longest input in bytes (default 4096)
              --dir DIR      corpus and crash reproducers (default target/fuzz)
              --quiet        print only the summary

            Exit status 0 when no input crashed, 1 otherwise.
            """;

    /** For the Command SPI ({@code simplij fuzz}). */
    public FuzzCommand() {
        super("fuzz", "coverage-guided fuzzing (Jazzer) of the parsers and printers", HELP,
                Set.of("--help", "--quiet"),
                Set.of("--seconds", "--runs", "--seed", "--max-len", "--dir"));
    }

    @Override
    int execute(Options o, PrintStream out, PrintStream err) throws Exception {
        FuzzCampaign.Settings settings = new FuzzCampaign.Settings(o.wholeNumber("--seed", 1), o.wholeNumber("--runs", 0),
                o.integer("--seconds", o.has("--runs") ? 0 : 600), o.integer("--max-len", 4096),
                Path.of(o.text("--dir", "target/fuzz")));
        FuzzCampaign.Result r = FuzzCampaign.run(settings, o.has("--quiet") ? null : err);
        out.printf("fuzz: %,d inputs in %.0f s (%,.0f/s), %d crashes, seed %d, reproducers in %s%n", r.inputs(),
                r.seconds(), r.inputs() / Math.max(r.seconds(), 1e-9), r.crashes(), settings.seed(),
                settings.workDir().resolve("crashes"));
        r.findings().forEach(f -> out.println("  " + f));
        return r.clean() ? 0 : 1;
    }

    public static void main(String[] args) throws Exception {
        System.exit(new FuzzCommand().run(List.of(args), System.in, System.out, System.err));
    }
}
