package io.newsflow.schemas.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;

/**
 * A small client for the Confluent Schema Registry REST API: the calls a serde needs
 * (register under a subject, fetch by id), caching both ways so each schema costs one call per
 * process. Confluent's own client is not on Maven Central; this one speaks the same API
 * ({@code application/vnd.schemaregistry.v1+json}) so it works against Confluent's registry and
 * the embedded one alike.
 *
 * <p>Thread-safe. Calls that fail without a response, or with a 5xx, are retried with backoff.
 */
public class SchemaRegistryClient {
    public static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String baseUrl;
    private final HttpClient http;
    private final int maxAttempts;
    private final Duration initialBackoff;
    private final Map<String, Map<Schema, Integer>> idsBySubject = new ConcurrentHashMap<>();
    private final Map<Integer, Schema> schemasById = new ConcurrentHashMap<>();

    public SchemaRegistryClient(String baseUrl) {
        this(baseUrl, 4, Duration.ofMillis(200));
    }

    public SchemaRegistryClient(String baseUrl, int maxAttempts, Duration initialBackoff) {
        Objects.requireNonNull(baseUrl, "schema.registry.url");
        String first = baseUrl.split(",")[0].trim();
        this.baseUrl = first.endsWith("/") ? first.substring(0, first.length() - 1) : first;
        this.maxAttempts = Math.max(1, maxAttempts);
        this.initialBackoff = initialBackoff;
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    }

    public String baseUrl() {
        return baseUrl;
    }

    /** Registers the schema under the subject (or finds it there) and returns its global id. */
    public int register(String subject, Schema schema) {
        Map<Schema, Integer> ids = idsBySubject.computeIfAbsent(subject, s -> new ConcurrentHashMap<>());
        Integer cached = ids.get(schema);
        if (cached != null) {
            return cached;
        }
        ObjectNode body = JSON.createObjectNode();
        body.put("schema", schema.toString());
        JsonNode reply = call("POST", "/subjects/" + encode(subject) + "/versions", body.toString(),
                "register schema under subject '" + subject + "'");
        int id = reply.path("id").asInt(-1);
        if (id < 0) {
            throw new SchemaRegistryException("registry gave no id when registering under subject '" + subject + "': " + reply, -1, 200, null);
        }
        ids.put(schema, id);
        schemasById.putIfAbsent(id, schema);
        return id;
    }

    /** The schema with this global id; cached forever, since ids never change meaning. */
    public Schema getById(int id) {
        Schema cached = schemasById.get(id);
        if (cached != null) {
            return cached;
        }
        JsonNode reply = call("GET", "/schemas/ids/" + id, null, "fetch schema id " + id);
        Schema schema;
        try {
            schema = new Schema.Parser().parse(reply.path("schema").asText());
        } catch (RuntimeException e) {
            throw new SchemaRegistryException("schema id " + id + " from the registry is not valid Avro: " + e.getMessage(), 42201, 200, e);
        }
        Schema previous = schemasById.putIfAbsent(id, schema);
        return previous != null ? previous : schema;
    }

    private JsonNode call(String method, String path, String body, String what) {
        Duration backoff = initialBackoff;
        SchemaRegistryException last = null;
        for (int attempt = 1; attempt <= maxAttempts; attempt++) {
            try {
                return once(method, path, body, what);
            } catch (SchemaRegistryException e) {
                last = e;
                if (!e.isRetriable() || attempt == maxAttempts) {
                    throw e;
                }
            }
            try {
                Thread.sleep(backoff.toMillis()); // backoff between retries of a failed call, not a readiness wait
            } catch (InterruptedException ie) {
                Thread.currentThread().interrupt();
                throw last;
            }
            backoff = backoff.multipliedBy(2);
        }
        throw last;
    }

    private JsonNode once(String method, String path, String body, String what) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(Duration.ofSeconds(10))
                .header("Accept", CONTENT_TYPE + ", application/json");
        if (body != null) {
            request.header("Content-Type", CONTENT_TYPE).method(method, HttpRequest.BodyPublishers.ofString(body));
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new SchemaRegistryException("cannot " + what + ": schema registry at " + baseUrl + " unreachable (" + e + ")", -1, -1, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SchemaRegistryException("interrupted while trying to " + what, -1, -1, e);
        }
        JsonNode json;
        try {
            json = response.body() == null || response.body().isBlank() ? JSON.createObjectNode() : JSON.readTree(response.body());
        } catch (IOException e) {
            json = JSON.createObjectNode().put("message", response.body());
        }
        if (response.statusCode() / 100 != 2) {
            int code = json.path("error_code").asInt(response.statusCode());
            String message = json.path("message").asText(response.body());
            throw new SchemaRegistryException("cannot " + what + ": registry answered " + response.statusCode()
                    + " (error " + code + "): " + message, code, response.statusCode(), null);
        }
        return json;
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
