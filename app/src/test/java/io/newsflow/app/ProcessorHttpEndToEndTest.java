package io.newsflow.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsflow.avro.EnrichedArticle;
import io.newsflow.avro.RawArticle;
import io.newsflow.consumer.transport.NewsTopic;
import io.newsflow.observability.http.ServiceHttpServer;
import io.newsflow.observability.metrics.ServiceMetrics;
import io.newsflow.processor.app.ProcessorApp;
import io.newsflow.processor.app.ProcessorConfig;
import io.newsflow.processor.enrich.ArticleEnricher;
import io.newsflow.processor.http.ProcessorHttpServer;
import io.newsflow.producer.source.ArticleFileParser;
import io.newsflow.producer.transport.ArticleProducers;
import io.newsflow.producer.transport.ArticlePublisher;
import io.newsflow.schemas.serde.SerdeConfig;
import io.newsflow.stack.LocalStack;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The processor's HTTP surface on the real broker: not ready before its Streams client runs,
 * ready once it runs with the gazetteer restored, and its metrics count what it did.
 */
class ProcessorHttpEndToEndTest {
    private static final Duration DEADLINE = Duration.ofSeconds(90);
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path stateDir;

    @Test
    void shouldAnswerReadyOnlyWhenRunningAndCountEnrichedArticlesInMetrics() throws Exception {
        try (LocalStack stack = LocalStack.start();
             ServiceMetrics metrics = ServiceMetrics.create("processor")) {
            Properties props = ProcessorConfig.load(null, Map.of(), Map.of(
                    CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers(),
                    SerdeConfig.SCHEMA_REGISTRY_URL, stack.schemaRegistryUrl(),
                    StreamsConfig.STATE_DIR_CONFIG, stateDir.toString()));
            try (ProcessorApp app = new ProcessorApp(props, ArticleEnricher.loadFresh(), metrics.registry());
                 ServiceHttpServer http = ProcessorHttpServer.start(0, app, metrics)) {
                // given the server is up before the Streams client starts: alive, not ready, with the reason
                assertThat(get(http, "/health/live").statusCode()).isEqualTo(200);
                HttpResponse<String> starting = get(http, "/health/ready");
                assertThat(starting.statusCode()).isEqualTo(503);
                assertThat(JSON.readTree(starting.body()).get("reason").asText())
                        .contains("streams: CREATED").contains("gazetteer: news.gazetteer not restored yet");

                // when it runs
                app.startAndAwaitRunning(DEADLINE);

                // then it is ready, the gazetteer restored
                HttpResponse<String> ready = get(http, "/health/ready");
                assertThat(ready.statusCode()).as(ready.body()).isEqualTo(200);
                JsonNode checks = JSON.readTree(ready.body()).get("checks");
                assertThat(checks.at("/streams/detail").asText()).isEqualTo("RUNNING");
                assertThat(checks.at("/gazetteer/detail").asText()).startsWith("news.gazetteer restored");

                // and an enriched article is counted, with its enrichment time, next to Kafka Streams' own metrics
                RawArticle article = new ArticleFileParser().parseText("""
                        # Shelling in Kharkiv

                        At least 3 people were killed in Kharkiv on Monday, officials said.
                        """, "http-metrics-test");
                Properties client = new Properties();
                client.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers());
                client.put(SerdeConfig.SCHEMA_REGISTRY_URL, stack.schemaRegistryUrl());
                try (ArticlePublisher publisher = new ArticlePublisher(ArticleProducers.create(client))) {
                    publisher.publish(article);
                }
                EnrichedArticle enriched = TopicReader.first(client, NewsTopic.ENRICHED,
                        a -> a.getId().equals(article.getId()), DEADLINE);
                assertThat(enriched.getCasualties()).isNotEmpty();
                String scrape = get(http, "/metrics").body();
                assertThat(scrape)
                        .contains("newsflow_articles_enriched_total{service=\"processor\"} 1.0")
                        .contains("newsflow_enrichment_seconds_count{service=\"processor\"} 1")
                        .contains("newsflow_enrichment_seconds_bucket{service=\"processor\",le=\"2.0\"} 1")
                        .contains("newsflow_enrichment_truncated_total{cause=\"length\",service=\"processor\"} 0.0")
                        .contains("newsflow_gazetteer_entries{service=\"processor\"} 0.0")
                        .contains("kafka_stream_thread_")
                        .contains("jvm_memory_used_bytes");
            }
        }
    }

    private static HttpResponse<String> get(ServiceHttpServer http, String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(http.url() + path)).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
