package io.newsflow.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.avro.DeadLetter;
import io.newsflow.avro.EnrichedArticle;
import io.newsflow.avro.RawArticle;
import io.newsflow.consumer.transport.KafkaSubscribers;
import io.newsflow.consumer.transport.NewsTopic;
import io.newsflow.consumer.transport.TopicSubscriber;
import io.newsflow.processor.app.ProcessorApp;
import io.newsflow.processor.app.ProcessorConfig;
import io.newsflow.processor.enrich.ArticleEnricher;
import io.newsflow.schemas.Topics;
import io.newsflow.schemas.registry.SchemaRegistryClient;
import io.newsflow.schemas.serde.AvroSerializer;
import io.newsflow.schemas.serde.SerdeConfig;
import io.newsflow.stack.LocalStack;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 9's poison pill on the real broker: an article whose enriched record is larger than Kafka
 * accepts used to stop the processor for good (the production handler failed, three thread
 * replacements, ERROR, and a restart died on the same offset). Now the article is dead-lettered
 * with its size and the limit, and everything after it comes out.
 */
class PoisonPillEndToEndTest {
    private static final Duration DEADLINE = Duration.ofSeconds(120);

    @TempDir
    Path stateDir;
    LocalStack stack;
    ProcessorApp processor;
    Properties client;

    @BeforeEach
    void start() throws Exception {
        stack = LocalStack.start();
        client = new Properties();
        client.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers());
        client.put(SerdeConfig.SCHEMA_REGISTRY_URL, stack.schemaRegistryUrl());
        Properties streams = ProcessorConfig.load(null, Map.of(), Map.of(
                CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers(),
                SerdeConfig.SCHEMA_REGISTRY_URL, stack.schemaRegistryUrl(),
                StreamsConfig.STATE_DIR_CONFIG, stateDir.toString()));
        processor = new ProcessorApp(streams, ArticleEnricher.loadFresh());
        processor.startAndAwaitRunning(DEADLINE);
    }

    @AfterEach
    void stop() {
        if (processor != null) {
            processor.close();
        }
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void shouldDeadLetterA980KbArticleWhoseEnrichedRecordIsTooLargeAndEnrichTheFiftyAfterIt() throws Exception {
        // given a 980 KB article (under the 1 MiB a plain producer accepts) and 50 ordinary ones after it
        RawArticle big = article("big-980kb", 980 * 1024);
        List<RawArticle> after = ordinary("after-big", 50);
        publish(big, after);

        // then the 50 come out
        assertThat(enrichedIds(after.size())).containsAll(ids(after));
        // and the big one is in the DLQ, stage PRODUCE, with its size and the limit
        DeadLetter dead = TopicReader.first(client, NewsTopic.DLQ, d -> d.getOriginalKey() != null
                && "big-980kb".equals(java.nio.charset.StandardCharsets.UTF_8.decode(d.getOriginalKey().duplicate()).toString()),
                DEADLINE);
        assertThat(dead.getStage()).isEqualTo("PRODUCE");
        assertThat(dead.getError()).contains("the enriched article for news.articles.enriched would be")
                .contains("over the limit of 1,048,576 bytes (max.request.size of the processor's producer)");
        assertThat(dead.getErrorClass()).isEqualTo("org.apache.kafka.common.errors.RecordTooLargeException");
        assertThat(dead.getSourceTopic()).isEqualTo(Topics.RAW);
        assertThat(dead.getOriginalValue().remaining()).as("the original record, whole").isGreaterThan(980 * 1024);
        // and the processor never stopped, nor lost a thread
        assertThat(processor.state()).isEqualTo(KafkaStreams.State.RUNNING);
        assertThat(processor.metrics().registry().get("newsflow.dead.letters")
                .tags("stage", "PRODUCE", "reason", "too-large").counter().count()).isEqualTo(1.0);
    }

    @Test
    void shouldDeadLetterAnArticleWhoseOutputTheBrokerRefusesAfterTheTopicLimitWasLoweredWhileRunning()
            throws Exception {
        // given an operator lowered news.articles.enriched's max.message.bytes after the processor started,
        // so its own size check (made with the limits it read at start) lets a 200 KB article through
        try (Admin admin = Admin.create(Map.of(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers()))) {
            admin.incrementalAlterConfigs(Map.of(new ConfigResource(ConfigResource.Type.TOPIC, Topics.ENRICHED),
                    List.of(new AlterConfigOp(new ConfigEntry(TopicConfig.MAX_MESSAGE_BYTES_CONFIG, "100000"),
                            AlterConfigOp.OpType.SET)))).all().get(60, TimeUnit.SECONDS);
            // the change reaches the broker's metadata a moment after the alter returns: wait for it
            ConfigResource enriched = new ConfigResource(ConfigResource.Type.TOPIC, Topics.ENRICHED);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (!"100000".equals(admin.describeConfigs(List.of(enriched)).all().get(60, TimeUnit.SECONDS).get(enriched)
                    .get(TopicConfig.MAX_MESSAGE_BYTES_CONFIG).value()) && System.nanoTime() < deadline) {
                TimeUnit.MILLISECONDS.sleep(100); // polling the broker's state with a deadline
            }
        }
        // random letters: the processor's producer compresses (lz4), and the broker checks the compressed
        // batch, so a repetitive body would fit
        RawArticle big = article("big-200kb", 0);
        java.util.Random random = new java.util.Random(42);
        StringBuilder noise = new StringBuilder(200 * 1024);
        while (noise.length() < 200 * 1024) {
            noise.append(random.nextInt(8) == 0 ? ' ' : (char) ('a' + random.nextInt(26)));
        }
        big.setBody(noise.toString());
        List<RawArticle> after = ordinary("after-refused", 10);
        publish(big, after);

        // then the broker's refusal kills the transaction, the thread is replaced (not counted), the article is
        // dead-lettered when read again, and the ten after it come out exactly once
        DeadLetter dead = TopicReader.first(client, NewsTopic.DLQ, d -> d.getOriginalKey() != null
                && "big-200kb".equals(java.nio.charset.StandardCharsets.UTF_8.decode(d.getOriginalKey().duplicate()).toString()),
                DEADLINE);
        assertThat(dead.getStage()).isEqualTo("PRODUCE");
        assertThat(dead.getError()).contains("Kafka refused the output for news.articles.enriched")
                .contains("RecordTooLargeException");
        List<String> enriched = enrichedIds(after.size());
        assertThat(enriched).containsExactlyInAnyOrderElementsOf(ids(after));
        assertThat(processor.state()).isEqualTo(KafkaStreams.State.RUNNING);
    }

    private void publish(RawArticle first, List<RawArticle> rest) throws Exception {
        SchemaRegistryClient registry = new SchemaRegistryClient(stack.schemaRegistryUrl());
        Properties raw = new Properties();
        raw.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers());
        try (KafkaProducer<String, RawArticle> producer = new KafkaProducer<>(raw, new StringSerializer(),
                new AvroSerializer<RawArticle>(registry, false))) {
            producer.send(new ProducerRecord<>(Topics.RAW, first.getId(), first)).get(60, TimeUnit.SECONDS);
            for (RawArticle article : rest) {
                producer.send(new ProducerRecord<>(Topics.RAW, article.getId(), article));
            }
            producer.flush();
        }
    }

    /** Reads news.articles.enriched (read_committed) until {@code n} records arrived, or the deadline. */
    private List<String> enrichedIds(int n) {
        List<String> ids = new java.util.ArrayList<>();
        Properties config = KafkaSubscribers.consumerConfig(client, null, true);
        try (TopicSubscriber<EnrichedArticle> subscriber = KafkaSubscribers.subscriber(NewsTopic.ENRICHED, config)) {
            subscriber.run(record -> ids.add(record.value().getId()), n, DEADLINE);
        }
        return ids;
    }

    private static Set<String> ids(List<RawArticle> articles) {
        Set<String> ids = new HashSet<>();
        articles.forEach(a -> ids.add(a.getId()));
        return ids;
    }

    private static List<RawArticle> ordinary(String prefix, int n) {
        List<RawArticle> articles = new java.util.ArrayList<>();
        for (int i = 0; i < n; i++) {
            articles.add(article(prefix + "-" + i, 0));
        }
        return articles;
    }

    /** An article of about {@code chars} characters full of places, people and figures (or a short one for 0). */
    static RawArticle article(String id, int chars) {
        String paragraph = "At least 12 people were killed in Kharkiv on Monday, Governor Oleh Syniehubov said."
                + " Emergency crews in Odesa and Zaporizhzhia reported 30 wounded. ";
        StringBuilder body = new StringBuilder(Math.max(chars, paragraph.length()));
        do {
            body.append(paragraph);
        } while (body.length() < chars);
        body.setLength(Math.max(chars, paragraph.length()));
        return RawArticle.newBuilder()
                .setId(id)
                .setUrl("https://example.org/" + id)
                .setTitle("Article " + id)
                .setIngestedAt(Instant.parse("2024-03-01T10:00:00Z"))
                .setSource("poison-pill-test")
                .setLanguage("en")
                .setBody(body.toString())
                .build();
    }
}
