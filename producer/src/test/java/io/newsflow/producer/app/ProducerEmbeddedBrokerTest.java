package io.newsflow.producer.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.avro.RawArticle;
import io.newsflow.producer.source.ArticleFileParser;
import io.newsflow.producer.source.FolderSource;
import io.newsflow.producer.state.SentArticles;
import io.newsflow.producer.transport.ArticleProducers;
import io.newsflow.producer.transport.KafkaClusters;
import io.newsflow.producer.transport.ArticlePublisher;
import io.newsflow.schemas.Topics;
import io.newsflow.schemas.config.ClientSettings;
import io.newsflow.schemas.registry.SchemaRegistryClient;
import io.newsflow.schemas.serde.AvroDeserializer;
import io.newsflow.stack.LocalStack;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The real producer against the embedded KRaft broker and schema registry. */
class ProducerEmbeddedBrokerTest {
    static final int N = 40;
    static LocalStack stack;

    @TempDir
    Path dir;

    @BeforeAll
    static void startStack() {
        stack = LocalStack.start(null, 0, 0, List.of(new NewTopic(Topics.RAW, 3, (short) 1)));
    }

    @AfterAll
    static void stopStack() {
        if (stack != null) {
            stack.close();
        }
    }

    int produce(StringWriter out, String... args) {
        CommandLine cli = new CommandLine(new ProduceCommand(Map.of(), io.newsflow.producer.transport.ArticleProducers::create));
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(out, true));
        String[] all = new String[args.length + 4];
        all[0] = "--bootstrap-servers";
        all[1] = stack.bootstrapServers();
        all[2] = "--schema-registry-url";
        all[3] = stack.schemaRegistryUrl();
        System.arraycopy(args, 0, all, 4, args.length);
        return cli.execute(all);
    }

    @Test
    void shouldPublishEachArticleOfAFolderOnceAndNothingAgainOnARerunWithTheSameState() throws Exception {
        // given a folder of N generated articles
        Path folder = Files.createDirectories(dir.resolve("articles"));
        for (int i = 0; i < N; i++) {
            Files.writeString(folder.resolve(String.format("article-%03d.md", i)), "# Generated article " + i + "\n\n"
                    + "Body of generated article " + i + ". It reports what happened in the town on the day.\n\n"
                    + "Original url: <https://generated.example/" + i + "?utm_source=test>\n");
        }
        Path state = dir.resolve("sent.ids");
        long before = recordsOnRawTopic(); // the topic is shared with the other test

        // when published
        StringWriter first = new StringWriter();
        int exit = produce(first, "--state", state.toString(), "--quiet", folder.toString());

        // then exactly N records are on the raw topic
        assertThat(exit).as(first.toString()).isZero();
        assertThat(first.toString()).contains("sent " + N + ", skipped 0 as duplicate, failed 0");
        assertThat(recordsOnRawTopic() - before).isEqualTo(N);

        // and when run again with the same state, nothing new is sent
        StringWriter second = new StringWriter();
        assertThat(produce(second, "--state", state.toString(), "--quiet", folder.toString())).as(second.toString()).isZero();
        assertThat(second.toString()).contains("sent 0, skipped " + N + " as duplicate, failed 0");
        assertThat(recordsOnRawTopic() - before).isEqualTo(N);
    }

    @Test
    void shouldFollowAFolderPublishingEachNewFileOnceAndStopCleanlyLikeCtrlC() throws Exception {
        int n = 6;
        int m = 4;
        String outlet = "The Follow Gazette";
        Path folder = Files.createDirectories(dir.resolve("followed"));
        Path state = dir.resolve("follow.ids");
        Properties config = ClientSettings.load(null, Map.of(), Map.of(
                "bootstrap.servers", stack.bootstrapServers(), "schema.registry.url", stack.schemaRegistryUrl()));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        try (KafkaConsumer<String, RawArticle> consumer = consumerFromTheEndOfTheRawTopic()) {
            long before = endOffsetTotal(consumer);
            // given a run following an empty folder, polling every 200 ms, as `produce --follow --interval 200ms`
            ProduceRun run = new ProduceRun(ArticleProducers.create(config), SentArticles.open(state, KafkaClusters.clusterId(config, Duration.ofSeconds(30))),
                    new PrintWriter(out, true), new PrintWriter(err, true), true, ProgressBar.NONE);
            CompletableFuture<ProduceResult> result = CompletableFuture.supplyAsync(
                    () -> run.follow(List.of(new FolderSource(folder, new ArticleFileParser())), Duration.ofMillis(200)));
            List<ConsumerRecord<String, RawArticle>> received = new ArrayList<>();
            try {
                // when N files appear, then M more
                for (int i = 0; i < n; i++) {
                    addRecordFile(folder, i, outlet);
                }
                awaitRecords(consumer, received, n, out, err);
                for (int i = n; i < n + m; i++) {
                    addRecordFile(folder, i, outlet);
                }
                awaitRecords(consumer, received, n + m, out, err);
            } finally {
                // stopped as Ctrl-C stops it: the shutdown hook's own method, which waits for the summary
                run.shutdown();
            }

            // then the run ends with a summary of exactly N+M sent
            ProduceResult done = result.get(5, TimeUnit.SECONDS);
            assertThat(done).as(out + "\n" + err).isEqualTo(new ProduceResult(n + m, 0, 0, false));
            assertThat(done.exitCode()).isZero();
            assertThat(out.toString()).contains("following 1 source(s), polling every 200ms", "sent " + (n + m) + ", skipped 0 as duplicate, failed 0");
            // and exactly N+M records, one per article, are on the topic, each with its outlet as field and header
            assertThat(endOffsetTotal(consumer) - before).isEqualTo(n + m);
            assertThat(received).hasSize(n + m);
            Set<String> keys = received.stream().map(ConsumerRecord::key).collect(Collectors.toSet());
            assertThat(keys).hasSize(n + m);
            assertThat(received).allSatisfy(r -> {
                assertThat(r.key()).isEqualTo(r.value().getId());
                assertThat(r.value().getOutlet()).isEqualTo(outlet);
                assertThat(new String(r.headers().lastHeader(ArticlePublisher.OUTLET_HEADER).value(), StandardCharsets.UTF_8))
                        .isEqualTo(outlet);
            });
            assertThat(received).extracting(r -> r.value().getTitle())
                    .containsExactlyInAnyOrderElementsOf(IntStream.range(0, n + m).mapToObj(i -> "Followed article " + i).toList());
            // and every acknowledged id reached the state file, so a restart sends nothing again
            try (SentArticles reopened = SentArticles.open(state, KafkaClusters.clusterId(config, Duration.ofSeconds(30)))) {
                assertThat(reopened.size()).isEqualTo(n + m);
                assertThat(keys).allMatch(reopened::contains);
            }
        }
    }

    /** Writes a JSON record hidden (dot-name) and renames it into view, so a poll never reads it half-written. */
    private static void addRecordFile(Path folder, int i, String outlet) throws Exception {
        Path hidden = folder.resolve(String.format(".record-%03d.json", i));
        Files.writeString(hidden, "{\"url\": \"https://follow.example/" + i + "?utm_medium=feed\", \"title\": \"Followed article " + i
                + "\", \"outlet\": \"" + outlet + "\", \"body\": \"Body of followed article " + i + ", which reports what happened.\"}\n");
        Files.move(hidden, folder.resolve(String.format("record-%03d.json", i)), StandardCopyOption.ATOMIC_MOVE);
    }

    /** A consumer of the raw topic's records written from now on (the other test shares the topic). */
    private KafkaConsumer<String, RawArticle> consumerFromTheEndOfTheRawTopic() {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers());
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        SchemaRegistryClient registry = SchemaRegistryClient.fromConfig(Map.of("schema.registry.url", stack.schemaRegistryUrl()));
        KafkaConsumer<String, RawArticle> consumer = new KafkaConsumer<>(props, new StringDeserializer(),
                new AvroDeserializer<RawArticle>(RawArticle.class, registry));
        List<TopicPartition> partitions = consumer.partitionsFor(Topics.RAW).stream()
                .map(p -> new TopicPartition(p.topic(), p.partition())).collect(Collectors.toList());
        consumer.assign(partitions);
        consumer.endOffsets(partitions).forEach(consumer::seek);
        return consumer;
    }

    /** Polls until {@code received} holds {@code count} records, or fails after 10 s. */
    private static void awaitRecords(KafkaConsumer<String, RawArticle> consumer, List<ConsumerRecord<String, RawArticle>> received,
                                     int count, StringWriter out, StringWriter err) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (received.size() < count) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("expected " + count + " records on " + Topics.RAW + ", got " + received.size() + "; the run printed:\n" + out + err);
            }
            consumer.poll(Duration.ofMillis(100)).forEach(received::add);
        }
    }

    /** The sum of the end offsets of the consumer's partitions (counts records exactly: no transactions). */
    private static long endOffsetTotal(KafkaConsumer<String, RawArticle> consumer) {
        return consumer.endOffsets(consumer.assignment()).values().stream().mapToLong(Long::longValue).sum();
    }

    private long recordsOnRawTopic() {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers());
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.RAW).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).collect(Collectors.toList());
            long end = consumer.endOffsets(partitions).values().stream().mapToLong(Long::longValue).sum();
            long start = consumer.beginningOffsets(partitions).values().stream().mapToLong(Long::longValue).sum();
            return end - start;
        }
    }
}
