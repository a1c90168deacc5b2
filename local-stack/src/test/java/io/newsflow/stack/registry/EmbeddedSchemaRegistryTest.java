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

    @Test
    void shouldSoftDeleteAVersionAndKeepItsSchemaIdResolvable() throws Exception {
        String subject = subject();
        int v1 = register(subject, V1).path("id").asInt();
        int v2 = register(subject, V2_COMPATIBLE).path("id").asInt();

        // when version 1 is soft-deleted
        Reply deleted = delete("/subjects/" + subject + "/versions/1");

        // then Confluent answers the version number, and the version is gone from the subject
        assertThat(deleted.status()).isEqualTo(200);
        assertThat(deleted.body()).isEqualTo(JSON.readTree("1"));
        assertThat(get("/subjects/" + subject + "/versions").body()).isEqualTo(JSON.readTree("[2]"));
        assertError(get("/subjects/" + subject + "/versions/1"), 404, 40402);
        // but old records still carry its id, so the id stays resolvable, and ?deleted=true shows it
        assertThat(get("/schemas/ids/" + v1).status()).isEqualTo(200);
        assertThat(get("/subjects/" + subject + "/versions?deleted=true").body()).isEqualTo(JSON.readTree("[1,2]"));
        assertThat(get("/subjects/" + subject + "/versions/1?deleted=true").body().path("id").asInt()).isEqualTo(v1);
        // a second soft delete of the same version is refused
        assertError(delete("/subjects/" + subject + "/versions/1"), 404, 40406);
        // "latest" names the latest live version; after it the subject has no live version left
        assertThat(delete("/subjects/" + subject + "/versions/latest").body()).isEqualTo(JSON.readTree("2"));
        assertError(get("/subjects/" + subject + "/versions"), 404, 40401);
        assertThat(get("/subjects").body().toString()).doesNotContain(subject);
        assertThat(get("/subjects?deleted=true").body().toString()).contains(subject);
        assertThat(get("/schemas/ids/" + v2).status()).isEqualTo(200);
        // version numbers go on after the deleted ones
        assertThat(register(subject, V1).path("id").asInt()).isEqualTo(v1);
        assertThat(get("/subjects/" + subject + "/versions").body()).isEqualTo(JSON.readTree("[3]"));
    }

    @Test
    void shouldHardDeleteOnlyWhatWasSoftDeletedFirst() throws Exception {
        String subject = subject();
        String schema = unique(V1);
        int id = register(subject, schema).path("id").asInt();

        // a hard delete of live data is refused, for a version and for the subject
        assertError(delete("/subjects/" + subject + "/versions/1?permanent=true"), 404, 40407);
        assertError(delete("/subjects/" + subject + "?permanent=true"), 404, 40405);

        // soft, then hard
        assertThat(delete("/subjects/" + subject).body()).isEqualTo(JSON.readTree("[1]"));
        assertError(delete("/subjects/" + subject), 404, 40404);
        Reply hard = delete("/subjects/" + subject + "?permanent=true");
        assertThat(hard.status()).isEqualTo(200);
        assertThat(hard.body()).isEqualTo(JSON.readTree("[1]"));

        // then everything about it is gone, the schema id included (no other subject uses it)
        assertError(get("/subjects/" + subject + "/versions?deleted=true"), 404, 40401);
        assertError(get("/schemas/ids/" + id), 404, 40403);
        assertError(delete("/subjects/" + subject + "?permanent=true"), 404, 40401);
        assertThat(get("/subjects?deleted=true").body().toString()).doesNotContain(subject);
        // registering it again starts the subject anew, with a new id: ids are not handed out twice
        int again = register(subject, schema).path("id").asInt();
        assertThat(again).isGreaterThan(id);
        assertThat(get("/subjects/" + subject + "/versions").body()).isEqualTo(JSON.readTree("[1]"));
    }

    @Test
    void shouldHardDeleteOneSoftDeletedVersionAndKeepASharedSchemaId() throws Exception {
        String subject = subject();
        String other = subject();
        String name = "Shared" + UUID.randomUUID().toString().replace("-", "");
        String shared = V1.replace("Article", name);
        int sharedId = register(subject, shared).path("id").asInt();
        register(other, shared);
        int v2 = register(subject, V2_COMPATIBLE.replace("Article", name)).path("id").asInt();

        assertThat(delete("/subjects/" + subject + "/versions/1").status()).isEqualTo(200);
        Reply hard = delete("/subjects/" + subject + "/versions/1?permanent=true");

        assertThat(hard.status()).as("%s", hard.body()).isEqualTo(200);
        assertThat(hard.body()).isEqualTo(JSON.readTree("1"));
        assertThat(get("/subjects/" + subject + "/versions?deleted=true").body()).isEqualTo(JSON.readTree("[2]"));
        assertError(get("/subjects/" + subject + "/versions/1?deleted=true"), 404, 40402);
        // the other subject still uses the schema, so its id stays
        assertThat(get("/schemas/ids/" + sharedId).status()).isEqualTo(200);
        assertThat(get("/subjects/" + subject + "/versions/latest").body().path("id").asInt()).isEqualTo(v2);
        // a version that does not exist, and one that is not a version at all
        assertError(delete("/subjects/" + subject + "/versions/9"), 404, 40402);
        assertError(delete("/subjects/" + subject + "/versions/first"), 422, 42202);
        assertError(delete("/subjects/" + subject + "/versions/0"), 422, 42202);
        assertError(delete("/subjects/no-such-subject/versions/1"), 404, 40401);
    }

    @Test
    void shouldAnswer40408ForASubjectWithoutItsOwnLevelUnlessAskedToDefaultToGlobal() throws Exception {
        String subject = subject();
        register(subject, V1);

        Reply own = get("/config/" + subject);
        assertError(own, 404, 40408);
        assertThat(own.body().path("message").asText()).contains(subject);
        assertThat(get("/config/" + subject + "?defaultToGlobal=true").body())
                .isEqualTo(JSON.readTree("{\"compatibilityLevel\":\"BACKWARD\"}"));
        assertError(get("/config/never-registered?defaultToGlobal=false"), 404, 40408);

        put("/config/" + subject, Map.of("compatibility", "FULL"));
        assertThat(get("/config/" + subject).body()).isEqualTo(JSON.readTree("{\"compatibilityLevel\":\"FULL\"}"));
        assertThat(delete("/config/" + subject).body()).isEqualTo(JSON.readTree("{\"compatibilityLevel\":\"FULL\"}"));
        assertError(get("/config/" + subject), 404, 40408);
        assertError(delete("/config/" + subject), 404, 40401);

        // a subject's level goes with its last live version, as in Confluent
        put("/config/" + subject, Map.of("compatibility", "NONE"));
        delete("/subjects/" + subject);
        assertError(get("/config/" + subject), 404, 40408);
    }

    @Test
    void shouldReplayDeletesAfterARestart() throws Exception {
        String softly = subject();
        String hardly = subject();
        String gone = unique(V1);
        int keptId = register(softly, V1).path("id").asInt();
        register(softly, V2_COMPATIBLE);
        int goneId = register(hardly, gone).path("id").asInt();
        delete("/subjects/" + softly + "/versions/1");
        delete("/subjects/" + hardly);
        delete("/subjects/" + hardly + "?permanent=true");

        registry.close();
        registry = new EmbeddedSchemaRegistry(kafka.bootstrapServers(), 0);

        assertThat(get("/subjects/" + softly + "/versions").body()).isEqualTo(JSON.readTree("[2]"));
        assertThat(get("/subjects/" + softly + "/versions?deleted=true").body()).isEqualTo(JSON.readTree("[1,2]"));
        assertThat(get("/schemas/ids/" + keptId).status()).isEqualTo(200);
        assertError(get("/subjects/" + hardly + "/versions?deleted=true"), 404, 40401);
        assertError(get("/schemas/ids/" + goneId), 404, 40403);
    }

    // ---- helpers --------------------------------------------------------------------------------

    private record Reply(int status, String contentType, JsonNode body) {
    }

    private static String subject() {
        return "test-" + UUID.randomUUID() + "-value";
    }

    /** The schema under a record name no other test uses, so its id is this test's alone. */
    private static String unique(String schema) {
        return schema.replace("Article", "Unique" + UUID.randomUUID().toString().replace("-", ""));
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

    private Reply delete(String path) throws Exception {
        return send(HttpRequest.newBuilder(uri(path)).DELETE());
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
