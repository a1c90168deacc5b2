package io.newsflow.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.PipedReader;
import java.io.PipedWriter;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The stack as a whole: with a persistent data directory, records and schema ids survive a full
 * restart of broker and registry; and the {@code stack} command prints its two lines and stops
 * cleanly.
 */
@Timeout(90)
class LocalStackTest {

    private static final String SCHEMA = """
            {"type":"record","name":"Restart","namespace":"io.newsflow.test","fields":[{"name":"id","type":"string"}]}""";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void shouldKeepRecordsAndSchemaIdsAcrossARestartWithTheSameDataDirectory(@TempDir Path dataDir) throws Exception {
        // given a stack that created a topic, took a record and registered a schema
        int id;
        try (LocalStack stack = LocalStack.start(dataDir, 0, 0, List.of(new NewTopic("news.test", 1, (short) 1)))) {
            try (KafkaProducer<String, String> producer = new KafkaProducer<>(
                    Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers(), ProducerConfig.ACKS_CONFIG, "all"),
                    new StringSerializer(), new StringSerializer())) {
                producer.send(new ProducerRecord<>("news.test", "k", "kept")).get();
            }
            id = register(stack.schemaRegistryUrl(), "news.test-value").path("id").asInt();
        }

        // when it is started again on the same directory (on other ports)
        try (LocalStack stack = LocalStack.start(dataDir, 0, 0, List.of(new NewTopic("news.test", 1, (short) 1)))) {
            // then the schema keeps its id and the record is still there
            JsonNode latest = get(stack.schemaRegistryUrl() + "/subjects/news.test-value/versions/latest");
            assertThat(latest.path("id").asInt()).isEqualTo(id);
            assertThat(get(stack.schemaRegistryUrl() + "/schemas/ids/" + id).path("schema").asText()).contains("Restart");
            assertThat(register(stack.schemaRegistryUrl(), "news.test-value").path("id").asInt()).isEqualTo(id);
            assertThat(consumeOne(stack.bootstrapServers(), "news.test")).isEqualTo("kept");
        }
        assertThat(dataDir).isDirectory(); // a given directory is never deleted
    }

    @Test
    void shouldPrintTheTwoAddressesAndStopWhenInterrupted() throws Exception {
        // given the command's output piped back to the test
        PipedWriter sink = new PipedWriter();
        BufferedReader lines = new BufferedReader(new PipedReader(sink));
        CommandLine command = new CommandLine(new StackCommand()).setOut(new PrintWriter(sink, true));
        ExecutorService thread = Executors.newSingleThreadExecutor();
        try {
            // when it runs on free ports
            Future<Integer> exit = thread.submit(() -> command.execute("--kafka-port", "0", "--registry-port", "0"));

            // then it prints exactly the two addresses, which work
            String bootstrap = lines.readLine();
            String registry = lines.readLine();
            assertThat(bootstrap).matches("bootstrap\\.servers=localhost:\\d+");
            assertThat(registry).matches("schema\\.registry\\.url=http://localhost:\\d+");
            assertThat(get(registry.substring(registry.indexOf('=') + 1) + "/subjects").isArray()).isTrue();

            // and stops cleanly with exit code 0 when interrupted
            thread.shutdownNow();
            assertThat(exit.get(30, TimeUnit.SECONDS)).isZero();
        } finally {
            thread.shutdownNow();
        }
    }

    private static JsonNode register(String url, String subject) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(url + "/subjects/" + subject + "/versions"))
                .header("Content-Type", "application/vnd.schemaregistry.v1+json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of("schema", SCHEMA)))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private static JsonNode get(String url) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(url)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private static String consumeOne(String bootstrapServers, String topic) {
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, "restart-test",
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(Set.of(topic));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (records.isEmpty() && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
        }
        assertThat(records).hasSize(1);
        return records.get(0).value();
    }
}
