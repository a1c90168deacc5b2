package io.newsflow.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsflow.processor.app.ProcessorApp;
import io.newsflow.processor.app.ProcessorConfig;
import io.newsflow.processor.enrich.ArticleEnricher;
import io.newsflow.producer.app.ProduceCommand;
import io.newsflow.producer.app.ProduceResult;
import io.newsflow.schemas.Topics;
import io.newsflow.schemas.serde.SerdeConfig;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.DecoderFactory;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.Network;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * The whole pipeline against the real thing rather than the embedded stack: Apache Kafka
 * ({@code apache/kafka}) and Confluent's own Schema Registry ({@code confluentinc/cp-schema-registry})
 * in containers. The real producer publishes the sample file, the real processor enriches it, and
 * the enriched record is read the way a downstream team without our code would: raw bytes from a
 * plain consumer, the schema id from the Confluent wire-format header, the writer schema from the
 * registry's REST API, and Avro's {@link GenericDatumReader}.
 *
 * <p>Needs Docker; without it the class is skipped ({@code disabledWithoutDocker}). The containers
 * are created in {@link #startStack()}, not in field initializers, so nothing touches Docker while
 * the tests are discovered.
 */
@Testcontainers(disabledWithoutDocker = true)
@Timeout(600)
class ConfluentStackEndToEndTest {
    private static final DockerImageName KAFKA_IMAGE = DockerImageName.parse("apache/kafka:4.1.0");
    private static final DockerImageName REGISTRY_IMAGE = DockerImageName.parse("confluentinc/cp-schema-registry:7.9.0");
    /** How the registry container reaches the broker on the shared network. */
    private static final String KAFKA_INTERNAL = "kafka:19092";
    private static final int REGISTRY_PORT = 8081;
    private static final Duration DEADLINE = Duration.ofSeconds(120);
    private static final Path SAMPLE = Path.of("../producer/src/main/resources/samples/d01-put-dumoi-widow.txt");
    private static final String CT = "application/vnd.schemaregistry.v1+json";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @TempDir
    static Path stateDir;
    static Network network;
    static KafkaContainer kafka;
    static GenericContainer<?> schemaRegistry;
    static String registryUrl;
    static ProcessorApp processor;
    static Properties clientConfig;

    @BeforeAll
    static void startStack() throws Exception {
        network = Network.newNetwork();
        kafka = new KafkaContainer(KAFKA_IMAGE)
                .withNetwork(network)
                .withNetworkAliases("kafka")
                .withListener(KAFKA_INTERNAL);
        kafka.start();
        schemaRegistry = new GenericContainer<>(REGISTRY_IMAGE)
                .withNetwork(network)
                .withNetworkAliases("schema-registry")
                .withExposedPorts(REGISTRY_PORT)
                .withEnv("SCHEMA_REGISTRY_HOST_NAME", "schema-registry")
                .withEnv("SCHEMA_REGISTRY_LISTENERS", "http://0.0.0.0:" + REGISTRY_PORT)
                .withEnv("SCHEMA_REGISTRY_KAFKASTORE_BOOTSTRAP_SERVERS", "PLAINTEXT://" + KAFKA_INTERNAL)
                .dependsOn(kafka)
                .waitingFor(Wait.forHttp("/subjects").forPort(REGISTRY_PORT).forStatusCode(200)
                        .withStartupTimeout(Duration.ofMinutes(3)));
        schemaRegistry.start();
        registryUrl = "http://" + schemaRegistry.getHost() + ":" + schemaRegistry.getMappedPort(REGISTRY_PORT);

        clientConfig = new Properties();
        clientConfig.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, kafka.getBootstrapServers());
        clientConfig.put(SerdeConfig.SCHEMA_REGISTRY_URL, registryUrl);
        Properties streams = ProcessorConfig.load(null, Map.of(), Map.of(
                CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, kafka.getBootstrapServers(),
                SerdeConfig.SCHEMA_REGISTRY_URL, registryUrl,
                StreamsConfig.STATE_DIR_CONFIG, stateDir.toString()));
        processor = new ProcessorApp(streams, ArticleEnricher.loadDefault()::enrich);
        processor.startAndAwaitRunning(DEADLINE);
    }

    @AfterAll
    static void stopStack() {
        if (processor != null) {
            processor.close();
        }
        if (schemaRegistry != null) {
            schemaRegistry.stop();
        }
        if (kafka != null) {
            kafka.stop();
        }
        if (network != null) {
            network.close();
        }
    }

    @Test
    void shouldEnrichTheSampleSoThatConfluentsRegistryAloneCanDecodeIt() throws Exception {
        // given the sample article published by the producer
        StringWriter out = new StringWriter();
        ProduceResult result = ProduceCommand.publish(List.of(SAMPLE), clientConfig,
                new PrintWriter(out), new PrintWriter(new StringWriter()));
        assertThat(result.sent()).as(out.toString()).isEqualTo(1);
        String articleId = out.toString().split("\\s+")[1];

        // when the enriched record is read as plain bytes, without any of our serdes
        byte[] value = enrichedValue(articleId);

        // then it is in Confluent's wire format: magic byte 0, then the id of a schema the registry knows
        assertThat(value[0]).isEqualTo((byte) 0);
        int schemaId = ByteBuffer.wrap(value, 1, 4).getInt();
        JsonNode latest = getJson("/subjects/" + Topics.ENRICHED + "-value/versions/latest");
        assertThat(latest.path("id").asInt()).isEqualTo(schemaId);

        // and the registry's REST API plus Avro alone decode it
        Schema writer = new Schema.Parser().parse(getJson("/schemas/ids/" + schemaId).path("schema").asText());
        GenericRecord enriched = new GenericDatumReader<GenericRecord>(writer)
                .read(null, DecoderFactory.get().binaryDecoder(value, 5, value.length - 5, null));
        assertThat(enriched.get("id").toString()).isEqualTo(articleId);
        GenericRecord article = (GenericRecord) enriched.get("article");
        assertThat(article.get("title").toString()).contains("Our Men Are Dying for Nothing");
        List<?> entities = (List<?>) enriched.get("entities");
        assertThat(entities).anySatisfy(e -> {
            GenericRecord entity = (GenericRecord) e;
            assertThat(entity.get("name").toString()).contains("Berdiansk");
            assertThat(entity.get("type").toString()).isEqualTo("LOCATION");
        });
    }

    /** The value of the enriched record keyed by the article id, read committed from the beginning. */
    private static byte[] enrichedValue(String articleId) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.getBootstrapServers());
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "confluent-stack-e2e-" + UUID.randomUUID());
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"); // the processor writes exactly-once
        try (KafkaConsumer<byte[], byte[]> consumer =
                     new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(Topics.ENRICHED));
            long deadline = System.nanoTime() + DEADLINE.toNanos();
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    if (record.key() != null && new String(record.key(), StandardCharsets.UTF_8).equals(articleId)) {
                        return record.value();
                    }
                }
            }
        }
        throw new AssertionError("no record keyed " + articleId + " on " + Topics.ENRICHED + " within " + DEADLINE);
    }

    private static JsonNode getJson(String path) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(registryUrl + path))
                .header("Accept", CT).timeout(Duration.ofSeconds(30)).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("GET %s: %s", path, response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }
}
