package io.newsflow.stack.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The embedded broker against real clients: plain produce/consume with a group, and the
 * transactional path Kafka Streams' exactly_once_v2 relies on. One broker for the class.
 */
@Timeout(60)
class EmbeddedKafkaTest {

    private static EmbeddedKafka kafka;

    @BeforeAll
    static void startBroker() {
        kafka = EmbeddedKafka.start(null, 0);
    }

    @AfterAll
    static void stopBroker() {
        if (kafka != null) {
            kafka.close();
            assertThat(kafka.dataDir()).doesNotExist();
        }
    }

    @Test
    void shouldConsumeWithAGroupWhatAnIdempotentProducerWrote() throws Exception {
        // given
        String topic = "plain-" + UUID.randomUUID();
        kafka.createTopics(topic);
        kafka.createTopics(topic); // idempotent on existing topics

        // when
        try (KafkaProducer<String, String> producer = producer(Map.of())) {
            RecordMetadata written = producer.send(new ProducerRecord<>(topic, "article-1", "hello")).get();
            assertThat(written.offset()).isZero();
        }

        // then
        List<ConsumerRecord<String, String>> records = consume(topic, "group-" + topic, "read_uncommitted", 1);
        assertThat(records).singleElement().satisfies(r -> {
            assertThat(r.key()).isEqualTo("article-1");
            assertThat(r.value()).isEqualTo("hello");
        });
    }

    @Test
    void shouldExposeOnlyCommittedTransactionsToReadCommittedConsumers() throws Exception {
        // given
        String topic = "tx-" + UUID.randomUUID();
        kafka.createTopics(topic);

        // when: one aborted and one committed transaction
        try (KafkaProducer<String, String> producer =
                     producer(Map.of(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "tx-test-" + topic))) {
            producer.initTransactions();
            producer.beginTransaction();
            producer.send(new ProducerRecord<>(topic, "k", "aborted"));
            producer.abortTransaction();
            producer.beginTransaction();
            producer.send(new ProducerRecord<>(topic, "k", "committed"));
            producer.commitTransaction();
        }

        // then
        List<ConsumerRecord<String, String>> records = consume(topic, "group-" + topic, "read_committed", 1);
        assertThat(records).extracting(ConsumerRecord::value).containsExactly("committed");
    }

    @Test
    void shouldReportItsClusterThroughAdmin() throws Exception {
        try (Admin admin = kafka.admin()) {
            assertThat(admin.describeCluster().nodes().get()).hasSize(1);
        }
        assertThat(kafka.bootstrapServers()).isEqualTo("localhost:" + kafka.port());
    }

    private static KafkaProducer<String, String> producer(Map<String, Object> extra) {
        Map<String, Object> config = new java.util.HashMap<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true));
        config.putAll(extra);
        return new KafkaProducer<>(config, new StringSerializer(), new StringSerializer());
    }

    /** Polls until {@code expected} records arrived, bounded by the deadline and by the test's @Timeout. */
    private static List<ConsumerRecord<String, String>> consume(String topic, String group, String isolation,
                                                                int expected) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, group,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, isolation);
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer =
                     new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(Set.of(topic));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (records.size() < expected && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
            consumer.commitSync();
        }
        return records;
    }
}
