package io.newsflow.consumer.transport;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.LoggerFactory;

/**
 * What a {@link TopicSubscriber} hands records to. Runs on the polling thread; a handler that
 * throws stops the subscriber (the exception comes out of {@code run}).
 */
@FunctionalInterface
public interface RecordHandler<V> {
    void onRecord(ConsumerRecord<String, V> record);

    /** A record that could not be read and was skipped; logs a warning unless overridden. */
    default void onUnreadable(UnreadableRecord record) {
        LoggerFactory.getLogger(RecordHandler.class).warn("skipped unreadable record {}", record);
    }
}
