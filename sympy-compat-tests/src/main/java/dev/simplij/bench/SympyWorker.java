package dev.simplij.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Client of {@code scripts/sympy_worker.py}: one long-lived Python process that runs SymPy's
 * {@code simplify} per expression, timed in-process, and evaluates printed infix at points. The
 * script travels inside the jar and is unpacked to a temporary folder, so this works from the shaded
 * jar as well as from the build tree.
 *
 * <p>The worker enforces its time-out itself; when it does not answer within the time-out plus a
 * grace period (SymPy stuck outside Python code), the process is killed and restarted and the
 * expression counts as timed out. Not thread-safe: one caller at a time.
 */
public final class SympyWorker implements AutoCloseable {
    /** Seconds the process may take to import SymPy and say it is ready. */
    private static final long START_SECONDS = 120;
    /** Seconds past the in-process time-out before the process is killed. */
    private static final long GRACE_SECONDS = 10;
    private static final String RESOURCES = "/dev/simplij/bench/python/";
    private static final List<String> SCRIPTS = List.of("sympy_worker.py", "make_corpus.py");
    private static final ObjectMapper JSON = new ObjectMapper();

    /** SymPy's answer for one expression; {@code prefix} is null unless {@code status} is ok. */
    public record Simplified(String status, long micros, String prefix, String note) {
        public boolean ok() {
            return "ok".equals(status);
        }
    }

    private final String python;
    private final Path scriptDir;
    private Process process;
    private Writer toWorker;
    private BlockingQueue<String> fromWorker;
    private String version;
    private long requests;
    private int starts;

    private SympyWorker(String python, Path scriptDir) {
        this.python = python;
        this.scriptDir = scriptDir;
    }

    /**
     * Starts the worker with the given Python interpreter.
     *
     * @throws IOException when the interpreter or SymPy is missing, with Python's own message
     */
    public static SympyWorker start(String python) throws IOException {
        SympyWorker worker = new SympyWorker(python, unpackScripts());
        worker.launch();
        return worker;
    }

    /** The interpreter to use: {@code $SIMPLIJ_PYTHON}, else {@code python3}. */
    public static String defaultPython() {
        String env = System.getenv("SIMPLIJ_PYTHON");
        return env == null || env.isBlank() ? "python3" : env;
    }

    /** SymPy's version as the worker reported it. */
    public String sympyVersion() {
        return version;
    }

    /** How many times the process was started (more than once after kills on time-outs). */
    public int starts() {
        return starts;
    }

    private static Path unpackScripts() throws IOException {
        Path dir = Files.createTempDirectory("simplij-sympy");
        dir.toFile().deleteOnExit();
        for (String name : SCRIPTS) {
            try (InputStream in = SympyWorker.class.getResourceAsStream(RESOURCES + name)) {
                if (in == null) {
                    throw new IOException("resource " + RESOURCES + name + " is missing from the jar");
                }
                Path target = dir.resolve(name);
                Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
                target.toFile().deleteOnExit();
            }
        }
        return dir;
    }

    private void launch() throws IOException {
        ProcessBuilder pb = new ProcessBuilder(python, "-u", scriptDir.resolve("sympy_worker.py").toString());
        // SymPy's internal set orders follow string hashes; fix them so results repeat.
        pb.environment().put("PYTHONHASHSEED", "0");
        pb.redirectError(ProcessBuilder.Redirect.DISCARD);
        Process p;
        try {
            p = pb.start();
        } catch (IOException e) {
            throw new IOException("cannot run '" + python + "': " + e.getMessage(), e);
        }
        process = p;
        starts++;
        toWorker = new OutputStreamWriter(p.getOutputStream(), StandardCharsets.UTF_8);
        BlockingQueue<String> queue = new LinkedBlockingQueue<>();
        fromWorker = queue;
        Thread reader = new Thread(() -> pump(p, queue), "sympy-worker-reader");
        reader.setDaemon(true);
        reader.start();
        JsonNode ready = await(START_SECONDS);
        if (ready == null || !"ready".equals(ready.path("status").asText())) {
            String why = ready == null ? "no answer in " + START_SECONDS + " s" : ready.toString();
            kill();
            throw new IOException("SymPy worker did not start with '" + python + "' (is sympy installed? "
                    + "apt-get install -y python3-sympy): " + why);
        }
        version = ready.path("sympy").asText();
    }

    private static void pump(Process p, BlockingQueue<String> queue) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                queue.add(line);
            }
        } catch (IOException e) {
            // the process died or was killed; the waiting caller sees the end marker
        }
        queue.add("");
    }

    private JsonNode await(long seconds) throws IOException {
        try {
            String line = fromWorker.poll(seconds, TimeUnit.SECONDS);
            if (line == null) {
                return null;
            }
            if (line.isEmpty()) {
                return JSON.createObjectNode().put("status", "died");
            }
            return JSON.readTree(line);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for SymPy", e);
        }
    }

    private JsonNode call(ObjectNode request, long answerSeconds) throws IOException {
        if (process == null) {
            launch();
        }
        long id = ++requests;
        request.put("id", id);
        toWorker.write(JSON.writeValueAsString(request));
        toWorker.write('\n');
        toWorker.flush();
        while (true) {
            JsonNode answer = await(answerSeconds);
            if (answer == null || "died".equals(answer.path("status").asText())) {
                kill();
                return answer;
            }
            if (answer.path("id").asLong(-1) == id) {
                return answer;
            }
            // a stale answer to an earlier request; skip it
        }
    }

    /** SymPy's {@code simplify} of a prefix expression, with a time-out in seconds. */
    public Simplified simplify(String prefix, double timeoutSeconds) throws IOException {
        ObjectNode request = JSON.createObjectNode().put("op", "simplify").put("prefix", prefix)
                .put("timeout", timeoutSeconds);
        long started = System.nanoTime();
        JsonNode answer = call(request, (long) Math.ceil(timeoutSeconds) + GRACE_SECONDS);
        if (answer == null) {
            return new Simplified("timeout", (System.nanoTime() - started) / 1000, null, "killed: no answer");
        }
        if ("died".equals(answer.path("status").asText())) {
            return new Simplified("error", (System.nanoTime() - started) / 1000, null, "worker died");
        }
        String status = answer.path("status").asText();
        return new Simplified(status, answer.path("us").asLong(-1),
                "ok".equals(status) ? answer.path("prefix").asText() : null, answer.path("note").asText(""));
    }

    /**
     * SymPy's value at one point: {@code value} is NaN where SymPy gives no finite real number;
     * {@code timedOut} when its evaluation did not finish (then {@code value} means nothing).
     */
    public record Reading(double value, boolean timedOut) {
    }

    /** The value of SymPy-syntax infix at each point, as SymPy reads and evaluates it (30 digits). */
    public List<Reading> evaluate(String infix, List<Map<String, Double>> points) throws IOException {
        ObjectNode request = JSON.createObjectNode().put("op", "eval").put("infix", infix);
        ArrayNode array = request.putArray("points");
        for (Map<String, Double> point : points) {
            ObjectNode p = array.addObject();
            point.forEach(p::put);
        }
        JsonNode answer = call(request, 60);
        if (answer == null || !"ok".equals(answer.path("status").asText())) {
            throw new IOException("SymPy could not evaluate '" + infix + "': " + answer);
        }
        List<Reading> readings = new ArrayList<>();
        for (int i = 0; i < points.size(); i++) {
            JsonNode v = answer.path("values").path(i);
            readings.add(new Reading(v.isNumber() ? v.asDouble() : Double.NaN, "timeout".equals(v.asText())));
        }
        return readings;
    }

    private void kill() {
        if (process != null) {
            process.destroyForcibly();
            try {
                process.waitFor(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            process = null;
        }
    }

    @Override
    public void close() {
        if (process != null) {
            try {
                toWorker.write("{\"op\": \"quit\"}\n");
                toWorker.flush();
                process.waitFor(5, TimeUnit.SECONDS);
            } catch (IOException e) {
                // already gone
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                kill();
            }
        }
    }
}
