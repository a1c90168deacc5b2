package io.newsflow.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.avro.CasualtyReport;
import io.newsflow.avro.DeadLetter;
import io.newsflow.avro.EnrichedArticle;
import io.newsflow.avro.EntityMention;
import io.newsflow.avro.RawArticle;
import io.newsflow.schemas.Topics;
import io.newsflow.schemas.registry.SchemaRegistryClient;
import io.newsflow.schemas.serde.AvroDeserializer;
import io.newsflow.schemas.serde.AvroSerializer;
import io.newsflow.schemas.topics.TopicAdmin;
import io.newsflow.schemas.topics.TopicSettings;
import io.newsflow.stack.LocalStack;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * Faults on real processes: a three-broker KRaft cluster (in this JVM, so one broker can be
 * stopped and restarted), topics at 6 partitions and replication factor 3, and processor instances
 * that are separate JVMs ({@code newsflow process --http-port P --state-dir D}, the real
 * enrichment), killed with SIGKILL. Counted with a read_committed reader.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FaultToleranceEndToEndTest {
    private static final Duration DEADLINE = Duration.ofMinutes(8);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private static final Pattern ENRICHED_TOTAL = Pattern.compile("newsflow_articles_enriched_total\\{[^}]*} ([0-9.E]+)");

    @TempDir
    static Path dir;
    static LocalStack stack;

    @BeforeAll
    static void startCluster() throws Exception {
        stack = LocalStack.start(null, 3, 0, 0, 0, List.of());
        try (Admin admin = stack.kafka().admin()) {
            TopicAdmin topics = new TopicAdmin(admin, Duration.ofSeconds(120));
            TopicSettings.Resolved settings = new TopicSettings(6, (short) 3, 2).resolve(topics.brokers());
            topics.createMissing(Topics.SPECS, settings);
        }
    }

    @AfterAll
    static void stopCluster() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    @Order(1)
    void shouldEnrichTenThousandArticlesExactlyOnceThroughAKilledInstanceAndAStoppedBroker() throws Exception {
        // given two processor instances, each with its own state directory and HTTP port
        int portA = freePort();
        int portB = freePort();
        NewsflowProcess a = processor("a", portA);
        NewsflowProcess b = processor("b", portB);
        try {
            awaitReady(a, portA);
            awaitReady(b, portB);

            // when 10,000 distinct articles are published while instance a is SIGKILLed and restarted,
            // and then broker 2 is stopped and restarted
            int total = 10_000;
            try (KafkaProducer<String, RawArticle> producer = producer()) {
                publish(producer, 0, 3_000);
                awaitEnriched(portA, 1);
                long killedAt = System.nanoTime();
                a.kill();
                publish(producer, 3_000, 6_000);
                a = processor("a", portA);
                awaitReady(a, portA);
                long readyAfter = System.nanoTime() - killedAt;
                // (a restart slower than session.timeout.ms finds its partitions moved to b, which enriched
                // the backlog: a's first article is then one published after its return)
                publish(producer, 6_000, 7_000);
                awaitEnriched(portA, 1);
                long processingAfter = System.nanoTime() - killedAt;
                System.out.printf("RECOVERY kill -9 -> restarted instance ready %.1f s, enriching %.1f s%n",
                        readyAfter / 1e9, processingAfter / 1e9);

                stack.kafka().stopBroker(2);
                publish(producer, 7_000, 8_500);
                stack.kafka().startBroker(2);
                publish(producer, 8_500, total);
            }

            // then every article is enriched exactly once, each with exactly its entity and casualty records
            Outputs outputs = readOutputs(total);
            assertThat(outputs.duplicates).as("duplicated article ids").isZero();
            assertThat(outputs.enriched).as("distinct enriched article ids").hasSize(total);
            for (Map.Entry<String, EnrichedArticle> article : outputs.enriched.entrySet()) {
                String id = article.getKey();
                assertThat(outputs.mentions.getOrDefault(id, 0)).as("entity records of " + id)
                        .isEqualTo(article.getValue().getEntities().size());
                assertThat(outputs.reports.getOrDefault(id, 0)).as("casualty records of " + id)
                        .isEqualTo(article.getValue().getCasualties().size());
            }
            assertThat(outputs.enriched.values().stream().mapToInt(e -> e.getCasualties().size()).sum()).isPositive();
            // and both instances did work, and both are ready
            assertThat(enrichedTotal(portA)).isPositive();
            assertThat(enrichedTotal(portB)).isPositive();
            assertThat(get(portA, "/health/ready").statusCode()).isEqualTo(200);
            assertThat(get(portB, "/health/ready").statusCode()).isEqualTo(200);

            // and SIGTERM stops an instance cleanly with exit code 0
            b.terminate();
            assertThat(b.awaitExit(Duration.ofMinutes(2))).as(b.stderr()).isZero();
        } finally {
            a.close();
            b.close();
        }
    }

    @Test
    @Order(2)
    void shouldDeadLetterA980KbArticleAndEnrichTheFiftyAfterItWithoutTheProcessExiting() throws Exception {
        int port = freePort();
        NewsflowProcess processor = processor("c", port);
        try {
            awaitReady(processor, port);
            try (KafkaProducer<String, RawArticle> producer = producer()) {
                producer.send(new ProducerRecord<>(Topics.RAW, "poison-980kb",
                        PoisonPillEndToEndTest.article("poison-980kb", 980 * 1024))).get(60, TimeUnit.SECONDS);
                for (int i = 0; i < 50; i++) {
                    RawArticle article = PoisonPillEndToEndTest.article("after-poison-" + i, 0);
                    producer.send(new ProducerRecord<>(Topics.RAW, article.getId(), article));
                }
                producer.flush();
            }
            DeadLetter dead = TopicReader.first(clientConfig(), io.newsflow.consumer.transport.NewsTopic.DLQ,
                    d -> d.getOriginalKey() != null && "poison-980kb".equals(
                            StandardCharsets.UTF_8.decode(d.getOriginalKey().duplicate()).toString()), DEADLINE);
            assertThat(dead.getStage()).isEqualTo("PRODUCE");
            assertThat(dead.getError()).contains("over the limit of");
            long deadline = System.nanoTime() + DEADLINE.toNanos();
            while (countEnriched("after-poison-") < 50 && System.nanoTime() < deadline) {
                assertThat(processor.isAlive()).as("the processor never exits").isTrue();
                processor.awaitOutput(out -> false, Duration.ofSeconds(2));
            }
            assertThat(countEnriched("after-poison-")).isEqualTo(50);
            assertThat(processor.isAlive()).as(processor.stderr()).isTrue();
            assertThat(get(port, "/health/live").statusCode()).isEqualTo(200);
        } finally {
            processor.close();
        }
    }

    private static NewsflowProcess processor(String name, int port) throws IOException {
        return NewsflowProcess.start(dir.resolve("process-" + name + "-" + System.nanoTime()), "1g", Map.of(),
                "process", "--bootstrap-servers", stack.bootstrapServers(),
                "--schema-registry-url", stack.schemaRegistryUrl(),
                "--http-port", Integer.toString(port), "--state-dir", dir.resolve("state-" + name).toString(),
                "--startup-timeout", "400");
    }

    private static void awaitReady(NewsflowProcess process, int port) throws Exception {
        long deadline = System.nanoTime() + DEADLINE.toNanos();
        while (System.nanoTime() < deadline) {
            assertThat(process.isAlive()).as("processor died: " + process.stderr()).isTrue();
            try {
                if (get(port, "/health/ready").statusCode() == 200) {
                    return;
                }
            } catch (IOException notListeningYet) {
                // the HTTP server starts after the enrichment is loaded
            }
            process.awaitOutput(out -> false, Duration.ofMillis(500));
        }
        throw new AssertionError("not ready within " + DEADLINE + ": " + process.stderr());
    }

    private static void awaitEnriched(int port, long atLeast) throws Exception {
        long deadline = System.nanoTime() + DEADLINE.toNanos();
        while (enrichedTotal(port) < atLeast) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("instance on port " + port + " enriched nothing within " + DEADLINE);
            }
            TimeUnit.MILLISECONDS.sleep(200); // polling its metrics with a deadline
        }
    }

    private static long enrichedTotal(int port) throws Exception {
        Matcher m = ENRICHED_TOTAL.matcher(get(port, "/metrics").body());
        return m.find() ? (long) Double.parseDouble(m.group(1)) : 0;
    }

    private static HttpResponse<String> get(int port, String path) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static java.util.Properties clientConfig() {
        java.util.Properties config = new java.util.Properties();
        config.put("bootstrap.servers", stack.bootstrapServers());
        config.put("schema.registry.url", stack.schemaRegistryUrl());
        return config;
    }

    private static KafkaProducer<String, RawArticle> producer() {
        Map<String, Object> config = new HashMap<>();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers());
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) Duration.ofMinutes(5).toMillis());
        config.put(ProducerConfig.LINGER_MS_CONFIG, 20);
        return new KafkaProducer<>(config, new StringSerializer(),
                new AvroSerializer<RawArticle>(new SchemaRegistryClient(stack.schemaRegistryUrl()), false));
    }

    private static void publish(KafkaProducer<String, RawArticle> producer, int from, int to) throws Exception {
        String[] places = {"Kharkiv", "Odesa", "Zaporizhzhia", "Kherson", "Mykolaiv", "Dnipro"};
        for (int i = from; i < to; i++) {
            String id = "fault-" + i;
            String place = places[i % places.length];
            RawArticle article = RawArticle.newBuilder()
                    .setId(id)
                    .setUrl("https://example.org/fault/" + i)
                    .setTitle("Shelling report " + i)
                    .setIngestedAt(java.time.Instant.parse("2024-03-01T10:00:00Z"))
                    .setSource("fault-test")
                    .setLanguage("en")
                    .setBody("At least " + (i % 40 + 2) + " people were killed in " + place + " on Monday, officials said."
                            + (i % 3 == 0 ? " Another " + (i % 7 + 1) + " were wounded." : ""))
                    .build();
            producer.send(new ProducerRecord<>(Topics.RAW, id, article));
        }
        producer.flush();
    }

    /** What a read_committed reader sees on the three output topics for the fault articles. */
    private static final class Outputs {
        final Map<String, EnrichedArticle> enriched = new HashMap<>();
        final Map<String, Integer> mentions = new HashMap<>();
        final Map<String, Integer> reports = new HashMap<>();
        int duplicates;
    }

    private static Outputs readOutputs(int total) {
        Outputs outputs = new Outputs();
        SchemaRegistryClient registry = new SchemaRegistryClient(stack.schemaRegistryUrl());
        AvroDeserializer<EnrichedArticle> enriched = new AvroDeserializer<>(EnrichedArticle.class, registry);
        AvroDeserializer<EntityMention> mentions = new AvroDeserializer<>(EntityMention.class, registry);
        AvroDeserializer<CasualtyReport> reports = new AvroDeserializer<>(CasualtyReport.class, registry);
        long deadline = System.nanoTime() + DEADLINE.toNanos();
        long quietSince = 0;
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "fault-reader-" + System.nanoTime(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"), new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(Topics.ENRICHED, Topics.ENTITIES, Topics.CASUALTIES));
            while (System.nanoTime() < deadline) {
                int seen = 0;
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofSeconds(1))) {
                    seen++;
                    switch (record.topic()) {
                        case Topics.ENRICHED -> {
                            EnrichedArticle article = enriched.deserialize(record.topic(), record.value());
                            if (article.getId().startsWith("fault-") && outputs.enriched.put(article.getId(), article) != null) {
                                outputs.duplicates++;
                            }
                        }
                        case Topics.ENTITIES -> outputs.mentions.merge(
                                mentions.deserialize(record.topic(), record.value()).getArticleId(), 1, Integer::sum);
                        default -> outputs.reports.merge(
                                reports.deserialize(record.topic(), record.value()).getArticleId(), 1, Integer::sum);
                    }
                }
                // all enriched articles seen, then five quiet seconds for their last mentions and reports
                if (outputs.enriched.size() >= total) {
                    quietSince = seen == 0 ? (quietSince == 0 ? System.nanoTime() : quietSince) : 0;
                    if (quietSince != 0 && System.nanoTime() - quietSince > TimeUnit.SECONDS.toNanos(5)) {
                        break;
                    }
                }
            }
        }
        return outputs;
    }

    private static int countEnriched(String prefix) {
        SchemaRegistryClient registry = new SchemaRegistryClient(stack.schemaRegistryUrl());
        AvroDeserializer<EnrichedArticle> enriched = new AvroDeserializer<>(EnrichedArticle.class, registry);
        java.util.Set<String> ids = new java.util.HashSet<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"), new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<org.apache.kafka.common.TopicPartition> partitions = consumer.partitionsFor(Topics.ENRICHED).stream()
                    .map(p -> new org.apache.kafka.common.TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<org.apache.kafka.common.TopicPartition, Long> end = consumer.endOffsets(partitions);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p)) && System.nanoTime() < deadline) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    String id = enriched.deserialize(record.topic(), record.value()).getId();
                    if (id.startsWith(prefix)) {
                        ids.add(id);
                    }
                }
            }
        }
        return ids.size();
    }
}
