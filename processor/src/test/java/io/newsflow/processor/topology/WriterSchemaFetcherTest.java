package io.newsflow.processor.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newsflow.schemas.registry.InMemorySchemaRegistryClient;
import io.newsflow.schemas.registry.SchemaRegistryException;
import java.time.Duration;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;

class WriterSchemaFetcherTest {
    private final InMemorySchemaRegistryClient registry = new InMemorySchemaRegistryClient();

    @Test
    void shouldUseTheDefaultsWithoutSettings() {
        WriterSchemaFetcher fetcher = WriterSchemaFetcher.fromConfig(registry, Map.of());

        assertThat(fetcher.attempts()).isEqualTo(3);
        assertThat(fetcher.backoff()).isEqualTo(Duration.ofMillis(500));
        assertThat(fetcher.timeout()).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void shouldReadTheSettingsAsStringsOrNumbers() {
        WriterSchemaFetcher fetcher = WriterSchemaFetcher.fromConfig(registry, Map.of(
                WriterSchemaFetcher.ATTEMPTS_CONFIG, "5",
                WriterSchemaFetcher.BACKOFF_MS_CONFIG, 50,
                WriterSchemaFetcher.TIMEOUT_MS_CONFIG, "2000"));

        assertThat(fetcher.attempts()).isEqualTo(5);
        assertThat(fetcher.backoff()).isEqualTo(Duration.ofMillis(50));
        assertThat(fetcher.timeout()).isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void shouldKeepTheTimeoutWithinHalfTheTransactionTimeoutUnderExactlyOnce() {
        // Streams' default transaction.timeout.ms under exactly-once is 10 s
        assertThat(WriterSchemaFetcher.fromConfig(registry, Map.of(
                StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2,
                WriterSchemaFetcher.TIMEOUT_MS_CONFIG, "20000")).timeout()).isEqualTo(Duration.ofSeconds(5));
        // a longer transaction timeout allows a longer wait
        assertThat(WriterSchemaFetcher.fromConfig(registry, Map.of(
                StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2,
                "producer.transaction.timeout.ms", "60000",
                WriterSchemaFetcher.TIMEOUT_MS_CONFIG, "20000")).timeout()).isEqualTo(Duration.ofSeconds(20));
        // without transactions nothing caps it
        assertThat(WriterSchemaFetcher.fromConfig(registry, Map.of(
                StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.AT_LEAST_ONCE,
                WriterSchemaFetcher.TIMEOUT_MS_CONFIG, "20000")).timeout()).isEqualTo(Duration.ofSeconds(20));
    }

    @Test
    void shouldRejectSettingsThatCannotWork() {
        assertThatThrownBy(() -> WriterSchemaFetcher.fromConfig(registry, Map.of(WriterSchemaFetcher.ATTEMPTS_CONFIG, "0")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(WriterSchemaFetcher.ATTEMPTS_CONFIG);
        assertThatThrownBy(() -> WriterSchemaFetcher.fromConfig(registry, Map.of(WriterSchemaFetcher.TIMEOUT_MS_CONFIG, "soon")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(WriterSchemaFetcher.TIMEOUT_MS_CONFIG);
    }

    @Test
    void shouldGiveUpAfterTheAttemptsWithTheLastErrorAsCause() {
        InMemorySchemaRegistryClient failing = new InMemorySchemaRegistryClient() {
            @Override
            public Schema getById(int id) {
                throw new SchemaRegistryException("cannot fetch schema id " + id + ": registry answered 503", 50001, 503, null);
            }
        };
        WriterSchemaFetcher fetcher = new WriterSchemaFetcher(failing, 2, Duration.ofMillis(1), Duration.ofSeconds(5));

        assertThatThrownBy(() -> fetcher.fetch(7, "news.articles.raw"))
                .isInstanceOf(WriterSchemaUnavailableException.class)
                .hasMessageContaining("schema id 7").hasMessageContaining("news.articles.raw")
                .hasMessageContaining("after 2 attempts")
                .hasCauseInstanceOf(SchemaRegistryException.class)
                .satisfies(e -> assertThat(((WriterSchemaUnavailableException) e).attempts()).isEqualTo(2))
                .satisfies(e -> assertThat(DeadLetters.isTransient(e)).isFalse());
    }
}
