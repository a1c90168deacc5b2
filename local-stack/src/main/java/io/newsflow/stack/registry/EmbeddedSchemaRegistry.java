package io.newsflow.stack.registry;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A small schema registry speaking the subset of the Confluent Schema Registry REST API that
 * serializers, deserializers and build tools use, so the pipeline runs unchanged against this or a
 * real Confluent registry (the docker-compose deployment) — and the demo needs no Docker.
 *
 * <p>Endpoints (JSON bodies, content type {@code application/vnd.schemaregistry.v1+json}, plain
 * {@code application/json} accepted):
 * <pre>
 * POST   /subjects/{subject}/versions                    register → {"id":n}
 * POST   /subjects/{subject}                             look up → {subject,id,version,schema}
 * GET    /subjects[?deleted=true]                        ["subject", ...]
 * GET    /subjects/{subject}/versions[?deleted=true]     [1, 2, ...]
 * GET    /subjects/{subject}/versions/{version|latest}   {subject,id,version,schema}   (?deleted=true too)
 * GET    /subjects/{subject}/versions/{version}/schema   the schema itself
 * DELETE /subjects/{subject}[?permanent=true]            soft / hard delete → [versions]
 * DELETE /subjects/{subject}/versions/{version|latest}[?permanent=true]  soft / hard delete → version
 * GET    /subjects/{subject}/versions/{version}/referencedby  ids of the schemas referring to it
 * GET    /schemas[?subjectPrefix=&deleted=&latestOnly=]  [{subject,version,id,schema}, ...]
 * GET    /schemas/ids/{id}                               {"schema":"..."[,"references":[..]]}
 * GET    /schemas/ids/{id}/schema                        the schema itself
 * GET    /schemas/ids/{id}/versions[?deleted=true]       [{"subject":..,"version":..}, ...]
 * GET    /schemas/ids/{id}/subjects[?deleted=true]       ["subject", ...]
 * GET    /schemas/types                                  ["AVRO"]
 * GET|PUT /mode, GET|PUT|DELETE /mode/{subject}          {"mode":"READWRITE"|"READONLY"} (40409: no subject-level mode)
 * GET    /contexts                                       ["."] (the default context only)
 * GET    /v1/metadata/id                                 {"scope":{"path":[],"clusters":{"kafka-cluster":..,
 *                                                          "schema-registry-cluster":"schema-registry"}}}
 * POST   /compatibility/subjects/{subject}/versions[/{version|latest}]  {"is_compatible":bool}
 * GET|PUT /config                                        {"compatibilityLevel":..} / {"compatibility":..}
 * GET    /config/{subject}[?defaultToGlobal=true]        the subject's own level (40408 if none), or
 *                                                        with defaultToGlobal, falling back to the global one
 * PUT|DELETE /config/{subject}                           {"compatibility":..} / {"compatibilityLevel":..}
 * </pre>
 * Errors carry Confluent's body, e.g. {@code {"error_code":40401,"message":"Subject 'x' not found."}},
 * with Confluent's codes: 40401–40409, 409, 42201–42206, 50001 (the {@code _schemas} write failed),
 * 50002 (it timed out). Deletes are Confluent's two steps: a hard delete ({@code permanent=true})
 * only of what was soft-deleted first (40405 for a subject, 40407 for a version otherwise).
 * Only Avro schemas are supported. Confluent schema references ({@code "references"} on register,
 * look-up and compatibility) are resolved as Confluent does (see {@link SchemaStore}); a referenced
 * version cannot be deleted (42206). A READONLY mode refuses registrations and deletes (42205);
 * IMPORT is not supported (42204). Query parameters such as {@code normalize} are ignored, except
 * {@code verbose}, {@code deleted}, {@code permanent}, {@code defaultToGlobal}, {@code subjectPrefix},
 * {@code latestOnly}, {@code offset} and {@code limit} as above. The state lives in the compacted topic {@code _schemas} (see
 * {@link SchemaStore}), so ids survive restarts; reads are answered from memory even while Kafka is
 * unreachable.
 *
 * <p>Binds to the loopback interface only: a development registry without authentication.
 */
public final class EmbeddedSchemaRegistry implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedSchemaRegistry.class);
    private static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";

    private final ObjectMapper json = new ObjectMapper();
    private final SchemaStore store;
    private final HttpServer server;
    private final ExecutorService executor;
    private final String url;
    private boolean closed;

    /**
     * Reads the registry's state from Kafka and starts serving HTTP.
     *
     * @param bootstrapServers the Kafka cluster holding the {@code _schemas} topic (created if absent)
     * @param port             the HTTP port; {@code 0} picks a free one
     */
    public EmbeddedSchemaRegistry(String bootstrapServers, int port) {
        this(bootstrapServers, port, SchemaStore.DEFAULT_TIMEOUT);
    }

    /**
     * As {@link #EmbeddedSchemaRegistry(String, int)}, with the time a write to {@code _schemas} may
     * wait for the broker before the request fails with 50002 (default 30 s; at least 1 s).
     */
    public EmbeddedSchemaRegistry(String bootstrapServers, int port, Duration storeTimeout) {
        this.store = new SchemaStore(bootstrapServers, storeTimeout);
        try {
            this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        } catch (IOException e) {
            store.close();
            throw new UncheckedIOException("schema registry port " + port
                    + " is already in use (another registry running?); choose another port", e);
        }
        AtomicInteger threads = new AtomicInteger();
        this.executor = Executors.newFixedThreadPool(4, runnable -> {
            Thread thread = new Thread(runnable, "schema-registry-http-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
        this.url = "http://localhost:" + server.getAddress().getPort();
    }

    /** The base URL clients use as {@code schema.registry.url}, e.g. {@code http://localhost:8081}. */
    public String url() {
        return url;
    }

    /** The HTTP port actually bound. */
    public int port() {
        return server.getAddress().getPort();
    }

    /** Stops serving and closes the Kafka producer; the state stays in the {@code _schemas} topic. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        server.stop(0);
        executor.shutdownNow();
        store.close();
    }

    // ---- HTTP ------------------------------------------------------------------------------------

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            int status = 200;
            Object body;
            try {
                body = route(exchange.getRequestMethod(), segments(exchange), exchange);
            } catch (RegistryException e) {
                status = e.httpStatus();
                body = error(e.errorCode(), e.getMessage());
            } catch (JsonProcessingException e) {
                status = 400;
                body = error(400, "Unrecognized JSON body: " + e.getOriginalMessage());
            } catch (RuntimeException e) {
                LOG.warn("schema registry request {} {} failed", exchange.getRequestMethod(), exchange.getRequestURI(), e);
                status = 500;
                body = error(50001, "Error in the backend data store: " + e);
            }
            byte[] bytes = json.writeValueAsBytes(body);
            exchange.getResponseHeaders().set("Content-Type", responseType(exchange));
            exchange.sendResponseHeaders(status, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    private Object route(String method, List<String> path, HttpExchange exchange) throws IOException {
        int n = path.size();
        String root = n == 0 ? "" : path.get(0);
        switch (root) {
            case "":
                require(method, "GET");
                return Map.of();
            case "subjects":
                return subjects(method, path, exchange);
            case "schemas":
                return schemas(method, path, exchange);
            case "mode":
                return mode(method, path, exchange);
            case "contexts":
                require(method, "GET");
                if (n == 1) {
                    return List.of("."); // one registry, the default context only
                }
                break;
            case "v1":
                if (n == 3 && path.get(1).equals("metadata") && path.get(2).equals("id")) {
                    require(method, "GET");
                    return clusterId();
                }
                break;
            case "compatibility":
                if ((n == 4 || n == 5) && path.get(1).equals("subjects") && path.get(3).equals("versions")) {
                    require(method, "POST");
                    String version = n == 5 ? path.get(4) : null;
                    SchemaRequest request = schemaOf(exchange);
                    List<String> problems = store.checkCompatibility(path.get(2), version, request.schema(),
                            request.references());
                    Map<String, Object> result = new LinkedHashMap<>();
                    result.put("is_compatible", problems.isEmpty());
                    if ("true".equals(queryParameter(exchange, "verbose"))) {
                        result.put("messages", problems);
                    }
                    return result;
                }
                break;
            case "config":
                return config(method, path, exchange);
            default:
                break;
        }
        throw RegistryException.notFound("HTTP 404 Not Found");
    }

    private Object schemas(String method, List<String> path, HttpExchange exchange) throws IOException {
        require(method, "GET");
        int n = path.size();
        if (n == 1) {
            String prefix = queryParameter(exchange, "subjectPrefix");
            return page(store.schemas(prefix == null ? "" : prefix, flag(exchange, "deleted"), flag(exchange, "latestOnly"))
                    .stream().map(EmbeddedSchemaRegistry::versionBody).toList(), exchange);
        }
        if (n == 2 && path.get(1).equals("types")) {
            return List.of("AVRO");
        }
        if (n >= 3 && path.get(1).equals("ids")) {
            int id = parseId(path.get(2));
            if (n == 3) {
                RegisteredSchema schema = store.schemaById(id);
                Map<String, Object> body = new LinkedHashMap<>();
                body.put("schema", schema.schema());
                if (!schema.references().isEmpty()) {
                    body.put("references", schema.references());
                }
                return body;
            }
            if (n == 4) {
                switch (path.get(3)) {
                    case "schema":
                        return json.readTree(store.schemaById(id).schema());
                    case "versions":
                        return page(store.versionsOf(id, flag(exchange, "deleted")).stream()
                                .map(v -> Map.of("subject", v.subject(), "version", v.version())).toList(), exchange);
                    case "subjects":
                        return page(store.versionsOf(id, flag(exchange, "deleted")).stream()
                                .map(SchemaStore.SchemaVersion::subject).distinct().toList(), exchange);
                    default:
                        break;
                }
            }
        }
        throw RegistryException.notFound("HTTP 404 Not Found");
    }

    private Object mode(String method, List<String> path, HttpExchange exchange) throws IOException {
        if (path.size() > 2) {
            throw RegistryException.notFound("HTTP 404 Not Found");
        }
        String subject = path.size() == 2 ? path.get(1) : null;
        switch (method) {
            case "GET" -> {
                return Map.of("mode", store.mode(subject, flag(exchange, "defaultToGlobal")));
            }
            case "PUT" -> {
                JsonNode mode = readBody(exchange).get("mode");
                return Map.of("mode", store.setMode(subject, mode == null || mode.isNull() ? null : mode.asText()));
            }
            case "DELETE" -> {
                if (subject == null) {
                    throw RegistryException.methodNotAllowed();
                }
                return Map.of("mode", store.deleteMode(subject));
            }
            default -> throw RegistryException.methodNotAllowed();
        }
    }

    /** Confluent's {@code /v1/metadata/id}: the Kafka cluster's id and the registry's group id. */
    private Map<String, Object> clusterId() {
        Map<String, Object> clusters = new LinkedHashMap<>();
        clusters.put("kafka-cluster", store.kafkaClusterId());
        clusters.put("schema-registry-cluster", "schema-registry");
        Map<String, Object> scope = new LinkedHashMap<>();
        scope.put("path", List.of());
        scope.put("clusters", clusters);
        return Map.of("scope", scope);
    }

    /** Confluent's {@code offset} / {@code limit} paging of list answers (a negative limit: all). */
    private static <T> List<T> page(List<T> items, HttpExchange exchange) {
        int offset = intParameter(exchange, "offset", 0);
        int limit = intParameter(exchange, "limit", -1);
        return items.stream().skip(Math.max(0, offset)).limit(limit < 0 ? Long.MAX_VALUE : limit).toList();
    }

    private static int intParameter(HttpExchange exchange, String name, int fallback) {
        String value = queryParameter(exchange, name);
        try {
            return value == null || value.isEmpty() ? fallback : Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw RegistryException.badRequest("query parameter " + name + " must be a number, got '" + value + "'");
        }
    }

    private Object subjects(String method, List<String> path, HttpExchange exchange) throws IOException {
        int n = path.size();
        if (n == 1) {
            require(method, "GET");
            String prefix = queryParameter(exchange, "subjectPrefix");
            return store.subjects(flag(exchange, "deleted")).stream()
                    .filter(s -> prefix == null || s.startsWith(prefix)).toList();
        }
        String subject = path.get(1);
        if (n == 2) {
            if (method.equals("DELETE")) {
                return store.deleteSubject(subject, flag(exchange, "permanent"));
            }
            require(method, "POST");
            SchemaRequest request = schemaOf(exchange);
            return versionBody(store.lookup(subject, request.schema(), request.references()));
        }
        if (!path.get(2).equals("versions")) {
            throw RegistryException.notFound("HTTP 404 Not Found");
        }
        if (n == 3) {
            if (method.equals("POST")) {
                SchemaRequest request = schemaOf(exchange);
                return Map.of("id", store.register(subject, request.schema(), request.references()));
            }
            require(method, "GET");
            return store.versions(subject, flag(exchange, "deleted"));
        }
        if (n == 4) {
            if (method.equals("DELETE")) {
                return store.deleteVersion(subject, path.get(3), flag(exchange, "permanent"));
            }
            require(method, "GET");
            return versionBody(store.version(subject, path.get(3), flag(exchange, "deleted")));
        }
        if (n == 5 && path.get(4).equals("schema")) {
            require(method, "GET");
            return json.readTree(store.version(subject, path.get(3), flag(exchange, "deleted")).schema());
        }
        if (n == 5 && path.get(4).equals("referencedby")) {
            require(method, "GET");
            return page(store.referencedBy(subject, path.get(3), flag(exchange, "deleted")), exchange);
        }
        throw RegistryException.notFound("HTTP 404 Not Found");
    }

    private Object config(String method, List<String> path, HttpExchange exchange) throws IOException {
        if (path.size() == 1) {
            if (method.equals("PUT")) {
                CompatibilityLevel level = levelOf(exchange);
                store.setGlobalLevel(level);
                return Map.of("compatibility", level.name());
            }
            require(method, "GET");
            return Map.of("compatibilityLevel", store.globalLevel().name());
        }
        if (path.size() == 2) {
            String subject = path.get(1);
            switch (method) {
                case "PUT" -> {
                    CompatibilityLevel level = levelOf(exchange);
                    store.setSubjectLevel(subject, level);
                    return Map.of("compatibility", level.name());
                }
                case "DELETE" -> {
                    return Map.of("compatibilityLevel", store.deleteSubjectLevel(subject).name());
                }
                case "GET" -> {
                    // as Confluent: the subject's own level; the global one only when asked to fall back
                    CompatibilityLevel level = flag(exchange, "defaultToGlobal") ? store.level(subject)
                            : store.subjectLevel(subject)
                                    .orElseThrow(() -> RegistryException.subjectLevelCompatibilityNotConfigured(subject));
                    return Map.of("compatibilityLevel", level.name());
                }
                default -> throw RegistryException.methodNotAllowed();
            }
        }
        throw RegistryException.notFound("HTTP 404 Not Found");
    }

    private static Map<String, Object> versionBody(SchemaStore.SchemaVersion v) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("subject", v.subject());
        body.put("version", v.version());
        body.put("id", v.id());
        body.put("schema", v.schema());
        if (!v.references().isEmpty()) {
            body.put("references", v.references());
        }
        return body;
    }

    private static Map<String, Object> error(int code, String message) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error_code", code);
        body.put("message", message);
        return body;
    }

    /** A request's schema text and Confluent schema references. */
    private record SchemaRequest(String schema, List<SchemaReference> references) {
    }

    /** The "schema" and "references" of a request body; only Avro schemas are supported. */
    private SchemaRequest schemaOf(HttpExchange exchange) throws IOException {
        JsonNode body = readBody(exchange);
        String type = body.path("schemaType").asText("AVRO");
        if (!type.equalsIgnoreCase("AVRO")) {
            throw RegistryException.invalidSchema("of type " + type + ": this registry supports AVRO only");
        }
        JsonNode schema = body.get("schema");
        if (schema == null || !schema.isTextual()) {
            throw RegistryException.invalidSchema("Empty schema");
        }
        return new SchemaRequest(schema.asText(), SchemaStore.references(body.get("references")));
    }

    private CompatibilityLevel levelOf(HttpExchange exchange) throws IOException {
        JsonNode level = readBody(exchange).get("compatibility");
        return CompatibilityLevel.parse(level == null || level.isNull() ? null : level.asText());
    }

    private JsonNode readBody(HttpExchange exchange) throws IOException {
        try (InputStream in = exchange.getRequestBody()) {
            byte[] bytes = in.readAllBytes();
            if (bytes.length == 0) {
                throw RegistryException.badRequest("Request body is missing");
            }
            JsonNode node = json.readTree(bytes);
            if (node == null || !node.isObject()) {
                throw RegistryException.badRequest("Request body must be a JSON object");
            }
            return node;
        }
    }

    private static void require(String method, String expected) {
        if (!method.equals(expected)) {
            throw RegistryException.methodNotAllowed();
        }
    }

    private static int parseId(String id) {
        try {
            return Integer.parseInt(id);
        } catch (NumberFormatException e) {
            throw RegistryException.notFound("HTTP 404 Not Found");
        }
    }

    /** Path segments, percent-decoded one by one so a subject may contain an encoded '/'. */
    private static List<String> segments(HttpExchange exchange) {
        String raw = exchange.getRequestURI().getRawPath();
        List<String> segments = new ArrayList<>();
        for (String segment : raw.split("/")) {
            if (!segment.isEmpty()) {
                segments.add(URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8));
            }
        }
        return segments;
    }

    /** A boolean query parameter such as {@code permanent=true}; absent or anything else is false. */
    private static boolean flag(HttpExchange exchange, String name) {
        return "true".equalsIgnoreCase(queryParameter(exchange, name));
    }

    private static String queryParameter(HttpExchange exchange, String name) {
        String query = exchange.getRequestURI().getRawQuery();
        if (query == null) {
            return null;
        }
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            String key = eq < 0 ? pair : pair.substring(0, eq);
            if (key.equals(name)) {
                return eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            }
        }
        return null;
    }

    /** Answers in Confluent's media type unless the client asked for plain JSON only. */
    private static String responseType(HttpExchange exchange) {
        String accept = exchange.getRequestHeaders().getFirst("Accept");
        if (accept != null && accept.contains("application/json") && !accept.contains("schemaregistry")
                && !accept.contains("*/*")) {
            return "application/json";
        }
        return CONTENT_TYPE;
    }

    @Override
    public String toString() {
        return "EmbeddedSchemaRegistry[" + url + "]";
    }
}
