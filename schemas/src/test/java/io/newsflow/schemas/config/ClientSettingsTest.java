package io.newsflow.schemas.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The one precedence of every command: defaults &lt; file &lt; environment &lt; flags. */
class ClientSettingsTest {
    @TempDir
    Path dir;

    @Test
    void shouldTakeFlagsOverEnvironmentOverFileOverDefaults() throws Exception {
        Path file = file("bootstrap.servers=file:9092\nschema.registry.url=http://file:8081\nacks=1\n");

        Properties fromFile = ClientSettings.load(file, Map.of(), Map.of());
        Properties fromEnv = ClientSettings.load(file, Map.of("KAFKA_BOOTSTRAP_SERVERS", "env:9092"),
                flags("schema.registry.url", " "));
        Properties fromFlags = ClientSettings.load(file, Map.of("KAFKA_BOOTSTRAP_SERVERS", "env:9092"),
                flags("bootstrap.servers", "flag:9092"));

        assertThat(fromFile.getProperty("bootstrap.servers")).isEqualTo("file:9092");
        assertThat(fromFile.getProperty("acks")).isEqualTo("1");
        assertThat(fromEnv.getProperty("bootstrap.servers")).isEqualTo("env:9092");
        assertThat(fromEnv.getProperty("schema.registry.url")).isEqualTo("http://file:8081");
        assertThat(fromFlags.getProperty("bootstrap.servers")).isEqualTo("flag:9092");
    }

    @Test
    void shouldDefaultToALocalBrokerAndRegistry() {
        Properties props = ClientSettings.load(null, Map.of(), Map.of());

        assertThat(props.getProperty("bootstrap.servers")).isEqualTo("localhost:9092");
        assertThat(props.getProperty("schema.registry.url")).isEqualTo("http://localhost:8081");
    }

    @Test
    void shouldLetEnvironmentOverrideFile() throws IOException {
        Path file = file("bootstrap.servers=file:9092\nschema.registry.url=http://file:8081\n");

        Properties props = ClientSettings.load(file,
                Map.of("KAFKA_BOOTSTRAP_SERVERS", "env:9092", "SCHEMA_REGISTRY_URL", "http://env:8081"), Map.of());

        assertThat(props.getProperty("bootstrap.servers")).isEqualTo("env:9092");
        assertThat(props.getProperty("schema.registry.url")).isEqualTo("http://env:8081");
    }

    @Test
    void shouldPreferNewsflowVariablesOverGenericOnes() {
        Properties props = ClientSettings.load(null, Map.of(
                "KAFKA_BOOTSTRAP_SERVERS", "kafka:9092", "NEWSFLOW_BOOTSTRAP_SERVERS", "newsflow:9092",
                "SCHEMA_REGISTRY_URL", "http://generic:8081", "NEWSFLOW_SCHEMA_REGISTRY_URL", "http://newsflow:8081"),
                Map.of());

        assertThat(props.getProperty("bootstrap.servers")).isEqualTo("newsflow:9092");
        assertThat(props.getProperty("schema.registry.url")).isEqualTo("http://newsflow:8081");
    }

    @Test
    void shouldLetFlagsOverrideEnvironmentAndIgnoreUnsetFlags() throws IOException {
        Path file = file("bootstrap.servers=file:9092\nschema.registry.url=http://file:8081\n");
        Map<String, String> flags = flags("bootstrap.servers", "flag:9092");
        flags.put("schema.registry.url", null); // flag not given

        Properties props = ClientSettings.load(file,
                Map.of("KAFKA_BOOTSTRAP_SERVERS", "env:9092", "SCHEMA_REGISTRY_URL", "http://env:8081"), flags);

        assertThat(props.getProperty("bootstrap.servers")).isEqualTo("flag:9092");
        assertThat(props.getProperty("schema.registry.url")).isEqualTo("http://env:8081");
    }

    @Test
    void shouldIgnoreBlankEnvironmentVariables() {
        Properties props = ClientSettings.load(null, Map.of("KAFKA_BOOTSTRAP_SERVERS", "  "), Map.of());

        assertThat(props.getProperty("bootstrap.servers")).isEqualTo("localhost:9092");
    }

    @Test
    void shouldMapEveryPropertyVariableOfTheRegistry() {
        for (EnvVars.EnvVar variable : EnvVars.ALL) {
            if (variable.property() == null) {
                continue;
            }
            Properties props = ClientSettings.load(null, Map.of(variable.name(), "from-" + variable.name()), Map.of());

            assertThat(props.getProperty(variable.property())).as(variable.name()).isEqualTo("from-" + variable.name());
        }
    }

    @Test
    void shouldReadTheFileNamedByTheEnvironmentWhenNoFileIsGiven() throws IOException {
        Path file = file("security.protocol=SASL_SSL\n");
        Path other = Files.writeString(dir.resolve("other.properties"), "security.protocol=SSL\n");

        Properties fromEnv = ClientSettings.load(null, Map.of("NEWSFLOW_CONFIG", file.toString()), Map.of());
        Properties fromFlag = ClientSettings.load(other, Map.of("NEWSFLOW_CONFIG", file.toString()), Map.of());

        assertThat(fromEnv.getProperty("security.protocol")).isEqualTo("SASL_SSL");
        assertThat(fromFlag.getProperty("security.protocol")).isEqualTo("SSL");
    }

    @Test
    void shouldFailClearlyOnAMissingFile() {
        assertThatThrownBy(() -> ClientSettings.load(dir.resolve("nope.properties"), Map.of(), Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("config file not found")
                .hasMessageContaining("nope.properties");
    }

    @Test
    void shouldFailClearlyOnAnUnreadableFile() throws IOException {
        Path file = file("broken=\\u12\n"); // a malformed \\uxxxx escape

        assertThatThrownBy(() -> ClientSettings.load(file, Map.of(), Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("cannot read config file");
    }

    private Path file(String content) throws IOException {
        return Files.writeString(dir.resolve("client.properties"), content);
    }

    private static Map<String, String> flags(String key, String value) {
        Map<String, String> flags = new HashMap<>();
        flags.put(key, value);
        return flags;
    }
}
