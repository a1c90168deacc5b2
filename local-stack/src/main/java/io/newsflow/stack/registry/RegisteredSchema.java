package io.newsflow.stack.registry;

import java.util.List;

/**
 * What a schema id stands for: the canonical schema text (Avro's {@code Schema.toString()}, with
 * referenced types written by name only, as Confluent stores it) and the references it was
 * registered with. Two registrations are the same schema — one id — when both are equal.
 */
record RegisteredSchema(String schema, List<SchemaReference> references) {
    RegisteredSchema {
        references = List.copyOf(references);
    }

    static RegisteredSchema of(String schema) {
        return new RegisteredSchema(schema, List.of());
    }
}
