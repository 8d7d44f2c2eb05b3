package dev.simplij.cli;

import dev.simplij.sr.bench.SrBenchmark;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.UsageMessageSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code simplij sr-benchmark}: the symbolic-regression benchmark of {@link SrBenchmark} (Nguyen, the
 * Neural-ODE field, Feynman formulas, the AI Feynman database), normalization on and off.
 */
@Command(name = "sr-benchmark", header = "symbolic regression benchmark: Nguyen, Neural-ODE field, Feynman; "
        + "normalization on/off", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        sortOptions = false, usageHelpAutoWidth = true,
        description = {"Fits each problem from noiseless data until it is recovered (normalized MSE below 1e-10 on 200 "
                + "fresh points) or the budget runs out, and writes results.md, results.csv and figures to DIR. The budget "
                + "is --time seconds of wall-clock time and --cpu seconds of the JVM's CPU time (all threads), whichever "
                + "ends first. Each seed draws its own data and seeds the search. An untimed warm-up (3 CPU seconds per "
                + "setting on dx/dt) comes first, so that the first problem does not pay for loading the rules and "
                + "compiling the hot code.",
                "",
                "--suite feynman-full: the 100 + 20 equations of the AI Feynman database with their variable ranges, on "
                        + "the SRBench protocol: 512 support points (--points) and 512 held-out points per equation and "
                        + "seed; recovered = FVU of the selected equation on the held-out points <= 2^-23. Writes results.md "
                        + "(recovery rate with a 95%% Wilson interval, time and evaluations per run), results.csv and "
                        + "time-to-recovery-ecdf.png. --time is per equation."},
        footer = {"%nThe full AI Feynman benchmark, 120 x 50 s on 2 threads (at most 100 minutes):",
                "  simplij sr-benchmark --suite feynman-full --time 50 --threads 2 --seed 1 \\",
                "    --out feynman-full"},
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {"0:every run done, results written", "2:bad usage (an unknown suite or problem name among them)"})
final class SrBenchmarkCommand implements Callable<Integer> {
    @Option(names = "--suite", paramLabel = "NAME", defaultValue = "all", description = "nguyen, node, feynman, all "
            + "(those three; the default), physics (12 formulas with SI constants written in) or feynman-full")
    String suite;

    @Option(names = "--time", paramLabel = "SECONDS", description = "wall-clock seconds per search (default 120, none "
            + "when only --cpu is given)")
    Double wallSeconds;

    @Option(names = "--cpu", paramLabel = "SECONDS", description = "CPU seconds of the JVM per search (default: none); on "
            + "a shared machine the same CPU budget is the same budget from one run to the next")
    Double cpuSeconds;

    @Option(names = "--threads", paramLabel = "N", defaultValue = "2", description = "threads of each search (default "
            + "${DEFAULT-VALUE})")
    int threads;

    @Option(names = "--seed", paramLabel = "N", description = "one seed (default 0)")
    Long seed;

    @Option(names = "--seeds", paramLabel = "N", split = ",", description = "several seeds, one run per problem and "
            + "seed")
    List<Long> seeds;

    @Option(names = "--points", paramLabel = "N", description = "noiseless training points per problem (default 100; 512 "
            + "for feynman-full)")
    Integer points;

    @Option(names = "--compare", description = "run every problem and seed twice, with SimpliJ normalization on and off, "
            + "on the same budget and data, and write normalization.md (median and range over the seeds)")
    boolean compare;

    @Option(names = "--only", paramLabel = "NAME", split = ",", description = "only these problems of the suite "
            + "(names below, case-sensitive)")
    List<String> only;

    @Option(names = "--sample", paramLabel = "N", description = "feynman-full: N equations drawn with the first seed")
    Integer sample;

    @Option(names = "--linear-scaling", description = "feynman-full: fit every candidate as a + b*candidate (to measure "
            + "its effect on the same seeds and data)")
    boolean linearScaling;

    @Option(names = "--units", description = "physics: the searches know each formula's SI units (constants may "
            + "carry units; an inconsistent candidate's loss gets 1000 times the constant model's), to measure their effect")
    boolean units;

    @Option(names = "--no-normalize", description = "feynman-full: no SimpliJ normalization (to measure its effect)")
    boolean noNormalize;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "sr-benchmark-results",
            description = "where the results go (created; default ${DEFAULT-VALUE})")
    Path out;

    @Spec
    CommandSpec spec;

    private final PrintStream stdout;

    SrBenchmarkCommand(Streams streams) {
        this.stdout = streams.out();
    }

    /**
     * The command, its help listing the problems {@code --only} can name before the footer: added
     * here, not in the annotation, because the suites are data that an annotation's constants cannot
     * hold; as a section of its own so that picocli does not wrap a name across two lines.
     */
    static CommandLine commandLine(Streams streams) {
        CommandLine line = new CommandLine(new SrBenchmarkCommand(streams));
        UsageMessageSpec usage = line.getCommandSpec().usageMessage();
        List<String> sections = new ArrayList<>(usage.sectionKeys());
        sections.add(sections.indexOf(UsageMessageSpec.SECTION_KEY_FOOTER_HEADING), "problems");
        usage.sectionKeys(sections);
        usage.sectionMap().put("problems", help -> "\nProblems (names for --only, case-sensitive):\n"
                + SrBenchmark.problemList());
        return line;
    }

    @Override
    public Integer call() throws IOException {
        if (seed != null && seeds != null) {
            throw OptionChecks.usageError(spec, "--seed and --seeds: give one of them");
        }
        SrBenchmark.Builder b = SrBenchmark.builder().suite(suite).threads(threads).out(out).compare(compare)
                .linearScaling(linearScaling).normalization(!noNormalize).units(units)
                .command("./simplij sr-benchmark " + String.join(" ", spec.commandLine().getParseResult().originalArgs()));
        if (only != null) {
            b.only(only);
        }
        if (sample != null) {
            b.sample(sample);
        }
        if (wallSeconds != null) {
            b.wallSeconds(wallSeconds);
        }
        if (cpuSeconds != null) {
            b.cpuSeconds(cpuSeconds);
        }
        if (seed != null || seeds != null) {
            b.seeds(seeds != null ? seeds : List.of(seed));
        }
        if (points != null) {
            b.points(points);
        }
        SrBenchmark benchmark;
        try {
            benchmark = b.build();
        } catch (IllegalArgumentException settings) {
            throw OptionChecks.usageError(spec, settings.getMessage());
        }
        benchmark.run(stdout);
        return 0;
    }
}
