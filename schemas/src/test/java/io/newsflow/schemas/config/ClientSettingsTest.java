package io.newsflow.schemas.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClientSettingsTest {
    @TempDir
    Path dir;

    @Test
    void shouldTakeFlagsOverEnvironmentOverFileOverDefaults() throws Exception {
        Path file = dir.resolve("client.properties");
        Files.writeString(file, "bootstrap.servers=file:9092\nschema.registry.url=http://file:8081\nacks=1\n");

        Properties fromFile = ClientSettings.load(file, Map.of(), null, null);
        Properties fromEnv = ClientSettings.load(file, Map.of("KAFKA_BOOTSTRAP_SERVERS", "env:9092"), null, " ");
        Properties fromFlags = ClientSettings.load(file, Map.of("KAFKA_BOOTSTRAP_SERVERS", "env:9092"), "flag:9092", null);

        assertThat(fromFile.getProperty("bootstrap.servers")).isEqualTo("file:9092");
        assertThat(fromFile.getProperty("acks")).isEqualTo("1");
        assertThat(fromEnv.getProperty("bootstrap.servers")).isEqualTo("env:9092");
        assertThat(fromEnv.getProperty("schema.registry.url")).isEqualTo("http://file:8081");
        assertThat(fromFlags.getProperty("bootstrap.servers")).isEqualTo("flag:9092");
    }

    @Test
    void shouldDefaultToALocalBrokerAndRegistry() throws Exception {
        Properties props = ClientSettings.load(null, Map.of(), null, null);

        assertThat(props.getProperty("bootstrap.servers")).isEqualTo("localhost:9092");
        assertThat(props.getProperty("schema.registry.url")).isEqualTo("http://localhost:8081");
    }
}
