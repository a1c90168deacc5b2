package io.newsflow.processor.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newsflow.schemas.registry.InMemorySchemaRegistryClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The app without a broker; the end-to-end run against the embedded broker lives in the app module. */
class ProcessorAppTest {
    @TempDir
    Path stateDir;

    @Test
    void shouldGiveUpWithinTheDeadlineWhenNoBrokerAnswers() throws Exception {
        // given: nothing listens on port 1
        Properties props = ProcessorConfig.load(null, Map.of(), Map.of(
                "bootstrap.servers", "localhost:1", "state.dir", stateDir.toString()));
        try (ProcessorApp app = new ProcessorApp(props, a -> null, new InMemorySchemaRegistryClient())) {
            long start = System.nanoTime();

            // when / then
            assertThatThrownBy(() -> app.startAndAwaitRunning(Duration.ofSeconds(2)))
                    .isInstanceOf(TimeoutException.class)
                    .hasMessageContaining("localhost:1");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(15));
            assertThat(app.state()).isEqualTo(KafkaStreams.State.CREATED); // never started: topics came first
        }
    }

    @Test
    void shouldCloseCleanlyWithoutStartingAndSignalTermination() throws Exception {
        Properties props = ProcessorConfig.load(null, Map.of(), Map.of("state.dir", stateDir.toString()));
        ProcessorApp app = new ProcessorApp(props, a -> null, new InMemorySchemaRegistryClient());

        app.cleanUp();
        app.close();

        assertThat(app.awaitTermination(Duration.ofSeconds(5))).isTrue();
        assertThat(app.state()).isEqualTo(KafkaStreams.State.NOT_RUNNING);
        app.close(); // idempotent
    }

    @Test
    void shouldGiveTheAdminClientOnlyAdminSettings() {
        Properties props = ProcessorConfig.load(null, Map.of(), Map.of(
                "security.protocol", "SASL_SSL", "admin.request.timeout.ms", "5000"));

        Map<String, Object> admin = ProcessorApp.adminConfig(props);

        assertThat(admin).containsEntry("bootstrap.servers", "localhost:9092")
                .containsEntry("security.protocol", "SASL_SSL")
                .containsEntry("request.timeout.ms", "5000")
                .doesNotContainKeys("application.id", "processing.guarantee", "schema.registry.url");
    }
}
