package dev.simplij.bench;

import dev.simplij.expr.Expr;
import dev.simplij.simplify.Simplifier;

import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Runs SimpliJ and the peers on the same expressions in one process: SimpliJ first, after a JIT
 * warm-up, each expression timed as the median of several calls; then each peer in turn, warmed up
 * on copies of a few corpus expressions with renamed variables (never on a measured expression, since
 * Symja and SymPy remember results), then once per expression.
 */
final class Benchmark {
    /** One measured expression with every tool's outcome. */
    record Row(CorpusRow source, Expr input, Peer.Outcome simplij, boolean simplijValueOk, Map<String, Peer.Outcome> peers) {
    }

    private final Simplifier simplifier;
    private final PrintStream log;
    private final int repeats;
    private final double warmUpSeconds;
    private final ValueCheck valueCheck = new ValueCheck(8, 64);
    private final long seed;
    /** Keeps results alive so the JIT cannot drop the calls being timed. */
    private long sink;

    Benchmark(Simplifier simplifier, PrintStream log, int repeats, double warmUpSeconds, long seed) {
        this.simplifier = simplifier;
        this.log = log;
        this.repeats = repeats;
        this.warmUpSeconds = warmUpSeconds;
        this.seed = seed;
    }

    /** The rows to run: distinct inputs, at most {@code perBucket} per bucket (0: all). */
    static List<CorpusRow> select(Corpus corpus, int perBucket) {
        Set<String> seen = new HashSet<>();
        Map<String, Integer> taken = new LinkedHashMap<>();
        List<CorpusRow> out = new ArrayList<>();
        for (CorpusRow r : corpus.rows()) {
            int n = taken.getOrDefault(r.bucket(), 0);
            if ((perBucket > 0 && n >= perBucket) || !seen.add(r.inputPrefix())) {
                continue;
            }
            taken.put(r.bucket(), n + 1);
            out.add(r);
        }
        return out;
    }

    List<Row> run(List<CorpusRow> rows, List<Peer> peers) throws IOException {
        List<Expr> inputs = rows.stream().map(CorpusRow::input).toList();
        Peer.Outcome[] ours = timeSimpliJ(inputs);
        boolean[] valueOk = new boolean[rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            valueOk[i] = valueCheck.compare(inputs.get(i), ours[i].result(), ValueCheck.rowSeed(seed, rows.get(i).id())).ok();
        }
        List<Map<String, Peer.Outcome>> theirs = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            theirs.add(new LinkedHashMap<>());
        }
        List<Expr> warmUp = warmUpSet(inputs, 12);
        for (Peer peer : peers) {
            long t0 = System.nanoTime();
            log.printf("%s: warming up on %d renamed expressions%n", peer.name(), warmUp.size());
            peer.warmUp(warmUp);
            for (int i = 0; i < inputs.size(); i++) {
                theirs.get(i).put(peer.name(), peer.simplify(inputs.get(i)));
                if ((i + 1) % 50 == 0 || i + 1 == inputs.size()) {
                    log.printf("%s: %d/%d expressions, %.0f s%n", peer.name(), i + 1, inputs.size(),
                            (System.nanoTime() - t0) / 1e9);
                }
            }
        }
        List<Row> out = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            out.add(new Row(rows.get(i), inputs.get(i), ours[i], valueOk[i], theirs.get(i)));
        }
        if (sink == 42) {
            log.println();
        }
        return out;
    }

    private Peer.Outcome[] timeSimpliJ(List<Expr> inputs) {
        long until = System.nanoTime() + (long) (warmUpSeconds * 1e9);
        int rounds = 0;
        while (System.nanoTime() < until || rounds < 3) {
            for (Expr e : inputs) {
                sink += simplifier.simplify(e).size();
            }
            rounds++;
        }
        log.printf("SimpliJ: warmed up with %d rounds over %d expressions%n", rounds, inputs.size());
        Peer.Outcome[] out = new Peer.Outcome[inputs.size()];
        long[] times = new long[repeats];
        for (int i = 0; i < inputs.size(); i++) {
            Expr e = inputs.get(i);
            Expr result = null;
            for (int k = 0; k < repeats; k++) {
                long t0 = System.nanoTime();
                result = simplifier.simplify(e);
                times[k] = System.nanoTime() - t0;
                sink += result.size();
            }
            Arrays.sort(times);
            out[i] = new Peer.Outcome(Peer.Status.OK, times[repeats / 2] / 1e3, result, "");
        }
        return out;
    }

    /** A few inputs spread over the corpus with every variable renamed, so no peer has seen them. */
    static List<Expr> warmUpSet(List<Expr> inputs, int count) {
        List<Expr> out = new ArrayList<>();
        int step = Math.max(1, inputs.size() / count);
        for (int i = 0; i < inputs.size() && out.size() < count; i += step) {
            out.add(renameVariables(inputs.get(i), "w"));
        }
        return out;
    }

    static Expr renameVariables(Expr e, String prefix) {
        Expr.Builder b = Expr.builder();
        for (int i = 0; i < e.size(); i++) {
            switch (e.kind(i)) {
                case VARIABLE -> b.variable(prefix + e.variable(i));
                case NUMBER -> b.token(e, i); // the exact literal, not its nearest double
                case CONSTANT -> b.constant();
                case PLACEHOLDER -> b.placeholder(e.placeholder(i));
                case OPERATOR -> b.operator(e.operator(i));
            }
        }
        return b.build();
    }
}
