package io.newsflow.producer.app;

import io.newsflow.schemas.config.ClientSettings;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;

/**
 * The producer's configuration: the shared client precedence of {@link ClientSettings} (defaults,
 * {@code --config} file, {@code KAFKA_BOOTSTRAP_SERVERS}/{@code SCHEMA_REGISTRY_URL}, flags).
 */
public final class ProducerSettings {
    public static final String ENV_BOOTSTRAP_SERVERS = ClientSettings.ENV_BOOTSTRAP_SERVERS;
    public static final String ENV_SCHEMA_REGISTRY_URL = ClientSettings.ENV_SCHEMA_REGISTRY_URL;
    public static final String DEFAULT_BOOTSTRAP_SERVERS = ClientSettings.DEFAULT_BOOTSTRAP_SERVERS;
    public static final String DEFAULT_SCHEMA_REGISTRY_URL = ClientSettings.DEFAULT_SCHEMA_REGISTRY_URL;

    /** See {@link ClientSettings#load}. */
    public static Properties load(Path configFile, Map<String, String> env, String bootstrapServers, String registryUrl)
            throws IOException {
        return ClientSettings.load(configFile, env, bootstrapServers, registryUrl);
    }

    private ProducerSettings() {
    }
}
