package io.newsflow.schemas.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.newsflow.schemas.PublishedSchemas;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.apache.avro.Schema;

/**
 * A client for the Confluent Schema Registry REST API: the calls serdes and build tools use.
 * Confluent's own client is not on Maven Central; this one speaks the same API
 * ({@code application/vnd.schemaregistry.v1+json}) so it works against Confluent's registry and
 * the embedded one alike.
 *
 * <pre>
 * register(subject, schema)          POST /subjects/{subject}/versions              → id
 * lookup(subject, schema)            POST /subjects/{subject}                       → subject, version, id
 * getId(subject, schema)             lookup, cached                                 → id
 * getById(id)                        GET  /schemas/ids/{id}                         → schema
 * getLatestVersion(subject)          GET  /subjects/{subject}/versions/latest
 * getVersion(subject, n)             GET  /subjects/{subject}/versions/{n}
 * getAllVersions(subject)            GET  /subjects/{subject}/versions
 * getAllSubjects()                   GET  /subjects
 * testCompatibility(subject, schema) POST /compatibility/subjects/{subject}/versions/latest?verbose=true
 * getCompatibility([subject])        GET  /config[/{subject}?defaultToGlobal=true]
 * updateCompatibility([subject,] l)  PUT  /config[/{subject}]
 * </pre>
 *
 * <p>Schemas are sent as published ({@link PublishedSchemas}): without the Java-only properties of
 * generated classes, so a Java service and a client in any other language that builds the schema
 * from the same {@code .avsc} file register, and look up, the same text and get the same id.
 *
 * <p>Caches both ways (schema → id per subject, id → schema; versions by number; "latest" for
 * {@code latest.cache.ttl.sec}), so a serde costs one call per schema and process. Failures are
 * {@link SchemaRegistryException}s naming the subject or id, with Confluent's error code. Calls
 * that get no response, a 5xx or a 429 are retried with exponential backoff, moving on to the next
 * URL of {@code schema.registry.url} when one cannot be reached. Thread-safe.
 */
public class SchemaRegistryClient {
    public static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";
    static final String ACCEPT = CONTENT_TYPE + ", application/vnd.schemaregistry+json; q=0.9, application/json; q=0.5";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final SchemaRegistryClientConfig config;
    private final String baseUrl;
    private final HttpClient http;
    private final String authorization;
    private final AtomicInteger currentUrl = new AtomicInteger();
    private final Map<String, Map<Schema, Integer>> idsBySubject = new ConcurrentHashMap<>();
    private final Map<Integer, Schema> schemasById = new ConcurrentHashMap<>();
    private final Map<String, Map<Integer, SchemaMetadata>> versionsBySubject = new ConcurrentHashMap<>();
    private final Map<String, CachedLatest> latestBySubject = new ConcurrentHashMap<>();

    private record CachedLatest(SchemaMetadata metadata, long fetchedAtNanos) {
    }

    public SchemaRegistryClient(String baseUrl) {
        this(baseUrl, SchemaRegistryClientConfig.DEFAULT_MAX_ATTEMPTS, SchemaRegistryClientConfig.DEFAULT_BACKOFF);
    }

    public SchemaRegistryClient(String baseUrl, int maxAttempts, Duration initialBackoff) {
        this(SchemaRegistryClientConfig.of(baseUrl, maxAttempts, initialBackoff));
    }

    public SchemaRegistryClient(SchemaRegistryClientConfig config) {
        this.config = config;
        this.baseUrl = config.urls().get(0);
        this.authorization = config.userInfo() == null ? null
                : "Basic " + Base64.getEncoder().encodeToString(config.userInfo().getBytes(StandardCharsets.UTF_8));
        HttpClient.Builder builder = HttpClient.newBuilder().connectTimeout(config.connectTimeout());
        if (config.trustStore() != null || config.keyStore() != null) {
            builder.sslContext(sslContext(config));
        }
        this.http = builder.build();
    }

    /**
     * A client configured from a Kafka client config map with Confluent's keys
     * ({@code schema.registry.url}, {@code basic.auth.*}, {@code schema.registry.ssl.*}, ...; see
     * {@link SchemaRegistryClientConfig}).
     */
    public static SchemaRegistryClient fromConfig(Map<String, ?> configs) {
        return new SchemaRegistryClient(SchemaRegistryClientConfig.from(configs));
    }

    /** The first registry URL, without credentials. */
    public String baseUrl() {
        return baseUrl;
    }

    public SchemaRegistryClientConfig config() {
        return config;
    }

    // ---- schemas under subjects -------------------------------------------------------------

    /** Registers the schema under the subject (or finds it there) and returns its global id. */
    public int register(String subject, Schema schema) {
        Map<Schema, Integer> ids = idsBySubject.computeIfAbsent(subject, s -> new ConcurrentHashMap<>());
        Integer cached = ids.get(schema);
        if (cached != null) {
            return cached;
        }
        JsonNode reply = call("POST", "/subjects/" + encode(subject) + "/versions", schemaBody(schema),
                "register schema " + schema.getFullName() + " under subject '" + subject + "'");
        int id = requireId(reply, "registering under subject '" + subject + "'");
        ids.put(schema, id);
        schemasById.putIfAbsent(id, PublishedSchemas.withoutJavaProperties(schema));
        return id;
    }

    /**
     * The version of the subject holding exactly this schema ({@code POST /subjects/{subject}}):
     * 40401 when the subject does not exist, 40403 when the schema is not registered under it.
     */
    public SchemaMetadata lookup(String subject, Schema schema) {
        JsonNode reply = call("POST", "/subjects/" + encode(subject), schemaBody(schema),
                "look up schema " + schema.getFullName() + " under subject '" + subject + "'");
        int id = requireId(reply, "looking up under subject '" + subject + "'");
        Schema published = PublishedSchemas.withoutJavaProperties(schema);
        SchemaMetadata metadata = new SchemaMetadata(subject, reply.path("version").asInt(-1), id, published);
        idsBySubject.computeIfAbsent(subject, s -> new ConcurrentHashMap<>()).put(schema, id);
        schemasById.putIfAbsent(id, published);
        return metadata;
    }

    /** The id of a schema already registered under the subject, without registering it; cached. */
    public int getId(String subject, Schema schema) {
        Integer cached = idsBySubject.getOrDefault(subject, Map.of()).get(schema);
        return cached != null ? cached : lookup(subject, schema).id();
    }

    /** The schema with this global id; cached forever, since ids never change meaning. */
    public Schema getById(int id) {
        Schema cached = schemasById.get(id);
        if (cached != null) {
            return cached;
        }
        JsonNode reply = call("GET", "/schemas/ids/" + id, null, "fetch schema id " + id);
        Schema schema = parse(reply.path("schema").asText(null), "schema id " + id);
        Schema previous = schemasById.putIfAbsent(id, schema);
        return previous != null ? previous : schema;
    }

    /** The latest version under the subject; cached for {@code latest.cache.ttl.sec}. */
    public SchemaMetadata getLatestVersion(String subject) {
        CachedLatest cached = latestBySubject.get(subject);
        Duration ttl = config.latestCacheTtl();
        if (cached != null && (ttl == null || System.nanoTime() - cached.fetchedAtNanos() < ttl.toNanos())) {
            return cached.metadata();
        }
        SchemaMetadata latest = fetchVersion(subject, "latest");
        latestBySubject.put(subject, new CachedLatest(latest, System.nanoTime()));
        return latest;
    }

    /** Version {@code version} (1, 2, ...) of the subject; cached, since a version never changes. */
    public SchemaMetadata getVersion(String subject, int version) {
        Map<Integer, SchemaMetadata> versions = versionsBySubject.computeIfAbsent(subject, s -> new ConcurrentHashMap<>());
        SchemaMetadata cached = versions.get(version);
        if (cached != null) {
            return cached;
        }
        SchemaMetadata metadata = fetchVersion(subject, Integer.toString(version));
        versions.put(version, metadata);
        return metadata;
    }

    /** The live version numbers of the subject, oldest first. */
    public List<Integer> getAllVersions(String subject) {
        JsonNode reply = call("GET", "/subjects/" + encode(subject) + "/versions", null,
                "list versions of subject '" + subject + "'");
        List<Integer> versions = new ArrayList<>();
        reply.forEach(v -> versions.add(v.asInt()));
        return versions;
    }

    /** Every subject with at least one live version. */
    public List<String> getAllSubjects() {
        JsonNode reply = call("GET", "/subjects", null, "list subjects");
        List<String> subjects = new ArrayList<>();
        reply.forEach(s -> subjects.add(s.asText()));
        return subjects;
    }

    // ---- compatibility and config -----------------------------------------------------------

    /**
     * Whether the schema could be registered under the subject, checked by the registry against
     * the latest version under the subject's compatibility level. A subject that does not exist
     * yet accepts anything.
     */
    public CompatibilityResult testCompatibility(String subject, Schema schema) {
        try {
            return testCompatibility(subject, schema, "latest");
        } catch (SchemaRegistryException e) {
            if (e.isSubjectNotFound() || e.isVersionNotFound()) {
                return new CompatibilityResult(true, List.of());
            }
            throw e;
        }
    }

    /** Whether the schema is compatible with one version ("latest" or a number) of the subject. */
    public CompatibilityResult testCompatibility(String subject, Schema schema, String version) {
        JsonNode reply = call("POST", "/compatibility/subjects/" + encode(subject) + "/versions/" + encode(version)
                        + "?verbose=true", schemaBody(schema),
                "test compatibility of " + schema.getFullName() + " with version " + version + " of subject '" + subject + "'");
        if (!reply.path("is_compatible").isBoolean()) {
            throw new SchemaRegistryException("registry gave no is_compatible for subject '" + subject + "': " + reply,
                    -1, 200, null);
        }
        List<String> messages = new ArrayList<>();
        reply.path("messages").forEach(m -> messages.add(m.asText()));
        return new CompatibilityResult(reply.path("is_compatible").asBoolean(), messages);
    }

    /** The registry's global compatibility level, e.g. {@code BACKWARD}. */
    public String getCompatibility() {
        return call("GET", "/config", null, "read the global compatibility level")
                .path("compatibilityLevel").asText(null);
    }

    /** The subject's compatibility level, or the global one when the subject has none of its own. */
    public String getCompatibility(String subject) {
        return call("GET", "/config/" + encode(subject) + "?defaultToGlobal=true", null,
                "read the compatibility level of subject '" + subject + "'").path("compatibilityLevel").asText(null);
    }

    /** Sets the global compatibility level (NONE, BACKWARD, FORWARD, FULL and their _TRANSITIVE forms). */
    public String updateCompatibility(String level) {
        return call("PUT", "/config", levelBody(level), "set the global compatibility level to " + level)
                .path("compatibility").asText(null);
    }

    /** Sets the subject's compatibility level. */
    public String updateCompatibility(String subject, String level) {
        return call("PUT", "/config/" + encode(subject), levelBody(level),
                "set the compatibility level of subject '" + subject + "' to " + level).path("compatibility").asText(null);
    }

    // ---- HTTP -------------------------------------------------------------------------------

    private SchemaMetadata fetchVersion(String subject, String version) {
        JsonNode reply = call("GET", "/subjects/" + encode(subject) + "/versions/" + version, null,
                "fetch version " + version + " of subject '" + subject + "'");
        int id = requireId(reply, "fetching version " + version + " of subject '" + subject + "'");
        Schema schema = schemasById.computeIfAbsent(id,
                i -> parse(reply.path("schema").asText(null), "version " + version + " of subject '" + subject + "'"));
        return new SchemaMetadata(reply.path("subject").asText(subject), reply.path("version").asInt(-1), id, schema);
    }

    /** The request body for a schema: its published text, without Java-only properties ({@link PublishedSchemas}). */
    private static String schemaBody(Schema schema) {
        ObjectNode body = JSON.createObjectNode();
        body.put("schema", PublishedSchemas.canonical(schema));
        return body.toString();
    }

    private static String levelBody(String level) {
        return JSON.createObjectNode().put("compatibility", level).toString();
    }

    private static int requireId(JsonNode reply, String what) {
        int id = reply.path("id").asInt(-1);
        if (!reply.path("id").isInt() || id < 0) {
            throw new SchemaRegistryException("registry gave no schema id when " + what + ": " + reply, -1, 200, null);
        }
        return id;
    }

    private static Schema parse(String text, String what) {
        if (text == null) {
            throw new SchemaRegistryException("registry returned no schema for " + what, -1, 200, null);
        }
        try {
            return new Schema.Parser().parse(text);
        } catch (RuntimeException e) {
            throw new SchemaRegistryException(what + " from the registry is not valid Avro: " + e.getMessage(),
                    SchemaRegistryException.INVALID_SCHEMA, 200, e);
        }
    }

    private JsonNode call(String method, String path, String body, String what) {
        Duration backoff = config.initialBackoff();
        SchemaRegistryException last = null;
        for (int attempt = 1; attempt <= config.maxAttempts(); attempt++) {
            try {
                return once(method, path, body, what);
            } catch (SchemaRegistryException e) {
                last = e;
                if (!e.isRetriable() || attempt == config.maxAttempts()) {
                    throw e;
                }
                if (e.httpStatus() < 0 && config.urls().size() > 1) {
                    currentUrl.incrementAndGet(); // unreachable: try the next registry URL
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
        String url = config.urls().get(Math.floorMod(currentUrl.get(), config.urls().size()));
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url + path))
                .timeout(config.readTimeout())
                .header("Accept", ACCEPT);
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        if (body != null) {
            request.header("Content-Type", CONTENT_TYPE)
                    .method(method, HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new SchemaRegistryException("cannot " + what + ": schema registry at " + url + " unreachable (" + e + ")", -1, -1, e);
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
            String meaning = SchemaRegistryException.describe(code);
            throw new SchemaRegistryException("cannot " + what + ": " + (meaning == null ? "" : meaning + " — ")
                    + "registry at " + url + " answered " + response.statusCode() + " (error " + code + "): " + message,
                    code, response.statusCode(), null);
        }
        return json;
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static SSLContext sslContext(SchemaRegistryClientConfig config) {
        try {
            TrustManagerFactory tmf = null;
            if (config.trustStore() != null) {
                tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
                tmf.init(load(config.trustStore(), SchemaRegistryClientConfig.SSL_TRUSTSTORE_LOCATION));
            }
            KeyManagerFactory kmf = null;
            if (config.keyStore() != null) {
                SchemaRegistryClientConfig.Store store = config.keyStore();
                kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
                String keyPassword = store.keyPassword() != null ? store.keyPassword() : store.password();
                kmf.init(load(store, SchemaRegistryClientConfig.SSL_KEYSTORE_LOCATION),
                        keyPassword == null ? null : keyPassword.toCharArray());
            }
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(kmf == null ? null : kmf.getKeyManagers(), tmf == null ? null : tmf.getTrustManagers(), null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("cannot set up TLS for the schema registry client: " + e.getMessage(), e);
        }
    }

    private static KeyStore load(SchemaRegistryClientConfig.Store store, String key) throws GeneralSecurityException {
        KeyStore keyStore = KeyStore.getInstance(store.type());
        try (InputStream in = Files.newInputStream(Path.of(store.location()))) {
            keyStore.load(in, store.password() == null ? null : store.password().toCharArray());
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read '" + key + "' " + store.location() + " (type " + store.type()
                    + "): " + e.getMessage(), e);
        }
        return keyStore;
    }
}
