package io.newsflow.schemas.registry;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import javax.net.ssl.SSLContext;

/**
 * A JDK HTTP(S) server that replays recorded registry responses in order and records what the
 * client sent, so tests can assert the request (method, path, headers, body) and the parsed result.
 */
final class ReplayServer implements AutoCloseable {
    /** One request as the client sent it. */
    record Request(String method, String pathAndQuery, String contentType, String accept, String authorization, String body) {
    }

    /** A recorded response. */
    record Response(int status, String body) {
    }

    private final HttpServer server;
    private final Deque<Response> responses = new ArrayDeque<>();
    final List<Request> requests = Collections.synchronizedList(new ArrayList<>());

    private ReplayServer(HttpServer server) {
        this.server = server;
        server.createContext("/", this::handle);
        server.start();
    }

    static ReplayServer http() throws IOException {
        return new ReplayServer(HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0));
    }

    static ReplayServer https(SSLContext context) throws IOException {
        HttpsServer server = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(context));
        return new ReplayServer(server);
    }

    ReplayServer answer(int status, String body) {
        synchronized (responses) {
            responses.add(new Response(status, body));
        }
        return this;
    }

    String url() {
        String scheme = server instanceof HttpsServer ? "https" : "http";
        return scheme + "://127.0.0.1:" + server.getAddress().getPort();
    }

    Request only() {
        if (requests.size() != 1) {
            throw new AssertionError("expected exactly one request, got " + requests);
        }
        return requests.get(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        String query = exchange.getRequestURI().getRawQuery();
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        requests.add(new Request(exchange.getRequestMethod(),
                exchange.getRequestURI().getRawPath() + (query == null ? "" : "?" + query),
                exchange.getRequestHeaders().getFirst("Content-Type"),
                exchange.getRequestHeaders().getFirst("Accept"),
                exchange.getRequestHeaders().getFirst("Authorization"),
                body.isEmpty() ? null : body));
        Response response;
        synchronized (responses) {
            response = responses.isEmpty() ? new Response(500, "{\"error_code\":50001,\"message\":\"no recorded response left\"}")
                    : responses.poll();
        }
        byte[] bytes = response.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/vnd.schemaregistry.v1+json");
        exchange.sendResponseHeaders(response.status(), bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            exchange.getResponseBody().write(bytes);
        }
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
