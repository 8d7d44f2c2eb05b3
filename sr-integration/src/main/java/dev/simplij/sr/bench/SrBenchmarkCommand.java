package dev.simplij.sr.bench;

import dev.simplij.cli.Command;
import java.io.InputStream;
import java.io.PrintStream;
import java.util.List;

/** Registers {@link SrBenchmark} as {@code simplij sr-benchmark}. */
public final class SrBenchmarkCommand implements Command {
    @Override
    public String name() {
        return "sr-benchmark";
    }

    @Override
    public String summary() {
        return "symbolic regression benchmark: Nguyen, Neural-ODE field, Feynman; normalization on/off";
    }

    @Override
    public String help() {
        return SrBenchmark.USAGE;
    }

    @Override
    public int run(List<String> args, InputStream in, PrintStream out, PrintStream err) throws Exception {
        return SrBenchmark.run(args, out, err);
    }
}
