package io.newsflow.schemas.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.List;
import org.apache.avro.Schema;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The client against request/response pairs of the Confluent Schema Registry REST API as its
 * API reference documents them (docs.confluent.io, "Schema Registry API Reference"; the examples
 * use subject {@code test} and the record {@code test{field1: string, field2: int}}). Where the
 * documentation's example bodies are abbreviated or not valid JSON, the response is the shape the
 * real server sends (e.g. {@code subject, version, id, schema} for a version).
 */
class SchemaRegistryClientContractTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String DOC_SCHEMA =
            "{\"type\":\"record\",\"name\":\"test\",\"fields\":[{\"type\":\"string\",\"name\":\"field1\"},{\"type\":\"int\",\"name\":\"field2\"}]}";
    private static final Schema TEST = new Schema.Parser().parse(DOC_SCHEMA);

    private ReplayServer server;
    private SchemaRegistryClient client;

    @BeforeEach
    void start() throws Exception {
        server = ReplayServer.http();
        client = new SchemaRegistryClient(server.url(), 3, Duration.ofMillis(5));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private static String quoted(String s) throws Exception {
        return JSON.writeValueAsString(s);
    }

    private static void assertSchemaBody(ReplayServer.Request request, Schema expected) throws Exception {
        JsonNode body = JSON.readTree(request.body());
        assertThat(body.fieldNames()).toIterable().containsExactly("schema");
        assertThat(new Schema.Parser().parse(body.path("schema").asText())).isEqualTo(expected);
    }

    private static void assertRegistryHeaders(ReplayServer.Request request, boolean hasBody) {
        assertThat(request.accept()).startsWith("application/vnd.schemaregistry.v1+json");
        if (hasBody) {
            assertThat(request.contentType()).isEqualTo("application/vnd.schemaregistry.v1+json");
        }
    }

    @Test
    void getSchemaById() throws Exception {
        // GET /schemas/ids/1 → {"schema": "{\"type\": \"string\"}"}
        server.answer(200, "{\"schema\": \"{\\\"type\\\": \\\"string\\\"}\"}");

        Schema schema = client.getById(1);

        assertThat(schema).isEqualTo(Schema.create(Schema.Type.STRING));
        ReplayServer.Request request = server.only();
        assertThat(request.method()).isEqualTo("GET");
        assertThat(request.pathAndQuery()).isEqualTo("/schemas/ids/1");
        assertThat(request.body()).isNull();
        assertRegistryHeaders(request, false);
    }

    @Test
    void registerSchemaUnderSubject() throws Exception {
        // POST /subjects/test/versions {"schema": "..."} → {"id":1}
        server.answer(200, "{\"id\":1}");

        int id = client.register("test", TEST);

        assertThat(id).isEqualTo(1);
        ReplayServer.Request request = server.only();
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.pathAndQuery()).isEqualTo("/subjects/test/versions");
        assertRegistryHeaders(request, true);
        assertSchemaBody(request, TEST);
        // and the id resolves without another call
        assertThat(client.getById(1)).isEqualTo(TEST);
        assertThat(server.requests).hasSize(1);
    }

    @Test
    void registerSendsThePublishedSchemaWithoutJavaProperties() throws Exception {
        // a generated class's schema carries "avro.java.string"; the published RawArticle.avsc does not
        server.answer(200, "{\"id\":1}").answer(200, "{\"subject\":\"news.articles.raw-value\",\"id\":1,\"version\":1}");

        client.register("news.articles.raw-value", io.newsflow.avro.RawArticle.getClassSchema());
        client.lookup("news.articles.raw-value", io.newsflow.avro.RawArticle.getClassSchema());

        String published = new Schema.Parser().parse(java.nio.file.Path.of("src/main/avro/RawArticle.avsc").toFile()).toString();
        for (ReplayServer.Request request : server.requests) {
            assertThat(JSON.readTree(request.body()).path("schema").asText()).isEqualTo(published).doesNotContain("avro.java");
        }
    }

    @Test
    void lookUpSchemaUnderSubject() throws Exception {
        // POST /subjects/test {"schema": "..."} → {"subject":"test","id":1,"version":3,"schema":"..."}
        server.answer(200, "{\"subject\":\"test\",\"id\":1,\"version\":3,\"schema\":" + quoted(DOC_SCHEMA) + "}");

        SchemaMetadata found = client.lookup("test", TEST);

        assertThat(found).isEqualTo(new SchemaMetadata("test", 3, 1, TEST));
        ReplayServer.Request request = server.only();
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.pathAndQuery()).isEqualTo("/subjects/test");
        assertRegistryHeaders(request, true);
        assertSchemaBody(request, TEST);
        // getId reuses the look-up
        assertThat(client.getId("test", TEST)).isEqualTo(1);
        assertThat(server.requests).hasSize(1);
    }

    @Test
    void getVersionOfSubject() throws Exception {
        // GET /subjects/test/versions/1 → {"subject":"test","version":1,"id":1,"schema":"{\"type\": \"string\"}"}
        server.answer(200, "{\"subject\":\"test\",\"version\":1,\"id\":1,\"schema\":\"{\\\"type\\\": \\\"string\\\"}\"}");

        SchemaMetadata version = client.getVersion("test", 1);
        client.getVersion("test", 1);

        assertThat(version).isEqualTo(new SchemaMetadata("test", 1, 1, Schema.create(Schema.Type.STRING)));
        assertThat(server.only().method()).isEqualTo("GET");
        assertThat(server.only().pathAndQuery()).isEqualTo("/subjects/test/versions/1");
    }

    @Test
    void getLatestVersionOfSubject() throws Exception {
        server.answer(200, "{\"subject\":\"test\",\"version\":4,\"id\":7,\"schema\":" + quoted(DOC_SCHEMA) + "}");

        SchemaMetadata latest = client.getLatestVersion("test");

        assertThat(latest).isEqualTo(new SchemaMetadata("test", 4, 7, TEST));
        assertThat(server.only().pathAndQuery()).isEqualTo("/subjects/test/versions/latest");
        assertThat(client.getById(7)).isEqualTo(TEST);
    }

    @Test
    void listVersionsAndSubjects() {
        // GET /subjects/test/versions → [1, 2, 3, 4]; GET /subjects → ["subject1", "subject2"]
        server.answer(200, "[\n  1, 2, 3, 4\n]").answer(200, "[\"subject1\", \"subject2\"]");

        assertThat(client.getAllVersions("test")).containsExactly(1, 2, 3, 4);
        assertThat(client.getAllSubjects()).containsExactly("subject1", "subject2");
        assertThat(server.requests).extracting(ReplayServer.Request::pathAndQuery)
                .containsExactly("/subjects/test/versions", "/subjects");
    }

    @Test
    void testCompatibilityWithLatest() throws Exception {
        // POST /compatibility/subjects/test/versions/latest {"schema": "..."} → {"is_compatible": true}
        server.answer(200, "{\n  \"is_compatible\": true\n}");

        CompatibilityResult result = client.testCompatibility("test", TEST);

        assertThat(result.compatible()).isTrue();
        ReplayServer.Request request = server.only();
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.pathAndQuery()).isEqualTo("/compatibility/subjects/test/versions/latest?verbose=true");
        assertRegistryHeaders(request, true);
        assertSchemaBody(request, TEST);
    }

    @Test
    void testCompatibilityReportsTheRegistrysReasons() {
        server.answer(200, "{\"is_compatible\":false,\"messages\":[\"{errorType:'READER_FIELD_MISSING_DEFAULT_VALUE', description:'The field 'field3' at path '/fields/2' in the new schema has no default value and is missing in the old schema'}\"]}");

        CompatibilityResult result = client.testCompatibility("test", TEST, "2");

        assertThat(result.compatible()).isFalse();
        assertThat(result.messages()).singleElement().asString().contains("field3");
        assertThat(server.only().pathAndQuery()).isEqualTo("/compatibility/subjects/test/versions/2?verbose=true");
    }

    @Test
    void testCompatibilityOfANewSubjectIsTrue() {
        server.answer(404, "{\"error_code\":40401,\"message\":\"Subject 'fresh' not found.\"}");

        assertThat(client.testCompatibility("fresh", TEST).compatible()).isTrue();
    }

    @Test
    void getAndPutConfig() throws Exception {
        // GET /config → {"compatibilityLevel": "FULL"}; PUT /config {"compatibility": "FULL"} → {"compatibility": "FULL"}
        server.answer(200, "{\n  \"compatibilityLevel\": \"FULL\"\n}")
                .answer(200, "{\"compatibility\": \"FULL\"}")
                .answer(200, "{\"compatibilityLevel\": \"BACKWARD\"}")
                .answer(200, "{\"compatibility\": \"FORWARD\"}");

        assertThat(client.getCompatibility()).isEqualTo("FULL");
        assertThat(client.updateCompatibility("FULL")).isEqualTo("FULL");
        assertThat(client.getCompatibility("test")).isEqualTo("BACKWARD");
        assertThat(client.updateCompatibility("test", "FORWARD")).isEqualTo("FORWARD");

        List<ReplayServer.Request> r = server.requests;
        assertThat(r).extracting(ReplayServer.Request::method).containsExactly("GET", "PUT", "GET", "PUT");
        assertThat(r).extracting(ReplayServer.Request::pathAndQuery)
                .containsExactly("/config", "/config", "/config/test?defaultToGlobal=true", "/config/test");
        assertThat(JSON.readTree(r.get(1).body())).isEqualTo(JSON.readTree("{\"compatibility\":\"FULL\"}"));
        assertThat(JSON.readTree(r.get(3).body())).isEqualTo(JSON.readTree("{\"compatibility\":\"FORWARD\"}"));
        assertThat(r.get(1).contentType()).isEqualTo("application/vnd.schemaregistry.v1+json");
    }

    @Test
    void subjectNamesArePercentEncodedInThePath() {
        server.answer(200, "{\"id\":3}");

        client.register("news/raw value", TEST);

        assertThat(server.only().pathAndQuery()).isEqualTo("/subjects/news%2Fraw%20value/versions");
    }

    // ---- errors: Confluent's error bodies, one per documented code -------------------------

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', value = {
        "404|40401|Subject 'test' not found.|subject not found|test",
        "404|40402|Version 9 not found.|version not found|version 9",
        "404|40403|Schema not found|schema not found|test",
        "422|42202|The specified version '0' is not a valid version id.|invalid version|test",
    })
    void versionErrorsNameTheSubjectAndCode(int status, int code, String message, String meaning, String named) {
        server.answer(status, "{\"error_code\":" + code + ",\"message\":\"" + message.replace("'", "\\u0027") + "\"}");

        assertThatThrownBy(() -> client.getVersion("test", 9))
                .isInstanceOf(SchemaRegistryException.class)
                .hasMessageContaining("subject 'test'")
                .hasMessageContaining(meaning)
                .hasMessageContaining(named)
                .hasMessageContaining(String.valueOf(code))
                .satisfies(e -> {
                    SchemaRegistryException sre = (SchemaRegistryException) e;
                    assertThat(sre.errorCode()).isEqualTo(code);
                    assertThat(sre.httpStatus()).isEqualTo(status);
                    assertThat(sre.isRetriable()).isFalse();
                });
        assertThat(server.requests).hasSize(1);
    }

    @Test
    void incompatibleSchemaIs409NamingTheSubject() {
        server.answer(409, "{\"error_code\":409,\"message\":\"Schema being registered is incompatible with an earlier schema for subject \\\"test\\\"\"}");

        assertThatThrownBy(() -> client.register("test", TEST))
                .isInstanceOf(SchemaRegistryException.class)
                .hasMessageContaining("subject 'test'")
                .hasMessageContaining("incompatible")
                .satisfies(e -> assertThat(((SchemaRegistryException) e).isIncompatible()).isTrue());
    }

    @Test
    void invalidSchemaIs42201() {
        server.answer(422, "{\"error_code\":42201,\"message\":\"Invalid schema\"}");

        assertThatThrownBy(() -> client.register("test", TEST))
                .hasMessageContaining("invalid schema")
                .hasMessageContaining("42201")
                .satisfies(e -> assertThat(((SchemaRegistryException) e).isInvalidSchema()).isTrue());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "50001|Error in the backend data store|backend store",
        "50002|Register operation timed out|timed out",
        "50003|Error while forwarding the request to the leader|forwarding",
    })
    void serverErrorsAreRetriedThenReportedWithTheCode(int code, String message, String meaning) {
        for (int i = 0; i < 3; i++) {
            server.answer(500, "{\"error_code\":" + code + ",\"message\":\"" + message + "\"}");
        }

        assertThatThrownBy(() -> client.register("test", TEST))
                .isInstanceOf(SchemaRegistryException.class)
                .hasMessageContaining("subject 'test'")
                .hasMessageContaining(String.valueOf(code))
                .hasMessageContaining(meaning)
                .satisfies(e -> assertThat(((SchemaRegistryException) e).isRetriable()).isTrue());
        assertThat(server.requests).hasSize(3);
    }

    @Test
    void serverErrorThenSuccessIsRetriedTransparently() {
        server.answer(500, "{\"error_code\":50002,\"message\":\"Register operation timed out\"}").answer(200, "{\"id\":5}");

        assertThat(client.register("test", TEST)).isEqualTo(5);
        assertThat(server.requests).hasSize(2);
    }

    @Test
    void malformedSchemaFromTheRegistryNamesTheId() {
        server.answer(200, "{\"schema\":\"{not avro\"}");

        assertThatThrownBy(() -> client.getById(12))
                .isInstanceOf(SchemaRegistryException.class)
                .hasMessageContaining("schema id 12")
                .hasMessageContaining("not valid Avro");
    }

    @Test
    void unauthorizedIsNotRetriedAndPointsAtTheCredentials() {
        server.answer(401, "{\"error_code\":401,\"message\":\"Unauthorized\"}");

        assertThatThrownBy(() -> client.getById(1))
                .hasMessageContaining("basic.auth.user.info")
                .satisfies(e -> assertThat(((SchemaRegistryException) e).isAuthenticationError()).isTrue());
        assertThat(server.requests).hasSize(1);
    }
}
