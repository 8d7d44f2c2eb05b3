package dev.simplij.cli;

import dev.simplij.reliability.FuzzCampaign;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code simplij fuzz}: a Jazzer campaign on the parsers and printers. */
@Command(name = "fuzz", header = "coverage-guided fuzzing (Jazzer) of the parsers and printers",
        mixinStandardHelpOptions = true, versionProvider = Main.Version.class, sortOptions = false,
        usageHelpAutoWidth = true,
        description = {"Coverage-guided fuzzing (Jazzer) of the infix and prefix parsers, the printers, the evaluator and "
                + "the rule-line reader. Every input must either be refused with a ParseException naming a position "
                + "inside the text, or read to an expression that prints and reads back to the same tree (prefix) and "
                + "the same value (infix)."},
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {"0:no input crashed", "1:an input crashed", "2:bad usage"})
final class FuzzCommand implements Callable<Integer> {
    @Option(names = "--seconds", paramLabel = "S", description = "stop after S seconds (default: 600 without --runs)")
    Integer seconds;

    @Option(names = "--runs", paramLabel = "N", defaultValue = "0", description = "stop after N inputs (default: no limit)")
    long runs;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "1", description = "libFuzzer seed (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--max-len", paramLabel = "BYTES", defaultValue = "4096",
            description = "longest input in bytes (default: ${DEFAULT-VALUE})")
    int maxLength;

    @Option(names = "--dir", paramLabel = "DIR", defaultValue = "target/fuzz",
            description = "corpus and crash reproducers (default: ${DEFAULT-VALUE})")
    Path dir;

    @Option(names = "--quiet", description = "print only the summary")
    boolean quiet;

    @Spec
    CommandSpec spec;

    private final PrintStream out;
    private final PrintStream err;

    FuzzCommand(Streams streams) {
        this.out = streams.out();
        this.err = streams.err();
    }

    @Override
    public Integer call() throws Exception {
        OptionChecks.atLeast(spec, "--runs", runs, 0);
        int limit = OptionChecks.atLeast(spec, "--seconds", seconds != null ? seconds : runs > 0 ? 0 : 600, 0);
        OptionChecks.atLeast(spec, "--max-len", maxLength, 1);
        FuzzCampaign.Settings settings = new FuzzCampaign.Settings(seed, runs, limit, maxLength, dir);
        FuzzCampaign.Result r = FuzzCampaign.run(settings, quiet ? null : err);
        out.printf("fuzz: %,d inputs in %.0f s (%,.0f/s), %d crashes, seed %d, reproducers in %s%n", r.inputs(),
                r.seconds(), r.inputs() / Math.max(r.seconds(), 1e-9), r.crashes(), settings.seed(),
                settings.workDir().resolve("crashes"));
        r.findings().forEach(f -> out.println("  " + f));
        return r.clean() ? 0 : 1;
    }
}
