package io.newsflow.consumer.transport;

import java.util.Properties;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.Consumer;

/** Makes the consumer for a topic; {@code KafkaSubscribers::createConsumer} in production, a MockConsumer in tests. */
@FunctionalInterface
public interface ConsumerFactory {
    <V extends SpecificRecord> Consumer<String, V> create(NewsTopic<V> topic, Properties config);
}
