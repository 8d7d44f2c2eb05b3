package dev.simplij.cli;

import java.io.InputStream;
import java.io.PrintStream;

/** The standard streams of one invocation: the process's own, or a test's captured ones. */
record Streams(InputStream in, PrintStream out, PrintStream err) {
}
