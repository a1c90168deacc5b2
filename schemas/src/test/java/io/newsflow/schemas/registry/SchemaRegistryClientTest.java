package io.newsflow.schemas.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import io.newsflow.avro.RawArticle;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.avro.Schema;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The client against a scripted HTTP server that answers as Confluent's registry does. */
class SchemaRegistryClientTest {
    private HttpServer server;
    private final List<String> requests = Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger failuresBeforeSuccess = new AtomicInteger();

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getRawPath();
            requests.add(exchange.getRequestMethod() + " " + path + " " + exchange.getRequestHeaders().getFirst("Content-Type"));
            int status;
            String body;
            if (failuresBeforeSuccess.getAndDecrement() > 0) {
                status = 503;
                body = "{\"error_code\":50003,\"message\":\"Error while forwarding the request to the primary\"}";
            } else if (path.equals("/subjects/news.articles.raw-value/versions")) {
                status = 200;
                body = "{\"id\":7}";
            } else if (path.equals("/schemas/ids/7")) {
                status = 200;
                body = "{\"schema\":" + new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(RawArticle.getClassSchema().toString()) + "}";
            } else {
                status = 404;
                body = "{\"error_code\":40403,\"message\":\"Schema 99 not found\"}";
            }
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/vnd.schemaregistry.v1+json");
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private SchemaRegistryClient client() {
        return new SchemaRegistryClient("http://127.0.0.1:" + server.getAddress().getPort(), 3, Duration.ofMillis(10));
    }

    @Test
    void shouldRegisterUnderSubjectWithRegistryContentTypeAndCacheTheId() {
        SchemaRegistryClient client = client();

        int first = client.register("news.articles.raw-value", RawArticle.getClassSchema());
        int second = client.register("news.articles.raw-value", RawArticle.getClassSchema());

        assertThat(first).isEqualTo(7).isEqualTo(second);
        assertThat(requests).containsExactly(
                "POST /subjects/news.articles.raw-value/versions application/vnd.schemaregistry.v1+json");
    }

    @Test
    void shouldFetchByIdOnceAndParseTheSchema() {
        SchemaRegistryClient client = client();

        Schema schema = client.getById(7);
        client.getById(7);

        assertThat(schema).isEqualTo(RawArticle.getClassSchema());
        assertThat(requests).hasSize(1);
    }

    @Test
    void shouldMapRegistryErrorToExceptionWithCodeAndId() {
        assertThatThrownBy(() -> client().getById(99))
                .isInstanceOf(SchemaRegistryException.class)
                .hasMessageContaining("schema id 99")
                .hasMessageContaining("40403")
                .satisfies(e -> assertThat(((SchemaRegistryException) e).errorCode()).isEqualTo(40403));
    }

    @Test
    void shouldRetryServerErrorsWithBackoff() {
        failuresBeforeSuccess.set(2);

        assertThat(client().getById(7)).isNotNull();
        assertThat(requests).hasSize(3);
    }

    @Test
    void shouldGiveUpAfterMaxAttemptsNamingTheSubject() {
        failuresBeforeSuccess.set(10);

        assertThatThrownBy(() -> client().register("news.articles.raw-value", RawArticle.getClassSchema()))
                .isInstanceOf(SchemaRegistryException.class)
                .hasMessageContaining("news.articles.raw-value")
                .hasMessageContaining("50003");
        assertThat(requests).hasSize(3);
    }

    @Test
    void shouldReportUnreachableRegistryClearly() {
        SchemaRegistryClient client = new SchemaRegistryClient("http://127.0.0.1:1", 1, Duration.ofMillis(1));

        assertThatThrownBy(() -> client.getById(1))
                .isInstanceOf(SchemaRegistryException.class)
                .hasMessageContaining("unreachable")
                .hasMessageContaining("schema id 1");
    }
}
