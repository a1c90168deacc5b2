package io.newsflow.consumer.transport;

/**
 * A record the consumer could not deserialise and skipped: where it is, and why.
 *
 * @param topic     the topic
 * @param partition the partition
 * @param offset    the record's offset; the subscriber went on from {@code offset + 1}
 * @param reason    what went wrong (key or value, and the deserialiser's message)
 */
public record UnreadableRecord(String topic, int partition, long offset, String reason) {
    @Override
    public String toString() {
        return topic + "[" + partition + "]@" + offset + ": " + reason;
    }
}
