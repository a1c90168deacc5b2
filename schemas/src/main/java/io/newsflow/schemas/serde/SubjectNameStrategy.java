package io.newsflow.schemas.serde;

import java.util.Locale;
import org.apache.avro.Schema;

/**
 * How a serde names the subject a schema is registered under — Confluent's
 * {@code key.subject.name.strategy} / {@code value.subject.name.strategy}. The three built-in
 * strategies accept Confluent's class names ({@code io.confluent.kafka.serializers.subject.TopicNameStrategy}, ...)
 * and short names ({@code TopicNameStrategy}, {@code topic_name}, ...); any other value is loaded
 * as a class implementing this interface with a public no-arg constructor.
 */
@FunctionalInterface
public interface SubjectNameStrategy {
    /** The subject for a record with this schema written to this topic as key or value. */
    String subjectName(String topic, boolean isKey, Schema schema);

    /** {@code <topic>-key} / {@code <topic>-value}: one schema per topic (the default). */
    SubjectNameStrategy TOPIC_NAME = (topic, isKey, schema) -> Subjects.topicName(topic, isKey);

    /** The record's full name: one subject per record type, any number of types per topic. */
    SubjectNameStrategy RECORD_NAME = (topic, isKey, schema) -> Subjects.recordName(schema);

    /** {@code <topic>-<record full name>}: several record types per topic, evolved per topic. */
    SubjectNameStrategy TOPIC_RECORD_NAME = (topic, isKey, schema) -> Subjects.topicRecordName(topic, schema);

    /** The strategy named by a config value; null or blank gives {@link #TOPIC_NAME}. */
    static SubjectNameStrategy forName(Object value) {
        if (value == null || value.toString().isBlank()) {
            return TOPIC_NAME;
        }
        if (value instanceof SubjectNameStrategy strategy) {
            return strategy;
        }
        if (value instanceof Class<?> type) {
            return instantiate(type);
        }
        String name = value.toString().trim();
        String simple = name.substring(name.lastIndexOf('.') + 1).replace("_", "").toLowerCase(Locale.ROOT);
        boolean confluentOrShort = !name.contains(".") || name.startsWith("io.confluent.kafka.serializers.subject.");
        if (confluentOrShort) {
            switch (simple) {
                case "topicnamestrategy", "topicname" -> {
                    return TOPIC_NAME;
                }
                case "recordnamestrategy", "recordname" -> {
                    return RECORD_NAME;
                }
                case "topicrecordnamestrategy", "topicrecordname" -> {
                    return TOPIC_RECORD_NAME;
                }
                default -> {
                    if (!name.contains(".")) {
                        throw new IllegalArgumentException("unknown subject name strategy '" + name
                                + "'; expected TopicNameStrategy, RecordNameStrategy, TopicRecordNameStrategy or a class name");
                    }
                }
            }
        }
        try {
            return instantiate(Class.forName(name, true, Thread.currentThread().getContextClassLoader() != null
                    ? Thread.currentThread().getContextClassLoader() : SubjectNameStrategy.class.getClassLoader()));
        } catch (ClassNotFoundException e) {
            throw new IllegalArgumentException("unknown subject name strategy '" + name + "': no such class", e);
        }
    }

    private static SubjectNameStrategy instantiate(Class<?> type) {
        if (!SubjectNameStrategy.class.isAssignableFrom(type)) {
            throw new IllegalArgumentException("subject name strategy " + type.getName() + " does not implement "
                    + SubjectNameStrategy.class.getName());
        }
        try {
            return (SubjectNameStrategy) type.getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException e) {
            throw new IllegalArgumentException("cannot create subject name strategy " + type.getName() + ": " + e, e);
        }
    }
}
