package dev.simplij.cli;

import dev.simplij.expr.Expr;
import dev.simplij.reliability.RandomExpressions;
import dev.simplij.simplify.Simplifier;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.apache.commons.rng.UniformRandomProvider;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code simplij pipe-bench}: the {@code simplify} pipe (read lines, parse, simplify, print, write
 * in order) against {@code Simplifier.simplifyAll} on the same parsed expressions, in one JVM with
 * the same simplifier, rounds alternating which goes first.
 */
@Command(name = "pipe-bench", header = PipeBenchCommand.SUMMARY, mixinStandardHelpOptions = true,
        versionProvider = Main.Version.class, sortOptions = false, usageHelpAutoWidth = true,
        description = {"Draws LINES seeded random expressions of TOKENS prefix tokens, writes them as infix lines, and "
                + "times, per round, simplifyAll on the parsed expressions (the library) and the simplify command's "
                + "pipe over the same lines from memory to a discarding stream (reading, parsing, simplifying, printing "
                + "and writing). Both use the shipped default rules, loaded once before the rounds (loading time is "
                + "printed apart). Prints each round and the medians; the pipe's target is 1.5x the library's time."},
        exitCodeListHeading = "%nExit status:%n", exitCodeList = {"0:measured", "2:bad usage"})
final class PipeBenchCommand implements Callable<Integer> {
    static final String SUMMARY = "time the simplify pipe against simplifyAll on the same random lines";

    @Option(names = "--lines", defaultValue = "1000000", description = "lines per round (default ${DEFAULT-VALUE})")
    int lines;

    @Option(names = "--tokens", defaultValue = "15", description = "tokens per expression (default ${DEFAULT-VALUE})")
    int tokens;

    @Option(names = "--seed", defaultValue = "1", description = "seed of the expressions (default ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--rounds", defaultValue = "5", description = "timed rounds after one warm-up "
            + "(default ${DEFAULT-VALUE})")
    int rounds;

    @Spec
    CommandSpec spec;

    private final PrintStream out;
    private final PrintStream err;

    PipeBenchCommand(Streams streams) {
        this.out = streams.out();
        this.err = streams.err();
    }

    @Override
    public Integer call() throws IOException {
        OptionChecks.atLeast(spec, "--lines", lines, 1);
        OptionChecks.atLeast(spec, "--tokens", tokens, 1);
        OptionChecks.atLeast(spec, "--rounds", rounds, 1);
        long loadStart = System.nanoTime();
        Simplifier simplifier = Simplifier.standard();
        double loadSeconds = (System.nanoTime() - loadStart) / 1e9;
        RandomExpressions random = new RandomExpressions(tokens, tokens);
        UniformRandomProvider rng = RandomExpressions.rng(seed);
        List<Expr> expressions = new ArrayList<>(lines);
        StringBuilder text = new StringBuilder(lines * 4 * tokens);
        for (int i = 0; i < lines; i++) {
            Expr e = Expr.parseInfix(random.generate(rng).toInfix());
            expressions.add(e);
            text.append(e.toInfix()).append('\n');
        }
        byte[] input = text.toString().getBytes(StandardCharsets.UTF_8);
        out.printf(Locale.ROOT, "%,d lines of %d tokens (seed %d), %,d bytes; default rules loaded in %.2f s; %d cores%n",
                lines, tokens, seed, input.length, loadSeconds, Runtime.getRuntime().availableProcessors());
        double[] library = new double[rounds];
        double[] pipe = new double[rounds];
        double[] libraryCpu = new double[rounds];
        double[] pipeCpu = new double[rounds];
        for (int round = -1; round < rounds; round++) {
            boolean libraryFirst = round % 2 == 0;
            double l;
            double p;
            if (libraryFirst) {
                l = timeLibrary(simplifier, expressions, libraryCpu, round);
                p = timePipe(simplifier, input, pipeCpu, round);
            } else {
                p = timePipe(simplifier, input, pipeCpu, round);
                l = timeLibrary(simplifier, expressions, libraryCpu, round);
            }
            if (round >= 0) {
                library[round] = l;
                pipe[round] = p;
                out.printf(Locale.ROOT, "round %d: simplifyAll %.3f s wall (%,.0f lines/s), %.3f s CPU; pipe %.3f s wall "
                        + "(%,.0f lines/s), %.3f s CPU; pipe/library %.2f wall, %.2f CPU%n", round + 1, l, lines / l,
                        libraryCpu[round], p, lines / p, pipeCpu[round], p / l, pipeCpu[round] / libraryCpu[round]);
            }
        }
        double l = median(library);
        double p = median(pipe);
        out.printf(Locale.ROOT, "median: simplifyAll %.3f s wall (%,.0f lines/s), %.3f s CPU; pipe %.3f s wall "
                + "(%,.0f lines/s), %.3f s CPU; pipe/library %.2f wall, %.2f CPU (target 1.5)%n", l, lines / l,
                median(libraryCpu), p, lines / p, median(pipeCpu), p / l, median(pipeCpu) / median(libraryCpu));
        return 0;
    }

    /** Wall-clock seconds of one simplifyAll; adds the JVM's CPU seconds over it to {@code cpu}. */
    private static double timeLibrary(Simplifier simplifier, List<Expr> expressions, double[] cpu, int round) {
        long cpuStart = processCpuNanos();
        long start = System.nanoTime();
        List<Expr> results = simplifier.simplifyAll(expressions);
        double seconds = (System.nanoTime() - start) / 1e9;
        record(cpu, round, cpuStart);
        if (results.size() != expressions.size()) {
            throw new IllegalStateException("simplifyAll returned " + results.size() + " results");
        }
        return seconds;
    }

    /** Wall-clock seconds of one pipe over {@code input}; adds the JVM's CPU seconds over it to {@code cpu}. */
    private double timePipe(Simplifier simplifier, byte[] input, double[] cpu, int round) throws IOException {
        long cpuStart = processCpuNanos();
        long start = System.nanoTime();
        CountingSink sink = new CountingSink();
        boolean failed = SimplifyCommand.pipe(simplifier, false, new ByteArrayInputStream(input), sink, err);
        double seconds = (System.nanoTime() - start) / 1e9;
        record(cpu, round, cpuStart);
        if (failed || sink.lines != lines) {
            throw new IllegalStateException("the pipe wrote " + sink.lines + " lines of " + lines);
        }
        return seconds;
    }

    private static void record(double[] cpu, int round, long cpuStart) {
        if (round >= 0) {
            cpu[round] = (processCpuNanos() - cpuStart) / 1e9;
        }
    }

    /** CPU time of the whole JVM (every thread, GC and JIT included). */
    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    /** Discards what is written, counting the lines. */
    private static final class CountingSink extends OutputStream {
        long lines;

        @Override
        public void write(int b) {
            if (b == '\n') {
                lines++;
            }
        }

        @Override
        public void write(byte[] b, int off, int len) {
            for (int i = off; i < off + len; i++) {
                if (b[i] == '\n') {
                    lines++;
                }
            }
        }
    }
}
