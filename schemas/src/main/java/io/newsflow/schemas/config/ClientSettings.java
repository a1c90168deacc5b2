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
 * The one settings loader of every newsflow command, in four layers, later ones winning:
 * <ol>
 *   <li>built-in defaults ({@code bootstrap.servers=localhost:9092},
 *       {@code schema.registry.url=http://localhost:8081}), applied last with {@code putIfAbsent}
 *       so they only fill gaps;</li>
 *   <li>a properties file ({@code --config FILE}, else {@code $NEWSFLOW_CONFIG}): any Kafka client,
 *       Streams or security setting ({@code security.protocol}, {@code ssl.*}, {@code sasl.*}),
 *       {@code schema.registry.url} and the registry client's {@code basic.auth.*} /
 *       {@code schema.registry.ssl.*}, and the services' own {@code newsflow.*} settings;</li>
 *   <li>the environment: the variables of {@link EnvVars} that map to a property
 *       ({@code KAFKA_BOOTSTRAP_SERVERS} &lt; {@code NEWSFLOW_BOOTSTRAP_SERVERS},
 *       {@code SCHEMA_REGISTRY_URL} &lt; {@code NEWSFLOW_SCHEMA_REGISTRY_URL}, ...);</li>
 *   <li>command-line flags, by property key (see {@link ConnectionOptions}).</li>
 * </ol>
 * Blank values in the environment or flags are ignored. The environment is passed in as a map,
 * so the precedence is testable without touching the real one. Secrets belong in the file or the
 * environment; log a configuration only through {@link Redaction#redacted}.
 */
public final class ClientSettings {
    public static final String DEFAULT_BOOTSTRAP_SERVERS = "localhost:9092";
    public static final String DEFAULT_SCHEMA_REGISTRY_URL = "http://localhost:8081";

    /**
     * @param file  a properties file, or null for {@code $NEWSFLOW_CONFIG} (or none)
     * @param env   the environment ({@code System.getenv()} outside tests); may be null
     * @param flags command-line settings by property key; null or blank values are ignored; may be null
     * @throws IllegalArgumentException when the file does not exist or cannot be read
     */
    public static Properties load(Path file, Map<String, String> env, Map<String, String> flags) {
        Map<String, String> environment = env == null ? Map.of() : env;
        Properties props = new Properties();
        Path configFile = file != null ? file : pathFromEnv(environment);
        if (configFile != null) {
            props.putAll(readFile(configFile));
        }
        for (EnvVars.EnvVar variable : EnvVars.ALL) {
            variable.mapsTo().ifPresent(key -> set(props, key, environment.get(variable.name())));
        }
        if (flags != null) {
            flags.forEach((key, value) -> set(props, key, value));
        }
        props.putIfAbsent(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, DEFAULT_BOOTSTRAP_SERVERS);
        props.putIfAbsent(SerdeConfig.SCHEMA_REGISTRY_URL, DEFAULT_SCHEMA_REGISTRY_URL);
        return props;
    }

    private static Path pathFromEnv(Map<String, String> env) {
        String value = env.get(EnvVars.NEWSFLOW_CONFIG);
        return value == null || value.isBlank() ? null : Path.of(value.strip());
    }

    private static void set(Properties props, String key, String value) {
        if (key != null && value != null && !value.isBlank()) {
            props.setProperty(key, value.strip());
        }
    }

    private static Properties readFile(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("config file not found: " + file.toAbsolutePath());
        }
        Properties props = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            props.load(reader);
        } catch (IOException | IllegalArgumentException e) {
            throw new IllegalArgumentException("cannot read config file " + file.toAbsolutePath() + ": " + e.getMessage(), e);
        }
        return props;
    }

    private ClientSettings() {
    }
}
