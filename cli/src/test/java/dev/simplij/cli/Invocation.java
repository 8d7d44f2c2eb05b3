package dev.simplij.cli;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** One run of {@link Main} with captured streams: the exit status, standard output and standard error. */
record Invocation(int status, String out, String err) {
    /** Runs {@code simplij ARGS} with empty standard input. */
    static Invocation of(String... args) throws Exception {
        return withInput("", args);
    }

    /** Runs {@code simplij ARGS} with {@code stdin} as standard input. */
    static Invocation withInput(String stdin, String... args) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = Main.run(List.of(args), new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Invocation(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
