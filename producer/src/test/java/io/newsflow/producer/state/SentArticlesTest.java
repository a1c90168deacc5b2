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
        try (SentArticles state = SentArticles.open(file)) {
            state.record("aaa");
            state.record("bbb");
            state.record("aaa");
        }
        try (SentArticles state = SentArticles.open(file)) {
            assertThat(state.contains("aaa")).isTrue();
            assertThat(state.contains("ccc")).isFalse();
            assertThat(state.size()).isEqualTo(2);
            state.record("ccc");
        }
        assertThat(Files.readAllLines(file)).filteredOn(l -> !l.startsWith("#")).containsExactly("aaa", "bbb", "ccc");
    }

    @Test
    void shouldSurviveALineCutShortByACrash() throws Exception {
        Path file = Files.writeString(dir.resolve("state.ids"), "# header\naaa\nbb");
        try (SentArticles state = SentArticles.open(file)) {
            state.record("ccc");
        }
        try (SentArticles state = SentArticles.open(file)) {
            assertThat(state.contains("aaa")).isTrue();
            assertThat(state.contains("ccc")).isTrue();
        }
    }

    @Test
    void shouldRefuseAStateFileAnotherProducerHolds() throws Exception {
        Path file = dir.resolve("state.ids");
        try (SentArticles first = SentArticles.open(file)) {
            assertThatThrownBy(() -> SentArticles.open(file)).isInstanceOf(IOException.class).hasMessageContaining("in use");
        }
    }
}
