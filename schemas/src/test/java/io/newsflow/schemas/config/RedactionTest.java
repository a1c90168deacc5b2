package io.newsflow.schemas.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Properties;
import org.junit.jupiter.api.Test;

class RedactionTest {
    @Test
    void shouldHideEveryKafkaPasswordAndJaasConfig() {
        Properties props = new Properties();
        props.setProperty("sasl.jaas.config",
                "org.apache.kafka.common.security.plain.PlainLoginModule required username=\"u\" password=\"s3cret\";");
        props.setProperty("ssl.truststore.password", "s3cret");
        props.setProperty("ssl.keystore.password", "s3cret");
        props.setProperty("ssl.key.password", "s3cret");
        props.setProperty("producer.ssl.keystore.password", "s3cret");
        props.setProperty("bootstrap.servers", "broker:9092");
        props.setProperty("security.protocol", "SASL_SSL");

        String text = Redaction.redacted(props);

        assertThat(text).doesNotContain("s3cret")
                .contains("bootstrap.servers=broker:9092")
                .contains("security.protocol=SASL_SSL")
                .contains("ssl.truststore.password=[hidden]")
                .contains("producer.ssl.keystore.password=[hidden]");
    }

    @Test
    void shouldHideTheRegistrysCredentials() {
        Properties props = new Properties();
        props.setProperty("basic.auth.user.info", "svc:s3cret");
        props.setProperty("schema.registry.basic.auth.user.info", "svc:s3cret");
        props.setProperty("schema.registry.ssl.truststore.password", "s3cret");
        props.setProperty("schema.registry.url", "https://svc:s3cret@registry:8081,https://svc:s3cret@registry2:8081");

        String text = Redaction.redacted(props);

        assertThat(text).doesNotContain("s3cret")
                .contains("schema.registry.url=https://[hidden]@registry:8081,https://[hidden]@registry2:8081");
    }

    @Test
    void shouldShowOrdinarySettingsAsTheyAre() {
        assertThat(Redaction.isSecret("bootstrap.servers")).isFalse();
        assertThat(Redaction.isSecret("ssl.truststore.location")).isFalse();
        assertThat(Redaction.isSecret("sasl.mechanism")).isFalse();
        assertThat(Redaction.redact("schema.registry.url", "http://registry:8081")).isEqualTo("http://registry:8081");
    }

    @Test
    void shouldHideSecretsByName() {
        assertThat(Redaction.isSecret("newsflow.api.token")).isTrue();
        assertThat(Redaction.isSecret("some.client.secret")).isTrue();
        assertThat(Redaction.isSecret("ssl.keystore.key")).isTrue();
        assertThat(Redaction.isSecret("sasl.oauthbearer.client.credentials.client.secret")).isTrue();
    }
}
