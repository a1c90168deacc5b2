package io.newsflow.ops;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.avro.DeadLetter;
import io.newsflow.ops.dlq.DeadLetterReplay;
import io.newsflow.schemas.Topics;
import io.newsflow.schemas.registry.SchemaRegistryClient;
import io.newsflow.schemas.serde.AvroSerializer;
import io.newsflow.stack.LocalStack;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code dlq replay} on the real embedded broker and registry: dead letters as the processor
 * writes them (DeadLetter in the Confluent wire format, keyed by the original key, with the
 * original headers), some not replayable, one unreadable; the replayed records are read back
 * from their source topic byte for byte.
 */
class DeadLetterReplayEmbeddedBrokerTest {
    static final Instant T0 = Instant.parse("2025-06-01T12:00:00Z");
    static LocalStack stack;

    @BeforeAll
    static void startStackAndWriteDeadLetters() throws Exception {
        stack = SharedStack.get();
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", stack.bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(Topics.DLQ, 1, (short) 1), new NewTopic(Topics.RAW, 2, (short) 1)))
                    .all().get(30, TimeUnit.SECONDS);
        }
        AvroSerializer<DeadLetter> serializer = new AvroSerializer<>(new SchemaRegistryClient(stack.schemaRegistryUrl()), false);
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(Map.of("bootstrap.servers", stack.bootstrapServers()),
                new ByteArraySerializer(), new ByteArraySerializer())) {
            // 0: a PROCESS failure of an article (fixed since), with the raw record's header
            send(producer, serializer, letter("PROCESS", Topics.RAW, "article-1", "raw bytes one", T0.plusSeconds(60)),
                    "outlet", "The Harbour Gazette");
            // 1: a DESERIALIZE failure (the registry was down)
            send(producer, serializer, letter("DESERIALIZE", Topics.RAW, "article-2", "raw bytes two", T0.plusSeconds(120)), null, null);
            // 2: an old PROCESS failure, before --since
            send(producer, serializer, letter("PROCESS", Topics.RAW, "article-0", "raw bytes zero", T0.minusSeconds(3600)), null, null);
            // 3: a gazetteer entry: compacted, never replayed
            send(producer, serializer, letter("PROCESS", Topics.GAZETTEER, "nf:org:x", "entry bytes", T0.plusSeconds(180)), null, null);
            // 4: not a DeadLetter at all
            producer.send(new ProducerRecord<>(Topics.DLQ, "junk".getBytes(StandardCharsets.UTF_8),
                    "not avro".getBytes(StandardCharsets.UTF_8))).get(30, TimeUnit.SECONDS);
        }
    }

    private static DeadLetter letter(String stage, String source, String key, String value, Instant failedAt) {
        return DeadLetter.newBuilder().setStage(stage).setError("invented failure").setErrorClass("java.lang.IllegalStateException")
                .setSourceTopic(source).setSourcePartition(0).setSourceOffset(7L)
                .setOriginalKey(ByteBuffer.wrap(key.getBytes(StandardCharsets.UTF_8)))
                .setOriginalValue(ByteBuffer.wrap(value.getBytes(StandardCharsets.UTF_8)))
                .setFailedAt(failedAt).build();
    }

    private static void send(KafkaProducer<byte[], byte[]> producer, AvroSerializer<DeadLetter> serializer, DeadLetter letter,
                             String header, String headerValue) throws Exception {
        RecordHeaders headers = new RecordHeaders();
        if (header != null) {
            headers.add(header, headerValue.getBytes(StandardCharsets.UTF_8));
        }
        byte[] key = letter.getOriginalKey().array();
        producer.send(new ProducerRecord<>(Topics.DLQ, null, T0.toEpochMilli(), key, serializer.serialize(Topics.DLQ, letter), headers))
                .get(30, TimeUnit.SECONDS);
    }

    private static List<ConsumerRecord<byte[], byte[]>> rawRecords() {
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of("bootstrap.servers", stack.bootstrapServers(),
                "isolation.level", "read_committed"), new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = List.of(new TopicPartition(Topics.RAW, 0), new TopicPartition(Topics.RAW, 1));
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (partitions.stream().anyMatch(tp -> consumer.position(tp) < ends.get(tp)) && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
            return records;
        }
    }

    @Test
    void shouldListWhatItWouldReplayAndSendNothingOnADryRun() {
        int before = rawRecords().size();

        OpsCli.Run run = OpsCli.run(stack, "dlq", "replay", "--dry-run");

        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).contains("would replay news.articles.dlq/0@0 (PROCESS").contains("key article-1")
                .contains("would replay news.articles.dlq/0@1 (DESERIALIZE")
                .contains("would replay news.articles.dlq/0@2 (PROCESS")
                .contains("not replayed news.articles.dlq/0@3").contains("news.gazetteer is compacted")
                .contains("dry run: would replay 3 of 5 dead letter(s)");
        assertThat(run.err()).contains("unreadable dead letter at news.articles.dlq/0@4");
        assertThat(rawRecords()).hasSize(before);
    }

    @Test
    void shouldRepublishTheOriginalBytesAndHeadersOfTheSelectedLettersToTheirSourceTopic() {
        int before = rawRecords().size();

        OpsCli.Run run = OpsCli.run(stack, "dlq", "replay", "--stage", "process", "--since", "2025-06-01T12:00:00Z");

        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).containsPattern("replayed news.articles.dlq/0@0 \\(PROCESS.*\\) -> news.articles.raw/\\d@\\d+")
                .contains("replayed 1 of 5 dead letter(s)").contains("0 failed to send");
        List<ConsumerRecord<byte[], byte[]>> raw = rawRecords();
        assertThat(raw).hasSize(before + 1);
        ConsumerRecord<byte[], byte[]> replayed = raw.stream()
                .filter(r -> r.headers().lastHeader(DeadLetterReplay.REPLAY_HEADER) != null
                        && new String(r.headers().lastHeader(DeadLetterReplay.REPLAY_HEADER).value(), StandardCharsets.UTF_8)
                        .equals("news.articles.dlq/0@0"))
                .findFirst().orElseThrow();
        assertThat(new String(replayed.key(), StandardCharsets.UTF_8)).isEqualTo("article-1");
        assertThat(new String(replayed.value(), StandardCharsets.UTF_8)).isEqualTo("raw bytes one");
        assertThat(new String(replayed.headers().lastHeader("outlet").value(), StandardCharsets.UTF_8)).isEqualTo("The Harbour Gazette");
        assertThat(replayed.timestamp()).isEqualTo(T0.toEpochMilli());
    }
}
