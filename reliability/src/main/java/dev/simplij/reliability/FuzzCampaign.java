package dev.simplij.reliability;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A coverage-guided fuzzing campaign of {@link ExpressionFuzzTarget} with Jazzer (libFuzzer for the
 * JVM). Jazzer's standalone driver runs in a child JVM, because it instruments classes as they load
 * and exits the process on a finding; this class builds its command line, streams its log and
 * reports the inputs run and the distinct crashes, whose reproducers stay in the work directory.
 */
public final class FuzzCampaign {
    /** The Jazzer release the build resolves; kept in step with reliability/pom.xml. */
    static final String JAZZER_VERSION = "0.24.0";
    private static final Pattern DONE = Pattern.compile("Done (\\d+) runs in (\\d+) second");
    private static final Pattern PROGRESS = Pattern.compile("^#(\\d+)\\s");
    /** Tokens the fuzzer splices into inputs: operators, spellings and the rule arrow. */
    private static final List<String> DICTIONARY = List.of("+", "-", "*", "/", "**", "^", "(", ")", ",", " ",
            "neg", "inv", "abs", "Abs", "pow", "pow2", "pow3", "pow1_2", "pow1_3", "pow1_5", "sqrt", "exp", "log",
            "sin", "cos", "tan", "asin", "atanh", "sinh", "real_root(", "pi", "E", "<constant>", "_0", "_1", "->",
            "1e308", "1e-320", ".5", "-0", "x1", "nan", "inf", "oo", "zoo");

    private FuzzCampaign() {
    }

    /**
     * @param seed      libFuzzer's seed
     * @param runs      inputs to run, 0 for no limit
     * @param seconds   time limit, 0 for none
     * @param maxLength longest input in bytes
     * @param workDir   corpus, dictionary and crash reproducers go here
     */
    public record Settings(long seed, long runs, int seconds, int maxLength, Path workDir) {
    }

    /** What a campaign did. */
    public record Result(long inputs, int crashes, int exitCode, double seconds, List<String> findings) {
        public boolean clean() {
            return crashes == 0 && exitCode == 0;
        }
    }

    public static Result run(Settings settings, PrintStream log) throws IOException, InterruptedException {
        Path work = settings.workDir().toAbsolutePath();
        Path corpus = work.resolve("corpus");
        Path crashes = work.resolve("crashes");
        Files.createDirectories(corpus);
        Files.createDirectories(crashes);
        Path dictionary = work.resolve("expressions.dict");
        List<String> entries = new ArrayList<>();
        for (String token : DICTIONARY) {
            entries.add('"' + token.replace("\\", "\\\\").replace("\"", "\\\"") + '"');
        }
        Files.write(dictionary, entries, StandardCharsets.UTF_8);

        String classPath = classPathWithJazzer();
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx1g", "-XX:+UseParallelGC", "-cp", classPath,
                "com.code_intelligence.jazzer.Jazzer",
                "--cp=" + classPath,
                "--target_class=" + ExpressionFuzzTarget.class.getName(),
                "--instrumentation_includes=dev.simplij.**",
                "--keep_going=1000",
                "--reproducer_path=" + crashes,
                "-artifact_prefix=" + crashes + File.separator,
                "-seed=" + settings.seed(),
                "-max_len=" + settings.maxLength(),
                "-dict=" + dictionary,
                "-print_final_stats=1"));
        if (settings.runs() > 0) {
            command.add("-runs=" + settings.runs());
        }
        if (settings.seconds() > 0) {
            command.add("-max_total_time=" + settings.seconds());
        }
        command.add(corpus.toString());

        long t0 = System.nanoTime();
        Process process = new ProcessBuilder(command).directory(work.toFile()).redirectErrorStream(true).start();
        long inputs = 0;
        List<String> findings = new ArrayList<>();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                Matcher done = DONE.matcher(line);
                Matcher progress = PROGRESS.matcher(line);
                if (done.find()) {
                    inputs = Long.parseLong(done.group(1));
                } else if (progress.find()) {
                    inputs = Math.max(inputs, Long.parseLong(progress.group(1)));
                }
                if (line.startsWith("== Java Exception") || line.contains("ERROR: libFuzzer")) {
                    findings.add(line);
                }
                if (log != null && (!line.startsWith("INFO: Loaded") && !line.startsWith("INFO: Instrumented"))) {
                    log.println(line);
                }
            }
        }
        int exit = process.waitFor();
        double seconds = (System.nanoTime() - t0) / 1e9;
        int crashFiles;
        try (Stream<Path> files = Files.list(crashes)) {
            crashFiles = (int) files.filter(p -> p.getFileName().toString().startsWith("crash-")).count();
        }
        return new Result(inputs, Math.max(crashFiles, findings.size()), exit, seconds, findings);
    }

    /**
     * This JVM's class path plus Jazzer's driver jar: from the class path when it is there (tests),
     * else from the local Maven repository, where building this module puts it.
     */
    static String classPathWithJazzer() {
        String classPath = System.getProperty("java.class.path");
        for (String entry : classPath.split(File.pathSeparator)) {
            if (Path.of(entry).getFileName() != null
                    && Path.of(entry).getFileName().toString().equals("jazzer-" + JAZZER_VERSION + ".jar")) {
                return classPath;
            }
        }
        String override = System.getProperty("simplij.jazzer.jar");
        Path jar = override != null ? Path.of(override)
                : Path.of(System.getProperty("user.home"), ".m2", "repository", "com", "code-intelligence", "jazzer",
                        JAZZER_VERSION, "jazzer-" + JAZZER_VERSION + ".jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("Jazzer's driver jar is not at " + jar + "; fetch it with 'mvn -B "
                    + "dependency:get -Dartifact=com.code-intelligence:jazzer:" + JAZZER_VERSION
                    + "' (or build the reliability module once), or name it with -Dsimplij.jazzer.jar=PATH");
        }
        return classPath + File.pathSeparator + jar.toAbsolutePath();
    }
}
