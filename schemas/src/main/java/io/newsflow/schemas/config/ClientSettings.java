package io.newsflow.schemas.config;

import io.newsflow.schemas.serde.SerdeConfig;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.CommonClientConfigs;

/**
 * How every newsflow client finds the cluster, in one place: from weakest to strongest, built-in
 * defaults, a properties file (any Kafka client setting plus {@code schema.registry.url}), the
 * environment ({@code KAFKA_BOOTSTRAP_SERVERS}, {@code SCHEMA_REGISTRY_URL}), then command-line
 * flags. Secrets belong in the file or the environment; nothing here logs the configuration.
 */
public final class ClientSettings {
    public static final String ENV_BOOTSTRAP_SERVERS = "KAFKA_BOOTSTRAP_SERVERS";
    public static final String ENV_SCHEMA_REGISTRY_URL = "SCHEMA_REGISTRY_URL";
    public static final String DEFAULT_BOOTSTRAP_SERVERS = "localhost:9092";
    public static final String DEFAULT_SCHEMA_REGISTRY_URL = "http://localhost:8081";

    /**
     * @param configFile       a properties file, or null
     * @param env              the environment (System.getenv() outside tests)
     * @param bootstrapServers the --bootstrap-servers flag, or null
     * @param registryUrl      the --schema-registry-url flag, or null
     */
    public static Properties load(Path configFile, Map<String, String> env, String bootstrapServers, String registryUrl)
            throws IOException {
        Properties props = new Properties();
        if (configFile != null) {
            try (Reader reader = Files.newBufferedReader(configFile, StandardCharsets.UTF_8)) {
                props.load(reader);
            }
        }
        override(props, CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, env.get(ENV_BOOTSTRAP_SERVERS));
        override(props, SerdeConfig.SCHEMA_REGISTRY_URL, env.get(ENV_SCHEMA_REGISTRY_URL));
        override(props, CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        override(props, SerdeConfig.SCHEMA_REGISTRY_URL, registryUrl);
        props.putIfAbsent(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, DEFAULT_BOOTSTRAP_SERVERS);
        props.putIfAbsent(SerdeConfig.SCHEMA_REGISTRY_URL, DEFAULT_SCHEMA_REGISTRY_URL);
        return props;
    }

    private static void override(Properties props, String key, String value) {
        if (value != null && !value.isBlank()) {
            props.setProperty(key, value.strip());
        }
    }

    private ClientSettings() {
    }
}
