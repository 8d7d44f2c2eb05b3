package dev.simplij.jmh;

import dev.simplij.expr.Expr;
import dev.simplij.expr.Operator;
import dev.simplij.rules.RuleSet;
import dev.simplij.simplify.Simplification;
import dev.simplij.simplify.Simplifier;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;

/**
 * Not a benchmark: the proof that performance work changed no output. Simplifies seeded random
 * expressions and writes one line per input ({@code family, input, result, steps, stop reason}),
 * then the SHA-256 of those lines. Run it before and after a change and compare the files (or the
 * digests): they must be identical, byte for byte.
 *
 * <p>Three families, {@code count} inputs each: the benchmark inputs ({@link RandomExpressions},
 * 5 to 40 tokens) with the shipped default rules; the reliability generator's mixes (reused
 * subtrees, decimals, {@code E}, 1 to 40 tokens) with the default rules; and the latter with every
 * literal turned into {@code <constant>} at random, through the skeleton rules in skeleton mode.
 *
 * <pre>{@code java -cp jmh/target/benchmarks.jar dev.simplij.jmh.SimplifyOutputs COUNT SEED OUT_FILE}</pre>
 */
public final class SimplifyOutputs {
    private SimplifyOutputs() {
    }

    public static void main(String[] args) throws IOException, NoSuchAlgorithmException {
        if (args.length != 3) {
            System.err.println("usage: SimplifyOutputs COUNT SEED OUT_FILE");
            System.exit(2);
        }
        int count = Integer.parseInt(args[0]);
        long seed = Long.parseLong(args[1]);
        Path out = Path.of(args[2]);
        Simplifier standard = Simplifier.standard();
        Simplifier skeleton = Simplifier.builder().ruleSet(RuleSet.load("skeleton")).skeleton(true).build();
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        long start = System.nanoTime();
        try (Writer w = new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(out), StandardCharsets.UTF_8))) {
            Line line = new Line(w, sha);
            for (Expr e : RandomExpressions.mixed(seed, count, 5, 40)) {
                line.write("bench", e, standard.simplifyWithReport(e));
            }
            dev.simplij.reliability.RandomExpressions mixes = new dev.simplij.reliability.RandomExpressions(1, 40);
            UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
            for (int i = 0; i < count; i++) {
                Expr e = mixes.generate(rng);
                line.write("mixes", e, standard.simplifyWithReport(e));
                Expr withConstants = literalsToConstants(e, rng);
                line.write("skeleton", withConstants, skeleton.simplifyWithReport(withConstants));
            }
        }
        System.out.printf("%d lines (%d per family), seed %d, %.1f s%nsha256 %s  %s%n", 3L * count, count, seed,
                (System.nanoTime() - start) / 1e9, HexFormat.of().formatHex(sha.digest()), out);
    }

    /** The expression with each numeric literal replaced by {@code <constant>} with probability 1/2. */
    private static Expr literalsToConstants(Expr e, UniformRandomProvider rng) {
        Expr.Builder b = Expr.builder();
        for (int i = 0; i < e.size(); i++) {
            if (e.code(i) == Expr.NUMBER && rng.nextBoolean()) {
                b.constant();
            } else if (e.code(i) >= 0 && e.operator(i) == Operator.PI && rng.nextBoolean()) {
                b.constant();
            } else {
                b.token(e, i);
            }
        }
        return b.build();
    }

    /** Writes and digests result lines. */
    private record Line(Writer w, MessageDigest sha) {
        void write(String family, Expr input, Simplification s) throws IOException {
            String text = family + '\t' + input.toPrefix() + '\t' + s.result().toPrefix() + '\t' + s.steps() + '\t'
                    + s.stopReason() + '\n';
            w.write(text);
            sha.update(text.getBytes(StandardCharsets.UTF_8));
        }
    }
}
