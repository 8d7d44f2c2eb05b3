package dev.simplij.sr.bench;

/**
 * What the launcher of the cli module needs to offer {@link SrBenchmark} as {@code simplij
 * sr-benchmark}: it passes the arguments through to {@link SrBenchmark#run} unchanged and prints
 * {@link #HELP} for help.
 */
public final class SrBenchmarkCommand {
    /** One line for the list of commands. */
    public static final String SUMMARY = "symbolic regression benchmark: Nguyen, Neural-ODE field, Feynman; "
            + "normalization on/off";
    /** The usage text. */
    public static final String HELP = SrBenchmark.USAGE;

    private SrBenchmarkCommand() {
    }
}
