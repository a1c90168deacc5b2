package io.newsflow.processor.topology;

import io.newsflow.avro.DeadLetter;
import io.newsflow.schemas.registry.SchemaRegistryException;
import io.newsflow.schemas.serde.RecordSizes;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.IdentityHashMap;
import java.util.Map;
import org.apache.kafka.streams.errors.StreamsException;

/**
 * Builds the {@link DeadLetter} records of {@code news.articles.dlq} the same way in every error
 * layer (the topology's own routing and the Streams exception handlers), so an operator reading
 * the topic sees one shape whatever went wrong.
 */
public final class DeadLetters {
    /** The value could not be read as a RawArticle (not wire format, unknown schema, empty). */
    public static final String STAGE_DESERIALIZE = "DESERIALIZE";
    /** The value was read but the enrichment (or building the outputs) failed. */
    public static final String STAGE_PROCESS = "PROCESS";
    /** An output could not be serialized or sent. */
    public static final String STAGE_PRODUCE = "PRODUCE";

    /** Reason label of a tombstone on the raw topic. */
    public static final String REASON_TOMBSTONE = "tombstone";
    /** Reason label of an empty value on the raw topic. */
    public static final String REASON_EMPTY = "empty-value";
    /** Reason label of an output (or the DLQ record) over the size Kafka accepts. */
    public static final String REASON_TOO_LARGE = "too-large";

    /** Longest error text kept; a stack of causes can be long and the DLQ is for people to read. */
    static final int MAX_ERROR_LENGTH = 4000;

    private DeadLetters() {
    }

    public static DeadLetter of(String stage, Throwable error, String sourceTopic, Integer sourcePartition,
                                Long sourceOffset, byte[] originalKey, byte[] originalValue, Instant failedAt) {
        return of(stage, describe(error), error.getClass().getName(), sourceTopic, sourcePartition, sourceOffset,
                originalKey, originalValue, failedAt);
    }

    public static DeadLetter of(String stage, String error, String errorClass, String sourceTopic,
                                Integer sourcePartition, Long sourceOffset, byte[] originalKey,
                                byte[] originalValue, Instant failedAt) {
        return DeadLetter.newBuilder()
                .setStage(stage)
                .setError(error)
                .setErrorClass(errorClass)
                .setSourceTopic(sourceTopic)
                .setSourcePartition(sourcePartition)
                .setSourceOffset(sourceOffset)
                .setOriginalKey(originalKey == null ? null : ByteBuffer.wrap(originalKey))
                .setOriginalValue(originalValue == null ? null : ByteBuffer.wrap(originalValue))
                .setFailedAt(failedAt)
                .build();
    }

    /**
     * The dead letter cut to fit in a record value of at most {@code maxValueBytes}: when it would
     * not (an original record close to Kafka's limit, plus the error text), the original value is
     * cut and the error says so, with the original length and where the whole record still is.
     * Without the cut the dead letter itself would be refused, and the record lost or the stream
     * stopped; the source position lets an operator fetch the whole record while it is retained.
     */
    public static DeadLetter fit(DeadLetter letter, long maxValueBytes) {
        if (OutputSizes.upperBound(letter) <= maxValueBytes) {
            return letter;
        }
        long size = RecordSizes.wireFormatSize(letter);
        if (size <= maxValueBytes) {
            return letter;
        }
        ByteBuffer original = letter.getOriginalValue();
        int length = original == null ? 0 : original.remaining();
        String where = letter.getSourceTopic() == null ? "its source topic"
                : letter.getSourceTopic() + "-" + letter.getSourcePartition() + "@" + letter.getSourceOffset();
        // room for the note itself, at 3 bytes a character, and a little slack
        long room = Math.max(0, maxValueBytes - (size - length) - 1024);
        int kept = (int) Math.min(length, room);
        String note = " [originalValue cut from " + RecordSizes.bytes(length) + " to " + RecordSizes.bytes(kept)
                + " bytes so this dead letter fits in " + RecordSizes.bytes(maxValueBytes)
                + " bytes; the whole record is at " + where + " while its retention lasts]";
        byte[] head = new byte[kept];
        if (original != null) {
            original.duplicate().get(head);
        }
        return DeadLetter.newBuilder(letter)
                .setError(letter.getError() + note)
                .setOriginalValue(original == null ? null : ByteBuffer.wrap(head))
                .build();
    }

    /**
     * The error and its causes in one line ("SerializationException: ... <- EOFException: ..."),
     * because the outermost message alone is often just a wrapper's.
     */
    public static String describe(Throwable error) {
        StringBuilder text = new StringBuilder();
        Map<Throwable, Boolean> seen = new IdentityHashMap<>();
        for (Throwable t = error; t != null && seen.put(t, Boolean.TRUE) == null; t = t.getCause()) {
            if (text.length() > 0) {
                text.append(" <- ");
            }
            text.append(t.getClass().getSimpleName());
            if (t.getMessage() != null) {
                text.append(": ").append(t.getMessage());
            }
        }
        return text.length() > MAX_ERROR_LENGTH ? text.substring(0, MAX_ERROR_LENGTH) + "..." : text.toString();
    }

    /**
     * The {@code reason} label of the dead-letter metric for an error: the exception's simple class
     * name ({@code SerializationException}, {@code WriterSchemaUnavailableException}, ...), a set
     * bounded by the code, never the message (which carries offsets and ids).
     */
    public static String reason(Throwable error) {
        return error.getClass().getSimpleName();
    }

    /**
     * True when the failure is about the infrastructure, not the record: the schema registry
     * could not be reached or answered 5xx. Such records must not be dead-lettered without
     * retries — the same bytes will read fine once the registry is back — so the safety-net
     * layers fail the task instead and the record is retried from the last committed offset.
     * (The topology's own processor retries a writer-schema fetch itself and dead-letters the
     * record after that: a {@link WriterSchemaUnavailableException}, which is not transient any
     * more, whatever its cause.)
     */
    public static boolean isTransient(Throwable error) {
        Map<Throwable, Boolean> seen = new IdentityHashMap<>();
        for (Throwable t = error; t != null && seen.put(t, Boolean.TRUE) == null; t = t.getCause()) {
            if (t instanceof WriterSchemaUnavailableException) {
                return false; // retried already
            }
            if (t instanceof SchemaRegistryException && ((SchemaRegistryException) t).isRetriable()) {
                return true;
            }
        }
        return false;
    }

    /**
     * True when the error is Kafka Streams' own (e.g. a sink whose production handler chose to
     * fail): it is not about the record and must reach the uncaught-exception handler unchanged.
     */
    public static boolean isStreamsInternal(Throwable error) {
        return error instanceof StreamsException;
    }
}
