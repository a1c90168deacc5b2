package io.newsflow.observability.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.Counter;
import io.newsflow.observability.health.CheckResult;
import io.newsflow.observability.health.Health;
import io.newsflow.observability.metrics.ServiceMetrics;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The server a service runs for its operators and its other packages: health, metrics, added
 * routes and static files, on a real port.
 */
class ServiceHttpServerTest {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private static final ObjectMapper JSON = new ObjectMapper();

    private ServiceHttpServer server;
    private ServiceMetrics metrics;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
        if (metrics != null) {
            metrics.close();
        }
    }

    @Test
    void shouldAnswerReadyOnlyWhenEveryCheckIsUpAndSayWhyNot() throws Exception {
        // given a readiness check that is down while "starting"
        AtomicReference<CheckResult> streams = new AtomicReference<>(CheckResult.down("REBALANCING"));
        Health health = new Health()
                .addLiveness("jvm", () -> CheckResult.up("ok"))
                .addReadiness("streams", streams::get);
        server = ServiceHttpServer.builder().port(0).health(health).start();

        // then live is 200 but ready is 503 with the reason in JSON
        assertThat(get("/health/live").statusCode()).isEqualTo(200);
        HttpResponse<String> notReady = get("/health/ready");
        assertThat(notReady.statusCode()).isEqualTo(503);
        assertThat(notReady.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).contains("json"));
        JsonNode body = JSON.readTree(notReady.body());
        assertThat(body.get("status").asText()).isEqualTo("DOWN");
        assertThat(body.get("reason").asText()).isEqualTo("streams: REBALANCING");
        assertThat(body.at("/checks/jvm/status").asText()).isEqualTo("UP");

        // when the check comes up, ready is 200
        streams.set(CheckResult.up("RUNNING"));
        HttpResponse<String> ready = get("/health/ready");
        assertThat(ready.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(ready.body()).at("/checks/streams/detail").asText()).isEqualTo("RUNNING");
    }

    @Test
    void shouldReportAThrowingCheckAsDownWithItsError() throws Exception {
        Health health = new Health().addLiveness("broken", () -> {
            throw new IllegalStateException("no state yet");
        });
        server = ServiceHttpServer.builder().health(health).start();

        HttpResponse<String> live = get("/health/live");
        assertThat(live.statusCode()).isEqualTo(503);
        assertThat(JSON.readTree(live.body()).get("reason").asText())
                .isEqualTo("broken: the check failed: IllegalStateException: no state yet");
    }

    @Test
    void shouldServeTheRegistryInPrometheusTextWithJvmMeters() throws Exception {
        // given a counter registered by the service's own code
        metrics = ServiceMetrics.create("test");
        Counter enriched = Counter.builder("newsflow.articles.enriched").register(metrics.registry());
        enriched.increment(3);
        server = ServiceHttpServer.builder().metrics(metrics).start();

        HttpResponse<String> scrape = get("/metrics");

        assertThat(scrape.statusCode()).isEqualTo(200);
        assertThat(scrape.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/plain"));
        assertThat(scrape.body())
                .contains("newsflow_articles_enriched_total{service=\"test\"} 3.0")
                .contains("jvm_memory_used_bytes")
                .contains("jvm_gc_")
                .contains("process_uptime_seconds");
    }

    @Test
    void shouldServeRoutesAndStaticFilesAddedByOtherPackages() throws Exception {
        // given an API group and a dashboard folder, as the processor's /api and dashboard would add them
        HttpRoutes api = routes -> routes.get("/api/echo/{word}", ctx -> ctx.json(Map.of("word", ctx.pathParam("word"))));
        server = ServiceHttpServer.builder()
                .routes(api)
                .staticFiles("/test-dashboard", "/")
                .start();

        HttpResponse<String> echo = get("/api/echo/kyiv");
        assertThat(echo.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(echo.body()).get("word").asText()).isEqualTo("kyiv");
        HttpResponse<String> page = get("/");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("newsflow test dashboard");
        // the server's own paths still answer next to the files at /
        assertThat(get("/health/live").statusCode()).isEqualTo(200);
        assertThat(get("/no/such/thing").statusCode()).isEqualTo(404);
    }

    @Test
    void shouldAnswerA500WithJsonWhenAnAddedRouteFails() throws Exception {
        server = ServiceHttpServer.builder()
                .routes(routes -> routes.get("/api/boom", ctx -> {
                    throw new IllegalArgumentException("bad key");
                }))
                .start();

        HttpResponse<String> boom = get("/api/boom");

        assertThat(boom.statusCode()).isEqualTo(500);
        assertThat(JSON.readTree(boom.body()).get("error").asText()).isEqualTo("IllegalArgumentException: bad key");
    }

    @Test
    void shouldKeepJavalinsOwnStatusExceptionsForAddedRoutes() throws Exception {
        // an /api handler that answers "no such key" the Javalin way must not become a 500
        server = ServiceHttpServer.builder()
                .routes(routes -> routes.get("/api/stories/{id}", ctx -> {
                    throw new io.javalin.http.NotFoundResponse("no story " + ctx.pathParam("id"));
                }))
                .start();

        assertThat(get("/api/stories/x1").statusCode()).isEqualTo(404);
    }

    @Test
    void shouldRefuseATakenPortNamingIt() {
        server = ServiceHttpServer.builder().start();
        int taken = server.port();

        assertThatThrownBy(() -> ServiceHttpServer.builder().port(taken).start())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(":" + taken)
                .hasMessageContaining("--http-port");
    }

    private HttpResponse<String> get(String path) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(server.url() + path)).timeout(Duration.ofSeconds(30)).build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
