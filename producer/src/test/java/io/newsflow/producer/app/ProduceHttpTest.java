package io.newsflow.producer.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.avro.RawArticle;
import io.newsflow.observability.http.ServiceHttpServer;
import io.newsflow.observability.metrics.ServiceMetrics;
import io.newsflow.producer.source.ArticleFileParser;
import io.newsflow.producer.source.FolderSource;
import io.newsflow.producer.state.SentArticles;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.MockProducer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code produce --follow --http-port}: health and metrics of a following producer. */
class ProduceHttpTest {
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    Path dir;

    @Test
    void shouldBeReadyAfterTheFirstPassAndCountPublishedArticles() throws Exception {
        // given a folder of two articles, followed by a run whose health and metrics are served
        Path folder = Files.createDirectories(dir.resolve("in"));
        Files.writeString(folder.resolve("a1.md"), "# Article one\n\nThe first body.\n");
        Files.writeString(folder.resolve("a2.md"), "# Article two\n\nThe second body.\n");
        MockProducer<String, RawArticle> producer = ProduceCommandSourcesTest.newProducer();
        StringWriter out = new StringWriter();
        try (ServiceMetrics metrics = ServiceMetrics.create("producer")) {
            ProduceRun run = new ProduceRun(producer, SentArticles.inMemory(), new PrintWriter(out, true),
                    new PrintWriter(new StringWriter(), true), true, ProgressBar.NONE, metrics.registry(),
                    io.newsflow.schemas.serde.RecordSizes.MAX_ARTICLE_BYTES);
            try (ServiceHttpServer http = ServiceHttpServer.builder().health(run.health()).metrics(metrics).start()) {
                assertThat(get(http, "/health/ready").statusCode()).isEqualTo(503);

                // when it follows the folder
                CompletableFuture<ProduceResult> result = CompletableFuture.supplyAsync(
                        () -> run.follow(List.of(new FolderSource(folder, new ArticleFileParser())), Duration.ofMillis(200)));

                // then it becomes ready, and the published articles are counted
                HttpResponse<String> ready = awaitStatus(http, "/health/ready", 200);
                assertThat(ready.body()).contains("following; last pass");
                assertThat(get(http, "/health/live").statusCode()).isEqualTo(200);
                assertThat(get(http, "/metrics").body())
                        .contains("newsflow_articles_published_total{service=\"producer\"} 2.0")
                        .contains("newsflow_articles_failed_total{service=\"producer\"} 0.0");
                run.stop();
                assertThat(result.get(30, TimeUnit.SECONDS).sent()).isEqualTo(2);
            }
        }
    }

    @Test
    void shouldRefuseAnHttpPortOutOfRange() {
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(new ProduceCommand(Map.of(), config -> ProduceCommandSourcesTest.newProducer()));
        cli.setErr(new PrintWriter(err, true));

        int code = cli.execute("--http-port", "70000", "--no-state", dir.toString());

        assertThat(code).isEqualTo(ProduceResult.USAGE);
        assertThat(err.toString()).contains("--http-port must be 0..65535, not 70000");
    }

    private static HttpResponse<String> awaitStatus(ServiceHttpServer http, String path, int status) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        HttpResponse<String> last = get(http, path);
        while (last.statusCode() != status && System.nanoTime() < deadline) {
            TimeUnit.MILLISECONDS.sleep(50);
            last = get(http, path);
        }
        assertThat(last.statusCode()).as(last.body()).isEqualTo(status);
        return last;
    }

    private static HttpResponse<String> get(ServiceHttpServer http, String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(http.url() + path)).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
