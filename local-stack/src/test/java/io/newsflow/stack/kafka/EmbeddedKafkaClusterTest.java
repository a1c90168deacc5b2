package io.newsflow.stack.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newsflow.stack.LocalStack;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/** {@code newsflow stack --brokers 3}: a real three-node KRaft cluster in one JVM, and its ports. */
class EmbeddedKafkaClusterTest {

    @Test
    void shouldRunThreeBrokersWithTheRegistryAndSurviveOneStopped() throws Exception {
        try (LocalStack stack = LocalStack.start(null, 3, 0, 0, 0, List.of())) {
            EmbeddedKafka kafka = stack.kafka();
            assertThat(kafka.brokers()).isEqualTo(3);
            assertThat(kafka.bootstrapServers().split(",")).hasSize(3);
            Set<Integer> all = new HashSet<>(kafka.ports());
            all.addAll(kafka.controllerPorts());
            assertThat(all).as("six different ports").hasSize(6);

            // the registry works and keeps its schemas replicated three times
            HttpResponse<String> register = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            URI.create(stack.schemaRegistryUrl() + "/subjects/t-value/versions"))
                    .header("Content-Type", "application/vnd.schemaregistry.v1+json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"schema\":\"\\\"string\\\"\"}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(register.statusCode()).as(register.body()).isEqualTo(200);
            try (Admin admin = kafka.admin()) {
                TopicDescription schemas = admin.describeTopics(List.of("_schemas")).allTopicNames()
                        .get(60, TimeUnit.SECONDS).get("_schemas");
                assertThat(schemas.partitions().get(0).replicas()).hasSize(3);
                admin.createTopics(List.of(new NewTopic("replicated", 3, (short) 3))).all().get(60, TimeUnit.SECONDS);
            }

            // when broker 2 stops, acks=all writes go on; when it comes back, it rejoins
            kafka.stopBroker(2);
            send(kafka, "while-one-is-down");
            kafka.startBroker(2);
            try (Admin admin = kafka.admin()) {
                assertThat(admin.describeCluster().nodes().get(60, TimeUnit.SECONDS)).hasSize(3);
            }
            send(kafka, "after-restart");
        }
    }

    @Test
    void shouldUseFixedClientAndControllerPortsWhenAskedAndRefuseATakenOne() throws Exception {
        int base;
        int controllerBase;
        try (ServerSocket a = new ServerSocket(0, 1, InetAddress.getByName("localhost"));
             ServerSocket b = new ServerSocket(0, 1, InetAddress.getByName("localhost"))) {
            base = a.getLocalPort();
            controllerBase = b.getLocalPort();
        }
        int[][] ports = EmbeddedKafka.reservePorts(3, base, controllerBase);
        assertThat(ports[0]).containsExactly(base, base + 1, base + 2);
        assertThat(ports[1]).containsExactly(controllerBase, controllerBase + 1, controllerBase + 2);

        for (int i = 0; i < 50; i++) {
            int[][] free = EmbeddedKafka.reservePorts(3, 0, controllerBase);
            Set<Integer> distinct = new HashSet<>();
            for (int[] kind : free) {
                for (int port : kind) {
                    distinct.add(port);
                }
            }
            assertThat(distinct).hasSize(6);
        }

        try (ServerSocket taken = new ServerSocket(controllerBase + 1, 1, InetAddress.getByName("localhost"))) {
            assertThatThrownBy(() -> EmbeddedKafka.reservePorts(3, 0, controllerBase))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("Kafka controller port " + (controllerBase + 1))
                    .hasMessageContaining("already in use");
        }
    }

    private static void send(EmbeddedKafka kafka, String value) throws Exception {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) Duration.ofSeconds(60).toMillis()),
                new StringSerializer(), new StringSerializer())) {
            assertThat(producer.send(new ProducerRecord<>("replicated", value, value)).get(60, TimeUnit.SECONDS).offset())
                    .isNotNegative();
        }
    }
}
