package dev.simplij.jmh;

import dev.simplij.expr.Expr;
import dev.simplij.simplify.Simplifier;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.function.LongSupplier;

/**
 * Before/after comparison of builds on a shared, loaded machine, not a JMH benchmark: loads each
 * given benchmarks jar in a class loader of its own (its simplifier, its default rules) and times
 * them in turns within one JVM, pass after pass, in thread CPU time. Separate runs minutes apart
 * see different loads (other processes evict the caches too); turns a few milliseconds apart see
 * the same, so a difference of a few percent shows. A pass simplifies 4,096 distinct random inputs (as SimplifyCpuTime's last column)
 * of the given size; prints min, lower quartile and median over the passes of the CPU time per call.
 * With {@code --print}, a pass prints the inputs as infix ({@link Expr#toInfix}) instead.
 *
 * <pre>{@code java -cp jmh/target/benchmarks.jar dev.simplij.jmh.CompareBuilds [--print] TOKENS PASSES before.jar after.jar ...}</pre>
 */
public final class CompareBuilds {
    private static final int INPUTS = 4096;
    private static final int WARM_UP_PASSES = 100;

    private CompareBuilds() {
    }

    public static void main(String[] arguments) throws Exception {
        boolean print = arguments.length > 0 && arguments[0].equals("--print");
        String[] args = print ? Arrays.copyOfRange(arguments, 1, arguments.length) : arguments;
        if (args.length < 3) {
            System.err.println("usage: CompareBuilds [--print] TOKENS PASSES JAR [JAR ...]");
            System.exit(2);
        }
        String passClass = (print ? PrintPass.class : Pass.class).getName();
        int tokens = Integer.parseInt(args[0]);
        int passes = Integer.parseInt(args[1]);
        int builds = args.length - 2;
        LongSupplier[] runs = new LongSupplier[builds];
        for (int b = 0; b < builds; b++) {
            ClassLoader loader = new BuildLoader(Path.of(args[b + 2]).toUri().toURL());
            runs[b] = (LongSupplier) loader.loadClass(passClass).getConstructor(int.class).newInstance(tokens);
        }
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long resultTokens = 0; // used below, so the JIT cannot drop the calls
        for (int pass = 0; pass < WARM_UP_PASSES; pass++) {
            for (LongSupplier run : runs) {
                resultTokens += run.getAsLong();
            }
        }
        long[][] nanos = new long[builds][passes];
        for (int pass = 0; pass < passes; pass++) {
            for (int b = 0; b < builds; b++) {
                long start = threads.getCurrentThreadCpuTime();
                resultTokens += runs[b].getAsLong();
                nanos[b][pass] = (threads.getCurrentThreadCpuTime() - start) / INPUTS;
            }
        }
        System.out.printf("%s, %d tokens, %d distinct inputs per pass, %d passes in turns; CPU us per call%n",
                print ? "toInfix" : "simplify", tokens, INPUTS, passes);
        for (int b = 0; b < builds; b++) {
            long[] sorted = nanos[b].clone();
            Arrays.sort(sorted);
            System.out.printf("%-50s min %.2f  q1 %.2f  median %.2f%n", args[b + 2], sorted[0] / 1e3, sorted[passes / 4] / 1e3,
                    sorted[passes / 2] / 1e3);
        }
        System.out.printf("(result tokens, summed: %d)%n", resultTokens);
    }

    /**
     * Loads everything from one jar, except the passes and their input generator, which it defines
     * from this build's bytes (so jars built before these classes existed, and jars without the
     * benchmarks such as the command line's {@code simplij.jar}, can be compared too).
     */
    private static final class BuildLoader extends URLClassLoader {
        BuildLoader(URL jar) {
            super(new URL[] {jar}, ClassLoader.getPlatformClassLoader());
        }

        @Override
        protected Class<?> findClass(String name) throws ClassNotFoundException {
            if (!name.equals(Pass.class.getName()) && !name.equals(PrintPass.class.getName())
                    && !name.equals(RandomExpressions.class.getName())) {
                return super.findClass(name);
            }
            try (InputStream in = CompareBuilds.class.getResourceAsStream("/" + name.replace('.', '/') + ".class")) {
                byte[] bytes = in.readAllBytes();
                return defineClass(name, bytes, 0, bytes.length);
            } catch (IOException e) {
                throw new ClassNotFoundException(name, e);
            }
        }
    }

    /** One pass printing the inputs as infix with one build's printer; loaded once per build. */
    public static final class PrintPass extends Pass {
        public PrintPass(int tokens) {
            super(tokens);
        }

        @Override
        public long getAsLong() {
            long sum = 0;
            for (Expr e : inputs) {
                sum += e.toInfix().length();
            }
            return sum;
        }
    }

    /** One pass over the inputs with one build's default simplifier; loaded once per build. */
    public static class Pass implements LongSupplier {
        private final Simplifier simplifier = Simplifier.standard();
        final Expr[] inputs;

        public Pass(int tokens) {
            inputs = RandomExpressions.pool(RandomExpressions.DEFAULT_SEED + 1, INPUTS, tokens);
        }

        @Override
        public long getAsLong() {
            long sum = 0;
            for (Expr e : inputs) {
                sum += simplifier.simplify(e).size();
            }
            return sum;
        }
    }
}
