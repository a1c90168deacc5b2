package io.newsflow.ops;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.stack.LocalStack;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code lag} and {@code offsets skip} on the real embedded broker: groups with committed offsets
 * made by real consumers, a transactional topic for the markers, an active member for the refusal.
 */
class GroupToolsEmbeddedBrokerTest {
    private static final Duration DEADLINE = Duration.ofSeconds(60);
    static LocalStack stack;
    static Admin admin;

    @BeforeAll
    static void connect() {
        stack = SharedStack.get();
        admin = Admin.create(Map.of("bootstrap.servers", stack.bootstrapServers()));
    }

    @AfterAll
    static void closeAdmin() {
        if (admin != null) {
            admin.close();
        }
    }

    private static String topic(int partitions) throws Exception {
        String name = "ops." + UUID.randomUUID().toString().substring(0, 8);
        admin.createTopics(List.of(new NewTopic(name, partitions, (short) 1))).all().get(30, TimeUnit.SECONDS);
        return name;
    }

    private static void produce(String topic, int partition, int count) {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of("bootstrap.servers", stack.bootstrapServers()),
                new StringSerializer(), new StringSerializer())) {
            for (int i = 0; i < count; i++) {
                producer.send(new ProducerRecord<>(topic, partition, "k" + i, "v" + i));
            }
            producer.flush();
        }
    }

    private static KafkaConsumer<String, String> consumer(String group) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        return new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer());
    }

    /** What a consumer of the group commits after handling records: the offset of the next one. */
    private static void commit(String group, Map<TopicPartition, Long> offsets) {
        try (KafkaConsumer<String, String> consumer = consumer(group)) {
            consumer.assign(offsets.keySet());
            Map<TopicPartition, OffsetAndMetadata> commits = new java.util.HashMap<>();
            offsets.forEach((tp, o) -> commits.put(tp, new OffsetAndMetadata(o)));
            consumer.commitSync(commits);
        }
    }

    private static Optional<String[]> row(String out, String group, String topic, int partition) {
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(group) + "\\s+" + Pattern.quote(topic) + "\\s+" + partition
                + "\\s+(\\S+)\\s+(\\S+)\\s+(\\S+)\\s*(.*)$").matcher(out);
        return m.find() ? Optional.of(new String[] {m.group(1), m.group(2), m.group(3), m.group(4).trim()}) : Optional.empty();
    }

    private static long committed(String group, TopicPartition tp) throws Exception {
        OffsetAndMetadata om = admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get(30, TimeUnit.SECONDS).get(tp);
        return om == null ? -1 : om.offset();
    }

    @Test
    void shouldShowCommittedEndAndLagOfEveryPartitionOfAGroup() throws Exception {
        // given a topic of 3 partitions holding 10, 5 and 0 records, and a group that read 4 and 5 of them
        String topic = topic(3);
        produce(topic, 0, 10);
        produce(topic, 1, 5);
        String group = "lag-" + topic;
        commit(group, Map.of(new TopicPartition(topic, 0), 4L, new TopicPartition(topic, 1), 5L));

        // when
        OpsCli.Run run = OpsCli.run(stack, "lag", "--group", group);

        // then
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(row(run.out(), group, topic, 0)).get().satisfies(r -> assertThat(r).startsWith("4", "10", "6"));
        assertThat(row(run.out(), group, topic, 1)).get().satisfies(r -> assertThat(r).startsWith("5", "5", "0"));
        assertThat(row(run.out(), group, topic, 2)).get().satisfies(r -> assertThat(r).containsExactly("-", "0", "-", "no commit"));
        assertThat(run.out()).contains("# " + group + ":").contains("total lag 6").contains("1 partition(s) never committed");
    }

    @Test
    void shouldCountNeitherTransactionMarkersNorAnOpenTransactionAsLag() throws Exception {
        // given a transactional topic: 3 records and their commit marker; a group that read the 3 records
        String topic = topic(1);
        TopicPartition tp = new TopicPartition(topic, 0);
        String group = "lag-tx-" + topic;
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of("bootstrap.servers", stack.bootstrapServers(),
                ProducerConfig.TRANSACTIONAL_ID_CONFIG, "ops-test-" + topic), new StringSerializer(), new StringSerializer())) {
            producer.initTransactions();
            producer.beginTransaction();
            for (int i = 0; i < 3; i++) {
                producer.send(new ProducerRecord<>(topic, 0, "k" + i, "v" + i));
            }
            producer.commitTransaction();
            commit(group, Map.of(tp, 3L));

            // when the group is behind by the marker only, then lag is 0
            OpsCli.Run markers = OpsCli.run(stack, "lag", "--group", group);
            assertThat(markers.exit()).as(markers.err()).isZero();
            assertThat(row(markers.out(), group, topic, 0)).get()
                    .satisfies(r -> assertThat(r).containsExactly("3", "4", "0", "transaction markers only"));

            // when a transaction is open, its records are not yet readable: still 0
            producer.beginTransaction();
            producer.send(new ProducerRecord<>(topic, 0, "k3", "v3"));
            producer.send(new ProducerRecord<>(topic, 0, "k4", "v4"));
            producer.flush();
            OpsCli.Run open = OpsCli.run(stack, "lag", "--group", group);
            assertThat(row(open.out(), group, topic, 0)).get()
                    .satisfies(r -> assertThat(r).containsExactly("3", "4", "0", "transaction markers only"));

            // when it commits, its two records are lag (counted in offsets, the markers included)
            producer.commitTransaction();
            OpsCli.Run committed = OpsCli.run(stack, "lag", "--group", group);
            assertThat(row(committed.out(), group, topic, 0)).get()
                    .satisfies(r -> assertThat(r).startsWith("3", "7", "4"));
        }
    }

    @Test
    void shouldExitThreeForAGroupTheClusterDoesNotKnow() {
        OpsCli.Run run = OpsCli.run(stack, "lag", "--group", "no-such-group");

        assertThat(run.exit()).isEqualTo(3);
        assertThat(run.err()).contains("no consumer group 'no-such-group'");
    }

    @Test
    void shouldMoveACommittedOffsetPastThePoisonRecordOnlyWhenTheGroupIsStopped() throws Exception {
        // given a group stuck at offset 3 of a partition of 10 records, with a member still running
        String topic = topic(1);
        TopicPartition tp = new TopicPartition(topic, 0);
        produce(topic, 0, 10);
        String group = "skip-" + topic;
        commit(group, Map.of(tp, 3L));
        try (KafkaConsumer<String, String> member = consumer(group)) {
            member.subscribe(List.of(topic));
            long end = System.nanoTime() + DEADLINE.toNanos();
            while (member.assignment().isEmpty() && System.nanoTime() < end) {
                member.poll(Duration.ofMillis(200));
            }
            assertThat(member.assignment()).as("the member joined").isNotEmpty();

            // when skip is asked while it runs, then it is refused and nothing changes
            OpsCli.Run refused = OpsCli.run(stack, "offsets", "skip", "--group", group, "--topic", topic,
                    "--partition", "0", "--offset", "3");
            assertThat(refused.exit()).isEqualTo(3);
            assertThat(refused.err()).contains("active member").contains("stop every instance");
        }
        assertThat(committed(group, tp)).isEqualTo(3);

        // when the group is stopped: a dry run changes nothing, the skip moves it to 4
        OpsCli.Run dry = OpsCli.run(stack, "offsets", "skip", "--group", group, "--topic", topic, "--partition", "0",
                "--offset", "3", "--dry-run");
        assertThat(dry.exit()).as(dry.err()).isZero();
        assertThat(dry.out()).contains("dry run").contains("committed 3 -> 4");
        assertThat(committed(group, tp)).isEqualTo(3);

        OpsCli.Run skipped = OpsCli.run(stack, "offsets", "skip", "--group", group, "--topic", topic, "--partition", "0",
                "--offset", "3");
        assertThat(skipped.exit()).as(skipped.err()).isZero();
        assertThat(skipped.out()).contains("committed 3 -> 4 (record 3 skipped)");
        assertThat(committed(group, tp)).isEqualTo(4);

        // and a record further on is refused without --force, since 4 and 5 would be skipped too
        OpsCli.Run further = OpsCli.run(stack, "offsets", "skip", "--group", group, "--topic", topic, "--partition", "0",
                "--offset", "6");
        assertThat(further.exit()).isEqualTo(3);
        assertThat(further.err()).contains("would skip records 4..6");
        OpsCli.Run forced = OpsCli.run(stack, "offsets", "skip", "--group", group, "--topic", topic, "--partition", "0",
                "--offset", "6", "--force");
        assertThat(forced.exit()).as(forced.err()).isZero();
        assertThat(committed(group, tp)).isEqualTo(7);
    }

    @Test
    void shouldRefuseAnOffsetThatIsNotInThePartition() throws Exception {
        String topic = topic(1);
        produce(topic, 0, 2);
        String group = "skip-range-" + topic;
        commit(group, Map.of(new TopicPartition(topic, 0), 1L));

        OpsCli.Run run = OpsCli.run(stack, "offsets", "skip", "--group", group, "--topic", topic, "--partition", "0",
                "--offset", "5");

        assertThat(run.exit()).isEqualTo(3);
        assertThat(run.err()).contains("offset 5 is not in " + topic + "-0 (its records span 0..1)");
    }
}
