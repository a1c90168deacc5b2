package io.newsflow.schemas.serde;

import org.apache.avro.Schema;

/** Subject names as Confluent's subject name strategies form them. */
public final class Subjects {
    /** TopicNameStrategy (the default): {@code <topic>-key} or {@code <topic>-value}. */
    public static String topicName(String topic, boolean isKey) {
        return topic + (isKey ? "-key" : "-value");
    }

    /** RecordNameStrategy: the record's full name, e.g. {@code io.newsflow.avro.RawArticle}. */
    public static String recordName(Schema schema) {
        return fullName(schema);
    }

    /** TopicRecordNameStrategy: {@code <topic>-<record full name>}. */
    public static String topicRecordName(String topic, Schema schema) {
        return topic + "-" + fullName(schema);
    }

    private static String fullName(Schema schema) {
        if (schema == null) {
            throw new IllegalArgumentException("a record name subject strategy needs the record's schema");
        }
        if (schema.getType() != Schema.Type.RECORD && schema.getType() != Schema.Type.ENUM
                && schema.getType() != Schema.Type.FIXED) {
            throw new IllegalArgumentException("a record name subject strategy needs a named schema (record, enum or fixed), got "
                    + schema.getType());
        }
        return schema.getFullName();
    }

    private Subjects() {
    }
}
