package io.newsflow.stack.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsflow.stack.kafka.EmbeddedKafka;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The endpoints a Confluent client library may call beyond register/look-up/fetch, and schema
 * references, against the embedded registry over real HTTP, each answer compared with Confluent
 * Schema Registry's.
 *
 * <p>No Confluent registry can run here (no Docker, its jars are not on Maven Central), so the
 * expected bodies were not recorded from a live server: they are written from Confluent's
 * documented API — "Schema Registry API Reference",
 * https://docs.confluent.io/platform/current/schema-registry/develop/api.html (sections Schemas,
 * Subjects, Mode, Contexts, Server Metadata) — and, for error messages and codes the page does not
 * spell out, from Confluent's server source ({@code io.confluent.kafka.schemaregistry.rest.exceptions.Errors},
 * {@code RestReferenceExistsException}, {@code ServerClusterId}). Where ours differs on purpose it
 * says so (e.g. {@code /schemas/types} lists only AVRO, the one type this registry supports).
 */
@Timeout(120)
class EmbeddedSchemaRegistryConfluentApiTest {
    private static final String CT = "application/vnd.schemaregistry.v1+json";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static EmbeddedKafka kafka;
    private static EmbeddedSchemaRegistry registry;

    @BeforeAll
    static void start() {
        kafka = EmbeddedKafka.start(null, 0);
        registry = new EmbeddedSchemaRegistry(kafka.bootstrapServers(), 0);
    }

    @AfterAll
    static void stop() {
        if (registry != null) {
            registry.close();
        }
        if (kafka != null) {
            kafka.close();
        }
    }

    @Test
    void shouldListSchemasAndTellWhereAnIdIsUsed() throws Exception {
        String tag = tag();
        String subject = "list-" + tag + "-value";
        String other = "list-" + tag + "-other";
        String schema = record("Listed" + tag, "{\"name\":\"a\",\"type\":\"string\"}");
        int id = register(subject, schema, List.of());
        register(other, schema, List.of());

        // GET /schemas?subjectPrefix=... → [{"subject","version","id","schema"}] (API reference, "GET /schemas")
        Reply all = get("/schemas?subjectPrefix=list-" + tag);
        assertThat(all.status()).isEqualTo(200);
        String canonical = JSON.writeValueAsString(schema.replace(" ", ""));
        assertThat(all.body()).isEqualTo(JSON.readTree("[{\"subject\":\"" + other + "\",\"version\":1,\"id\":" + id
                + ",\"schema\":" + canonical + "},{\"subject\":\"" + subject + "\",\"version\":1,\"id\":" + id
                + ",\"schema\":" + canonical + "}]"));
        assertThat(get("/schemas?subjectPrefix=list-" + tag + "&limit=1&offset=1").body()).hasSize(1);

        // GET /schemas/ids/{id}/schema → the schema itself, not wrapped
        assertThat(get("/schemas/ids/" + id + "/schema").body()).isEqualTo(JSON.readTree(schema));
        // GET /schemas/ids/{id}/versions → [{"subject":..,"version":..}]; /subjects → ["..."]
        assertThat(get("/schemas/ids/" + id + "/versions").body()).isEqualTo(JSON.readTree(
                "[{\"subject\":\"" + other + "\",\"version\":1},{\"subject\":\"" + subject + "\",\"version\":1}]"));
        assertThat(get("/schemas/ids/" + id + "/subjects").body())
                .isEqualTo(JSON.readTree("[\"" + other + "\",\"" + subject + "\"]"));
        // a soft-deleted version is listed only with deleted=true
        delete("/subjects/" + other + "/versions/1");
        assertThat(get("/schemas/ids/" + id + "/subjects").body()).isEqualTo(JSON.readTree("[\"" + subject + "\"]"));
        assertThat(get("/schemas/ids/" + id + "/subjects?deleted=true").body()).hasSize(2);
        assertThat(get("/schemas?subjectPrefix=list-" + tag + "&deleted=true").body()).hasSize(2);

        // an unknown id: 404 with Confluent's 40403 body
        for (String path : List.of("/schemas/ids/987654", "/schemas/ids/987654/schema", "/schemas/ids/987654/versions",
                "/schemas/ids/987654/subjects")) {
            assertError(get(path), 404, 40403);
        }
        // GET /schemas/types: Confluent lists its providers (["JSON","PROTOBUF","AVRO"]); this registry has Avro only
        assertThat(get("/schemas/types").body()).isEqualTo(JSON.readTree("[\"AVRO\"]"));
    }

    @Test
    void shouldAnswerModeContextsAndClusterIdAsConfluentDoes() throws Exception {
        String subject = "mode-" + tag() + "-value";
        String schema = record("Moded" + tag(), "{\"name\":\"a\",\"type\":\"string\"}");

        // GET /mode → {"mode":"READWRITE"}; a subject without its own mode: 40409 unless defaultToGlobal
        assertThat(get("/mode").body()).isEqualTo(JSON.readTree("{\"mode\":\"READWRITE\"}"));
        Reply own = get("/mode/" + subject);
        assertError(own, 404, 40409);
        assertThat(own.body().path("message").asText())
                .isEqualTo("Subject '" + subject + "' does not have subject-level mode configured");
        assertThat(get("/mode/" + subject + "?defaultToGlobal=true").body()).isEqualTo(JSON.readTree("{\"mode\":\"READWRITE\"}"));

        // PUT /mode/{subject} {"mode":"READONLY"} echoes the mode; registering there is then refused with 42205
        assertThat(put("/mode/" + subject, Map.of("mode", "READONLY")).body()).isEqualTo(JSON.readTree("{\"mode\":\"READONLY\"}"));
        Reply refused = post("/subjects/" + subject + "/versions", Map.of("schema", schema));
        assertError(refused, 422, 42205);
        assertThat(refused.body().path("message").asText()).isEqualTo("Subject " + subject + " is in read-only mode");
        assertThat(delete("/mode/" + subject).body()).isEqualTo(JSON.readTree("{\"mode\":\"READONLY\"}"));
        assertThat(post("/subjects/" + subject + "/versions", Map.of("schema", schema)).status()).isEqualTo(200);
        // an unknown mode: 42204; IMPORT is a Confluent mode this registry does not support, said so in the message
        assertError(put("/mode", Map.of("mode", "SIDEWAYS")), 422, 42204);
        assertThat(put("/mode", Map.of("mode", "IMPORT")).body().path("message").asText()).contains("not supported");

        // GET /contexts → ["."] (the default context)
        assertThat(get("/contexts").body()).isEqualTo(JSON.readTree("[\".\"]"));

        // GET /v1/metadata/id → ServerClusterId: no "id" (empty, left out), the Kafka cluster and the registry's group id
        String kafkaClusterId;
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()))) {
            kafkaClusterId = admin.describeCluster().clusterId().get();
        }
        assertThat(get("/v1/metadata/id").body()).isEqualTo(JSON.readTree("{\"scope\":{\"path\":[],\"clusters\":{"
                + "\"kafka-cluster\":\"" + kafkaClusterId + "\",\"schema-registry-cluster\":\"schema-registry\"}}}"));
    }

    @Test
    void shouldRegisterResolveAndProtectSchemaReferences() throws Exception {
        String tag = tag();
        String shared = "ref-" + tag + "-point";
        String user = "ref-" + tag + "-value";
        String pointName = "io.newsflow.test.Point" + tag;
        String point = "{\"type\":\"record\",\"name\":\"Point" + tag + "\",\"namespace\":\"io.newsflow.test\",\"fields\":["
                + "{\"name\":\"lat\",\"type\":\"double\"},{\"name\":\"lon\",\"type\":\"double\"}]}";
        String place = "{\"type\":\"record\",\"name\":\"Place" + tag + "\",\"namespace\":\"io.newsflow.test\",\"fields\":["
                + "{\"name\":\"name\",\"type\":\"string\"},{\"name\":\"at\",\"type\":\"" + pointName + "\"}]}";
        List<Map<String, Object>> refs = List.of(Map.of("name", pointName, "subject", shared, "version", 1));
        int pointId = register(shared, point, List.of());

        // register with references (API reference, "POST /subjects/(string: subject)/versions", "references")
        int placeId = register(user, place, refs);
        assertThat(placeId).isNotEqualTo(pointId);
        assertThat(register(user, place, refs)).as("same schema and references: same id").isEqualTo(placeId);

        // then every read carries the references, and the text names the referenced type only
        JsonNode byId = get("/schemas/ids/" + placeId).body();
        assertThat(byId.path("references")).isEqualTo(JSON.valueToTree(refs));
        // (Avro writes a type of the enclosing namespace by its short name)
        assertThat(byId.path("schema").asText()).contains("\"type\":\"Point" + tag + "\"").doesNotContain("\"lat\"");
        JsonNode latest = get("/subjects/" + user + "/versions/latest").body();
        assertThat(latest.path("references")).isEqualTo(JSON.valueToTree(refs));
        assertThat(post("/subjects/" + user, Map.of("schema", place, "references", refs)).body().path("id").asInt())
                .isEqualTo(placeId);
        assertThat(get("/subjects/" + shared + "/versions/latest").body().has("references")).isFalse();
        // a compatibility check resolves them too
        assertThat(post("/compatibility/subjects/" + user + "/versions/latest", Map.of("schema", place, "references", refs))
                .body().path("is_compatible").asBoolean()).isTrue();

        // without the references the schema names an unknown type: 42201; a reference to nothing: 42201
        assertError(post("/subjects/" + user + "/versions", Map.of("schema", place)), 422, 42201);
        assertError(post("/subjects/" + user + "/versions", Map.of("schema", place,
                "references", List.of(Map.of("name", pointName, "subject", shared, "version", 7)))), 422, 42201);

        // GET /subjects/{s}/versions/{v}/referencedby → ids of the referring schemas
        assertThat(get("/subjects/" + shared + "/versions/1/referencedby").body()).isEqualTo(JSON.readTree("[" + placeId + "]"));
        assertThat(get("/subjects/" + user + "/versions/1/referencedby").body()).isEqualTo(JSON.readTree("[]"));

        // a referenced version cannot be deleted: 422, 42206, Confluent's message naming the schema key
        Reply refused = delete("/subjects/" + shared + "/versions/1");
        assertError(refused, 422, 42206);
        assertThat(refused.body().path("message").asText()).isEqualTo(
                "One or more references exist to the schema {magic=1,keytype=SCHEMA,subject=" + shared + ",version=1}.");
        assertError(delete("/subjects/" + shared), 422, 42206);

        // once the referrer is soft-deleted, a soft delete goes through; a permanent one still sees the soft-deleted referrer
        delete("/subjects/" + user);
        assertThat(delete("/subjects/" + shared + "/versions/1").status()).isEqualTo(200);
        assertError(delete("/subjects/" + shared + "/versions/1?permanent=true"), 422, 42206);
        assertThat(get("/subjects/" + shared + "/versions/1/referencedby?deleted=true").body())
                .isEqualTo(JSON.readTree("[" + placeId + "]"));
        assertThat(delete("/subjects/" + user + "?permanent=true").status()).isEqualTo(200);
        assertThat(delete("/subjects/" + shared + "/versions/1?permanent=true").status()).isEqualTo(200);
    }

    @Test
    void shouldKeepReferencesAndModesAcrossARestart() throws Exception {
        String tag = tag();
        String shared = "restart-" + tag + "-point";
        String user = "restart-" + tag + "-value";
        String pointName = "io.newsflow.test.RPoint" + tag;
        register(shared, "{\"type\":\"record\",\"name\":\"RPoint" + tag + "\",\"namespace\":\"io.newsflow.test\",\"fields\":["
                + "{\"name\":\"lat\",\"type\":\"double\"}]}", List.of());
        List<Map<String, Object>> refs = List.of(Map.of("name", pointName, "subject", shared, "version", 1));
        int id = register(user, "{\"type\":\"record\",\"name\":\"RPlace" + tag + "\",\"namespace\":\"io.newsflow.test\","
                + "\"fields\":[{\"name\":\"at\",\"type\":\"" + pointName + "\"}]}", refs);
        put("/mode/" + shared, Map.of("mode", "READONLY"));

        try (EmbeddedSchemaRegistry restarted = new EmbeddedSchemaRegistry(kafka.bootstrapServers(), 0)) {
            assertThat(send(restarted, HttpRequest.newBuilder(URI.create(restarted.url() + "/schemas/ids/" + id)).GET())
                    .body().path("references")).isEqualTo(JSON.valueToTree(refs));
            assertThat(send(restarted, HttpRequest.newBuilder(URI.create(restarted.url() + "/mode/" + shared)).GET())
                    .body()).isEqualTo(JSON.readTree("{\"mode\":\"READONLY\"}"));
        }
        delete("/mode/" + shared);
    }

    // ---- helpers --------------------------------------------------------------------------------

    private record Reply(int status, JsonNode body) {
    }

    private static String tag() {
        return UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }

    private static String record(String name, String field) {
        return "{\"type\":\"record\",\"name\":\"" + name + "\",\"namespace\":\"io.newsflow.test\",\"fields\":[" + field + "]}";
    }

    private static int register(String subject, String schema, List<Map<String, Object>> references) throws Exception {
        Reply reply = post("/subjects/" + subject + "/versions", references.isEmpty() ? Map.of("schema", schema)
                : Map.of("schema", schema, "references", references));
        assertThat(reply.status()).as("register under %s: %s", subject, reply.body()).isEqualTo(200);
        return reply.body().path("id").asInt();
    }

    private static Reply get(String path) throws Exception {
        return send(registry, HttpRequest.newBuilder(URI.create(registry.url() + path)).GET());
    }

    private static Reply post(String path, Object body) throws Exception {
        return send(registry, HttpRequest.newBuilder(URI.create(registry.url() + path)).header("Content-Type", CT)
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))));
    }

    private static Reply put(String path, Object body) throws Exception {
        return send(registry, HttpRequest.newBuilder(URI.create(registry.url() + path)).header("Content-Type", CT)
                .PUT(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))));
    }

    private static Reply delete(String path) throws Exception {
        return send(registry, HttpRequest.newBuilder(URI.create(registry.url() + path)).DELETE());
    }

    private static Reply send(EmbeddedSchemaRegistry target, HttpRequest.Builder request) throws Exception {
        HttpResponse<String> response = HTTP.send(request.header("Accept", CT).build(), HttpResponse.BodyHandlers.ofString());
        return new Reply(response.statusCode(), JSON.readTree(response.body()));
    }

    private static void assertError(Reply reply, int status, int errorCode) {
        assertThat(reply.status()).as("%s", reply.body()).isEqualTo(status);
        assertThat(reply.body().path("error_code").asInt()).as("%s", reply.body()).isEqualTo(errorCode);
        assertThat(reply.body().path("message").asText()).isNotBlank();
    }
}
