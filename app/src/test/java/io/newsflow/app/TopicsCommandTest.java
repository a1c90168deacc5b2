package io.newsflow.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.schemas.Topics;
import io.newsflow.stack.LocalStack;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import picocli.CommandLine;

/** {@code newsflow topics create|describe} on the real embedded broker (one broker: RF 1, min ISR 1). */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TopicsCommandTest {
    static LocalStack stack;
    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();

    @BeforeAll
    static void start() {
        stack = LocalStack.start();
    }

    @AfterAll
    static void stop() {
        stack.close();
    }

    int run(String... args) {
        CommandLine cli = new CommandLine(new TopicsCommand(Map.of()));
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        String[] all = new String[args.length + 2];
        System.arraycopy(args, 0, all, 0, args.length);
        all[args.length] = "--bootstrap-servers";
        all[args.length + 1] = stack.bootstrapServers();
        return cli.execute(all);
    }

    @Test
    @Order(1)
    void shouldReportMissingTopicsBeforeTheyAreCreated() {
        assertThat(run("describe")).isEqualTo(1);
        assertThat(out.toString()).contains("news.articles.raw        MISSING (delete, retention 7d)")
                .contains("news.gazetteer           MISSING (compact)")
                .contains("6 of 6 topics missing or different from the spec (6 partitions, replication factor 1, min.insync.replicas 1)");
    }

    @Test
    @Order(2)
    void shouldCreateEveryTopicWithTheSpecAndBeIdempotent() throws Exception {
        assertThat(run("create", "--retention", "news.articles.dlq=60d")).as(err.toString()).isZero();
        assertThat(out.toString()).contains("6 created, 0 existed, 0 differ from the spec");

        try (Admin admin = stack.kafka().admin()) {
            Map<String, TopicDescription> topics = admin.describeTopics(Topics.ALL).allTopicNames().get(60, TimeUnit.SECONDS);
            assertThat(topics.values()).allSatisfy(t -> assertThat(t.partitions()).hasSize(6));
            ConfigResource dlq = new ConfigResource(ConfigResource.Type.TOPIC, Topics.DLQ);
            ConfigResource gazetteer = new ConfigResource(ConfigResource.Type.TOPIC, Topics.GAZETTEER);
            var configs = admin.describeConfigs(List.of(dlq, gazetteer)).all().get(60, TimeUnit.SECONDS);
            assertThat(configs.get(dlq).get(TopicConfig.RETENTION_MS_CONFIG).value()).isEqualTo(Long.toString(60L * 24 * 3600 * 1000));
            assertThat(configs.get(gazetteer).get(TopicConfig.CLEANUP_POLICY_CONFIG).value()).isEqualTo("compact");
        }

        out.getBuffer().setLength(0);
        assertThat(run("create")).isEqualTo(1); // the DLQ now keeps 60 days where the default spec says 30
        assertThat(out.toString()).contains("0 created, 6 existed, 1 differ from the spec")
                .contains("news.articles.dlq        6 partitions, RF 1, min.insync.replicas 1, delete, retention 30d"
                        + "  DIFFERS: retention.ms 5184000000, expected 2592000000");
    }

    @Test
    @Order(3)
    void shouldShowWhatAnOperatorChangedAgainstTheSpec() throws Exception {
        try (Admin admin = stack.kafka().admin()) {
            admin.incrementalAlterConfigs(Map.of(new ConfigResource(ConfigResource.Type.TOPIC, Topics.RAW),
                    List.of(new AlterConfigOp(new ConfigEntry(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, "1"), AlterConfigOp.OpType.SET),
                            new AlterConfigOp(new ConfigEntry(TopicConfig.RETENTION_MS_CONFIG, "3600000"), AlterConfigOp.OpType.SET))))
                    .all().get(60, TimeUnit.SECONDS);
            admin.createTopics(List.of(new NewTopic("unrelated", 1, (short) 1))).all().get(60, TimeUnit.SECONDS);
            // a config change reaches the broker's metadata a moment after the alter returns: wait for it
            ConfigResource raw = new ConfigResource(ConfigResource.Type.TOPIC, Topics.RAW);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (!"3600000".equals(admin.describeConfigs(List.of(raw)).all().get(60, TimeUnit.SECONDS).get(raw)
                    .get(TopicConfig.RETENTION_MS_CONFIG).value()) && System.nanoTime() < deadline) {
                TimeUnit.MILLISECONDS.sleep(100); // polling the broker's state with a deadline
            }
        }

        assertThat(run("describe", "--retention", "news.articles.dlq=60d")).isEqualTo(1);

        assertThat(out.toString()).contains("news.articles.raw        6 partitions, RF 1, min.insync.replicas 1, delete,"
                + " retention 7d  DIFFERS: retention.ms 3600000, expected 604800000")
                .contains("1 of 6 topics missing or different from the spec")
                .doesNotContain("unrelated");
        out.getBuffer().setLength(0);
        assertThat(run("describe", "--partitions", "12", "--retention", "news.articles.raw=1h",
                "--retention", "news.articles.dlq=60d")).isEqualTo(1);
        assertThat(out.toString()).contains("partitions 6, expected 12");
    }

    @Test
    @Order(4)
    void shouldRefuseSettingsTheClusterCannotHold() {
        assertThat(run("create", "--replication-factor", "3")).isEqualTo(2);
        assertThat(err.toString()).contains("replication factor 3 needs at least 3 brokers; the cluster has 1");
        assertThat(run("describe", "--retention", "news.gazetteer=7d")).isEqualTo(2);
        assertThat(err.toString()).contains("news.gazetteer is compacted");
    }
}
