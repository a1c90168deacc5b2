package io.newsflow.schemas.config;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Every environment variable newsflow reads, in one registry: the settings loader
 * ({@link ClientSettings}) maps those with a property onto it, the deployment test checks the
 * compose file against {@link #names()}, and the docs list them from here. A variable that is not
 * in this list is read by nothing.
 *
 * <p>Order matters where two variables set one property: the later, more specific one
 * ({@code NEWSFLOW_...}) wins over the generic one.
 */
public final class EnvVars {
    public static final String KAFKA_BOOTSTRAP_SERVERS = "KAFKA_BOOTSTRAP_SERVERS";
    public static final String NEWSFLOW_BOOTSTRAP_SERVERS = "NEWSFLOW_BOOTSTRAP_SERVERS";
    public static final String SCHEMA_REGISTRY_URL = "SCHEMA_REGISTRY_URL";
    public static final String NEWSFLOW_SCHEMA_REGISTRY_URL = "NEWSFLOW_SCHEMA_REGISTRY_URL";
    public static final String NEWSFLOW_CONFIG = "NEWSFLOW_CONFIG";
    public static final String NEWSFLOW_GAZETTEER_GEONAMES = "NEWSFLOW_GAZETTEER_GEONAMES";
    public static final String NEWSFLOW_STATE_DIR = "NEWSFLOW_STATE_DIR";
    public static final String NEWSFLOW_JAVA_OPTS = "NEWSFLOW_JAVA_OPTS";

    /**
     * One variable: its name, the configuration property it sets (null when it is read some other
     * way), and what reads it.
     */
    public record EnvVar(String name, String property, String description) {
        public Optional<String> mapsTo() {
            return Optional.ofNullable(property);
        }
    }

    /** All of them; for the property-mapped ones, in the order the loader applies them. */
    public static final List<EnvVar> ALL = List.of(
            new EnvVar(KAFKA_BOOTSTRAP_SERVERS, "bootstrap.servers", "Kafka brokers, host:port[,...]"),
            new EnvVar(NEWSFLOW_BOOTSTRAP_SERVERS, "bootstrap.servers",
                    "Kafka brokers; wins over " + KAFKA_BOOTSTRAP_SERVERS + " when both are set"),
            new EnvVar(SCHEMA_REGISTRY_URL, "schema.registry.url", "Schema Registry URL(s)"),
            new EnvVar(NEWSFLOW_SCHEMA_REGISTRY_URL, "schema.registry.url",
                    "Schema Registry URL(s); wins over " + SCHEMA_REGISTRY_URL + " when both are set"),
            new EnvVar(NEWSFLOW_GAZETTEER_GEONAMES, "newsflow.gazetteer.geonames",
                    "process: a GeoNames dump that extends the bundled places"),
            new EnvVar(NEWSFLOW_CONFIG, null,
                    "a properties file read when --config is not given (every command that talks to Kafka)"),
            new EnvVar(NEWSFLOW_STATE_DIR, null,
                    "produce: folder of the default sent-state file (default ~/.newsflow)"),
            new EnvVar(NEWSFLOW_JAVA_OPTS, null,
                    "JVM options (heap) used by the ./newsflow launcher and the container image's entrypoint"));

    /** The names of {@link #ALL}. */
    public static List<String> names() {
        return ALL.stream().map(EnvVar::name).collect(Collectors.toList());
    }

    public static Optional<EnvVar> byName(String name) {
        return ALL.stream().filter(v -> v.name().equals(name)).findFirst();
    }

    private EnvVars() {
    }
}
