package io.newsflow.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.avro.CasualtyFigure;
import io.newsflow.avro.CasualtyReport;
import io.newsflow.avro.DeadLetter;
import io.newsflow.avro.EnrichedArticle;
import io.newsflow.avro.Entity;
import io.newsflow.avro.EntityMention;
import io.newsflow.avro.EntityType;
import io.newsflow.avro.FigureCategory;
import io.newsflow.avro.Qualifier;
import io.newsflow.avro.RawArticle;
import io.newsflow.consumer.transport.NewsTopic;
import io.newsflow.producer.app.ProduceCommand;
import io.newsflow.producer.app.ProduceResult;
import io.newsflow.producer.source.ArticleFileParser;
import io.newsflow.producer.transport.ArticleProducers;
import io.newsflow.producer.transport.ArticlePublisher;
import io.newsflow.schemas.Topics;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.function.Predicate;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The pipeline on the real embedded broker and registry: the real producer publishes the sample
 * file, the real processor enriches it, and the real consumer code reads the three output topics.
 */
class PipelineEndToEndTest {
    private static final Duration DEADLINE = Duration.ofSeconds(90);
    private static final Path SAMPLE = Path.of("../producer/src/main/resources/samples/d01-put-dumoi-widow.txt");

    @TempDir
    static Path stateDir;
    static EmbeddedPipeline pipeline;
    static Properties clientConfig;

    @BeforeAll
    static void startPipeline() throws Exception {
        pipeline = EmbeddedPipeline.start(stateDir, DEADLINE);
        clientConfig = pipeline.clientConfig();
    }

    @AfterAll
    static void stopPipeline() {
        if (pipeline != null) {
            pipeline.close();
        }
    }

    @Test
    void shouldEnrichThePublishedSampleOntoAllThreeOutputTopics() {
        // given the sample article published by the producer
        StringWriter out = new StringWriter();
        ProduceResult result = ProduceCommand.publish(List.of(SAMPLE), clientConfig,
                new PrintWriter(out), new PrintWriter(new StringWriter()));
        assertThat(result.sent()).as(out.toString()).isEqualTo(1);
        String articleId = out.toString().split("\\s+")[1];

        // then the enriched article arrives, keyed by the article id
        EnrichedArticle enriched = first(NewsTopic.ENRICHED, a -> a.getId().equals(articleId));
        assertThat(enriched.getArticle().getTitle()).contains("Our Men Are Dying for Nothing");
        Entity berdiansk = entityNamed(enriched, "Berdiansk");
        assertThat(berdiansk.getType()).isEqualTo(EntityType.LOCATION);
        assertThat(berdiansk.getGeo()).isNotNull();
        assertThat(berdiansk.getGeo().getLat()).isBetween(46.5, 47.0);
        assertThat(berdiansk.getGeo().getLon()).isBetween(36.5, 37.0);
        assertThat(entityNamed(enriched, "Maria Ishkova").getType()).isEqualTo(EntityType.PERSON);
        assertThat(entityNamed(enriched, "Dumoi").getType()).isEqualTo(EntityType.ORGANIZATION);
        CasualtyFigure killed = enriched.getCasualties().stream()
                .filter(f -> f.getCategory() == FigureCategory.KILLED && f.getCount() == 4787)
                .findFirst().orElseThrow(() -> new AssertionError("no KILLED 4787 in " + enriched.getCasualties()));
        assertThat(killed.getQualifier()).isEqualTo(Qualifier.AT_LEAST);
        assertThat(killed.getAttribution()).contains("Mediazona");

        // and each of its entities is on news.entities, keyed by entity id
        EntityMention mention = first(NewsTopic.ENTITIES,
                m -> m.getArticleId().equals(articleId) && m.getEntity().getId().equals(berdiansk.getId()));
        assertThat(mention.getEntity().getName()).isEqualTo(berdiansk.getName());

        // and its figure is on news.casualties with the article's places
        CasualtyReport report = first(NewsTopic.CASUALTIES,
                r -> r.getArticleId().equals(articleId) && r.getFigure().getCount() == 4787);
        assertThat(report.getFigure().getCategory()).isEqualTo(FigureCategory.KILLED);
        assertThat(report.getPlaces()).extracting(Entity::getId).contains(berdiansk.getId());
    }

    @Test
    void shouldRouteUnreadableRecordToDeadLetterTopicAndKeepProcessing() throws Exception {
        // given garbage bytes on the raw topic, followed by a good article
        RecordMetadata garbage;
        Properties raw = new Properties();
        raw.putAll(clientConfig);
        raw.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        raw.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(raw)) {
            garbage = producer.send(new ProducerRecord<>(Topics.RAW, "bad-key".getBytes(StandardCharsets.UTF_8),
                    "this is not avro".getBytes(StandardCharsets.UTF_8))).get();
        }
        RawArticle good = new ArticleFileParser().parseText("""
                # Flood waters rise in the north

                By Jane Roe

                March 3, 2024

                At least 12 people were killed when floods hit Gode, officials said.

                Original url:

                <https://example.org/floods-gode>
                """, "inline-test-article");
        try (ArticlePublisher publisher = new ArticlePublisher(ArticleProducers.create(clientConfig))) {
            publisher.publish(good);
        }

        // then the garbage is on the dead-letter topic with where it came from and its bytes
        DeadLetter dead = first(NewsTopic.DLQ, d -> d.getSourceOffset() != null
                && d.getSourceOffset() == garbage.offset() && Topics.RAW.equals(d.getSourceTopic()));
        assertThat(dead.getStage()).isEqualTo("DESERIALIZE");
        assertThat(dead.getError()).containsIgnoringCase("magic byte");
        assertThat(StandardCharsets.UTF_8.decode(dead.getOriginalValue()).toString()).isEqualTo("this is not avro");

        // and the good article after it still comes through
        EnrichedArticle enriched = first(NewsTopic.ENRICHED, a -> a.getId().equals(good.getId()));
        assertThat(enriched.getCasualties()).extracting(CasualtyFigure::getCount).contains(12L);
    }

    private static Entity entityNamed(EnrichedArticle article, String name) {
        return article.getEntities().stream()
                .filter(e -> e.getName().contains(name)
                        || e.getMentions().stream().anyMatch(m -> m.getText().contains(name)))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no entity named " + name + " in " + article.getEntities()));
    }

    private static <V extends SpecificRecord> V first(NewsTopic<V> topic, Predicate<V> match) {
        return TopicReader.first(clientConfig, topic, match, DEADLINE);
    }
}
