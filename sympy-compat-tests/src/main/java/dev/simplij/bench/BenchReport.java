package dev.simplij.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;
import java.util.function.ToDoubleFunction;

/**
 * The Markdown report of a benchmark run: time per expression and length after simplification, per
 * size bucket and over all rows, for SimpliJ and each peer.
 */
final class BenchReport {
    static final String ALL = "all";

    private BenchReport() {
    }

    /** Rows grouped by bucket in corpus order, plus {@link #ALL}. */
    static Map<String, List<Benchmark.Row>> byBucket(List<Benchmark.Row> rows) {
        Map<String, List<Benchmark.Row>> out = new LinkedHashMap<>();
        for (Benchmark.Row r : rows) {
            out.computeIfAbsent(r.source().bucket(), b -> new ArrayList<>()).add(r);
        }
        if (out.size() > 1) {
            out.put(ALL, rows);
        }
        return out;
    }

    static double quantile(double[] sorted, double q) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        double pos = q * (sorted.length - 1);
        int lo = (int) Math.floor(pos);
        int hi = (int) Math.ceil(pos);
        return sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo);
    }

    static double[] sorted(List<Benchmark.Row> rows, ToDoubleFunction<Benchmark.Row> f) {
        double[] v = rows.stream().mapToDouble(f).filter(d -> !Double.isNaN(d)).toArray();
        Arrays.sort(v);
        return v;
    }

    static double mean(List<Benchmark.Row> rows, ToDoubleFunction<Benchmark.Row> f) {
        return rows.stream().mapToDouble(f).average().orElse(Double.NaN);
    }

    static Predicate<Benchmark.Row> peerOk(String peer) {
        return r -> r.peers().get(peer).status() == Peer.Status.OK;
    }

    static int peerLength(Benchmark.Row r, String peer) {
        return r.peers().get(peer).result().size();
    }

    static String render(List<Benchmark.Row> rows, List<String> peers, Map<String, String> facts, List<String> charts) {
        StringBuilder md = new StringBuilder();
        md.append("# SimpliJ benchmark\n\n");
        facts.forEach((k, v) -> md.append("- ").append(k).append(": ").append(v).append('\n'));
        md.append('\n');
        Map<String, List<Benchmark.Row>> buckets = byBucket(rows);
        timeTable(md, buckets, peers);
        lengthTable(md, buckets, peers);
        for (String peer : peers) {
            peerTable(md, buckets, peer);
        }
        if (!charts.isEmpty()) {
            md.append("## Plots\n\n");
            for (String c : charts) {
                md.append("![").append(c).append("](").append(c).append(")\n\n");
            }
        }
        return md.toString();
    }

    private static void timeTable(StringBuilder md, Map<String, List<Benchmark.Row>> buckets, List<String> peers) {
        md.append("## Time per expression (microseconds)\n\n");
        md.append("Wall time of the simplification call alone (no parsing or conversion). SimpliJ: median of ")
                .append("repeated calls after warm-up. Peers: one call per expression; a time-out counts as the ")
                .append("time-out. Speed ratio = peer median / SimpliJ median.\n\n");
        StringBuilder head = new StringBuilder("| bucket | rows | SimpliJ median | SimpliJ p90 |");
        StringBuilder rule = new StringBuilder("|---|---:|---:|---:|");
        for (String p : peers) {
            head.append(' ').append(p).append(" median | ").append(p).append(" p90 | ").append(p).append(" / SimpliJ |");
            rule.append("---:|---:|---:|");
        }
        md.append(head).append('\n').append(rule).append('\n');
        buckets.forEach((bucket, rows) -> {
            double[] ours = sorted(rows, r -> r.simplij().micros());
            double ourMedian = quantile(ours, 0.5);
            md.append("| ").append(label(bucket)).append(" | ").append(rows.size()).append(" | ")
                    .append(micros(ourMedian)).append(" | ").append(micros(quantile(ours, 0.9))).append(" |");
            for (String p : peers) {
                double[] theirs = sorted(rows, r -> r.peers().get(p).micros());
                double median = quantile(theirs, 0.5);
                md.append(' ').append(micros(median)).append(" | ").append(micros(quantile(theirs, 0.9))).append(" | ")
                        .append(ratio(median / ourMedian)).append(" |");
            }
            md.append('\n');
        });
        md.append('\n');
    }

    private static void lengthTable(StringBuilder md, Map<String, List<Benchmark.Row>> buckets, List<String> peers) {
        md.append("## Length after simplification (prefix tokens)\n\n");
        md.append("Means over all rows of the bucket, except a peer's mean, which is over the rows where the peer ")
                .append("returned a result in SimpliJ's vocabulary (see the per-peer tables for SimpliJ on the ")
                .append("same rows). Longer than input: SimpliJ results longer than their input (must be 0). ")
                .append("Value mismatches: SimpliJ results that differ from the input at a seeded point where ")
                .append("the input is defined (must be 0).\n\n");
        StringBuilder head = new StringBuilder("| bucket | rows | input | SimpliJ |");
        StringBuilder rule = new StringBuilder("|---|---:|---:|---:|");
        for (String p : peers) {
            head.append(' ').append(p).append(" |");
            rule.append("---:|");
        }
        head.append(" SimpliJ longer than input | SimpliJ value mismatches |");
        rule.append("---:|---:|");
        md.append(head).append('\n').append(rule).append('\n');
        buckets.forEach((bucket, rows) -> {
            md.append("| ").append(label(bucket)).append(" | ").append(rows.size()).append(" | ")
                    .append(fixed(mean(rows, r -> r.input().size()))).append(" | ")
                    .append(fixed(mean(rows, r -> r.simplij().result().size()))).append(" |");
            for (String p : peers) {
                List<Benchmark.Row> ok = rows.stream().filter(peerOk(p)).toList();
                md.append(' ').append(fixed(mean(ok, r -> peerLength(r, p)))).append(" |");
            }
            long longer = rows.stream().filter(r -> r.simplij().result().size() > r.input().size()).count();
            long wrong = rows.stream().filter(r -> !r.simplijValueOk()).count();
            md.append(' ').append(longer).append(" | ").append(wrong).append(" |\n");
        });
        md.append('\n');
    }

    private static void peerTable(StringBuilder md, Map<String, List<Benchmark.Row>> buckets, String peer) {
        md.append("## SimpliJ against ").append(peer).append("\n\n");
        md.append("On the rows where ").append(peer).append(" returned a result in SimpliJ's vocabulary. ")
                .append("Shorter / equal / longer: share of those rows where SimpliJ's result is shorter than, as ")
                .append("long as, or longer than ").append(peer).append("'s. Failures: errors plus results SimpliJ ")
                .append("cannot spell.\n\n");
        md.append("| bucket | rows compared | ").append(peer).append(" mean | SimpliJ mean | SimpliJ shorter | equal | ")
                .append("longer | failures | time-outs |\n");
        md.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        buckets.forEach((bucket, rows) -> {
            List<Benchmark.Row> ok = rows.stream().filter(peerOk(peer)).toList();
            long shorter = ok.stream().filter(r -> r.simplij().result().size() < peerLength(r, peer)).count();
            long equal = ok.stream().filter(r -> r.simplij().result().size() == peerLength(r, peer)).count();
            long failures = rows.stream().map(r -> r.peers().get(peer).status())
                    .filter(s -> s == Peer.Status.ERROR || s == Peer.Status.UNSUPPORTED).count();
            long timeouts = rows.stream().filter(r -> r.peers().get(peer).status() == Peer.Status.TIMEOUT).count();
            md.append("| ").append(label(bucket)).append(" | ").append(ok.size()).append(" | ")
                    .append(fixed(mean(ok, r -> peerLength(r, peer)))).append(" | ")
                    .append(fixed(mean(ok, r -> r.simplij().result().size()))).append(" | ")
                    .append(percent(shorter, ok.size())).append(" | ").append(percent(equal, ok.size())).append(" | ")
                    .append(percent(ok.size() - shorter - equal, ok.size())).append(" | ").append(failures).append(" | ")
                    .append(timeouts).append(" |\n");
        });
        md.append('\n');
    }

    private static String label(String bucket) {
        return ALL.equals(bucket) ? "**all**" : bucket;
    }

    static String micros(double v) {
        if (Double.isNaN(v)) {
            return "-";
        }
        return v >= 100 ? String.format(Locale.ROOT, "%,.0f", v) : String.format(Locale.ROOT, "%.2f", v);
    }

    static String ratio(double v) {
        return Double.isNaN(v) || Double.isInfinite(v) ? "-" : String.format(Locale.ROOT, "%,.0fx", v);
    }

    static String fixed(double v) {
        return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%.2f", v);
    }

    static String percent(long part, long whole) {
        return whole == 0 ? "-" : String.format(Locale.ROOT, "%.1f%%", 100.0 * part / whole);
    }
}
