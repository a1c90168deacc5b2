package io.newsflow.processor.app;

import io.newsflow.avro.GazetteerEntry;
import io.newsflow.schemas.Topics;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;

/**
 * Publishes operators' entries to the compacted {@code news.gazetteer} topic: key = entity id,
 * value = {@link GazetteerEntry}, a null value (tombstone) removes the entry. Each call waits for
 * the broker's acknowledgement, so a command that returns has made the change durable; a running
 * processor applies it to the next article. Takes the producer by constructor (a
 * {@code MockProducer} in tests); closing the publisher closes it.
 */
public final class GazetteerPublisher implements AutoCloseable {
    private final Producer<String, GazetteerEntry> producer;
    private final Duration timeout;

    public GazetteerPublisher(Producer<String, GazetteerEntry> producer, Duration timeout) {
        this.producer = Objects.requireNonNull(producer, "producer");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
    }

    /** Adds or replaces the entry with {@code entry.getId()}. */
    public RecordMetadata put(GazetteerEntry entry) throws InterruptedException, ExecutionException, TimeoutException {
        Objects.requireNonNull(entry, "entry");
        return send(new ProducerRecord<>(Topics.GAZETTEER, entry.getId(), entry));
    }

    /** Removes the entry with this id (a tombstone; compaction drops the older versions). */
    public RecordMetadata delete(String id) throws InterruptedException, ExecutionException, TimeoutException {
        Objects.requireNonNull(id, "id");
        return send(new ProducerRecord<>(Topics.GAZETTEER, id, null));
    }

    private RecordMetadata send(ProducerRecord<String, GazetteerEntry> record)
            throws InterruptedException, ExecutionException, TimeoutException {
        return producer.send(record).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        producer.close(timeout);
    }
}
