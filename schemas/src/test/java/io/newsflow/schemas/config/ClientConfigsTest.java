package io.newsflow.schemas.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.schemas.registry.SchemaRegistryClient;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** What an operator sets once reaches every client a command builds. */
class ClientConfigsTest {
    private static Properties secured() {
        Properties settings = ClientSettings.load(null, Map.of(), Map.of());
        settings.setProperty("security.protocol", "SASL_SSL");
        settings.setProperty("sasl.mechanism", "SCRAM-SHA-512");
        settings.setProperty("sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"u\" password=\"p\";");
        settings.setProperty("ssl.truststore.location", "/etc/newsflow/truststore.jks");
        settings.setProperty("ssl.truststore.password", "p");
        settings.setProperty("schema.registry.url", "https://registry:8081");
        settings.setProperty("basic.auth.credentials.source", "USER_INFO");
        settings.setProperty("basic.auth.user.info", "svc:p");
        settings.setProperty("newsflow.gazetteer.geonames", "/data/cities500.zip");
        return settings;
    }

    @Test
    void shouldPassSecuritySettingsToProducerConsumerAndAdmin() {
        Properties settings = secured();

        for (Map<String, Object> client : new Map[] {ClientConfigs.producer(settings), ClientConfigs.consumer(settings),
                ClientConfigs.admin(settings)}) {
            assertThat(client).containsEntry("bootstrap.servers", "localhost:9092")
                    .containsEntry("security.protocol", "SASL_SSL")
                    .containsEntry("sasl.mechanism", "SCRAM-SHA-512")
                    .containsKey("sasl.jaas.config")
                    .containsEntry("ssl.truststore.location", "/etc/newsflow/truststore.jks")
                    .containsEntry("ssl.truststore.password", "p")
                    .doesNotContainKeys("schema.registry.url", "basic.auth.user.info", "newsflow.gazetteer.geonames");
        }
    }

    @Test
    void shouldLetAPrefixedSettingReachOnlyItsClient() {
        Properties settings = secured();
        settings.setProperty("acks", "1");
        settings.setProperty("producer.acks", "all");
        settings.setProperty("consumer.max.poll.records", "10");

        assertThat(ClientConfigs.producer(settings)).containsEntry("acks", "all").doesNotContainKey("max.poll.records");
        assertThat(ClientConfigs.consumer(settings)).containsEntry("max.poll.records", "10").doesNotContainKey("acks");
        assertThat(ClientConfigs.admin(settings)).doesNotContainKeys("acks", "max.poll.records");
    }

    @Test
    void shouldGiveTheRegistryClientItsBasicAuth() {
        SchemaRegistryClient registry = ClientConfigs.registry(secured());

        assertThat(registry.baseUrl()).isEqualTo("https://registry:8081");
        assertThat(registry.config().hasBasicAuth()).isTrue();
    }
}
