package io.newsflow.processor.topology;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.newsflow.avro.RawArticle;
import io.newsflow.schemas.Topics;
import io.newsflow.schemas.registry.InMemorySchemaRegistryClient;
import io.newsflow.schemas.serde.AvroSerializer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Properties;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What the topology counts into the injected registry: the meters an operator alerts on. */
class EnrichmentTopologyMetricsTest {
    private static final Instant T0 = Instant.parse("2024-03-01T12:00:00Z");

    private final InMemorySchemaRegistryClient registry = new InMemorySchemaRegistryClient();
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private TopologyTestDriver driver;
    private TestInputTopic<String, RawArticle> raw;
    private TestInputTopic<byte[], byte[]> rawBytes;

    @BeforeEach
    void start() {
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "metrics-test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        driver = new TopologyTestDriver(EnrichmentTopology.build(Articles::fakeEnrich, GazetteerListener.NONE, registry,
                Clock.fixed(T0, ZoneOffset.UTC), PipelineMetrics.of(meters), OutputLimits.of(1_048_576, "test")), props, T0);
        raw = driver.createInputTopic(Topics.RAW, new StringSerializer(), new AvroSerializer<RawArticle>(registry, false));
        rawBytes = driver.createInputTopic(Topics.RAW, new ByteArraySerializer(), new ByteArraySerializer());
    }

    @AfterEach
    void close() {
        driver.close();
    }

    @Test
    void shouldCountEnrichedArticlesAndTheirEnrichmentTime() {
        raw.pipeInput("a1", Articles.raw("a1", "Mobilized men killed"), T0);
        raw.pipeInput("a2", Articles.raw("a2", "Three wounded"), T0);

        assertThat(meters.get("newsflow.articles.enriched").counter().count()).isEqualTo(2.0);
        assertThat(meters.get("newsflow.enrichment").timer().count()).isEqualTo(2);
    }

    @Test
    void shouldCountDeadLettersByStageAndBoundedReason() {
        rawBytes.pipeInput("k1".getBytes(StandardCharsets.UTF_8), "not avro".getBytes(StandardCharsets.UTF_8), T0);
        rawBytes.pipeInput("k2".getBytes(StandardCharsets.UTF_8), null, T0);
        rawBytes.pipeInput("k3".getBytes(StandardCharsets.UTF_8), "still not avro".getBytes(StandardCharsets.UTF_8), T0);

        assertThat(meters.get("newsflow.dead.letters").tags("stage", "DESERIALIZE", "reason", "SerializationException")
                .counter().count()).isEqualTo(2.0);
        assertThat(meters.get("newsflow.dead.letters").tags("stage", "DESERIALIZE", "reason", "tombstone")
                .counter().count()).isEqualTo(1.0);
        assertThat(meters.get("newsflow.articles.enriched").counter().count()).isZero();
    }
}
