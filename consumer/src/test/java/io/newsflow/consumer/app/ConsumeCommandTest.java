package io.newsflow.consumer.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsflow.avro.EnrichedArticle;
import io.newsflow.consumer.Fixtures;
import io.newsflow.consumer.transport.ConsumerFactory;
import io.newsflow.consumer.transport.KafkaSubscribers;
import io.newsflow.consumer.transport.NewsTopic;
import io.newsflow.schemas.Topics;
import io.newsflow.schemas.serde.SerdeConfig;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RecordDeserializationException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine;

@Timeout(30)
class ConsumeCommandTest {
    static final TopicPartition TP = new TopicPartition(Topics.ENRICHED, 0);

    final MockConsumer<String, EnrichedArticle> consumer = new MockConsumer<>("earliest");
    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();
    NewsTopic<?> askedTopic;
    Properties usedConfig;

    final ConsumerFactory factory = new ConsumerFactory() {
        @Override
        @SuppressWarnings("unchecked")
        public <V extends SpecificRecord> Consumer<String, V> create(NewsTopic<V> topic, Properties config) {
            askedTopic = topic;
            usedConfig = config;
            return (Consumer<String, V>) (Consumer<?, ?>) consumer;
        }
    };

    int run(String... args) {
        CommandLine cli = new CommandLine(new ConsumeCommand(Map.of(), factory));
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    void publishEnriched(long... offsets) {
        consumer.schedulePollTask(() -> {
            consumer.rebalance(List.of(TP));
            consumer.updateBeginningOffsets(Map.of(TP, 0L));
            for (long offset : offsets) {
                consumer.addRecord(new ConsumerRecord<>(Topics.ENRICHED, 0, offset, Fixtures.ARTICLE_ID, Fixtures.enrichedArticle()));
            }
        });
    }

    @Test
    void shouldPrintEnrichedArticlesAsText() {
        publishEnriched(0);

        int exit = run("--topic", "enriched", "--from-beginning", "--max-records", "1");

        assertThat(exit).isZero();
        assertThat(askedTopic).isEqualTo(NewsTopic.ENRICHED);
        assertThat(out.toString()).contains(
                "'Our Men Are Dying for Nothing'",
                "  id 39122f9c9171b7456653b2592eb8fde0",
                "    LOCATION      Berdiansk      geonames:712451  (46.7550, 36.7890 UA)",
                "    KILLED at least 4,787 — mobilized men (Mediazona and BBC)");
        assertThat(err.toString()).contains("1 records from news.articles.enriched");
        assertThat(consumer.closed()).isTrue();
    }

    @Test
    void shouldPrintOneJsonObjectPerLine() throws Exception {
        publishEnriched(0, 1);

        int exit = run("--topic", "news.articles.enriched", "--json", "--max-records", "2");

        assertThat(exit).isZero();
        String[] lines = out.toString().split("\\R");
        assertThat(lines).hasSize(2);
        assertThat(new ObjectMapper().readTree(lines[1]).at("/casualties/0/count").asLong()).isEqualTo(4787);
    }

    @Test
    void shouldReportAnUnreadableRecordOnStderrAndGoOn() {
        publishEnriched(0);
        consumer.schedulePollTask(() -> consumer.setPollException(new RecordDeserializationException(
                RecordDeserializationException.DeserializationExceptionOrigin.VALUE, TP, 1, 0L, TimestampType.CREATE_TIME,
                null, ByteBuffer.wrap(new byte[] {9}), new RecordHeaders(), "Error deserializing VALUE",
                new SerializationException("record on topic 'news.articles.enriched' is 1 bytes, too short"))));
        consumer.schedulePollTask(() -> consumer.addRecord(
                new ConsumerRecord<>(Topics.ENRICHED, 0, 2, Fixtures.ARTICLE_ID, Fixtures.enrichedArticle())));

        int exit = run("--topic", "enriched", "--json", "--max-records", "2");

        assertThat(exit).isZero();
        assertThat(err.toString()).contains("skipped unreadable record news.articles.enriched[0]@1: cannot deserialize value:"
                + " record on topic 'news.articles.enriched' is 1 bytes, too short",
                "2 records, 1 unreadable skipped from news.articles.enriched");
        assertThat(out.toString().split("\\R")).hasSize(2);
    }

    @Test
    void shouldStopAfterTheIdleTimeout() {
        publishEnriched();

        int exit = run("--topic", "enriched", "--timeout", "200ms");

        assertThat(exit).isZero();
        assertThat(err.toString()).contains("0 records from news.articles.enriched");
    }

    @Test
    void shouldPassGroupRegistryAndBrokerSettingsToTheConsumer() {
        publishEnriched(0);

        run("--topic", "casualties", "--group-id", "alerts", "--bootstrap-servers", "broker:9092",
                "--schema-registry-url", "http://registry:8081", "--max-records", "1", "--timeout", "1");

        assertThat(askedTopic).isEqualTo(NewsTopic.CASUALTIES);
        assertThat(usedConfig).containsEntry(ConsumerConfig.GROUP_ID_CONFIG, "alerts")
                .containsEntry(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, "broker:9092")
                .containsEntry(SerdeConfig.SCHEMA_REGISTRY_URL, "http://registry:8081")
                .containsEntry(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    }

    @Test
    void shouldUseAFreshGroupReadingFromTheBeginning() {
        publishEnriched();

        run("--topic", "dlq", "--from-beginning", "--timeout", "50ms");

        assertThat(usedConfig.getProperty(ConsumerConfig.GROUP_ID_CONFIG)).startsWith(KafkaSubscribers.FRESH_GROUP_PREFIX);
        assertThat(usedConfig).containsEntry(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    }

    @Test
    void shouldExitWithTwoOnUsageErrors() {
        assertThat(run("--topic", "nope")).isEqualTo(2);
        assertThat(err.toString()).contains("Unknown topic 'nope'; choose one of enriched, entities, casualties, dlq");
        assertThat(run()).isEqualTo(2);
        assertThat(run("--topic", "enriched", "--timeout", "soon")).isEqualTo(2);
        assertThat(askedTopic).isNull();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"30, PT30S", "30s, PT30S", "500ms, PT0.5S", "2m, PT2M", "1h, PT1H", "1.5s, PT1.5S", "PT1M, PT1M"})
    void shouldReadDurationsAsPeopleTypeThem(String text, String expected) {
        assertThat(DurationConverter.parse(text)).isEqualTo(Duration.parse(expected));
    }
}
