package io.newsflow.schemas.serde;

import java.util.Map;

/** Configuration keys of the Avro serde; the names are Confluent's, so existing configs carry over. */
public final class SerdeConfig {
    public static final String SCHEMA_REGISTRY_URL = "schema.registry.url";

    static String registryUrl(Map<String, ?> configs) {
        Object url = configs.get(SCHEMA_REGISTRY_URL);
        if (url == null || url.toString().isBlank()) {
            throw new IllegalArgumentException("missing required config '" + SCHEMA_REGISTRY_URL + "' for the Avro serde");
        }
        return url.toString();
    }

    private SerdeConfig() {
    }
}
