package io.newsflow.app;

import io.newsflow.avro.EnrichedArticle;
import io.newsflow.consumer.format.RecordFormatter;
import io.newsflow.consumer.transport.KafkaSubscribers;
import io.newsflow.consumer.transport.NewsTopic;
import io.newsflow.consumer.transport.TopicSubscriber;
import io.newsflow.processor.app.ProcessorApp;
import io.newsflow.processor.app.ProcessorConfig;
import io.newsflow.processor.enrich.ArticleEnricher;
import io.newsflow.producer.app.ProduceCommand;
import io.newsflow.producer.app.ProduceResult;
import io.newsflow.producer.source.ArticleFileParser;
import io.newsflow.producer.source.BundledSamples;
import io.newsflow.producer.transport.ArticleProducers;
import io.newsflow.schemas.serde.SerdeConfig;
import io.newsflow.stack.LocalStack;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.streams.StreamsConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The whole pipeline on one machine with only a JDK: starts the embedded broker and schema
 * registry, runs the processor, publishes the bundled sample articles through the producer,
 * reads {@code news.articles.enriched} through the consumer and prints each article's entities
 * and figures, then stops everything and exits 0 (1 when an article did not come through).
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Run the pipeline end to end on an embedded broker and registry with the bundled samples.")
public final class DemoCommand implements Callable<Integer> {

    @Option(names = "--timeout", defaultValue = "120",
            description = "Seconds to wait for the enriched articles (default: ${DEFAULT-VALUE}).")
    long timeoutSeconds;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
        PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);

        out.println("== Loading the enrichment (gazetteer and dictionaries)");
        ArticleEnricher enricher = ArticleEnricher.loadDefault();

        out.println("== Starting an embedded Kafka broker (KRaft) and schema registry");
        Path stateDir = Files.createTempDirectory("newsflow-demo-streams");
        try (LocalStack stack = LocalStack.start()) {
            out.println("   bootstrap.servers=" + stack.bootstrapServers());
            out.println("   schema.registry.url=" + stack.schemaRegistryUrl());

            Map<String, String> flags = new LinkedHashMap<>();
            flags.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers());
            flags.put(SerdeConfig.SCHEMA_REGISTRY_URL, stack.schemaRegistryUrl());
            flags.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
            Properties processorConfig = ProcessorConfig.load(null, Map.of(), flags);

            out.println("== Starting the processor (Kafka Streams, exactly_once_v2)");
            try (ProcessorApp processor = new ProcessorApp(processorConfig, enricher)) {
                processor.startAndAwaitRunning(Duration.ofSeconds(timeoutSeconds));

                Properties clientConfig = new Properties();
                clientConfig.putAll(flags);
                clientConfig.remove(StreamsConfig.STATE_DIR_CONFIG);

                out.println("== Publishing the bundled sample articles to news.articles.raw");
                ProduceResult sent = ProduceCommand.publish(List.of(new BundledSamples(new ArticleFileParser())),
                        ArticleProducers.create(withClientId(clientConfig, "newsflow-demo-producer")), out, err);
                if (sent.sent() == 0) {
                    err.println("demo: no sample article could be published");
                    return 1;
                }

                out.println("== Reading news.articles.enriched");
                int seen = 0;
                try (TopicSubscriber<EnrichedArticle> subscriber = KafkaSubscribers.subscriber(NewsTopic.ENRICHED,
                        KafkaSubscribers.consumerConfig(withClientId(clientConfig, "newsflow-demo-consumer"), null, true))) {
                    TopicSubscriber.RunResult result = subscriber.run(record -> {
                        out.println();
                        out.println(RecordFormatter.formatEnriched(record.value()));
                    }, sent.sent(), Duration.ofSeconds(timeoutSeconds));
                    seen = (int) result.records();
                }
                out.println();
                if (seen < sent.sent()) {
                    err.println("demo: only " + seen + " of " + sent.sent() + " articles came through within "
                            + timeoutSeconds + " s");
                    return 1;
                }
                out.println("== " + seen + " article(s) enriched; stopping the processor, registry and broker");
            }
        } finally {
            deleteQuietly(stateDir);
        }
        out.println("== Done");
        return 0;
    }

    private static Properties withClientId(Properties base, String clientId) {
        Properties p = new Properties();
        p.putAll(base);
        p.put(CommonClientConfigs.CLIENT_ID_CONFIG, clientId);
        return p;
    }

    private static void deleteQuietly(Path dir) {
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (Exception ignored) {
            // a leftover temp dir is harmless
        }
    }
}
