package dev.simplij.sr.data;

import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;

/**
 * What one generation run did, skeleton by skeleton in run order: counts by outcome, length
 * histograms before and after simplification, decontamination matches, and where the time went.
 * Filled by the generator's one ordered consumer; read when the run is over.
 */
public final class GenerationStats {
    /** Histogram bins: lengths 0 .. MAX_LENGTH - 1, longer ones in the last bin. */
    static final int MAX_LENGTH = 128;

    long sampled;
    long rawDuplicates;
    /** Sampled skeletons not checked for raw duplicates because the raw table was full. */
    long rawUntracked;
    long rejectedConstant;
    long rejectedFewerVariables;
    long rejectedUndefined;
    long duplicates;
    long contaminatedSymbolic;
    long contaminatedNumeric;
    long undefinedOnData;
    long written;
    long rawTokens;
    long simplifiedTokens;
    final long[] rawLengths = new long[MAX_LENGTH];
    final long[] simplifiedLengths = new long[MAX_LENGTH];
    final long[] writtenLengths = new long[MAX_LENGTH];
    /** Test-set row to the number of generated skeletons dropped for matching it. */
    final Map<Integer, Long> matchesByTestRow = new TreeMap<>();
    final Map<Integer, String> testFormulaByRow = new TreeMap<>();
    /** Test-set row to the first generated skeleton (infix) dropped for matching it. */
    final Map<Integer, String> exampleByTestRow = new TreeMap<>();
    /** Summed worker nanoseconds per stage, and the run's wall-clock nanoseconds. */
    long nanosSample;
    long nanosSimplify;
    long nanosFilter;
    long nanosDedupe;
    long nanosDecontaminate;
    long nanosData;
    long nanosSerialize;
    long nanosWrite;
    long wallNanos;
    /** CPU time of every thread of the run (workers and the ordered consumer). */
    long cpuNanos;
    int threads;
    String stopReason = "";
    long fingerprintBytes;

    /**
     * Empty statistics. Public for an engine that runs the stages elsewhere and tallies the run with
     * the {@code add} methods (spark-jobs), so that its reports are written by this module's code.
     */
    public GenerationStats() {
    }

    /** Tallies {@code skeletons} sampled skeletons of these lengths (prefix tokens, raw and simplified). */
    public void addSampled(int rawLength, int simplifiedLength, long skeletons) {
        sampled += skeletons;
        rawTokens += rawLength * skeletons;
        simplifiedTokens += simplifiedLength * skeletons;
        rawLengths[bin(rawLength)] += skeletons;
        simplifiedLengths[bin(simplifiedLength)] += skeletons;
    }

    /** Tallies {@code records} written records of this simplified length. */
    public void addWritten(int length, long records) {
        written += records;
        writtenLengths[bin(length)] += records;
    }

    /**
     * Tallies {@code dropped} skeletons dropped for matching test row {@code row}; {@code example}, the
     * first of them in run order (infix), is kept only if the row has none yet.
     */
    public void addMatches(int row, String formula, long dropped, String example) {
        matchesByTestRow.merge(row, dropped, Long::sum);
        testFormulaByRow.put(row, formula);
        exampleByTestRow.putIfAbsent(row, example);
    }

    private static int bin(int length) {
        return Math.min(length, MAX_LENGTH - 1);
    }

    public long sampled() {
        return sampled;
    }

    public long written() {
        return written;
    }

    /** Skeletons that passed the rejection checks (before deduplication). */
    public long valid() {
        return sampled - rejectedConstant - rejectedFewerVariables - rejectedUndefined;
    }

    /** Distinct canonical forms among the valid skeletons. */
    public long unique() {
        return valid() - duplicates;
    }

    public long duplicates() {
        return duplicates;
    }

    public long rawDuplicates() {
        return rawDuplicates;
    }

    public long contaminated() {
        return contaminatedSymbolic + contaminatedNumeric;
    }

    public long contaminatedSymbolic() {
        return contaminatedSymbolic;
    }

    public long contaminatedNumeric() {
        return contaminatedNumeric;
    }

    public long rejectedConstant() {
        return rejectedConstant;
    }

    public long rejectedFewerVariables() {
        return rejectedFewerVariables;
    }

    public long rejectedUndefined() {
        return rejectedUndefined;
    }

    public long undefinedOnData() {
        return undefinedOnData;
    }

    /**
     * Fraction of sampled skeletons equal, token for token, to an earlier sampled one (among those
     * checked: all, unless the raw table filled up, see {@link #rawUntracked()}).
     */
    public double duplicateRateBeforeSimplification() {
        long checked = sampled - rawUntracked;
        return checked == 0 ? 0 : (double) rawDuplicates / checked;
    }

    public long rawUntracked() {
        return rawUntracked;
    }

    /** Fraction of valid simplified skeletons whose canonical form an earlier valid one had. */
    public double duplicateRateAfterSimplification() {
        return valid() == 0 ? 0 : (double) duplicates / valid();
    }

    /** Mean prefix tokens removed by simplification, over all sampled skeletons. */
    public double meanTokensSaved() {
        return sampled == 0 ? 0 : (double) (rawTokens - simplifiedTokens) / sampled;
    }

    public double meanRawLength() {
        return sampled == 0 ? 0 : (double) rawTokens / sampled;
    }

    public double meanSimplifiedLength() {
        return sampled == 0 ? 0 : (double) simplifiedTokens / sampled;
    }

    public long[] rawLengthHistogram() {
        return rawLengths.clone();
    }

    public long[] simplifiedLengthHistogram() {
        return simplifiedLengths.clone();
    }

    public long[] writtenLengthHistogram() {
        return writtenLengths.clone();
    }

    /** Test-set rows matched, with how many generated skeletons each one removed. */
    public Map<Integer, Long> matchesByTestRow() {
        return java.util.Collections.unmodifiableMap(matchesByTestRow);
    }

    public String testFormula(int row) {
        return testFormulaByRow.get(row);
    }

    /** The first generated skeleton dropped for matching test row {@code row}, in infix, or null. */
    public String matchExample(int row) {
        return exampleByTestRow.get(row);
    }

    /** Worker threads of the run. */
    public int threads() {
        return threads;
    }

    public double seconds() {
        return wallNanos / 1e9;
    }

    /** Sampled skeletons per second of wall-clock time. */
    public double sampledPerSecond() {
        return wallNanos == 0 ? 0 : sampled / (wallNanos / 1e9);
    }

    /** Simplified, deduplicated skeletons (distinct valid canonical forms) per second. */
    public double uniquePerSecond() {
        return wallNanos == 0 ? 0 : unique() / (wallNanos / 1e9);
    }

    /** CPU seconds of all the run's threads. */
    public double cpuSeconds() {
        return cpuNanos / 1e9;
    }

    /**
     * Unique skeletons per second the run's CPU time projects to on {@code cores} otherwise idle
     * cores: {@code unique / (cpu seconds / cores)}. What a shared machine can still measure.
     */
    public double projectedUniquePerSecond(int cores) {
        return cpuNanos == 0 ? 0 : unique() / (cpuNanos / 1e9 / cores);
    }

    public String stopReason() {
        return stopReason;
    }

    /** Summed thread time per stage in seconds, in pipeline order. */
    public Map<String, Double> stageSeconds() {
        Map<String, Double> m = new java.util.LinkedHashMap<>();
        m.put("sample", nanosSample / 1e9);
        m.put("simplify", nanosSimplify / 1e9);
        m.put("reject", nanosFilter / 1e9);
        m.put("dedupe", nanosDedupe / 1e9);
        m.put("decontaminate", nanosDecontaminate / 1e9);
        m.put("data", nanosData / 1e9);
        m.put("serialize", nanosSerialize / 1e9);
        m.put("write", nanosWrite / 1e9);
        return m;
    }

    /** A human-readable summary, as the command prints it. */
    public String summary() {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format("stopped: %s after %.2f s on %d threads (%.2f CPU seconds)%n", stopReason, seconds(),
                threads, cpuSeconds()));
        sb.append(String.format("sampled             %,14d   (%,.0f /s)%n", sampled, sampledPerSecond()));
        sb.append(String.format("  raw duplicates    %,14d   %.2f%% of sampled (duplicate rate before simplification)%n",
                rawDuplicates, 100 * duplicateRateBeforeSimplification()));
        if (rawUntracked > 0) {
            sb.append(String.format("  (raw table full: %,d sampled skeletons not checked for raw duplicates)%n", rawUntracked));
        }
        sb.append(String.format("  rejected constant %,14d%n", rejectedConstant));
        sb.append(String.format("  rejected fewer variables %,7d%n", rejectedFewerVariables));
        sb.append(String.format("  rejected undefined %,13d%n", rejectedUndefined));
        sb.append(String.format("valid               %,14d%n", valid()));
        sb.append(String.format("  duplicates        %,14d   %.2f%% of valid (duplicate rate after simplification)%n",
                duplicates, 100 * duplicateRateAfterSimplification()));
        sb.append(String.format("unique              %,14d   (%,.0f /s simplified, deduplicated)%n", unique(),
                uniquePerSecond()));
        sb.append(String.format("  contaminated      %,14d   (%d symbolic, %d numeric)%n", contaminated(),
                contaminatedSymbolic, contaminatedNumeric));
        sb.append(String.format("  undefined on data %,14d%n", undefinedOnData));
        sb.append(String.format("written             %,14d%n", written));
        sb.append(String.format("mean length         %.2f -> %.2f tokens (%.2f saved)%n", meanRawLength(),
                meanSimplifiedLength(), meanTokensSaved()));
        sb.append(String.format("fingerprint tables  %.1f MiB%n", fingerprintBytes / 1048576.0));
        double total = stageSeconds().values().stream().mapToDouble(Double::doubleValue).sum();
        sb.append("thread time by stage:");
        for (Map.Entry<String, Double> e : stageSeconds().entrySet()) {
            sb.append(String.format(" %s %.2fs (%.0f%%)", e.getKey(), e.getValue(),
                    total == 0 ? 0 : 100 * e.getValue() / total));
        }
        sb.append(System.lineSeparator());
        if (!matchesByTestRow.isEmpty()) {
            sb.append("test formulas matched (row: dropped, formula, first dropped skeleton):").append(System.lineSeparator());
            for (Map.Entry<Integer, Long> e : matchesByTestRow.entrySet()) {
                sb.append(String.format("  %d: %d  %s  e.g. %s%n", e.getKey(), e.getValue(), testFormulaByRow.get(e.getKey()),
                        exampleByTestRow.get(e.getKey())));
            }
        }
        return sb.toString();
    }

    /** Trims a histogram's empty tail, for printing and plotting. */
    static long[] trimmed(long[] histogram) {
        int last = histogram.length;
        while (last > 1 && histogram[last - 1] == 0) {
            last--;
        }
        return Arrays.copyOf(histogram, last);
    }
}
