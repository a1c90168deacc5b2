package io.newsflow.consumer.transport;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.schemas.serde.SerdeConfig;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.junit.jupiter.api.Test;

class KafkaSubscribersTest {

    static Properties base() {
        Properties props = new Properties();
        props.setProperty(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, "localhost:1");
        props.setProperty(SerdeConfig.SCHEMA_REGISTRY_URL, "http://localhost:1");
        return props;
    }

    @Test
    void shouldReadFromTheBeginningInAFreshGroupThatCommitsNothing() {
        Properties props = KafkaSubscribers.consumerConfig(base(), null, true);

        assertThat(props.getProperty(ConsumerConfig.GROUP_ID_CONFIG)).startsWith(KafkaSubscribers.FRESH_GROUP_PREFIX);
        assertThat(props).containsEntry(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest")
                .containsEntry(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false")
                .containsEntry(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        assertThat(KafkaSubscribers.consumerConfig(base(), null, true).getProperty(ConsumerConfig.GROUP_ID_CONFIG))
                .isNotEqualTo(props.getProperty(ConsumerConfig.GROUP_ID_CONFIG));
    }

    @Test
    void shouldKeepAGivenGroupAndCommitItsOffsets() {
        Properties props = KafkaSubscribers.consumerConfig(base(), "alerts", false);

        assertThat(props).containsEntry(ConsumerConfig.GROUP_ID_CONFIG, "alerts")
                .containsEntry(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest")
                .containsEntry(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "true")
                .containsEntry(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    }

    @Test
    void shouldBuildARealKafkaConsumerWithoutABroker() {
        Properties props = KafkaSubscribers.consumerConfig(base(), null, false);

        try (var consumer = KafkaSubscribers.createConsumer(NewsTopic.ENRICHED, props)) {
            assertThat(consumer).isNotNull();
        }
    }
}
