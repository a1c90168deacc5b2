package io.newsflow.schemas.config;

import io.newsflow.schemas.serde.SerdeConfig;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.CommonClientConfigs;
import picocli.CommandLine.Option;

/**
 * The connection options of every command that talks to Kafka, as one picocli mixin
 * ({@code @Mixin ConnectionOptions connection;}), read through the one loader,
 * {@link ClientSettings}: defaults &lt; {@code --config} file &lt; environment &lt; flags. Among the
 * flags, {@code --bootstrap-servers} and {@code --schema-registry-url} (and a command's own flags)
 * win over {@code -X} for the same key.
 *
 * <pre>
 * --bootstrap-servers HOST:PORT[,...]   bootstrap.servers
 * --schema-registry-url URL             schema.registry.url
 * --config FILE                         any client, Streams, security or registry setting
 * -X, --property KEY=VALUE              one such setting, repeatable (-X security.protocol=SASL_SSL)
 * </pre>
 */
public final class ConnectionOptions {
    @Option(names = "--bootstrap-servers", paramLabel = "HOST:PORT[,...]",
            description = "Kafka brokers (env " + EnvVars.NEWSFLOW_BOOTSTRAP_SERVERS + " or "
                    + EnvVars.KAFKA_BOOTSTRAP_SERVERS + ", then the file; default " + ClientSettings.DEFAULT_BOOTSTRAP_SERVERS + ")")
    String bootstrapServers;

    @Option(names = "--schema-registry-url", paramLabel = "URL",
            description = "Schema Registry (env " + EnvVars.NEWSFLOW_SCHEMA_REGISTRY_URL + " or "
                    + EnvVars.SCHEMA_REGISTRY_URL + ", then the file; default " + ClientSettings.DEFAULT_SCHEMA_REGISTRY_URL + ")")
    String schemaRegistryUrl;

    @Option(names = "--config", paramLabel = "FILE",
            description = "Properties file (default: env " + EnvVars.NEWSFLOW_CONFIG + "): any Kafka client or Streams setting, "
                    + "security (security.protocol, ssl.*, sasl.*), schema.registry.url and the registry's basic.auth.* "
                    + "and schema.registry.ssl.*; the environment and flags override it")
    Path configFile;

    @Option(names = {"-X", "--property"}, paramLabel = "KEY=VALUE",
            description = "Any such setting, repeatable (e.g. -X security.protocol=SSL); overrides the file and the environment")
    Map<String, String> properties = new LinkedHashMap<>();

    /** The settings of these options, with no command-specific flags. */
    public Properties settings(Map<String, String> env) {
        return settings(env, Map.of());
    }

    /**
     * The settings of these options plus a command's own flags by property key (null values: not
     * given), which win over {@code -X}.
     *
     * @throws IllegalArgumentException when the config file is missing or unreadable
     */
    public Properties settings(Map<String, String> env, Map<String, String> commandFlags) {
        Map<String, String> flags = new LinkedHashMap<>(properties);
        if (commandFlags != null) {
            commandFlags.forEach((key, value) -> {
                if (value != null) {
                    flags.put(key, value);
                }
            });
        }
        if (bootstrapServers != null) {
            flags.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        }
        if (schemaRegistryUrl != null) {
            flags.put(SerdeConfig.SCHEMA_REGISTRY_URL, schemaRegistryUrl);
        }
        return ClientSettings.load(configFile, env, flags);
    }

    /** The --config file given, or null. */
    public Path configFile() {
        return configFile;
    }
}
