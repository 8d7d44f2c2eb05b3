package dev.simplij.miner;

import java.util.List;

/**
 * What a mining run did, per source length and in total. Counts are deterministic (they go into the
 * rule file's header); times and memory are not (they go to the console only).
 *
 * @param lengths     one entry per source length 1..max
 * @param samplePoints points actually used (whole permutation orbits)
 * @param rules       rules in the final set
 * @param millis      wall-clock time
 * @param peakHeapBytes largest used heap observed during the run
 */
public record MiningStatistics(List<LengthStats> lengths, int samplePoints, int rules, long millis,
                               long peakHeapBytes) {
    public MiningStatistics {
        lengths = List.copyOf(lengths);
    }

    /**
     * Counts for the sources of one length.
     *
     * @param length            source length in tokens
     * @param all               all expressions of this length (dynamic-programming count, no pruning)
     * @param allModuloCommutativity the expressions of this length the enumeration modulo commutativity
     *                          builds without pruning (dynamic-programming count,
     *                          {@link ExpressionCount#perLengthModuloCommutativity}); 0 in a run that
     *                          builds every operand order
     * @param allModuloAssociativity the expressions of this length the enumeration modulo associativity
     *                          builds without pruning ({@link ExpressionCount#perLengthModuloAssociativity});
     *                          0 in a run that builds every grouping
     * @param enumerated        expressions enumerated: every proper subterm irreducible (after pruning)
     * @param candidates        of those, sources with a sound shorter target (before the minimal-set steps)
     * @param coveredByShorter  candidates the rules of shorter sources already reduce as far (Kruskal step)
     * @param rejectedOnRecheck candidates that failed the re-check on the fresh, wider sample
     * @param coveredBySameLength candidates a rule kept earlier with a source of the same length covers
     * @param removedByFinalPass rules the final redundancy pass removed
     * @param rules             rules with sources of this length in the final set
     * @param irreducible       expressions of this length kept as building blocks (and targets)
     */
    public record LengthStats(int length, long all, long allModuloCommutativity, long allModuloAssociativity,
                              long enumerated, long candidates,
                              long coveredByShorter, long rejectedOnRecheck, long coveredBySameLength,
                              long removedByFinalPass, long rules, long irreducible) {
    }

    /**
     * A fixed-width table for the console and the READMEs; with the column {@code all-mod-comm} when
     * the run was modulo commutativity, and {@code all-mod-assoc} when modulo associativity.
     */
    public String table() {
        boolean modulo = lengths.stream().anyMatch(s -> s.allModuloCommutativity() > 0);
        boolean regrouped = lengths.stream().anyMatch(s -> s.allModuloAssociativity() > 0);
        StringBuilder sb = new StringBuilder();
        sb.append(String.format("%3s %14s", "len", "all"));
        if (modulo) {
            sb.append(String.format(" %14s", "all-mod-comm"));
        }
        if (regrouped) {
            sb.append(String.format(" %14s", "all-mod-assoc"));
        }
        sb.append(String.format(" %12s %10s %10s %8s %9s %8s %7s %11s%n", "enumerated", "candidates", "by-shorter",
                "recheck", "same-len", "final", "rules", "irreducible"));
        for (LengthStats s : lengths) {
            sb.append(String.format("%3d %14d", s.length(), s.all()));
            if (modulo) {
                sb.append(String.format(" %14d", s.allModuloCommutativity()));
            }
            if (regrouped) {
                sb.append(String.format(" %14d", s.allModuloAssociativity()));
            }
            sb.append(String.format(" %12d %10d %10d %8d %9d %8d %7d %11d%n", s.enumerated(), s.candidates(),
                    s.coveredByShorter(), s.rejectedOnRecheck(), s.coveredBySameLength(), s.removedByFinalPass(),
                    s.rules(), s.irreducible()));
        }
        return sb.toString();
    }
}
