package io.newsflow.producer.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.schemas.Topics;
import io.newsflow.stack.LocalStack;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
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

        // when published
        StringWriter first = new StringWriter();
        int exit = produce(first, "--state", state.toString(), "--quiet", folder.toString());

        // then exactly N records are on the raw topic
        assertThat(exit).as(first.toString()).isZero();
        assertThat(first.toString()).contains("sent " + N + ", skipped 0 as duplicate, failed 0");
        assertThat(recordsOnRawTopic()).isEqualTo(N);

        // and when run again with the same state, nothing new is sent
        StringWriter second = new StringWriter();
        assertThat(produce(second, "--state", state.toString(), "--quiet", folder.toString())).as(second.toString()).isZero();
        assertThat(second.toString()).contains("sent 0, skipped " + N + " as duplicate, failed 0");
        assertThat(recordsOnRawTopic()).isEqualTo(N);
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
