package io.newsflow.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.newsflow.avro.GazetteerEntry;
import io.newsflow.avro.EntityType;
import io.newsflow.consumer.format.RecordFormatter;
import io.newsflow.producer.app.ProduceCommand;
import io.newsflow.producer.app.ProduceResult;
import io.newsflow.producer.source.ArticleFileParser;
import io.newsflow.producer.source.BundledSamples;
import io.newsflow.producer.source.FileSource;
import io.newsflow.producer.transport.ArticleProducers;
import io.newsflow.schemas.PublishedSchemas;
import io.newsflow.schemas.Topics;
import io.newsflow.schemas.registry.SchemaRegistryClient;
import io.newsflow.schemas.serde.AvroDeserializer;
import io.newsflow.schemas.serde.AvroSerializer;
import io.newsflow.stack.LocalStack;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The topic contract as a team in another language sees it, checked on a real run: the embedded
 * stack and the processor, the bundled samples and the documentation's example article
 * ({@code docs/examples/article.json}) published by the producer, one gazetteer entry, one
 * unreadable record. Then
 * <ol>
 *   <li>the Node.js example ({@code examples/node}, kafkajs + @kafkajs/confluent-schema-registry)
 *       decodes every record of every topic and finds each published {@code .avsc} registered as
 *       the subject's latest version — skipped, saying so, when {@code npm ci} has not been run;</li>
 *   <li>the schema registered under every subject is its published file (canonical strings equal),
 *       and a raw look-up of the file's text answers the project's id;</li>
 *   <li>each example record in {@code docs/topics.md} is what the run produced, after masking the
 *       values that differ per run (timestamps, source path, offsets);</li>
 *   <li>every entity id scheme in the doc's table appears in the output, and no other;</li>
 *   <li>the headers on the records are the ones the doc lists; the consumer examples read committed.</li>
 * </ol>
 * When the pipeline's output changes on purpose (a new field, new id schemes), the failure says
 * what to update; {@code -Dnewsflow.docs.update=true} rewrites the doc's examples from the run, and
 * {@code app/target/topics-examples/} always holds what the run gave.
 */
@Timeout(600)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TopicContractEndToEndTest {
    private static final Duration DEADLINE = Duration.ofSeconds(120);
    private static final Path EXAMPLE_ARTICLE = Path.of("../docs/examples/article.json");
    private static final Path PUBLISHED_SCHEMAS = Path.of("../schemas/src/main/avro");
    private static final Path NODE_EXAMPLE = Path.of("../examples/node");
    private static final Path EXAMPLES_OUT = Path.of("target/topics-examples");
    /** Values that differ from run to run, replaced before the doc's example and the run's record are compared. */
    private static final Set<String> RUN_SPECIFIC = Set.of("ingestedAt", "enrichedAt", "failedAt", "source", "sourceOffset");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    static Path stateDir;
    static EmbeddedPipeline pipeline;
    static LocalStack stack;
    static Properties clientConfig;
    static String exampleId;
    static AvroDeserializer<GenericRecord> deserializer;
    static final GazetteerEntry GAZETTEER_ENTRY = GazetteerEntry.newBuilder()
            .setId("nf:org:harbour-watch").setName("Harbour Watch Collective").setType(EntityType.ORGANIZATION)
            .setAliases(List.of("HWC", "Harbour Watch")).setGeo(null).build();

    @BeforeAll
    static void runThePipeline() throws Exception {
        pipeline = EmbeddedPipeline.start(stateDir, DEADLINE);
        stack = pipeline.stack();
        clientConfig = pipeline.clientConfig();

        StringWriter out = new StringWriter();
        ArticleFileParser parser = new ArticleFileParser();
        ProduceResult sent = ProduceCommand.publish(List.of(new BundledSamples(parser), new FileSource(EXAMPLE_ARTICLE, parser)),
                ArticleProducers.create(clientConfig), new PrintWriter(out), new PrintWriter(out));
        assertThat(sent.failed()).as(out.toString()).isZero();
        exampleId = out.toString().lines().filter(l -> l.startsWith("published ") && l.contains("Port of Berdiansk"))
                .map(l -> l.split(" ")[1]).findFirst().orElseThrow(() -> new AssertionError("example not published: " + out));
        publishGazetteerEntry();
        // every article is enriched before the tests look
        awaitRecords(Topics.ENRICHED, sent.sent());
    }

    @AfterAll
    static void stopThePipeline() {
        if (pipeline != null) {
            pipeline.close();
        }
    }

    @Test
    @Order(1)
    void shouldDecodeEveryRecordOfEveryTopicWithTheNodeExample() throws Exception {
        Assumptions.assumeTrue(Files.isDirectory(NODE_EXAMPLE.resolve("node_modules")),
                "skipped: examples/node/node_modules is missing; run `npm ci` in examples/node (.ci/run does) to test the Node.js example");
        // given every record now on the topics, counted by a read_committed Java consumer
        Map<String, List<ConsumerRecord<byte[], byte[]>>> all = readAll(Topics.ALL);
        int total = all.values().stream().mapToInt(List::size).sum();

        // when the Node example reads every topic from the beginning
        NodeRun run = node("--all-topics", "--from-beginning", "--exit-at-end",
                "--check-schemas", PUBLISHED_SCHEMAS.toAbsolutePath().toString());

        // then it decoded every one of them, and found every published file registered as the latest version
        assertThat(run.exit()).as(run.output()).isZero();
        assertThat(run.output()).contains("decoded " + total + " records").contains("failed 0");
        for (String topic : Topics.ALL) {
            assertThat(run.output()).as("per-topic count of " + topic)
                    .contains(topic + "=" + all.get(topic).size());
            assertThat(run.output()).contains("schema " + topic + "-value: " + Topics.VALUE_SCHEMAS.get(topic).getName()
                    + ".avsc is id ").doesNotContain("FAILED");
        }
    }

    @Test
    @Order(2)
    void shouldRegisterEverySubjectAsItsPublishedFileAndAnswerTheFileWithTheProjectsId() throws Exception {
        for (Map.Entry<String, org.apache.avro.Schema> topic : Topics.VALUE_SCHEMAS.entrySet()) {
            String subject = topic.getKey() + "-value";
            Path file = PUBLISHED_SCHEMAS.resolve(topic.getValue().getName() + ".avsc");
            String fileText = Files.readString(file);
            JsonNode latest = registry("GET", "/subjects/" + subject + "/versions/latest", null);

            // the registered text is the file's canonical string (Avro's Schema.toString(), what Confluent stores)
            assertThat(latest.path("schema").asText()).as(subject + " registered vs " + file)
                    .isEqualTo(PublishedSchemas.canonical(fileText));
            // a client that sends the file as it is (pretty-printed, docs and all) gets the same id back
            JsonNode lookup = registry("POST", "/subjects/" + subject, JSON.createObjectNode().put("schema", fileText));
            assertThat(lookup.path("id").asInt()).as("look-up of " + file + " under " + subject)
                    .isEqualTo(latest.path("id").asInt());
        }
    }

    @Test
    @Order(3)
    void shouldShowInTheDocExactlyTheRecordsARunProduces() throws Exception {
        // the dead letter of the example: an unreadable record on the raw topic
        RecordMetadata garbage = sendRaw("bad-key", "this is not avro");
        Map<String, JsonNode> run = new LinkedHashMap<>();
        run.put(Topics.RAW, first(Topics.RAW, r -> exampleId.equals(r.get("id").toString())));
        run.put(Topics.ENRICHED, first(Topics.ENRICHED, r -> exampleId.equals(r.get("id").toString())));
        // the article's mention of the documented entity (with several partitions, which mention comes first varies)
        String documentedEntity = new TopicsDoc().example(Topics.ENTITIES).at("/entity/id").asText();
        run.put(Topics.ENTITIES, first(Topics.ENTITIES, r -> exampleId.equals(r.get("articleId").toString())
                && documentedEntity.equals(((GenericRecord) r.get("entity")).get("id").toString())));
        run.put(Topics.CASUALTIES, first(Topics.CASUALTIES, r -> exampleId.equals(r.get("articleId").toString())));
        run.put(Topics.DLQ, first(Topics.DLQ, r -> Long.valueOf(garbage.offset()).equals(r.get("sourceOffset"))));
        run.put(Topics.GAZETTEER, first(Topics.GAZETTEER, r -> GAZETTEER_ENTRY.getId().equals(r.get("id").toString())));

        TopicsDoc doc = new TopicsDoc();
        boolean update = Boolean.getBoolean("newsflow.docs.update");
        Files.createDirectories(EXAMPLES_OUT);
        List<String> differences = new ArrayList<>();
        for (Map.Entry<String, JsonNode> produced : run.entrySet()) {
            String topic = produced.getKey();
            // the file as a user names it from the project root (the test runs in app/)
            String pretty = TopicsDoc.pretty(produced.getValue()).replace("\"../docs/examples/", "\"docs/examples/");
            Files.writeString(EXAMPLES_OUT.resolve(topic + ".json"), pretty + "\n");
            JsonNode documented = doc.example(topic);
            if (documented == null) {
                differences.add(topic + ": docs/topics.md has no ```json example under its heading");
            } else if (!masked(documented).equals(masked(produced.getValue()))) {
                differences.add(topic + ": the doc shows\n" + masked(documented) + "\nbut the run gives\n" + masked(produced.getValue()));
            }
            if (update && documented != null) {
                doc.replaceExample(topic, pretty);
            }
        }
        if (update) {
            doc.save();
        }
        assertThat(differences)
                .as("docs/topics.md's example records must be what a run produces from docs/examples/article.json "
                        + "(compared with " + RUN_SPECIFIC + " masked). If the output changed on purpose, update the doc: "
                        + "./mvnw -pl app verify -Dtest=TopicContractEndToEndTest -Dnewsflow.docs.update=true "
                        + "(or copy from app/target/topics-examples/), and the field tables next to them")
                .isEmpty();
    }

    @Test
    @Order(4)
    void shouldDocumentEveryEntityIdSchemeTheOutputUsesAndNoOther() throws Exception {
        Map<String, List<String>> schemes = new TopicsDoc().table("**Entity ids.**");
        assertThat(schemes).as("the table of entity id schemes in docs/topics.md").isNotEmpty();
        Map<String, Pattern> patterns = new LinkedHashMap<>();
        schemes.keySet().forEach(s -> patterns.put(s, Pattern.compile(Pattern.quote(s).replaceAll("<[^>]+>", "\\\\E[^:\\\\s]+\\\\Q"))));
        Set<String> ids = new TreeSet<>();
        for (ConsumerRecord<byte[], byte[]> record : readAll(List.of(Topics.ENRICHED)).get(Topics.ENRICHED)) {
            GenericRecord article = decode(Topics.ENRICHED, record.value());
            for (Object entity : (List<?>) article.get("entities")) {
                ids.add(((GenericRecord) entity).get("id").toString());
            }
        }

        List<String> undocumented = ids.stream().filter(id -> patterns.values().stream().noneMatch(p -> p.matcher(id).matches())).toList();
        List<String> unseen = new ArrayList<>();
        patterns.forEach((scheme, pattern) -> {
            if (ids.stream().noneMatch(id -> pattern.matcher(id).matches())) {
                unseen.add(scheme);
            }
        });
        List<String> badExamples = new ArrayList<>();
        schemes.forEach((scheme, cells) -> {
            String example = cells.size() > 1 ? cells.get(1).replace("`", "") : "";
            if (!patterns.get(scheme).matcher(example).matches() || !ids.contains(example)) {
                badExamples.add(scheme + " example '" + example + "'");
            }
        });
        assertThat(undocumented).as("entity ids in the output whose scheme docs/topics.md ('Entity ids') does not list: "
                + "add the scheme to that table (and to docs/enrichment.md)").isEmpty();
        assertThat(unseen).as("id schemes docs/topics.md lists that no entity of the samples and the example article has: "
                + "remove them, or make an example article show one; ids of the run: " + ids).isEmpty();
        assertThat(badExamples).as("each scheme's example id must follow it and be an id of the run: " + ids).isEmpty();
        // article ids: 32 lower-case hex digits (the first 128 bits of SHA-256)
        assertThat(readAll(List.of(Topics.RAW)).get(Topics.RAW)).allSatisfy(r -> {
            String key = new String(r.key(), StandardCharsets.UTF_8);
            assertThat(key).matches(key.equals("bad-key") ? "bad-key" : "[0-9a-f]{32}");
        });
    }

    @Test
    @Order(5)
    void shouldDocumentTheHeadersOnTheRecordsAndCopyThemFromTheRawRecord() throws Exception {
        Map<String, List<ConsumerRecord<byte[], byte[]>>> all = readAll(List.of(Topics.RAW, Topics.ENRICHED, Topics.ENTITIES,
                Topics.CASUALTIES));
        Set<String> seen = new TreeSet<>();
        all.values().forEach(records -> records.forEach(r -> r.headers().forEach(h -> seen.add(h.key()))));
        Map<String, List<String>> documented = new TopicsDoc().table("## Headers");

        assertThat(seen).as("header names on the records of a run vs the table under '## Headers' in docs/topics.md")
                .containsExactlyInAnyOrderElementsOf(documented.keySet());
        // the example's raw record carries its outlet, and every output record of it the same header
        for (List<ConsumerRecord<byte[], byte[]>> records : all.values()) {
            records.stream().filter(r -> exampleId.equals(articleIdOf(r))).forEach(r -> {
                Header outlet = r.headers().lastHeader("outlet");
                assertThat(outlet).as(r.topic() + " record of the example article").isNotNull();
                assertThat(new String(outlet.value(), StandardCharsets.UTF_8)).isEqualTo("Example News");
            });
        }
    }

    @Test
    @Order(6)
    void shouldShowConsumersReadingCommittedRecordsOnly() throws Exception {
        String consuming = new TopicsDoc().codeBlocks("## Consuming").stream().map(b -> b[0] + ":" + b[1])
                .reduce("", String::concat);
        assertThat(consuming).as("the consumer examples of docs/topics.md: every output topic is written in transactions")
                .contains("ISOLATION_LEVEL_CONFIG, \"read_committed\"")
                .contains("readUncommitted: false")
                .contains("\"isolation.level\": \"read_committed\"");
        assertThat(Files.readString(NODE_EXAMPLE.resolve("consume.js"))).contains("readUncommitted: false");
        assertThat(Files.readString(Path.of("../examples/python/consume.py"))).contains("\"isolation.level\": \"read_committed\"");
    }

    @Test
    @Order(7)
    void shouldDecodeTheDeadLetterWithTheNodeExampleToo() throws Exception {
        Assumptions.assumeTrue(Files.isDirectory(NODE_EXAMPLE.resolve("node_modules")),
                "skipped: examples/node/node_modules is missing; run `npm ci` in examples/node");
        int letters = readAll(List.of(Topics.DLQ)).get(Topics.DLQ).size();
        assertThat(letters).as("dead letters (the doc test wrote one)").isPositive();

        NodeRun run = node("--topic", Topics.DLQ, "--from-beginning", "--exit-at-end");

        assertThat(run.exit()).as(run.output()).isZero();
        assertThat(run.output()).contains("decoded " + letters + " records", "DESERIALIZE " + Topics.RAW);
    }

    // ---- helpers --------------------------------------------------------------------------------

    private record NodeRun(int exit, String output) {
    }

    private static NodeRun node(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("node", "consume.js", "--bootstrap", stack.bootstrapServers(),
                "--registry", stack.schemaRegistryUrl(), "--timeout-ms", "90000"));
        command.addAll(List.of(args));
        Path log = Files.createTempFile("node-example", ".log");
        Process process = new ProcessBuilder(command).directory(NODE_EXAMPLE.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        try {
            if (!process.waitFor(150, TimeUnit.SECONDS)) {
                throw new AssertionError("the Node example did not finish within 150 s:\n" + Files.readString(log));
            }
            return new NodeRun(process.exitValue(), Files.readString(log));
        } finally {
            process.destroyForcibly();
            Files.deleteIfExists(log);
        }
    }

    /** The record with its run-specific values replaced, numbers as JSON text reads them (a long 5 = an int 5). */
    private static JsonNode masked(JsonNode record) {
        JsonNode copy;
        try {
            copy = JSON.readTree(JSON.writeValueAsString(record));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        mask(copy);
        return copy;
    }

    private static void mask(JsonNode node) {
        if (node instanceof ObjectNode object) {
            RUN_SPECIFIC.forEach(field -> {
                if (object.has(field)) {
                    object.put(field, "<differs per run>");
                }
            });
        }
        node.forEach(TopicContractEndToEndTest::mask);
    }

    private static String articleIdOf(ConsumerRecord<byte[], byte[]> record) {
        if (record.value() == null || record.value().length == 0 || record.value()[0] != 0) {
            return null; // the unreadable record the doc test wrote for its dead letter
        }
        GenericRecord value = decode(record.topic(), record.value());
        for (String field : List.of("articleId", "id")) {
            if (value.getSchema().getField(field) != null) {
                return value.get(field).toString();
            }
        }
        return null;
    }

    private static JsonNode first(String topic, java.util.function.Predicate<GenericRecord> match) {
        long end = System.nanoTime() + DEADLINE.toNanos();
        while (System.nanoTime() < end) {
            for (ConsumerRecord<byte[], byte[]> record : readAll(List.of(topic)).get(topic)) {
                if (record.value() != null && record.value().length > 0 && record.value()[0] == 0) {
                    // (the raw topic also holds this test's deliberately unreadable record; with several
                    // partitions it may come before the one looked for)
                    GenericRecord value = decode(topic, record.value());
                    if (match.test(value)) {
                        return RecordFormatter.toJsonNode(value);
                    }
                }
            }
        }
        throw new AssertionError("no matching record on " + topic + " within " + DEADLINE);
    }

    private static GenericRecord decode(String topic, byte[] value) {
        if (deserializer == null) {
            deserializer = new AvroDeserializer<>(null, registryClient());
        }
        return deserializer.deserialize(topic, value);
    }

    private static SchemaRegistryClient registryClient() {
        return new SchemaRegistryClient(stack.schemaRegistryUrl());
    }

    /** Every committed record on the topics, read to their end offsets by a read_committed consumer. */
    static Map<String, List<ConsumerRecord<byte[], byte[]>>> readAll(List<String> topics) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers());
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        Map<String, List<ConsumerRecord<byte[], byte[]>>> records = new LinkedHashMap<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : topics) {
                records.put(topic, new ArrayList<>());
                consumer.partitionsFor(topic, DEADLINE).forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, DEADLINE);
            long deadline = System.nanoTime() + DEADLINE.toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p, DEADLINE) < ends.get(p))) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("could not read " + topics + " to their ends within " + DEADLINE);
                }
                consumer.poll(Duration.ofMillis(200)).forEach(r -> records.get(r.topic()).add(r));
            }
        }
        return records;
    }

    private static void awaitRecords(String topic, long atLeast) {
        long end = System.nanoTime() + DEADLINE.toNanos();
        while (readAll(List.of(topic)).get(topic).size() < atLeast) {
            if (System.nanoTime() > end) {
                throw new AssertionError("fewer than " + atLeast + " records on " + topic + " within " + DEADLINE);
            }
        }
    }

    private static void publishGazetteerEntry() throws Exception {
        try (KafkaProducer<String, GazetteerEntry> producer = new KafkaProducer<>(producerConfig(),
                new StringSerializer(), new AvroSerializer<>(registryClient(), false))) {
            producer.send(new ProducerRecord<>(Topics.GAZETTEER, GAZETTEER_ENTRY.getId(), GAZETTEER_ENTRY)).get();
        }
    }

    private static RecordMetadata sendRaw(String key, String value) throws Exception {
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(producerConfig(), new ByteArraySerializer(),
                new ByteArraySerializer())) {
            return producer.send(new ProducerRecord<>(Topics.RAW, key.getBytes(StandardCharsets.UTF_8),
                    value.getBytes(StandardCharsets.UTF_8))).get();
        }
    }

    private static Properties producerConfig() {
        Properties config = new Properties();
        config.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers());
        return config;
    }

    private static JsonNode registry(String method, String path, JsonNode body) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(stack.schemaRegistryUrl() + path))
                .header("Content-Type", "application/vnd.schemaregistry.v1+json");
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(method + " " + path + ": " + response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }
}
