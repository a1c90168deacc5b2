package io.newsflow.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.avro.EnrichedArticle;
import io.newsflow.avro.Entity;
import io.newsflow.avro.EntityType;
import io.newsflow.avro.GazetteerEntry;
import io.newsflow.avro.RawArticle;
import io.newsflow.consumer.transport.NewsTopic;
import io.newsflow.processor.app.ProcessorApp;
import io.newsflow.processor.app.ProcessorConfig;
import io.newsflow.processor.enrich.ArticleEnricher;
import io.newsflow.processor.topology.GazetteerListener;
import io.newsflow.producer.transport.ArticleProducers;
import io.newsflow.producer.transport.ArticlePublisher;
import io.newsflow.schemas.Topics;
import io.newsflow.schemas.registry.SchemaRegistryClient;
import io.newsflow.schemas.serde.AvroSerializer;
import io.newsflow.schemas.serde.SerdeConfig;
import io.newsflow.stack.LocalStack;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Operators' entries on the compacted {@code news.gazetteer} topic, on the real embedded broker
 * and registry: an entry published while the processor runs changes the enrichment of the next
 * article without a restart; a tombstone takes it back; after a restart a fresh processor applies
 * the topic's entries before it enriches anything. The names are invented and appear in no
 * evaluation article.
 */
class GazetteerEndToEndTest {
    private static final Duration DEADLINE = Duration.ofSeconds(90);

    @TempDir
    static Path stateDir;
    static LocalStack stack;
    static Properties clientConfig;
    static Properties streamsConfig;

    private ProcessorApp processor;
    /** What the running processor's listener applied: "upsert ID" / "remove ID", in order. */
    private final BlockingQueue<String> applied = new LinkedBlockingQueue<>();

    @BeforeAll
    static void startStack() {
        stack = LocalStack.start();
        clientConfig = new Properties();
        clientConfig.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers());
        clientConfig.put(SerdeConfig.SCHEMA_REGISTRY_URL, stack.schemaRegistryUrl());
        streamsConfig = ProcessorConfig.load(null, Map.of(), Map.of(
                CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers(),
                SerdeConfig.SCHEMA_REGISTRY_URL, stack.schemaRegistryUrl(),
                StreamsConfig.STATE_DIR_CONFIG, stateDir.toString()));
    }

    @AfterEach
    void stopProcessor() {
        if (processor != null) {
            processor.close();
        }
    }

    @AfterAll
    static void stopStack() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void shouldUseAnOperatorsEntryForTheNextArticleWithoutRestarting() throws Exception {
        // given a running processor with a fresh enricher, whose applied entries the test can await
        startObservedProcessor();

        // when the operator publishes an entry while it runs
        publishEntry("nf:test:hwc", entry("nf:test:hwc", "Harbour Watch Collective", "HWC"));
        awaitApplied("upsert nf:test:hwc");

        // then the next article's alias resolves to the operator's id, without a restart
        RawArticle article = publishArticle("hwc-1", "Volunteers of the Harbour Watch Collective cleared the shore on Sunday."
                + " HWC said the work would go on all month.");
        EnrichedArticle enriched = first(NewsTopic.ENRICHED, a -> a.getId().equals(article.getId()));
        Entity hwc = mentioned(enriched, "HWC").orElseThrow(() -> new AssertionError("no HWC in " + enriched.getEntities()));
        assertThat(hwc.getId()).isEqualTo("nf:test:hwc");
        assertThat(hwc.getType()).isEqualTo(EntityType.ORGANIZATION);
        assertThat(first(NewsTopic.ENTITIES, m -> m.getArticleId().equals(article.getId())
                && m.getEntity().getId().equals("nf:test:hwc")).getEntity().getName()).isEqualTo("Harbour Watch Collective");

        // and when the operator deletes it, the article after that no longer carries the id
        publishEntry("nf:test:hwc", null);
        awaitApplied("remove nf:test:hwc");
        RawArticle later = publishArticle("hwc-2", "HWC said on Monday that the shore was clean again.");
        EnrichedArticle afterDelete = first(NewsTopic.ENRICHED, a -> a.getId().equals(later.getId()));
        assertThat(afterDelete.getEntities()).extracting(Entity::getId).doesNotContain("nf:test:hwc");
    }

    @Test
    void shouldApplyTheTopicsEntriesAgainAfterARestart() throws Exception {
        // given an entry applied by a processor that is then stopped
        startObservedProcessor();
        publishEntry("nf:test:lfg", entry("nf:test:lfg", "Lantern Ferry Guild", "LFG"));
        awaitApplied("upsert nf:test:lfg");
        processor.close();

        // when a new processor starts, with a brand-new enricher that has never seen the entry
        processor = new ProcessorApp(streamsConfig, ArticleEnricher.loadFresh());
        processor.startAndAwaitRunning(DEADLINE);

        // then its first article already uses the entry: the global store was rebuilt through the
        // processor (and so the enricher) before the stream threads ran
        RawArticle article = publishArticle("lfg-1", "Boats of the LFG carried 40 families across the river, LFG said.");
        EnrichedArticle enriched = first(NewsTopic.ENRICHED, a -> a.getId().equals(article.getId()));
        assertThat(mentioned(enriched, "LFG").map(Entity::getId)).contains("nf:test:lfg");
    }

    private void startObservedProcessor() throws Exception {
        ArticleEnricher enricher = ArticleEnricher.loadFresh();
        GazetteerListener observed = GazetteerListener.of(
                entry -> {
                    enricher.upsert(entry);
                    applied.add("upsert " + entry.getId());
                },
                id -> {
                    enricher.remove(id);
                    applied.add("remove " + id);
                });
        processor = new ProcessorApp(streamsConfig, enricher::enrich, observed,
                new SchemaRegistryClient(stack.schemaRegistryUrl()));
        processor.startAndAwaitRunning(DEADLINE);
    }

    private void awaitApplied(String what) throws InterruptedException {
        long deadline = System.nanoTime() + DEADLINE.toNanos();
        List<String> seen = new ArrayList<>();
        while (System.nanoTime() < deadline) {
            String next = applied.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
            if (next == null) {
                break;
            }
            seen.add(next);
            if (next.equals(what)) {
                return;
            }
        }
        throw new AssertionError("the processor did not apply '" + what + "' within " + DEADLINE + "; applied " + seen);
    }

    private static GazetteerEntry entry(String id, String name, String alias) {
        return GazetteerEntry.newBuilder()
                .setId(id)
                .setName(name)
                .setType(EntityType.ORGANIZATION)
                .setAliases(List.of(alias))
                .build();
    }

    /** As an operator's tool would: key = entity id, Confluent wire-format Avro value, null = tombstone. */
    private static void publishEntry(String id, GazetteerEntry entry) throws Exception {
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers());
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, GazetteerEntry> producer = new KafkaProducer<>(config, new StringSerializer(),
                new AvroSerializer<GazetteerEntry>(new SchemaRegistryClient(stack.schemaRegistryUrl()), false))) {
            producer.send(new ProducerRecord<>(Topics.GAZETTEER, id, entry)).get(DEADLINE.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private static RawArticle publishArticle(String slug, String body) {
        Instant now = Instant.now();
        RawArticle article = RawArticle.newBuilder()
                .setId("gazetteer-e2e-" + slug + "-" + now.toEpochMilli())
                .setUrl("https://example.org/gazetteer-e2e/" + slug)
                .setTitle("Shore report " + slug)
                .setAuthors(List.of())
                .setPublishedAt(now)
                .setIngestedAt(now)
                .setSource("gazetteer-e2e")
                .setLanguage("en")
                .setBody(body)
                .build();
        try (ArticlePublisher publisher = new ArticlePublisher(ArticleProducers.create(clientConfig))) {
            publisher.publish(article);
        }
        return article;
    }

    private static Optional<Entity> mentioned(EnrichedArticle article, String text) {
        return article.getEntities().stream()
                .filter(e -> e.getMentions().stream().anyMatch(m -> m.getText().equals(text)))
                .findFirst();
    }

    private static <V extends SpecificRecord> V first(NewsTopic<V> topic, Predicate<V> match) {
        return TopicReader.first(clientConfig, topic, match, DEADLINE);
    }
}
