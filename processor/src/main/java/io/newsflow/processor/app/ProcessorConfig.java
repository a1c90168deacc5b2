package io.newsflow.processor.app;

import io.newsflow.processor.enrich.EnricherOptions;
import io.newsflow.processor.topology.errors.DeadLetterDeserializationExceptionHandler;
import io.newsflow.processor.topology.errors.DeadLetterProcessingExceptionHandler;
import io.newsflow.processor.topology.errors.DeadLetterProductionExceptionHandler;
import io.newsflow.schemas.ConsumerGroups;
import io.newsflow.schemas.config.ClientSettings;
import io.newsflow.schemas.config.ConnectionOptions;
import io.newsflow.schemas.config.EnvVars;
import io.newsflow.schemas.config.Redaction;
import io.newsflow.schemas.serde.SerdeConfig;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.streams.StreamsConfig;

/**
 * The processor's Kafka Streams configuration: the one settings loader of every command,
 * {@link ClientSettings} (defaults &lt; the properties file ({@code --config FILE}) &lt; environment
 * ({@code KAFKA_BOOTSTRAP_SERVERS}, {@code NEWSFLOW_BOOTSTRAP_SERVERS}, {@code SCHEMA_REGISTRY_URL},
 * {@code NEWSFLOW_SCHEMA_REGISTRY_URL}, {@code NEWSFLOW_GAZETTEER_GEONAMES}; see {@link EnvVars})
 * &lt; command-line flags), plus the processor's own defaults. Besides Kafka Streams settings the
 * same properties carry the enrichment's {@code newsflow.gazetteer.*} settings
 * ({@link EnricherOptions}). Defaults are applied last with {@code putIfAbsent}, so they only fill
 * gaps.
 *
 * <p>{@code application.id} is the fixed literal {@value #APPLICATION_ID}: it names the consumer
 * group, the transactional ids and the state directory, so it must not move when a class is
 * renamed. A file may still override it (a second, independent deployment or a test).
 *
 * <p>Secrets (SASL/SSL passwords) belong in the file or the environment, never in code; use
 * {@link #redacted} to log a configuration.
 */
public final class ProcessorConfig {
    public static final String APPLICATION_ID = ConsumerGroups.PROCESSOR;
    public static final String DEFAULT_BOOTSTRAP_SERVERS = ClientSettings.DEFAULT_BOOTSTRAP_SERVERS;
    public static final String DEFAULT_SCHEMA_REGISTRY_URL = ClientSettings.DEFAULT_SCHEMA_REGISTRY_URL;
    /** Short, because exactly-once output is visible to read_committed consumers only on commit. */
    public static final String DEFAULT_COMMIT_INTERVAL_MS = "100";

    private ProcessorConfig() {
    }

    /**
     * @param file  a properties file, or null for {@code $NEWSFLOW_CONFIG} (or none)
     * @param env   the environment ({@code System.getenv()} in production)
     * @param flags command-line settings by config key ({@code bootstrap.servers}, ...); null values are ignored
     * @throws IllegalArgumentException when the file does not exist or cannot be read
     */
    public static Properties load(Path file, Map<String, String> env, Map<String, String> flags) {
        Properties props = ClientSettings.load(file, env, flags);
        props.putIfAbsent(StreamsConfig.STATE_DIR_CONFIG, defaultStateDir(env).toString());
        applyDefaults(props);
        return props;
    }

    /** The processor's settings of a command's connection options (see {@link ConnectionOptions}). */
    public static Properties fromOptions(ConnectionOptions connection, Map<String, String> env, Map<String, String> flags) {
        Properties props = connection.settings(env, flags);
        props.putIfAbsent(StreamsConfig.STATE_DIR_CONFIG, defaultStateDir(env).toString());
        applyDefaults(props);
        return props;
    }

    /**
     * {@code $NEWSFLOW_STATE_DIR/processor-state}, else {@code ~/.newsflow/processor-state}: the
     * folder the producer keeps its sent-state in, so one volume holds a container's state.
     */
    public static Path defaultStateDir(Map<String, String> env) {
        String dir = env == null ? null : env.get("NEWSFLOW_STATE_DIR");
        Path base = dir != null && !dir.isBlank() ? Path.of(dir) : Path.of(System.getProperty("user.home"), ".newsflow");
        return base.resolve("processor-state");
    }

    /** Fills what is not set; never overrides. */
    public static void applyDefaults(Properties props) {
        props.putIfAbsent(StreamsConfig.APPLICATION_ID_CONFIG, APPLICATION_ID);
        props.putIfAbsent(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, DEFAULT_BOOTSTRAP_SERVERS);
        props.putIfAbsent(SerdeConfig.SCHEMA_REGISTRY_URL, DEFAULT_SCHEMA_REGISTRY_URL);
        props.putIfAbsent(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        props.putIfAbsent(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, DEFAULT_COMMIT_INTERVAL_MS);
        // One directory per instance, kept across restarts: it holds the gazetteer's persistent global
        // store, Streams' process id (persisted there because that store is persistent; the transactional
        // ids derive from it) and the instance id of static membership (InstanceIdentity). Two instances
        // on one machine need one each (--state-dir): Streams locks it. Not under the temp dir, which
        // reboots and cleaners empty.
        props.putIfAbsent(StreamsConfig.STATE_DIR_CONFIG, defaultStateDir(System.getenv()).toString());
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

    /** The configuration as "key=value" lines, sorted, with secrets masked — safe to log ({@link Redaction}). */
    public static String redacted(Properties props) {
        return Redaction.redacted(props);
    }
}
