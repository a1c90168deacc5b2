package io.newsflow.stack.registry;

/**
 * A Confluent schema reference: the schema of {@code subject} at {@code version} provides the named
 * type {@code name} (for Avro, its full name), which the referring schema uses without defining it.
 */
record SchemaReference(String name, String subject, int version) {
}
