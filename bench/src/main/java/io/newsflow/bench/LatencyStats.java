package io.newsflow.bench;

import java.util.Arrays;

/** Percentiles of a set of latencies (nearest-rank), in nanoseconds. Immutable. */
public final class LatencyStats {
    private final long[] sorted;

    public LatencyStats(long[] nanos) {
        this.sorted = nanos.clone();
        Arrays.sort(this.sorted);
    }

    public int count() {
        return sorted.length;
    }

    /**
     * The nearest-rank percentile: the smallest value with at least {@code p}% of the values at or
     * below it. {@code p} in (0, 100]. NaN when there are no values.
     */
    public double percentileNanos(double p) {
        if (!(p > 0 && p <= 100)) {
            throw new IllegalArgumentException("percentile must be in (0, 100], was " + p);
        }
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, rank - 1)];
    }

    public double percentileMillis(double p) {
        return percentileNanos(p) / 1e6;
    }

    public double maxMillis() {
        return sorted.length == 0 ? Double.NaN : sorted[sorted.length - 1] / 1e6;
    }

    public double meanMillis() {
        return sorted.length == 0 ? Double.NaN : Arrays.stream(sorted).average().orElse(Double.NaN) / 1e6;
    }
}
