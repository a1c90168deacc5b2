package io.newsflow.producer.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SentArticlesTest {
    @TempDir
    Path dir;

    @Test
    void shouldRememberAcknowledgedIdsAcrossRuns() throws Exception {
        Path file = dir.resolve("nested/state.ids");
        try (SentArticles state = SentArticles.open(file, "cluster-a")) {
            state.record("aaa");
            state.record("bbb");
            state.record("aaa");
        }
        try (SentArticles state = SentArticles.open(file, "cluster-a")) {
            assertThat(state.contains("aaa")).isTrue();
            assertThat(state.contains("ccc")).isFalse();
            assertThat(state.size()).isEqualTo(2);
            state.record("ccc");
        }
        assertThat(Files.readAllLines(file)).filteredOn(l -> !l.startsWith("#"))
                .containsExactly("@cluster cluster-a", "aaa", "bbb", "ccc");
    }

    @Test
    void shouldSurviveALineCutShortByACrash() throws Exception {
        Path file = Files.writeString(dir.resolve("state.ids"), "# header\n@cluster cluster-a\naaa\nbb");
        try (SentArticles state = SentArticles.open(file, "cluster-a")) {
            state.record("ccc");
        }
        try (SentArticles state = SentArticles.open(file, "cluster-a")) {
            assertThat(state.contains("aaa")).isTrue();
            assertThat(state.contains("ccc")).isTrue();
        }
    }

    @Test
    void shouldRefuseAStateFileAnotherProducerHolds() throws Exception {
        Path file = dir.resolve("state.ids");
        try (SentArticles first = SentArticles.open(file, "cluster-a")) {
            assertThatThrownBy(() -> SentArticles.open(file, "cluster-a")).isInstanceOf(IOException.class).hasMessageContaining("in use");
        }
    }

    @Test
    void shouldKeepTheIdsOfEachClusterApartSoANewClusterStartsFresh() throws Exception {
        Path file = dir.resolve("state.ids");
        try (SentArticles a = SentArticles.open(file, "cluster-a")) {
            a.record("aaa");
        }
        // when the same file is opened for another cluster (a fresh stack at the same address)
        try (SentArticles b = SentArticles.open(file, "cluster-b")) {
            // then nothing sent to the first counts as sent to it
            assertThat(b.contains("aaa")).isFalse();
            assertThat(b.size()).isZero();
            assertThat(b.otherClustersIds()).isEqualTo(1);
            b.record("bbb");
        }
        // and each cluster keeps its own ids
        try (SentArticles a = SentArticles.open(file, "cluster-a")) {
            assertThat(a.contains("aaa")).isTrue();
            assertThat(a.contains("bbb")).isFalse();
            a.record("ccc");
        }
        try (SentArticles a = SentArticles.open(file, "cluster-a")) {
            assertThat(a.size()).isEqualTo(2);
        }
    }

    @Test
    void shouldNotTrustIdsWrittenWithoutAClusterByAnOlderProducer() throws Exception {
        // given a state file as producers wrote it before the cluster id was kept
        Path file = Files.writeString(dir.resolve("sent-localhost_9092.ids"),
                "# newsflow producer state: ids of articles the broker acknowledged, one per line\naaa\nbbb\n");

        try (SentArticles state = SentArticles.open(file, "cluster-a")) {
            assertThat(state.contains("aaa")).isFalse();
            assertThat(state.unattributedIds()).isEqualTo(2);
            state.record("aaa");
        }
        try (SentArticles state = SentArticles.open(file, "cluster-a")) {
            assertThat(state.contains("aaa")).isTrue();
            assertThat(state.unattributedIds()).isEqualTo(2);
        }
    }
}
