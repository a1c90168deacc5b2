package io.newsflow.processor.app;

import io.newsflow.processor.enrich.EnricherOptions;
import io.newsflow.processor.topology.errors.DeadLetterDeserializationExceptionHandler;
import io.newsflow.processor.topology.errors.DeadLetterProcessingExceptionHandler;
import io.newsflow.processor.topology.errors.DeadLetterProductionExceptionHandler;
import io.newsflow.schemas.serde.SerdeConfig;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.streams.StreamsConfig;

/**
 * The processor's Kafka Streams configuration, in four layers, later ones winning:
 * built-in defaults &lt; the properties file ({@code --config FILE}) &lt; environment
 * ({@code KAFKA_BOOTSTRAP_SERVERS}, {@code NEWSFLOW_BOOTSTRAP_SERVERS}, {@code SCHEMA_REGISTRY_URL},
 * {@code NEWSFLOW_SCHEMA_REGISTRY_URL}, {@code NEWSFLOW_GAZETTEER_GEONAMES}) &lt; command-line flags.
 * Besides Kafka Streams settings the same properties carry the enrichment's
 * {@code newsflow.gazetteer.*} settings ({@link EnricherOptions}). Defaults are applied last with
 * {@code putIfAbsent}, so they only fill gaps. The environment is passed in as a map so the
 * precedence is testable without touching the real one.
 *
 * <p>{@code application.id} is the fixed literal {@value #APPLICATION_ID}: it names the consumer
 * group, the transactional ids and the state directory, so it must not move when a class is
 * renamed. A file may still override it (a second, independent deployment or a test).
 *
 * <p>Secrets (SASL/SSL passwords) belong in the file or the environment, never in code; use
 * {@link #redacted} to log a configuration.
 */
public final class ProcessorConfig {
    public static final String APPLICATION_ID = "newsflow-processor";
    public static final String DEFAULT_BOOTSTRAP_SERVERS = "localhost:9092";
    public static final String DEFAULT_SCHEMA_REGISTRY_URL = "http://localhost:8081";
    /** Short, because exactly-once output is visible to read_committed consumers only on commit. */
    public static final String DEFAULT_COMMIT_INTERVAL_MS = "100";

    public static final String ENV_KAFKA_BOOTSTRAP_SERVERS = "KAFKA_BOOTSTRAP_SERVERS";
    /** Wins over {@link #ENV_KAFKA_BOOTSTRAP_SERVERS} when both are set: it is the more specific one. */
    public static final String ENV_NEWSFLOW_BOOTSTRAP_SERVERS = "NEWSFLOW_BOOTSTRAP_SERVERS";
    public static final String ENV_SCHEMA_REGISTRY_URL = "SCHEMA_REGISTRY_URL";
    /** Wins over {@link #ENV_SCHEMA_REGISTRY_URL} when both are set. */
    public static final String ENV_NEWSFLOW_SCHEMA_REGISTRY_URL = "NEWSFLOW_SCHEMA_REGISTRY_URL";

    private ProcessorConfig() {
    }

    /**
     * @param file  a properties file, or null for none
     * @param env   the environment ({@code System.getenv()} in production)
     * @param flags command-line settings by config key ({@code bootstrap.servers}, ...); null values are ignored
     * @throws IllegalArgumentException when the file does not exist
     * @throws UncheckedIOException     when it cannot be read
     */
    public static Properties load(Path file, Map<String, String> env, Map<String, String> flags) {
        Properties props = new Properties();
        if (file != null) {
            props.putAll(readFile(file));
        }
        putFromEnv(props, env, CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG,
                ENV_KAFKA_BOOTSTRAP_SERVERS, ENV_NEWSFLOW_BOOTSTRAP_SERVERS);
        putFromEnv(props, env, SerdeConfig.SCHEMA_REGISTRY_URL,
                ENV_SCHEMA_REGISTRY_URL, ENV_NEWSFLOW_SCHEMA_REGISTRY_URL);
        putFromEnv(props, env, EnricherOptions.GEONAMES, EnricherOptions.ENV_GEONAMES);
        if (flags != null) {
            flags.forEach((key, value) -> {
                if (value != null && !value.isBlank()) {
                    props.setProperty(key, value.trim());
                }
            });
        }
        applyDefaults(props);
        return props;
    }

    /** Fills what is not set; never overrides. */
    public static void applyDefaults(Properties props) {
        props.putIfAbsent(StreamsConfig.APPLICATION_ID_CONFIG, APPLICATION_ID);
        props.putIfAbsent(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, DEFAULT_BOOTSTRAP_SERVERS);
        props.putIfAbsent(SerdeConfig.SCHEMA_REGISTRY_URL, DEFAULT_SCHEMA_REGISTRY_URL);
        props.putIfAbsent(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        props.putIfAbsent(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, DEFAULT_COMMIT_INTERVAL_MS);
        // The only store (the gazetteer) is in memory and rebuilt from its topic on start, so the
        // state directory only holds Streams' process id and locks; a fixed directory under the
        // temp dir keeps that id stable across restarts.
        props.putIfAbsent(StreamsConfig.STATE_DIR_CONFIG,
                Path.of(System.getProperty("java.io.tmpdir"), "newsflow-streams").toString());
        props.putIfAbsent(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG,
                DeadLetterDeserializationExceptionHandler.class.getName());
        props.putIfAbsent(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG,
                DeadLetterProcessingExceptionHandler.class.getName());
        props.putIfAbsent(StreamsConfig.PRODUCTION_EXCEPTION_HANDLER_CLASS_CONFIG,
                DeadLetterProductionExceptionHandler.class.getName());
        // The gazetteer is read as a global table; its records get the same processing handler
        // (and this silences Streams' start-up warning that it would otherwise not).
        props.putIfAbsent(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_GLOBAL_ENABLED_CONFIG, "true");
        // the enriched record repeats the article's body (news.articles.raw has it too): lz4 keeps the
        // copy cheap on the wire and on disk (the size limit is checked uncompressed, see OutputLimits)
        props.putIfAbsent(StreamsConfig.producerPrefix(org.apache.kafka.clients.producer.ProducerConfig.COMPRESSION_TYPE_CONFIG),
                "lz4");
    }

    /** The configuration as "key=value" lines, sorted, with secrets masked — safe to log. */
    public static String redacted(Properties props) {
        Map<String, String> sorted = new TreeMap<>();
        props.stringPropertyNames().forEach(key -> sorted.put(key, isSecret(key) ? "[hidden]" : props.getProperty(key)));
        StringBuilder out = new StringBuilder();
        sorted.forEach((key, value) -> out.append(key).append('=').append(value).append('\n'));
        return out.toString();
    }

    static boolean isSecret(String key) {
        String k = key.toLowerCase(Locale.ROOT);
        return k.contains("password") || k.contains("secret") || k.contains("jaas") || k.contains("credentials")
                || k.contains("token") || k.endsWith(".key");
    }

    private static void putFromEnv(Properties props, Map<String, String> env, String key, String... names) {
        if (env == null) {
            return;
        }
        for (String name : names) { // later names are more specific and win
            String value = env.get(name);
            if (value != null && !value.isBlank()) {
                props.setProperty(key, value.trim());
            }
        }
    }

    private static Properties readFile(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("config file not found: " + file.toAbsolutePath());
        }
        Properties props = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            props.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read config file " + file.toAbsolutePath() + ": " + e.getMessage(), e);
        }
        return props;
    }
}
