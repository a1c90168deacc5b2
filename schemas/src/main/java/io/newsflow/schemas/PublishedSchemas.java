package io.newsflow.schemas;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;

/**
 * The schema text the project publishes and registers: the {@code .avsc} files of
 * {@code schemas/src/main/avro/}, without the Java-only properties that avro-maven-plugin adds to
 * the generated classes' schemas ({@code "avro.java.string": "String"} for {@code stringType=String},
 * {@code java-class} and friends). Confluent's serializer strips the same properties when
 * {@code avro.remove.java.properties=true}; here every registry call does it, so the schema a
 * Java service registers is exactly the one a Node or Python client builds from the published
 * file, and both get the same id under the same subject.
 *
 * <p>"Equal" for schemas means equal <b>canonical strings</b>: Avro's {@link Schema#toString()} of
 * the parsed schema — compact JSON with docs, defaults and properties, in Avro's fixed attribute
 * order — which is what Confluent Schema Registry stores, returns and compares when it looks a
 * schema up under a subject. Avro's Parsing Canonical Form is not enough for that: it drops
 * {@code doc} and {@code default}, and the default decides whether a change is compatible.
 */
public final class PublishedSchemas {
    /** Properties that only mean something to Avro's Java code generation and runtime. */
    public static final Set<String> JAVA_PROPERTIES = Set.of("avro.java.string", "java-class", "java-key-class",
            "java-element-class");

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Identity-keyed in effect: a class's schema object is one instance for the JVM's life. */
    private static final Map<Schema, Schema> STRIPPED = new ConcurrentHashMap<>();

    /** The schema without {@link #JAVA_PROPERTIES}, anywhere in it; the same instance when it has none. */
    public static Schema withoutJavaProperties(Schema schema) {
        return STRIPPED.computeIfAbsent(schema, PublishedSchemas::strip);
    }

    /** The canonical string of the schema as published: what the registry stores for it. */
    public static String canonical(Schema schema) {
        return withoutJavaProperties(schema).toString();
    }

    /** The canonical string of a schema given as text (an {@code .avsc} file, a registry answer). */
    public static String canonical(String schemaText) {
        return canonical(new Schema.Parser().parse(schemaText));
    }

    private static Schema strip(Schema schema) {
        String text = schema.toString();
        if (JAVA_PROPERTIES.stream().noneMatch(p -> text.contains("\"" + p + "\""))) {
            return schema;
        }
        try {
            JsonNode tree = JSON.readTree(text);
            removeJavaProperties(tree);
            return new Schema.Parser().parse(JSON.writeValueAsString(tree));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Avro wrote a schema Jackson cannot read back: " + e.getMessage(), e);
        }
    }

    /** Removes the properties everywhere; a {"type": "string"} left behind parses as the primitive again. */
    private static void removeJavaProperties(JsonNode node) {
        if (node instanceof ObjectNode object) {
            JAVA_PROPERTIES.forEach(object::remove);
        }
        if (node != null) {
            node.forEach(PublishedSchemas::removeJavaProperties);
        }
    }

    private PublishedSchemas() {
    }
}
