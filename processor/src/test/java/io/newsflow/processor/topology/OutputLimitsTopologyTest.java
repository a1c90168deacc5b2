package io.newsflow.processor.topology;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.newsflow.avro.DeadLetter;
import io.newsflow.avro.EnrichedArticle;
import io.newsflow.avro.EntityMention;
import io.newsflow.avro.RawArticle;
import io.newsflow.schemas.Topics;
import io.newsflow.schemas.registry.InMemorySchemaRegistryClient;
import io.newsflow.schemas.serde.AvroDeserializer;
import io.newsflow.schemas.serde.AvroSerializer;
import io.newsflow.schemas.serde.RecordSizes;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Properties;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Outputs larger than Kafka accepts become dead letters before anything is sent; the dead letter itself fits. */
class OutputLimitsTopologyTest {
    private static final Instant T0 = Instant.parse("2024-03-01T12:00:00Z");
    private static final int LIMIT = 20_000;

    private final InMemorySchemaRegistryClient registry = new InMemorySchemaRegistryClient();
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final OutputLimits limits = OutputLimits.of(LIMIT, "test limit");
    private TopologyTestDriver driver;
    private TestInputTopic<String, RawArticle> raw;
    private TestInputTopic<byte[], byte[]> rawBytes;
    private TestOutputTopic<String, EnrichedArticle> enriched;
    private TestOutputTopic<String, EntityMention> entities;
    private TestOutputTopic<byte[], DeadLetter> deadLetters;

    private void start() {
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "limits-test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        driver = new TopologyTestDriver(EnrichmentTopology.build(Articles::fakeEnrich, GazetteerListener.NONE, registry,
                Clock.fixed(T0, ZoneOffset.UTC), PipelineMetrics.of(meters), limits), props, T0);
        raw = driver.createInputTopic(Topics.RAW, new StringSerializer(), new AvroSerializer<RawArticle>(registry, false));
        rawBytes = driver.createInputTopic(Topics.RAW, new ByteArraySerializer(), new ByteArraySerializer());
        enriched = driver.createOutputTopic(Topics.ENRICHED, new StringDeserializer(),
                new AvroDeserializer<>(EnrichedArticle.class, registry));
        entities = driver.createOutputTopic(Topics.ENTITIES, new StringDeserializer(),
                new AvroDeserializer<>(EntityMention.class, registry));
        deadLetters = driver.createOutputTopic(Topics.DLQ, new ByteArrayDeserializer(),
                new AvroDeserializer<>(DeadLetter.class, registry));
    }

    @AfterEach
    void close() {
        driver.close();
    }

    private static RawArticle withBody(String id, int chars) {
        RawArticle article = Articles.raw(id, "Title " + id);
        article.setBody("x".repeat(chars));
        return article;
    }

    @Test
    void shouldDeadLetterAnArticleWhoseEnrichedRecordWouldExceedTheLimitWithSizeAndLimitAndSendNoneOfItsOutputs() {
        start();
        // given an article whose enriched record is over 20,000 bytes, then an ordinary one
        raw.pipeInput("big", withBody("big", 25_000), T0);
        raw.pipeInput("small", Articles.raw("small", "Small"), T0);

        // then the big one is a dead letter (PRODUCE) saying how big and what the limit is, with no outputs
        DeadLetter dead = deadLetters.readValue();
        assertThat(dead.getStage()).isEqualTo("PRODUCE");
        assertThat(dead.getErrorClass()).isEqualTo(RecordTooLargeException.class.getName());
        assertThat(dead.getError()).matches("the enriched article for news.articles.enriched would be 2\\d,\\d{3} bytes,"
                + " over the limit of 20,000 bytes \\(test limit\\) less 1,024 bytes for key and headers .*");
        assertThat(deadLetters.isEmpty()).isTrue();
        // and the next article comes out whole
        assertThat(enriched.readKeyValuesToList()).extracting(kv -> kv.key).containsExactly("small");
        assertThat(entities.readKeyValuesToList()).hasSize(2);
        assertThat(meters.get("newsflow.dead.letters").tags("stage", "PRODUCE", "reason", "too-large").counter().count())
                .isEqualTo(1.0);
    }

    @Test
    void shouldLetAnArticleJustUnderTheLimitThrough() {
        start();
        RawArticle article = withBody("near", 17_000);
        assertThat(RecordSizes.wireFormatSize(Articles.fakeEnrich(article))).isLessThan(LIMIT - OutputLimits.MARGIN);

        raw.pipeInput("near", article, T0);

        assertThat(enriched.readValue().getId()).isEqualTo("near");
        assertThat(deadLetters.isEmpty()).isTrue();
    }

    @Test
    void shouldCutTheOriginalValueOfADeadLetterThatWouldNotFitAndSaySo() {
        start();
        // given 30,000 bytes that are not Avro: the dead letter with them would exceed the limit
        byte[] garbage = new byte[30_000];
        Arrays.fill(garbage, (byte) 'g');
        rawBytes.pipeInput("k".getBytes(StandardCharsets.UTF_8), garbage, T0);

        DeadLetter dead = deadLetters.readValue();
        assertThat(dead.getStage()).isEqualTo("DESERIALIZE");
        assertThat(RecordSizes.wireFormatSize(dead)).isLessThanOrEqualTo(LIMIT - OutputLimits.MARGIN);
        assertThat(dead.getOriginalValue().remaining()).isPositive().isLessThan(30_000);
        assertThat(dead.getError()).contains("[originalValue cut from 30,000 to ")
                .contains("the whole record is at news.articles.raw-0@0 while its retention lasts]");
    }

    @Test
    void shouldDeadLetterAnArticleWhoseOutputKafkaRefusedWhenItIsReadAgain() {
        start();
        // given the production handler marked the enriched output of article a7 as refused by the broker
        RecordTooLargeException refusal = new RecordTooLargeException("The request included a message larger than the"
                + " max message size the server will accept.");
        limits.markUnsendable(Topics.ENRICHED, "a7".getBytes(StandardCharsets.UTF_8), "Kafka refused it", refusal);
        assertThat(limits.explains(new RuntimeException("thread died", refusal))).isTrue();

        // when the article is read again
        raw.pipeInput("a7", Articles.raw("a7", "Refused before"), T0);
        raw.pipeInput("a8", Articles.raw("a8", "Fine"), T0);

        // then it is a dead letter with the refusal, and the mark is used up
        DeadLetter dead = deadLetters.readValue();
        assertThat(dead.getStage()).isEqualTo("PRODUCE");
        assertThat(dead.getError()).isEqualTo("Kafka refused it");
        assertThat(enriched.readKeyValuesToList()).extracting(kv -> kv.key).containsExactly("a8");
        raw.pipeInput("a7", Articles.raw("a7", "Sent again later"), T0);
        assertThat(enriched.readValue().getId()).isEqualTo("a7");
    }

    @Test
    void shouldNotExcuseASecondRefusalOfTheSameOutput() {
        RecordTooLargeException first = new RecordTooLargeException("first");
        RecordTooLargeException second = new RecordTooLargeException("second");
        byte[] key = "k".getBytes(StandardCharsets.UTF_8);

        limits.markUnsendable(Topics.DLQ, key, "refused", first);
        assertThat(limits.explains(first)).isTrue();
        limits.markUnsendable(Topics.DLQ, key, "refused again", second);

        assertThat(limits.explains(second)).isFalse();
        start(); // the driver is closed after each test
    }
}
