package io.newsflow.schemas.registry;

import org.apache.avro.Schema;

/**
 * One version of a subject, as the registry reports it for
 * {@code GET /subjects/{subject}/versions/{version}} and {@code POST /subjects/{subject}}:
 * the subject, its version number there, the schema's global id, and the schema.
 */
public record SchemaMetadata(String subject, int version, int id, Schema schema) {
}
