package io.newsflow.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.consumer.transport.KafkaSubscribers;
import io.newsflow.consumer.transport.NewsTopic;
import io.newsflow.consumer.transport.TopicSubscriber;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.function.Predicate;
import org.apache.avro.specific.SpecificRecord;

/** End-to-end tests read output topics through the consumer module, waiting with a deadline. */
final class TopicReader {

    /** Reads {@code topic} from the beginning until a value matches, or fails when the deadline passes. */
    static <V extends SpecificRecord> V first(Properties clientConfig, NewsTopic<V> topic, Predicate<V> match,
                                              Duration deadline) {
        List<V> found = new ArrayList<>();
        Properties config = KafkaSubscribers.consumerConfig(clientConfig, null, true);
        try (TopicSubscriber<V> subscriber = KafkaSubscribers.subscriber(topic, config)) {
            long end = System.nanoTime() + deadline.toNanos();
            subscriber.run(record -> {
                if (match.test(record.value())) {
                    found.add(record.value());
                    subscriber.close();
                } else if (System.nanoTime() > end) {
                    subscriber.close();
                }
            }, Long.MAX_VALUE, deadline);
        }
        assertThat(found).as("a matching record on " + topic.topic() + " within " + deadline).isNotEmpty();
        return found.get(0);
    }

    private TopicReader() {
    }
}
