package io.newsflow.processor.topology;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.avro.CasualtyReport;
import io.newsflow.avro.DeadLetter;
import io.newsflow.avro.EnrichedArticle;
import io.newsflow.avro.EntityMention;
import io.newsflow.avro.RawArticle;
import io.newsflow.processor.topology.errors.DeadLetterDeserializationExceptionHandler;
import io.newsflow.processor.topology.errors.DeadLetterProcessingExceptionHandler;
import io.newsflow.processor.topology.errors.DeadLetterProductionExceptionHandler;
import io.newsflow.schemas.Topics;
import io.newsflow.schemas.registry.InMemorySchemaRegistryClient;
import io.newsflow.schemas.registry.SchemaRegistryException;
import io.newsflow.schemas.serde.AvroDeserializer;
import io.newsflow.schemas.serde.AvroSerializer;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Properties;
import java.util.function.Function;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class EnrichmentTopologyTest {
    private static final Instant T0 = Instant.parse("2024-03-01T12:00:00Z");
    private static final Instant NOW = Instant.parse("2024-03-01T12:30:00Z");

    private final InMemorySchemaRegistryClient registry = new InMemorySchemaRegistryClient();
    private TopologyTestDriver driver;
    private TestInputTopic<String, RawArticle> raw;
    private TestInputTopic<byte[], byte[]> rawBytes;
    private TestOutputTopic<String, EnrichedArticle> enriched;
    private TestOutputTopic<String, EntityMention> entities;
    private TestOutputTopic<String, CasualtyReport> casualties;
    private TestOutputTopic<byte[], DeadLetter> deadLetters;

    private void start(Function<RawArticle, EnrichedArticle> enricher) {
        start(enricher, registry);
    }

    private void start(Function<RawArticle, EnrichedArticle> enricher, InMemorySchemaRegistryClient topologyRegistry) {
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "enrichment-topology-test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        // the production error layers, as ProcessorConfig sets them; their registry is never reached here
        props.put("schema.registry.url", "http://localhost:1");
        props.put(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetterDeserializationExceptionHandler.class);
        props.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetterProcessingExceptionHandler.class);
        props.put(StreamsConfig.PRODUCTION_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetterProductionExceptionHandler.class);
        driver = new TopologyTestDriver(
                EnrichmentTopology.build(enricher, topologyRegistry, Clock.fixed(NOW, ZoneOffset.UTC)), props, T0);
        raw = driver.createInputTopic(Topics.RAW, new StringSerializer(), new AvroSerializer<RawArticle>(registry, false));
        rawBytes = driver.createInputTopic(Topics.RAW, new ByteArraySerializer(), new ByteArraySerializer());
        enriched = driver.createOutputTopic(Topics.ENRICHED, new StringDeserializer(),
                new AvroDeserializer<>(EnrichedArticle.class, registry));
        entities = driver.createOutputTopic(Topics.ENTITIES, new StringDeserializer(),
                new AvroDeserializer<>(EntityMention.class, registry));
        casualties = driver.createOutputTopic(Topics.CASUALTIES, new StringDeserializer(),
                new AvroDeserializer<>(CasualtyReport.class, registry));
        deadLetters = driver.createOutputTopic(Topics.DLQ, new ByteArrayDeserializer(),
                new AvroDeserializer<>(DeadLetter.class, registry));
    }

    @AfterEach
    void closeDriver() {
        if (driver != null) {
            driver.close();
        }
    }

    @Test
    void shouldPublishEnrichedArticleWithSameKeyAndTimestamp() {
        // given
        start(Articles::fakeEnrich);
        RawArticle article = Articles.raw("a1", "Mobilized men killed");

        // when
        raw.pipeInput("a1", article, T0.plusSeconds(1));

        // then
        TestRecord<String, EnrichedArticle> out = enriched.readRecord();
        assertThat(out.key()).isEqualTo("a1");
        assertThat(out.timestamp()).isEqualTo(T0.plusSeconds(1).toEpochMilli());
        assertThat(out.value()).isEqualTo(Articles.fakeEnrich(article));
        assertThat(enriched.isEmpty()).isTrue();
        assertThat(deadLetters.isEmpty()).isTrue();
    }

    @Test
    void shouldPublishOneEntityMentionPerEntityKeyedByEntityId() {
        // given
        start(Articles::fakeEnrich);

        // when
        raw.pipeInput("a1", Articles.raw("a1", "Mobilized men killed"), T0);

        // then
        List<KeyValue<String, EntityMention>> mentions = entities.readKeyValuesToList();
        assertThat(mentions).extracting(kv -> kv.key).containsExactly("Q180011", "nf:put-dumoi");
        EntityMention first = mentions.get(0).value;
        assertThat(first.getEntity()).isEqualTo(Articles.BERDIANSK);
        assertThat(first.getArticleId()).isEqualTo("a1");
        assertThat(first.getArticleTitle()).isEqualTo("Mobilized men killed");
        assertThat(first.getArticleUrl()).isEqualTo("https://example.org/a1");
        assertThat(first.getPublishedAt()).isEqualTo(Articles.PUBLISHED);
        assertThat(mentions.get(1).value.getEntity()).isEqualTo(Articles.PUT_DUMOI);
    }

    @Test
    void shouldPublishOneCasualtyReportPerFigureWithTheArticlesPlaces() {
        // given
        start(Articles::fakeEnrich);

        // when
        raw.pipeInput("a1", Articles.raw("a1", "Mobilized men killed"), T0);

        // then
        List<KeyValue<String, CasualtyReport>> reports = casualties.readKeyValuesToList();
        assertThat(reports).hasSize(1);
        assertThat(reports.get(0).key).isEqualTo("a1");
        CasualtyReport report = reports.get(0).value;
        assertThat(report.getFigure()).isEqualTo(Articles.KILLED);
        assertThat(report.getPlaces()).containsExactly(Articles.BERDIANSK); // LOCATIONs only, not Put' Dumoi
        assertThat(report.getArticleId()).isEqualTo("a1");
        assertThat(report.getArticleTitle()).isEqualTo("Mobilized men killed");
        assertThat(report.getPublishedAt()).isEqualTo(Articles.PUBLISHED);
    }

    @Test
    void shouldPublishOnlyTheEnrichedArticleWhenNothingIsFound() {
        // given
        start(a -> EnrichedArticle.newBuilder(Articles.fakeEnrich(a)).setEntities(List.of()).setCasualties(List.of()).build());

        // when
        raw.pipeInput("a1", Articles.raw("a1", "Weather"), T0);

        // then
        assertThat(enriched.readKeyValue().key).isEqualTo("a1");
        assertThat(entities.isEmpty()).isTrue();
        assertThat(casualties.isEmpty()).isTrue();
        assertThat(deadLetters.isEmpty()).isTrue();
    }

    @Test
    void shouldRouteUnreadableRecordToDeadLetterTopic() {
        // given
        start(Articles::fakeEnrich);
        byte[] key = "bad-1".getBytes(StandardCharsets.UTF_8);
        byte[] garbage = "{\"title\": \"not avro\"}".getBytes(StandardCharsets.UTF_8);

        // when
        rawBytes.pipeInput(key, garbage, T0);
        raw.pipeInput("a2", Articles.raw("a2", "Next one"), T0.plusSeconds(1));

        // then
        TestRecord<byte[], DeadLetter> dead = deadLetters.readRecord();
        assertThat(dead.key()).isEqualTo(key);
        DeadLetter letter = dead.value();
        assertThat(letter.getStage()).isEqualTo("DESERIALIZE");
        assertThat(letter.getError()).contains("not in the Confluent Avro wire format");
        assertThat(letter.getErrorClass()).isEqualTo("org.apache.kafka.common.errors.SerializationException");
        assertThat(letter.getSourceTopic()).isEqualTo(Topics.RAW);
        assertThat(letter.getSourcePartition()).isEqualTo(0);
        assertThat(letter.getSourceOffset()).isEqualTo(0L);
        assertThat(bytes(letter.getOriginalKey())).isEqualTo(key);
        assertThat(bytes(letter.getOriginalValue())).isEqualTo(garbage);
        assertThat(letter.getFailedAt()).isEqualTo(NOW);
        assertThat(deadLetters.isEmpty()).isTrue();
        // and the stream carries on
        KeyValue<String, EnrichedArticle> next = enriched.readKeyValue();
        assertThat(next.key).isEqualTo("a2");
        assertThat(next.value.getArticle().getTitle()).isEqualTo("Next one");
    }

    @Test
    void shouldRouteRecordWithUnknownSchemaIdToDeadLetterTopic() {
        // given
        start(Articles::fakeEnrich);
        byte[] unknownSchema = ByteBuffer.allocate(8).put((byte) 0).putInt(4242).put(new byte[] {1, 2, 3}).array();

        // when
        rawBytes.pipeInput("k".getBytes(StandardCharsets.UTF_8), unknownSchema, T0);

        // then
        DeadLetter letter = deadLetters.readValue();
        assertThat(letter.getStage()).isEqualTo("DESERIALIZE");
        assertThat(letter.getError()).contains("4242");
        assertThat(letter.getErrorClass()).isEqualTo(SchemaRegistryException.class.getName());
        assertThat(enriched.isEmpty()).isTrue();
    }

    @Test
    void shouldRouteTombstoneToDeadLetterTopicWithReason() {
        // given
        start(Articles::fakeEnrich);

        // when
        rawBytes.pipeInput("gone".getBytes(StandardCharsets.UTF_8), null, T0);
        rawBytes.pipeInput("empty".getBytes(StandardCharsets.UTF_8), new byte[0], T0);

        // then
        List<DeadLetter> letters = deadLetters.readValuesToList();
        assertThat(letters).extracting(DeadLetter::getStage).containsExactly("DESERIALIZE", "DESERIALIZE");
        assertThat(letters.get(0).getError()).contains("tombstone");
        assertThat(letters.get(0).getOriginalValue()).isNull();
        assertThat(letters.get(1).getError()).contains("empty value");
        assertThat(letters.get(1).getSourceOffset()).isEqualTo(1L);
        assertThat(enriched.isEmpty()).isTrue();
    }

    @Test
    void shouldRouteRecordToDeadLetterTopicWhenEnrichmentThrows() {
        // given
        start(article -> {
            if (article.getTitle().contains("poison")) {
                throw new IllegalArgumentException("cannot parse number in '" + article.getTitle() + "'");
            }
            return Articles.fakeEnrich(article);
        });
        AvroSerializer<RawArticle> serializer = new AvroSerializer<>(registry, false);
        RawArticle poison = Articles.raw("p1", "poison pill");
        byte[] poisonBytes = serializer.serialize(Topics.RAW, poison);

        // when
        raw.pipeInput("p1", poison, T0);
        raw.pipeInput("a3", Articles.raw("a3", "fine"), T0.plusSeconds(1));

        // then
        TestRecord<byte[], DeadLetter> dead = deadLetters.readRecord();
        assertThat(new String(dead.key(), StandardCharsets.UTF_8)).isEqualTo("p1");
        assertThat(dead.value().getStage()).isEqualTo("PROCESS");
        assertThat(dead.value().getError()).contains("cannot parse number in 'poison pill'");
        assertThat(dead.value().getErrorClass()).isEqualTo(IllegalArgumentException.class.getName());
        assertThat(dead.value().getSourceOffset()).isEqualTo(0L);
        assertThat(bytes(dead.value().getOriginalValue())).isEqualTo(poisonBytes);
        assertThat(enriched.readKeyValuesToList()).extracting(kv -> kv.key).containsExactly("a3");
        assertThat(entities.readKeyValuesToList()).hasSize(2); // only a3's
    }

    @Test
    void shouldRouteRecordToDeadLetterTopicWhenEnricherReturnsEntityWithoutId() {
        // given
        start(article -> EnrichedArticle.newBuilder(Articles.fakeEnrich(article))
                .setEntities(List.of(Articles.BERDIANSK, io.newsflow.avro.Entity.newBuilder(Articles.PUT_DUMOI).setId("").build()))
                .build());

        // when
        raw.pipeInput("a1", Articles.raw("a1", "t"), T0);

        // then: nothing half-published
        assertThat(deadLetters.readValue().getStage()).isEqualTo("PROCESS");
        assertThat(enriched.isEmpty()).isTrue();
        assertThat(entities.isEmpty()).isTrue();
        assertThat(casualties.isEmpty()).isTrue();
    }

    private static byte[] bytes(ByteBuffer buffer) {
        ByteBuffer copy = buffer.duplicate();
        byte[] out = new byte[copy.remaining()];
        copy.get(out);
        return out;
    }
}
