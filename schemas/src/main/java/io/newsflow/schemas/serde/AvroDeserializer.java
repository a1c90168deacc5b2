package io.newsflow.schemas.serde;

import io.newsflow.schemas.registry.SchemaRegistryClient;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.DatumReader;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Reads Confluent-wire-format Avro. With a target class it reads into that SpecificRecord,
 * resolving the writer's schema (fetched by id) against the class's schema, so records written
 * with an older version of a schema are read by newer code. Without one it returns
 * GenericRecords in the writer's schema — or, with {@code specific.avro.reader=true} (Confluent's
 * key), the generated class named by the writer's schema.
 *
 * <p>An unknown schema id fails with the registry's {@code SchemaRegistryException} (40403,
 * naming the id); a registry that cannot be reached fails with a retriable one — never a null.
 */
public class AvroDeserializer<T> implements Deserializer<T> {
    private final Class<? extends SpecificRecord> type;
    private SchemaRegistryClient registry;
    private boolean specificReader;
    private final Map<Integer, DatumReader<Object>> readers = new ConcurrentHashMap<>();

    /** Generic mode, for Kafka's reflective construction. */
    public AvroDeserializer() {
        this(null, null);
    }

    public AvroDeserializer(Class<? extends SpecificRecord> type, SchemaRegistryClient registry) {
        this.type = type;
        this.registry = registry;
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        if (registry == null) {
            SerdeConfig.registryUrl(configs);
            registry = SchemaRegistryClient.fromConfig(configs);
        }
        specificReader = SerdeConfig.bool(configs, SerdeConfig.SPECIFIC_AVRO_READER, false);
    }

    @Override
    @SuppressWarnings("unchecked")
    public T deserialize(String topic, byte[] data) {
        if (data == null) {
            return null;
        }
        if (registry == null) {
            throw new IllegalStateException("AvroDeserializer used before configure(): no schema registry");
        }
        int id = WireFormat.schemaId(topic, data);
        DatumReader<Object> reader = readers.computeIfAbsent(id, this::readerFor);
        try {
            BinaryDecoder decoder = DecoderFactory.get().binaryDecoder(data, WireFormat.HEADER_SIZE,
                    data.length - WireFormat.HEADER_SIZE, null);
            return (T) reader.read(null, decoder);
        } catch (IOException | RuntimeException e) {
            throw new SerializationException("cannot read Avro record on topic '" + topic + "' with schema id " + id
                    + (type != null ? " as " + type.getSimpleName() : "") + ": " + e, e);
        }
    }

    @SuppressWarnings("unchecked")
    private DatumReader<Object> readerFor(int id) {
        Schema writer = registry.getById(id);
        Class<?> target = type;
        if (target == null && specificReader) {
            target = SpecificData.get().getClass(writer);
            if (target == null || !SpecificRecord.class.isAssignableFrom(target)) {
                throw new SerializationException("specific.avro.reader is set but no generated class "
                        + writer.getFullName() + " is on the classpath (schema id " + id + ")");
            }
        }
        if (target == null) {
            return new GenericDatumReader<>(writer, writer, GenericData.get());
        }
        SpecificData data = SpecificData.getForClass(target);
        Schema reader = data.getSchema(target);
        return (DatumReader<Object>) (DatumReader<?>) new SpecificDatumReader<>(writer, reader, data);
    }
}
