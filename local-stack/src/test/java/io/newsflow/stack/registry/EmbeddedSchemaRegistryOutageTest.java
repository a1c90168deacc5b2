package io.newsflow.stack.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsflow.stack.kafka.EmbeddedKafka;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The registry while its Kafka cluster is away: reads are answered from memory, writes to
 * {@code _schemas} fail with Confluent's 50002 (operation timed out) within the store timeout, and
 * once the broker is back the registry re-reads the topic and carries on with consistent ids. Its own
 * broker, since the test stops it.
 */
@Timeout(180)
class EmbeddedSchemaRegistryOutageTest {

    private static final String V1 = """
            {"type":"record","name":"Outage","namespace":"io.newsflow.test","fields":[
              {"name":"id","type":"string"}]}""";
    private static final String OTHER = """
            {"type":"record","name":"OutageOther","namespace":"io.newsflow.test","fields":[
              {"name":"id","type":"string"}]}""";
    private static final String CT = "application/vnd.schemaregistry.v1+json";
    private static final Duration STORE_TIMEOUT = Duration.ofSeconds(2);

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    Path dataDir;

    @Test
    void shouldAnswer50002WhileKafkaIsDownAndRecoverWhenItIsBack() throws Exception {
        EmbeddedKafka kafka = EmbeddedKafka.start(dataDir, 0);
        int port = kafka.port();
        try (EmbeddedSchemaRegistry registry = new EmbeddedSchemaRegistry(kafka.bootstrapServers(), 0, STORE_TIMEOUT)) {
            Reply registered = post(registry, "/subjects/outage-value/versions", Map.of("schema", V1));
            assertThat(registered.status()).isEqualTo(200);
            int id = registered.body().path("id").asInt();

            // when the broker goes away
            kafka.close();
            kafka = null;

            // then what the registry knows is still served, a known registration included
            assertThat(get(registry, "/schemas/ids/" + id).status()).isEqualTo(200);
            assertThat(get(registry, "/subjects/outage-value/versions").body()).isEqualTo(JSON.readTree("[1]"));
            assertThat(post(registry, "/subjects/outage-value/versions", Map.of("schema", V1)).body().path("id").asInt())
                    .isEqualTo(id);
            // and a write answers 50002 once the store timeout has passed, not never
            long start = System.nanoTime();
            Reply timedOut = post(registry, "/subjects/other-value/versions", Map.of("schema", OTHER));
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(20));
            assertError(timedOut, 500, 50002);
            assertThat(timedOut.body().path("message").asText()).contains("_schemas");
            // so does the next write, which must first re-read the topic (the last write may have landed)
            assertError(put(registry, "/config/outage-value", Map.of("compatibility", "FULL")), 500, 50002);
            assertThat(get(registry, "/subjects").body()).isEqualTo(JSON.readTree("[\"outage-value\"]"));

            // when the broker is back
            kafka = EmbeddedKafka.start(dataDir, port);

            // then writes go through again, with ids that follow the ones already handed out
            Reply again = post(registry, "/subjects/other-value/versions", Map.of("schema", OTHER));
            assertThat(again.status()).as("%s", again.body()).isEqualTo(200);
            int otherId = again.body().path("id").asInt();
            assertThat(otherId).isGreaterThan(id);
            assertThat(JSON.readTree(get(registry, "/schemas/ids/" + otherId).body().path("schema").asText()))
                    .isEqualTo(JSON.readTree(OTHER));
            assertThat(get(registry, "/subjects/other-value/versions").body()).isEqualTo(JSON.readTree("[1]"));
        } finally {
            if (kafka != null) {
                kafka.close();
            }
        }
    }

    private record Reply(int status, JsonNode body) {
    }

    private static Reply get(EmbeddedSchemaRegistry registry, String path) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(registry.url() + path)).GET());
    }

    private static Reply post(EmbeddedSchemaRegistry registry, String path, Object body) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(registry.url() + path)).header("Content-Type", CT)
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))));
    }

    private static Reply put(EmbeddedSchemaRegistry registry, String path, Object body) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(registry.url() + path)).header("Content-Type", CT)
                .PUT(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))));
    }

    private static Reply send(HttpRequest.Builder request) throws Exception {
        HttpResponse<String> response = HTTP.send(request.header("Accept", CT).build(), HttpResponse.BodyHandlers.ofString());
        return new Reply(response.statusCode(), JSON.readTree(response.body()));
    }

    private static void assertError(Reply reply, int status, int errorCode) {
        assertThat(reply.status()).as("%s", reply.body()).isEqualTo(status);
        assertThat(reply.body().path("error_code").asInt()).as("%s", reply.body()).isEqualTo(errorCode);
        assertThat(reply.body().path("message").asText()).isNotBlank();
    }
}
