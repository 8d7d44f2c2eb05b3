package dev.simplij.sr;

import dev.simplij.cli.Command;
import java.io.InputStream;
import java.io.PrintStream;
import java.util.List;

/** Registers {@link SrCommand} as {@code simplij sr}. */
public final class SrCliCommand implements Command {
    @Override
    public String name() {
        return "sr";
    }

    @Override
    public String summary() {
        return "symbolic regression on a CSV file, candidates normalized by SimpliJ";
    }

    @Override
    public String help() {
        return SrCommand.USAGE;
    }

    @Override
    public int run(List<String> args, InputStream in, PrintStream out, PrintStream err) {
        return SrCommand.run(args, out, err);
    }
}
