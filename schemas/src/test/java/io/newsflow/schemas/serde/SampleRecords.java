package io.newsflow.schemas.serde;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;

/** A filled-in GenericRecord for any schema: every optional field set, every array non-empty. */
final class SampleRecords {
    static Object sample(Schema schema, String name) {
        return switch (schema.getType()) {
            case RECORD -> {
                GenericData.Record record = new GenericData.Record(schema);
                for (Schema.Field field : schema.getFields()) {
                    record.put(field.name(), sample(field.schema(), field.name()));
                }
                yield record;
            }
            case UNION -> {
                List<Schema> branches = schema.getTypes();
                Schema nonNull = branches.stream().filter(s -> s.getType() != Schema.Type.NULL).findFirst().orElse(branches.get(0));
                yield sample(nonNull, name);
            }
            case ARRAY -> {
                List<Object> items = new ArrayList<>();
                items.add(sample(schema.getElementType(), name));
                yield new GenericData.Array<>(schema, items);
            }
            case MAP -> Map.of("k", sample(schema.getValueType(), name));
            case ENUM -> new GenericData.EnumSymbol(schema, schema.getEnumSymbols().get(1 % schema.getEnumSymbols().size()));
            case STRING -> name + "-value";
            case INT -> name.length();
            case LONG -> 1_700_000_000_000L + name.length();
            case FLOAT -> 1.5f;
            case DOUBLE -> 46.75;
            case BOOLEAN -> true;
            case BYTES -> ByteBuffer.wrap(name.getBytes());
            case FIXED -> new GenericData.Fixed(schema, new byte[schema.getFixedSize()]);
            case NULL -> null;
        };
    }

    private SampleRecords() {
    }
}
