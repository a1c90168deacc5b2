package io.newsflow.producer.transport;

import io.newsflow.avro.RawArticle;
import org.apache.kafka.clients.producer.RecordMetadata;

/**
 * Hears how each send ended. Called on the producer's I/O thread (or the caller's, for sends that
 * fail before they leave): keep it quick and thread-safe.
 */
public interface PublishListener {
    PublishListener NONE = new PublishListener() {
    };

    default void onSent(RawArticle article, RecordMetadata metadata) {
    }

    default void onFailed(RawArticle article, PublishFailure failure) {
    }
}
