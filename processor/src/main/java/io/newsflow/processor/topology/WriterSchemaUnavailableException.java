package io.newsflow.processor.topology;

/**
 * The writer schema of a record could not be fetched: the schema registry stayed unreachable (or
 * answered 5xx, or too slowly) through every attempt of {@link WriterSchemaFetcher}. The record
 * itself is probably fine, so its dead letter is meant to be replayed once the registry is back;
 * this class name in {@code DeadLetter.errorClass} is how an operator finds those.
 */
public final class WriterSchemaUnavailableException extends RuntimeException {
    private final int schemaId;
    private final int attempts;

    WriterSchemaUnavailableException(int schemaId, String topic, int attempts, String elapsed,
                                     RuntimeException lastError) {
        super("cannot fetch writer schema id " + schemaId + " of a record on " + topic + " from the schema registry after "
                + attempts + (attempts == 1 ? " attempt" : " attempts") + " in " + elapsed
                + " (registry unavailable; the record is intact and can be replayed once it is back)", lastError);
        this.schemaId = schemaId;
        this.attempts = attempts;
    }

    public int schemaId() {
        return schemaId;
    }

    public int attempts() {
        return attempts;
    }
}
