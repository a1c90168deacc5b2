package io.newsflow.stack.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsflow.stack.kafka.EmbeddedKafka;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The registry over real HTTP, as a Confluent client would see it: ids, versions, error bodies,
 * compatibility, and state rebuilt from the {@code _schemas} topic after a restart. One broker for
 * the class; each test uses its own subjects.
 */
@Timeout(60)
class EmbeddedSchemaRegistryTest {

    private static final String V1 = """
            {"type":"record","name":"Article","namespace":"io.newsflow.test","fields":[
              {"name":"id","type":"string"}]}""";
    private static final String V2_COMPATIBLE = """
            {"type":"record","name":"Article","namespace":"io.newsflow.test","fields":[
              {"name":"id","type":"string"},
              {"name":"title","type":["null","string"],"default":null}]}""";
    private static final String V2_INCOMPATIBLE = """
            {"type":"record","name":"Article","namespace":"io.newsflow.test","fields":[
              {"name":"id","type":"string"},
              {"name":"wordCount","type":"int"}]}""";
    private static final String CT = "application/vnd.schemaregistry.v1+json";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static EmbeddedKafka kafka;
    private EmbeddedSchemaRegistry registry;

    @BeforeAll
    static void startBroker() {
        kafka = EmbeddedKafka.start(null, 0);
    }

    @AfterAll
    static void stopBroker() {
        if (kafka != null) {
            kafka.close();
        }
    }

    @BeforeEach
    void startRegistry() {
        registry = new EmbeddedSchemaRegistry(kafka.bootstrapServers(), 0);
    }

    @AfterEach
    void stopRegistry() {
        registry.close();
    }

    @Test
    void shouldGiveTheSameSchemaTheSameIdUnderEverySubject() throws Exception {
        String subject = subject();

        int id = register(subject, V1).path("id").asInt();
        assertThat(id).isPositive();
        assertThat(register(subject, V1).path("id").asInt()).isEqualTo(id);
        // whitespace does not make a different schema
        assertThat(register(subject, V1.replace("\n", " ")).path("id").asInt()).isEqualTo(id);
        assertThat(register(subject(), V1).path("id").asInt()).isEqualTo(id);

        assertThat(get("/subjects/" + subject + "/versions").body()).isEqualTo(JSON.readTree("[1]"));
    }

    @Test
    void shouldServeSchemasByIdVersionAndLookup() throws Exception {
        String subject = subject();
        int id = register(subject, V1).path("id").asInt();

        Reply byId = get("/schemas/ids/" + id);
        assertThat(byId.status()).isEqualTo(200);
        assertThat(byId.contentType()).isEqualTo(CT);
        assertThat(JSON.readTree(byId.body().path("schema").asText())).isEqualTo(JSON.readTree(V1));

        Reply latest = get("/subjects/" + subject + "/versions/latest");
        assertThat(latest.status()).isEqualTo(200);
        assertThat(latest.body().path("subject").asText()).isEqualTo(subject);
        assertThat(latest.body().path("version").asInt()).isEqualTo(1);
        assertThat(latest.body().path("id").asInt()).isEqualTo(id);
        assertThat(get("/subjects/" + subject + "/versions/1").body()).isEqualTo(latest.body());

        Reply lookup = post("/subjects/" + subject, Map.of("schema", V1));
        assertThat(lookup.status()).isEqualTo(200);
        assertThat(lookup.body()).isEqualTo(latest.body());

        assertThat(get("/subjects").body()).extracting(JsonNode::toString).asString().contains("\"" + subject + "\"");
    }

    @Test
    void shouldAnswerConfluentErrorBodies() throws Exception {
        String subject = subject();
        register(subject, V1);

        assertError(get("/schemas/ids/987654"), 404, 40403);
        assertError(get("/subjects/no-such-subject/versions"), 404, 40401);
        assertThat(get("/subjects/no-such-subject/versions/latest").body())
                .isEqualTo(JSON.readTree("{\"error_code\":40401,\"message\":\"Subject 'no-such-subject' not found.\"}"));
        assertError(get("/subjects/" + subject + "/versions/7"), 404, 40402);
        assertError(get("/subjects/" + subject + "/versions/first"), 422, 42202);
        assertError(post("/subjects/" + subject + "/versions", Map.of("schema", "{\"type\":\"recrd\"}")), 422, 42201);
        assertError(post("/subjects/" + subject, Map.of("schema", V2_COMPATIBLE)), 404, 40403);
        assertError(post("/subjects/" + subject + "/versions", Map.of("schema", V1, "schemaType", "PROTOBUF")), 422, 42201);
        assertError(put("/config", Map.of("compatibility", "SIDEWAYS")), 422, 42203);
    }

    @Test
    void shouldRejectIncompatibleChangesAndAcceptCompatibleEvolution() throws Exception {
        String subject = subject();
        int v1 = register(subject, V1).path("id").asInt();

        // when a required field without default is added, the new schema cannot read old data
        Reply check = post("/compatibility/subjects/" + subject + "/versions/latest", Map.of("schema", V2_INCOMPATIBLE));
        assertThat(check.body().path("is_compatible").asBoolean()).isFalse();
        Reply rejected = post("/subjects/" + subject + "/versions", Map.of("schema", V2_INCOMPATIBLE));
        assertError(rejected, 409, 409);

        // an optional field with a default is a backward compatible evolution
        assertThat(post("/compatibility/subjects/" + subject + "/versions/latest", Map.of("schema", V2_COMPATIBLE))
                .body().path("is_compatible").asBoolean()).isTrue();
        int v2 = register(subject, V2_COMPATIBLE).path("id").asInt();
        assertThat(v2).isNotEqualTo(v1);
        assertThat(get("/subjects/" + subject + "/versions/latest").body().path("version").asInt()).isEqualTo(2);
        assertThat(get("/subjects/" + subject + "/versions").body()).isEqualTo(JSON.readTree("[1,2]"));
    }

    @Test
    void shouldFollowTheCompatibilityLevelOfTheSubject() throws Exception {
        String subject = subject();
        assertThat(get("/config").body()).isEqualTo(JSON.readTree("{\"compatibilityLevel\":\"BACKWARD\"}"));
        register(subject, V1);

        Reply set = put("/config/" + subject, Map.of("compatibility", "NONE"));
        assertThat(set.body()).isEqualTo(JSON.readTree("{\"compatibility\":\"NONE\"}"));
        assertThat(get("/config/" + subject).body().path("compatibilityLevel").asText()).isEqualTo("NONE");
        assertThat(register(subject, V2_INCOMPATIBLE).path("id").asInt()).isPositive();

        put("/config/" + subject, Map.of("compatibility", "FORWARD_TRANSITIVE"));
        // dropping a field with no default breaks readers of version 1 (which require "id")
        String withoutId = """
                {"type":"record","name":"Article","namespace":"io.newsflow.test","fields":[
                  {"name":"wordCount","type":"int"}]}""";
        assertError(post("/subjects/" + subject + "/versions", Map.of("schema", withoutId)), 409, 409);
        assertThat(get("/config").body().path("compatibilityLevel").asText()).isEqualTo("BACKWARD");
    }

    @Test
    void shouldHandOutOneIdToConcurrentRegistrationsOfTheSameSchema() throws Exception {
        String schema = V1.replace("Article", "Concurrent" + UUID.randomUUID().toString().replace("-", ""));
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Callable<Integer>> calls = List.of(
                    () -> register(subject(), schema).path("id").asInt(),
                    () -> register(subject(), schema).path("id").asInt(),
                    () -> register(subject(), schema).path("id").asInt(),
                    () -> register(subject(), schema).path("id").asInt());
            List<Integer> ids = pool.invokeAll(calls).stream().map(EmbeddedSchemaRegistryTest::join).toList();
            assertThat(ids).hasSize(4).allMatch(id -> id.equals(ids.get(0)));
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void shouldServeTheSameIdsAfterARestart() throws Exception {
        String subject = subject();
        int v1 = register(subject, V1).path("id").asInt();
        int v2 = register(subject, V2_COMPATIBLE).path("id").asInt();
        put("/config/" + subject, Map.of("compatibility", "FULL"));

        // when the registry restarts on the same broker
        registry.close();
        registry = new EmbeddedSchemaRegistry(kafka.bootstrapServers(), 0);

        // then it has rebuilt its state from the _schemas topic
        assertThat(JSON.readTree(get("/schemas/ids/" + v1).body().path("schema").asText())).isEqualTo(JSON.readTree(V1));
        assertThat(get("/subjects/" + subject + "/versions/latest").body().path("id").asInt()).isEqualTo(v2);
        assertThat(register(subject, V1).path("id").asInt()).isEqualTo(v1);
        assertThat(get("/config/" + subject).body().path("compatibilityLevel").asText()).isEqualTo("FULL");
        // and a new schema gets a fresh id, not a reused one
        String other = V1.replace("Article", "Other" + UUID.randomUUID().toString().replace("-", ""));
        assertThat(register(subject(), other).path("id").asInt()).isGreaterThan(Math.max(v1, v2));
    }

    // ---- helpers --------------------------------------------------------------------------------

    private record Reply(int status, String contentType, JsonNode body) {
    }

    private static String subject() {
        return "test-" + UUID.randomUUID() + "-value";
    }

    private JsonNode register(String subject, String schema) throws Exception {
        Reply reply = post("/subjects/" + subject + "/versions", Map.of("schema", schema));
        assertThat(reply.status()).as("register %s: %s", subject, reply.body()).isEqualTo(200);
        return reply.body();
    }

    private Reply get(String path) throws Exception {
        return send(HttpRequest.newBuilder(uri(path)).GET());
    }

    private Reply post(String path, Object body) throws Exception {
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", CT)
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))));
    }

    private Reply put(String path, Object body) throws Exception {
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))));
    }

    private URI uri(String path) {
        return URI.create(registry.url() + path);
    }

    private static Reply send(HttpRequest.Builder request) throws IOException, InterruptedException {
        HttpResponse<String> response = HTTP.send(request.header("Accept", CT).build(),
                HttpResponse.BodyHandlers.ofString());
        return new Reply(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                JSON.readTree(response.body()));
    }

    private static void assertError(Reply reply, int status, int errorCode) {
        assertThat(reply.status()).as("%s", reply.body()).isEqualTo(status);
        assertThat(reply.body().path("error_code").asInt()).as("%s", reply.body()).isEqualTo(errorCode);
        assertThat(reply.body().path("message").asText()).isNotBlank();
    }

    private static <T> T join(Future<T> future) {
        try {
            return future.get();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
