package io.newsflow.schemas.serde;

import io.newsflow.schemas.registry.SchemaRegistryClientConfig;
import java.util.Locale;
import java.util.Map;

/**
 * Configuration keys of the Avro serde; the names are Confluent's, so existing configs carry over.
 * The registry client's own keys (auth, TLS, retries) are in {@link SchemaRegistryClientConfig}.
 *
 * <pre>
 * schema.registry.url            required unless a client is passed in
 * key.subject.name.strategy      TopicNameStrategy (default) | RecordNameStrategy | TopicRecordNameStrategy
 * value.subject.name.strategy    same, for values
 * auto.register.schemas          true (default): register the record's schema; false: it must already be registered
 * use.latest.version             false (default); true: write with the subject's latest schema
 * latest.compatibility.strict    true (default): with use.latest.version, the latest schema must be able to
 *                                read the record's schema (BACKWARD), else the record is refused
 * specific.avro.reader           false (default): the no-arg deserializer returns GenericRecords;
 *                                true: the generated SpecificRecord class named by the writer's schema
 * </pre>
 */
public final class SerdeConfig {
    public static final String SCHEMA_REGISTRY_URL = SchemaRegistryClientConfig.URL;
    public static final String KEY_SUBJECT_NAME_STRATEGY = "key.subject.name.strategy";
    public static final String VALUE_SUBJECT_NAME_STRATEGY = "value.subject.name.strategy";
    public static final String AUTO_REGISTER_SCHEMAS = "auto.register.schemas";
    public static final String USE_LATEST_VERSION = "use.latest.version";
    public static final String LATEST_COMPATIBILITY_STRICT = "latest.compatibility.strict";
    public static final String SPECIFIC_AVRO_READER = "specific.avro.reader";

    static String registryUrl(Map<String, ?> configs) {
        Object url = configs.get(SCHEMA_REGISTRY_URL);
        if (url == null || url.toString().isBlank()) {
            throw new IllegalArgumentException("missing required config '" + SCHEMA_REGISTRY_URL + "' for the Avro serde");
        }
        return url.toString();
    }

    static SubjectNameStrategy subjectNameStrategy(Map<String, ?> configs, boolean isKey) {
        return SubjectNameStrategy.forName(configs.get(isKey ? KEY_SUBJECT_NAME_STRATEGY : VALUE_SUBJECT_NAME_STRATEGY));
    }

    static boolean bool(Map<String, ?> configs, String key, boolean defaultValue) {
        Object value = configs.get(key);
        if (value == null || value.toString().isBlank()) {
            return defaultValue;
        }
        if (value instanceof Boolean b) {
            return b;
        }
        String text = value.toString().trim().toLowerCase(Locale.ROOT);
        if (!text.equals("true") && !text.equals("false")) {
            throw new IllegalArgumentException("config '" + key + "' must be true or false, got '" + value + "'");
        }
        return Boolean.parseBoolean(text);
    }

    private SerdeConfig() {
    }
}
