package io.newsflow.schemas.serde;

import io.newsflow.schemas.PublishedSchemas;
import io.newsflow.schemas.registry.SchemaMetadata;
import io.newsflow.schemas.registry.SchemaRegistryClient;
import io.newsflow.schemas.registry.SchemaRegistryException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.generic.GenericContainer;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DatumWriter;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Writes Avro records (SpecificRecord or GenericRecord) in Confluent's wire format: magic byte 0,
 * the 4-byte schema id, the Avro binary encoding.
 *
 * <p>Which schema id, with Confluent's settings (see {@link SerdeConfig}):
 * <ul>
 *   <li>the subject comes from the subject name strategy — {@code <topic>-value} / {@code <topic>-key}
 *       by default ({@code key|value.subject.name.strategy});</li>
 *   <li>{@code auto.register.schemas=true} (default): the record's schema is registered under the
 *       subject on first use; {@code false}: it must already be registered there (looked up, never
 *       registered) — the usual production setting when schemas are registered by CI;</li>
 *   <li>{@code use.latest.version=true}: the record is written with the subject's latest schema
 *       (resolved from the record's own schema by Avro's rules), which with
 *       {@code latest.compatibility.strict} (default) must be able to read the record's schema.</li>
 * </ul>
 * The schema registered or looked up is the published one, without Java-only properties (see
 * {@link PublishedSchemas}; Confluent's {@code avro.remove.java.properties=true}).
 * Registry answers that mean "not registered" fail as a {@link SerializationException} naming the
 * subject; a registry that is down fails with the retriable {@link SchemaRegistryException}.
 */
public class AvroSerializer<T extends GenericContainer> implements Serializer<T> {
    private SchemaRegistryClient registry;
    private boolean isKey;
    private SubjectNameStrategy subjectNameStrategy = SubjectNameStrategy.TOPIC_NAME;
    private boolean autoRegisterSchemas = true;
    private boolean useLatestVersion;
    private boolean latestCompatibilityStrict = true;
    /** One writer per schema and record kind, built once: every enriched article writes ~19 records. */
    private final Map<Schema, DatumWriter<T>> specificWriters = new ConcurrentHashMap<>();
    private final Map<Schema, DatumWriter<T>> genericWriters = new ConcurrentHashMap<>();

    /** For Kafka's reflective construction; {@link #configure} supplies the registry. */
    public AvroSerializer() {
    }

    public AvroSerializer(SchemaRegistryClient registry, boolean isKey) {
        this.registry = registry;
        this.isKey = isKey;
    }

    /**
     * Reads {@code schema.registry.url} (and the client's auth/TLS keys) unless a client was passed
     * in, and the serde settings listed in the class comment.
     */
    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        this.isKey = isKey;
        if (registry == null) {
            SerdeConfig.registryUrl(configs);
            registry = SchemaRegistryClient.fromConfig(configs);
        }
        subjectNameStrategy = SerdeConfig.subjectNameStrategy(configs, isKey);
        autoRegisterSchemas = SerdeConfig.bool(configs, SerdeConfig.AUTO_REGISTER_SCHEMAS, true);
        useLatestVersion = SerdeConfig.bool(configs, SerdeConfig.USE_LATEST_VERSION, false);
        latestCompatibilityStrict = SerdeConfig.bool(configs, SerdeConfig.LATEST_COMPATIBILITY_STRICT, true);
    }

    @Override
    public byte[] serialize(String topic, T record) {
        if (record == null) {
            return null;
        }
        if (registry == null) {
            throw new IllegalStateException("AvroSerializer used before configure(): no schema registry");
        }
        Schema schema = record.getSchema();
        String subject = subjectNameStrategy.subjectName(topic, isKey, schema);
        Schema writerSchema = schema;
        int id;
        if (useLatestVersion) {
            SchemaMetadata latest = latest(subject, schema);
            writerSchema = latest.schema();
            id = latest.id();
        } else if (autoRegisterSchemas) {
            id = registry.register(subject, schema);
        } else {
            id = registered(subject, schema);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        out.write(WireFormat.MAGIC_BYTE);
        out.writeBytes(ByteBuffer.allocate(4).putInt(id).array());
        try {
            byte[] body = encode(record, schema);
            boolean sameSchema = writerSchema == schema || writerSchema.equals(PublishedSchemas.withoutJavaProperties(schema));
            out.writeBytes(sameSchema ? body : resolve(body, schema, writerSchema));
        } catch (IOException | RuntimeException e) {
            throw new SerializationException("cannot write " + schema.getFullName() + " for topic '" + topic
                    + "' as Avro (subject '" + subject + "', schema id " + id + "): " + e.getMessage(), e);
        }
        return out.toByteArray();
    }

    private int registered(String subject, Schema schema) {
        try {
            return registry.getId(subject, schema);
        } catch (SchemaRegistryException e) {
            if (e.isNotFound()) {
                throw new SerializationException("schema " + schema.getFullName() + " is not registered under subject '"
                        + subject + "' and auto.register.schemas is false: register it first (error " + e.errorCode()
                        + ": " + e.getMessage() + ")", e);
            }
            throw e;
        }
    }

    private SchemaMetadata latest(String subject, Schema schema) {
        SchemaMetadata latest;
        try {
            latest = registry.getLatestVersion(subject);
        } catch (SchemaRegistryException e) {
            if (e.isNotFound()) {
                throw new SerializationException("use.latest.version is set but subject '" + subject
                        + "' has no registered version (error " + e.errorCode() + ")", e);
            }
            throw e;
        }
        if (latestCompatibilityStrict && !latest.schema().equals(PublishedSchemas.withoutJavaProperties(schema))) {
            SchemaCompatibility.SchemaPairCompatibility check =
                    SchemaCompatibility.checkReaderWriterCompatibility(latest.schema(), schema);
            if (check.getType() != SchemaCompatibility.SchemaCompatibilityType.COMPATIBLE) {
                throw new SerializationException("the latest schema of subject '" + subject + "' (version "
                        + latest.version() + ", id " + latest.id() + ") cannot read records of " + schema.getFullName()
                        + " as this producer writes them (latest.compatibility.strict): "
                        + check.getResult().getIncompatibilities());
            }
        }
        return latest;
    }

    private byte[] encode(T record, Schema schema) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(out, null);
        writer(record, schema).write(record, encoder);
        encoder.flush();
        return out.toByteArray();
    }

    /** Re-encodes Avro binary written with {@code from} as {@code to}, by Avro's resolution rules. */
    private static byte[] resolve(byte[] body, Schema from, Schema to) throws IOException {
        Object value = new GenericDatumReader<>(from, to).read(null, DecoderFactory.get().binaryDecoder(body, null));
        ByteArrayOutputStream out = new ByteArrayOutputStream(body.length + 16);
        BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(out, null);
        new GenericDatumWriter<>(to).write(value, encoder);
        encoder.flush();
        return out.toByteArray();
    }

    private DatumWriter<T> writer(T record, Schema schema) {
        if (record instanceof SpecificRecord) {
            return specificWriters.computeIfAbsent(schema, s -> new SpecificDatumWriter<>(s, SpecificData.getForSchema(s)));
        }
        return genericWriters.computeIfAbsent(schema, GenericDatumWriter::new);
    }
}
