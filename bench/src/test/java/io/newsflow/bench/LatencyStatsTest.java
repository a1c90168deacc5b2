package io.newsflow.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class LatencyStatsTest {

    @Test
    void nearestRankPercentiles() {
        long[] nanos = new long[100];
        for (int i = 0; i < 100; i++) {
            nanos[i] = (100 - i) * 1_000_000L; // 100 ms .. 1 ms, unsorted
        }
        LatencyStats stats = new LatencyStats(nanos);
        assertThat(stats.count()).isEqualTo(100);
        assertThat(stats.percentileMillis(50)).isEqualTo(50.0);
        assertThat(stats.percentileMillis(95)).isEqualTo(95.0);
        assertThat(stats.percentileMillis(99)).isEqualTo(99.0);
        assertThat(stats.percentileMillis(100)).isEqualTo(100.0);
        assertThat(stats.maxMillis()).isEqualTo(100.0);
        assertThat(stats.meanMillis()).isEqualTo(50.5);
    }

    @Test
    void smallAndEmptySets() {
        assertThat(new LatencyStats(new long[] {7_000_000L}).percentileMillis(99)).isEqualTo(7.0);
        assertThat(new LatencyStats(new long[] {1, 2, 3}).percentileNanos(50)).isEqualTo(2.0);
        assertThat(new LatencyStats(new long[0]).percentileMillis(50)).isNaN();
        assertThatThrownBy(() -> new LatencyStats(new long[] {1}).percentileNanos(0))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
