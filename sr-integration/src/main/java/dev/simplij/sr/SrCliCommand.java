package dev.simplij.sr;

/**
 * What the launcher of the cli module needs to offer {@link SrCommand} as {@code simplij sr}: it
 * passes the arguments through to {@link SrCommand#run} unchanged and prints {@link #HELP} for help.
 */
public final class SrCliCommand {
    /** One line for the list of commands. */
    public static final String SUMMARY = "symbolic regression on a CSV file, candidates normalized by SimpliJ";
    /** The usage text. */
    public static final String HELP = SrCommand.USAGE;

    private SrCliCommand() {
    }
}
