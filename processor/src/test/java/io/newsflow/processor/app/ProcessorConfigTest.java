package io.newsflow.processor.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newsflow.processor.topology.errors.DeadLetterDeserializationExceptionHandler;
import io.newsflow.processor.topology.errors.DeadLetterProcessingExceptionHandler;
import io.newsflow.processor.topology.errors.DeadLetterProductionExceptionHandler;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProcessorConfigTest {
    @TempDir
    Path dir;

    @Test
    void shouldApplyDefaultsWhenNothingIsGiven() {
        Properties props = ProcessorConfig.load(null, Map.of(), Map.of());

        assertThat(props.getProperty("application.id")).isEqualTo("newsflow-processor");
        assertThat(props.getProperty("bootstrap.servers")).isEqualTo("localhost:9092");
        assertThat(props.getProperty("schema.registry.url")).isEqualTo("http://localhost:8081");
        assertThat(props.getProperty("processing.guarantee")).isEqualTo("exactly_once_v2");
        assertThat(props.getProperty("commit.interval.ms")).isEqualTo("100");
        assertThat(props.getProperty("state.dir")).startsWith(System.getProperty("java.io.tmpdir"));
        assertThat(props.getProperty(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG))
                .isEqualTo(DeadLetterDeserializationExceptionHandler.class.getName());
        assertThat(props.getProperty(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG))
                .isEqualTo(DeadLetterProcessingExceptionHandler.class.getName());
        assertThat(props.getProperty(StreamsConfig.PRODUCTION_EXCEPTION_HANDLER_CLASS_CONFIG))
                .isEqualTo(DeadLetterProductionExceptionHandler.class.getName());
        new StreamsConfig(props); // Streams accepts it as it is
    }

    @Test
    void shouldLetStreamsBuildTheDeadLetterHandlersFromTheSameProperties() {
        StreamsConfig config = new StreamsConfig(ProcessorConfig.load(null, Map.of(), Map.of()));

        assertThat(config.deserializationExceptionHandler()).isInstanceOf(DeadLetterDeserializationExceptionHandler.class);
        assertThat(config.processingExceptionHandler()).isInstanceOf(DeadLetterProcessingExceptionHandler.class);
        assertThat(config.productionExceptionHandler()).isInstanceOf(DeadLetterProductionExceptionHandler.class);
    }

    @Test
    void shouldLetFileOverrideDefaults() throws IOException {
        Path file = file("bootstrap.servers=file:9092\ncommit.interval.ms=1000\nnum.stream.threads=2\n");

        Properties props = ProcessorConfig.load(file, Map.of(), Map.of());

        assertThat(props.getProperty("bootstrap.servers")).isEqualTo("file:9092");
        assertThat(props.getProperty("commit.interval.ms")).isEqualTo("1000");
        assertThat(props.getProperty("num.stream.threads")).isEqualTo("2");
        assertThat(props.getProperty("schema.registry.url")).isEqualTo("http://localhost:8081");
    }

    @Test
    void shouldLetEnvironmentOverrideFile() throws IOException {
        Path file = file("bootstrap.servers=file:9092\nschema.registry.url=http://file:8081\n");

        Properties props = ProcessorConfig.load(file,
                Map.of("KAFKA_BOOTSTRAP_SERVERS", "env:9092", "SCHEMA_REGISTRY_URL", "http://env:8081"), Map.of());

        assertThat(props.getProperty("bootstrap.servers")).isEqualTo("env:9092");
        assertThat(props.getProperty("schema.registry.url")).isEqualTo("http://env:8081");
    }

    @Test
    void shouldPreferNewsflowVariablesOverGenericOnes() {
        Properties props = ProcessorConfig.load(null, Map.of(
                "KAFKA_BOOTSTRAP_SERVERS", "kafka:9092", "NEWSFLOW_BOOTSTRAP_SERVERS", "newsflow:9092",
                "SCHEMA_REGISTRY_URL", "http://generic:8081", "NEWSFLOW_SCHEMA_REGISTRY_URL", "http://newsflow:8081"),
                Map.of());

        assertThat(props.getProperty("bootstrap.servers")).isEqualTo("newsflow:9092");
        assertThat(props.getProperty("schema.registry.url")).isEqualTo("http://newsflow:8081");
    }

    @Test
    void shouldLetFlagsOverrideEnvironmentAndIgnoreUnsetFlags() throws IOException {
        Path file = file("bootstrap.servers=file:9092\nschema.registry.url=http://file:8081\n");
        Map<String, String> flags = new HashMap<>();
        flags.put("bootstrap.servers", "flag:9092");
        flags.put("schema.registry.url", null); // flag not given

        Properties props = ProcessorConfig.load(file,
                Map.of("KAFKA_BOOTSTRAP_SERVERS", "env:9092", "SCHEMA_REGISTRY_URL", "http://env:8081"), flags);

        assertThat(props.getProperty("bootstrap.servers")).isEqualTo("flag:9092");
        assertThat(props.getProperty("schema.registry.url")).isEqualTo("http://env:8081");
    }

    @Test
    void shouldIgnoreBlankEnvironmentVariables() {
        Properties props = ProcessorConfig.load(null, Map.of("KAFKA_BOOTSTRAP_SERVERS", "  "), Map.of());

        assertThat(props.getProperty("bootstrap.servers")).isEqualTo("localhost:9092");
    }

    @Test
    void shouldFailClearlyOnAMissingFile() {
        assertThatThrownBy(() -> ProcessorConfig.load(dir.resolve("nope.properties"), Map.of(), Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("config file not found")
                .hasMessageContaining("nope.properties");
    }

    @Test
    void shouldHideSecretsWhenRedacted() {
        Properties props = new Properties();
        props.setProperty("sasl.jaas.config", "org.apache.kafka.common.security.plain.PlainLoginModule required password=\"s3cret\";");
        props.setProperty("ssl.truststore.password", "s3cret");
        props.setProperty("bootstrap.servers", "broker:9092");

        String text = ProcessorConfig.redacted(props);

        assertThat(text).doesNotContain("s3cret").contains("bootstrap.servers=broker:9092").contains("ssl.truststore.password=[hidden]");
    }

    private Path file(String content) throws IOException {
        Path file = dir.resolve("processor.properties");
        Files.writeString(file, content);
        return file;
    }
}
