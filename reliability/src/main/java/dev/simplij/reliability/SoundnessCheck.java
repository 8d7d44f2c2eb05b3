package dev.simplij.reliability;

import dev.simplij.expr.Evaluator;
import dev.simplij.expr.Expr;
import dev.simplij.reliability.IntervalEvaluator.Definedness;
import org.apache.commons.rng.UniformRandomProvider;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.UnaryOperator;

/**
 * Soundness at scale: draws seeded random expressions, simplifies each, and compares input and
 * output at random points where the input is defined. A disagreement in double precision is
 * re-checked by {@link DecimalIntervalEvaluator} at 40, then 120 significant digits, whose
 * intervals certainly hold the exact values: it is a mismatch when the intervals are apart, or the
 * output is certainly undefined where the input is certainly defined; it is agreement when they
 * overlap and are narrow ({@link #AGREEMENT_DIGITS} fewer digits than carried). What no precision
 * decides (an interval that holds a pole or a domain bound, as at {@code tan(pi/2)}, or too wide
 * to tell) is counted and sampled as undecided, never as agreement.
 *
 * <p>Expression {@code i} of a run with seed {@code S} is drawn from seed {@code S + i} alone, so
 * {@code --seed S+i --count 1} reproduces it.
 */
public final class SoundnessCheck {
    /** Variables the generator uses, in column order. */
    static final List<String> COLUMNS = List.of("x1", "x2", "x3", "x4");
    static final double TOLERANCE = 1e-9;
    private static final int KEPT = 1_000;
    /** The precisions of the second look, tried in turn until one decides. */
    private static final List<DecimalIntervalEvaluator> SECOND_LOOK = List.of(new DecimalIntervalEvaluator(40),
            new DecimalIntervalEvaluator(120));
    /**
     * Overlapping intervals count as agreement when narrower than 10^-(digits - this) relative to
     * their own magnitude: the values are then equal to at least 25 significant digits.
     */
    static final int AGREEMENT_DIGITS = 15;

    /**
     * @param seed    base seed: expression {@code i} uses {@code seed + i}
     * @param count   expressions to check
     * @param minSize smallest expression, in prefix tokens
     * @param maxSize largest expression, in prefix tokens
     * @param points  random points per expression
     * @param threads worker threads
     */
    public record Settings(long seed, long count, int minSize, int maxSize, int points, int threads) {
    }

    /** A confirmed disagreement between an input and its simplification, or an undecided point. */
    public record Mismatch(long seed, String kind, Expr input, Expr output, double[] point, double inputValue,
                           double outputValue, Enclosure inputInterval, Enclosure outputInterval) {
        @Override
        public String toString() {
            return kind + " seed=" + seed + "\n  input:  " + input.toInfix() + "\n  output: " + output.toInfix()
                    + "\n  point:  " + pointText(point) + "\n  values: " + inputValue + " vs " + outputValue
                    + "\n  intervals: " + inputInterval + " vs " + outputInterval;
        }
    }

    /** Counters of one run; thread-safe. */
    public static final class Report {
        public final LongAdder expressions = new LongAdder();
        public final LongAdder tokensIn = new LongAdder();
        public final LongAdder tokensOut = new LongAdder();
        public final LongAdder points = new LongAdder();
        public final LongAdder inputUndefined = new LongAdder();
        public final LongAdder agreed = new LongAdder();
        public final LongAdder roundingResolved = new LongAdder();
        public final LongAdder inputUndefinedOnSecondLook = new LongAdder();
        public final LongAdder undecided = new LongAdder();
        public final LongAdder neverDefined = new LongAdder();
        final List<Mismatch> mismatches = Collections.synchronizedList(new ArrayList<>());
        final List<Mismatch> undecidedSamples = Collections.synchronizedList(new ArrayList<>());
        final List<String> crashes = Collections.synchronizedList(new ArrayList<>());
        private final LongAdder mismatchCount = new LongAdder();
        private final LongAdder crashCount = new LongAdder();
        volatile double seconds;
        /** Where each mismatch and crash is printed as soon as it is found (may be null). */
        volatile PrintStream live;

        public long mismatchCount() {
            return mismatchCount.sum();
        }

        public long crashCount() {
            return crashCount.sum();
        }

        public List<Mismatch> mismatches() {
            synchronized (mismatches) {
                return List.copyOf(mismatches);
            }
        }

        public List<Mismatch> undecidedSamples() {
            synchronized (undecidedSamples) {
                return List.copyOf(undecidedSamples);
            }
        }

        public List<String> crashes() {
            synchronized (crashes) {
                return List.copyOf(crashes);
            }
        }

        public double seconds() {
            return seconds;
        }

        void mismatch(Mismatch m) {
            PrintStream out = live;
            if (out != null) {
                out.println("MISMATCH " + m);
            }
            mismatchCount.increment();
            if (mismatches.size() < KEPT) {
                mismatches.add(m);
            }
        }

        void crash(String what) {
            PrintStream out = live;
            if (out != null) {
                out.println("CRASH " + what);
            }
            crashCount.increment();
            if (crashes.size() < KEPT) {
                crashes.add(what);
            }
        }

        public String summary() {
            long n = expressions.sum();
            return String.format("%,d expressions checked in %.1f s (%,.0f/s), %d mismatches, %d crashes, "
                            + "%,d undecided points; %,d points compared: %,d agreed in double, %,d agreed in "
                            + "high precision, %,d input undefined in high precision; %,d expressions undefined at "
                            + "every point; tokens %,d -> %,d",
                    n, seconds, n / Math.max(seconds, 1e-9), mismatchCount(), crashCount(), undecided.sum(),
                    points.sum(), agreed.sum(), roundingResolved.sum(), inputUndefinedOnSecondLook.sum(),
                    neverDefined.sum(), tokensIn.sum(), tokensOut.sum());
        }
    }

    private SoundnessCheck() {
    }

    /** Runs the check; {@code progress} (may be null) gets a line every few seconds. */
    public static Report run(Settings s, UnaryOperator<Expr> simplifier, PrintStream progress)
            throws InterruptedException {
        Report report = new Report();
        report.live = progress;
        RandomExpressions generator = new RandomExpressions(s.minSize(), s.maxSize());
        long t0 = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(s.threads());
        List<Future<?>> futures = new ArrayList<>();
        for (int t = 0; t < s.threads(); t++) {
            int worker = t;
            futures.add(pool.submit(() -> {
                for (long i = worker; i < s.count(); i += s.threads()) {
                    checkOne(s.seed() + i, generator, s.points(), simplifier, report);
                }
            }));
        }
        pool.shutdown();
        while (!pool.awaitTermination(progress == null ? 1 : 10, TimeUnit.SECONDS)) {
            if (progress != null) {
                double sec = (System.nanoTime() - t0) / 1e9;
                long done = report.expressions.sum();
                progress.printf("  %,d / %,d expressions, %.0f/s, %d mismatches, %d crashes, %,d undecided, %,d agreed "
                                + "in high precision, %.0f s left%n", done, s.count(), done / sec, report.mismatchCount(),
                        report.crashCount(), report.undecided.sum(), report.roundingResolved.sum(),
                        (s.count() - done) / Math.max(done / sec, 1e-9));
            }
        }
        for (Future<?> f : futures) {
            try {
                f.get();
            } catch (java.util.concurrent.ExecutionException e) {
                throw new IllegalStateException("soundness worker failed", e.getCause());
            }
        }
        report.seconds = (System.nanoTime() - t0) / 1e9;
        return report;
    }

    /** Checks the expression of one seed and records the outcome in {@code report}. */
    static void checkOne(long seed, RandomExpressions generator, int points, UnaryOperator<Expr> simplifier,
                         Report report) {
        UniformRandomProvider rng = RandomExpressions.rng(seed);
        Expr input = generator.generate(rng);
        Expr output;
        try {
            output = simplifier.apply(input);
        } catch (RuntimeException | StackOverflowError e) {
            report.crash("seed=" + seed + " input=" + input + ": " + e);
            report.expressions.increment();
            return;
        }
        report.expressions.increment();
        report.tokensIn.add(input.size());
        report.tokensOut.add(output.size());
        if (output.size() > input.size()) {
            report.mismatch(new Mismatch(seed, "LONGER", input, output, new double[0], Double.NaN, Double.NaN,
                    Enclosure.UNKNOWN, Enclosure.UNKNOWN));
        }
        if (!COLUMNS.containsAll(output.variables())) {
            report.mismatch(new Mismatch(seed, "NEW VARIABLE", input, output, new double[0], Double.NaN, Double.NaN,
                    Enclosure.UNKNOWN, Enclosure.UNKNOWN));
            return;
        }
        Evaluator in = Evaluator.compile(input, COLUMNS);
        Evaluator out = Evaluator.compile(output, COLUMNS);
        double[] point = new double[COLUMNS.size()];
        int defined = 0;
        for (int p = 0; p < points; p++) {
            drawPoint(rng, point);
            report.points.increment();
            double a = in.evaluate(point);
            if (Double.isNaN(a)) {
                report.inputUndefined.increment();
                continue;
            }
            defined++;
            double b = out.evaluate(point);
            if (close(a, b)) {
                report.agreed.increment();
                continue;
            }
            secondLook(seed, input, output, point.clone(), a, b, report);
        }
        if (defined == 0) {
            report.neverDefined.increment();
        }
    }

    private static void secondLook(long seed, Expr input, Expr output, double[] point, double a, double b,
                                   Report report) {
        SecondLook look = secondLook(input, output, point);
        Enclosure ia = look.input();
        Enclosure ib = look.output();
        switch (look.verdict()) {
            case INPUT_UNDEFINED -> report.inputUndefinedOnSecondLook.increment();
            case OUTPUT_UNDEFINED -> report.mismatch(new Mismatch(seed, "UNDEFINED OUTPUT", input, output, point, a,
                    b, ia, ib));
            case APART -> report.mismatch(new Mismatch(seed, "VALUE", input, output, point, a, b, ia, ib));
            case AGREE -> report.roundingResolved.increment();
            case UNDECIDED -> {
                report.undecided.increment();
                if (report.undecidedSamples.size() < 20) {
                    report.undecidedSamples.add(new Mismatch(seed, "UNDECIDED", input, output, point, a, b, ia, ib));
                }
            }
        }
    }

    /** The verdict of the first precision that decides, with the enclosures it rests on. */
    record SecondLook(Verdict verdict, Enclosure input, Enclosure output) {
    }

    /**
     * Compares input and output at a point at 40, then 120 digits until a precision decides (400
     * digits would cost half a second a point, for the few cases that 120 leave open).
     */
    static SecondLook secondLook(Expr input, Expr output, double[] point) {
        SecondLook look = null;
        for (DecimalIntervalEvaluator precise : SECOND_LOOK) {
            Enclosure ia = precise.evaluate(input, COLUMNS, point);
            Enclosure ib = precise.evaluate(output, COLUMNS, point);
            look = new SecondLook(verdict(ia, ib, precise), ia, ib);
            if (look.verdict() != Verdict.UNDECIDED) {
                return look;
            }
        }
        return look;
    }

    /** What the enclosures of input and output at one precision say. */
    enum Verdict { INPUT_UNDEFINED, OUTPUT_UNDEFINED, APART, AGREE, UNDECIDED }

    static Verdict verdict(Enclosure input, Enclosure output, DecimalIntervalEvaluator precise) {
        if (input.definedness() == Definedness.UNDEFINED) {
            return Verdict.INPUT_UNDEFINED;
        }
        if (!input.certain()) {
            return Verdict.UNDECIDED;
        }
        if (output.definedness() == Definedness.UNDEFINED) {
            return Verdict.OUTPUT_UNDEFINED;
        }
        if (!output.certain()) {
            return Verdict.UNDECIDED;
        }
        if (input.disjoint(output)) {
            return Verdict.APART;
        }
        int decimals = precise.digits() - AGREEMENT_DIGITS;
        return input.narrowerThan(decimals) && output.narrowerThan(decimals) ? Verdict.AGREE : Verdict.UNDECIDED;
    }

    static boolean close(double a, double b) {
        return Math.abs(a - b) <= TOLERANCE * Math.max(1, Math.max(Math.abs(a), Math.abs(b)));
    }

    /**
     * Coordinates from several distributions: small integers and the corner points 0, 1, -1 (where
     * poles and roots change), standard normal scaled, wide uniform, and log-uniform magnitudes of
     * both signs.
     */
    static void drawPoint(UniformRandomProvider rng, double[] point) {
        for (int v = 0; v < point.length; v++) {
            point[v] = switch (rng.nextInt(5)) {
                case 0 -> rng.nextInt(7) - 3;
                case 1 -> 3 * gaussian(rng);
                case 2 -> rng.nextDouble(-10, 10);
                case 3 -> (rng.nextBoolean() ? 1 : -1) * Math.pow(10, rng.nextDouble(-3, 3));
                default -> rng.nextDouble(-1, 1);
            };
        }
    }

    private static double gaussian(UniformRandomProvider rng) {
        double u = 1 - rng.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rng.nextDouble());
    }

    static String pointText(double[] point) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < point.length; i++) {
            sb.append(i == 0 ? "" : ", ").append(COLUMNS.get(i)).append('=').append(point[i]);
        }
        return point.length == 0 ? "-" : sb.toString();
    }

    static String describe(double[] point) {
        return Arrays.toString(point);
    }
}
