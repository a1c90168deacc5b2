package io.newsflow.schemas.config;

import io.newsflow.schemas.registry.SchemaRegistryClient;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;

/**
 * Each client's share of one loaded configuration ({@link ClientSettings}), so that what an
 * operator sets once — connection, {@code security.protocol}, {@code ssl.*}, {@code sasl.*} —
 * reaches every client a command builds: producer, consumer, admin client (Kafka Streams takes the
 * whole configuration and does the same split itself) and the schema registry client.
 *
 * <p>A client gets the keys it knows, then the keys with its prefix ({@code producer.},
 * {@code consumer.}, {@code admin.} — Kafka Streams' prefixes) with the prefix stripped, which win:
 * that is how a setting reaches only one client. Keys no client knows (the registry's, the
 * services' {@code newsflow.*}) are left out, so clients do not warn about them.
 */
public final class ClientConfigs {
    public static final String PRODUCER_PREFIX = "producer.";
    public static final String CONSUMER_PREFIX = "consumer.";
    public static final String ADMIN_PREFIX = "admin.";

    public static Map<String, Object> producer(Properties settings) {
        return select(settings, ProducerConfig.configNames(), PRODUCER_PREFIX);
    }

    public static Map<String, Object> consumer(Properties settings) {
        return select(settings, ConsumerConfig.configNames(), CONSUMER_PREFIX);
    }

    public static Map<String, Object> admin(Properties settings) {
        return select(settings, AdminClientConfig.configNames(), ADMIN_PREFIX);
    }

    /**
     * The registry client of the configuration: {@code schema.registry.url} (required) with basic
     * auth ({@code basic.auth.credentials.source}, {@code basic.auth.user.info}, or user:password in
     * the URL) and TLS ({@code schema.registry.ssl.*}); see {@code SchemaRegistryClientConfig}.
     *
     * @throws IllegalArgumentException when the URL is missing or a setting is invalid
     */
    public static SchemaRegistryClient registry(Properties settings) {
        return SchemaRegistryClient.fromConfig(asMap(settings));
    }

    /** The properties as a map of strings. */
    public static Map<String, Object> asMap(Properties settings) {
        Map<String, Object> map = new HashMap<>();
        for (String key : settings.stringPropertyNames()) {
            map.put(key, settings.getProperty(key));
        }
        return map;
    }

    private static Map<String, Object> select(Properties settings, Set<String> known, String prefix) {
        Map<String, Object> config = new HashMap<>();
        for (String key : settings.stringPropertyNames()) {
            if (known.contains(key)) {
                config.put(key, settings.getProperty(key));
            }
        }
        for (String key : settings.stringPropertyNames()) {
            if (key.startsWith(prefix) && key.length() > prefix.length()) {
                config.put(key.substring(prefix.length()), settings.getProperty(key));
            }
        }
        return config;
    }

    private ClientConfigs() {
    }
}
