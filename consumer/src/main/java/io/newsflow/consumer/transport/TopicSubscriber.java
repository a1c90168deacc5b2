package io.newsflow.consumer.transport;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.InvalidOffsetException;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.AuthenticationException;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.FencedInstanceIdException;
import org.apache.kafka.common.errors.InterruptException;
import org.apache.kafka.common.errors.InvalidTopicException;
import org.apache.kafka.common.errors.RecordDeserializationException;
import org.apache.kafka.common.errors.UnsupportedVersionException;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows one topic and hands its records, typed, to a {@link RecordHandler}. Input: the topic
 * given (for the pipeline's topics see {@link NewsTopic}), key String → value {@code V}.
 *
 * <p>The poll loop does nothing but hand records over, and sorts what goes wrong:
 * <ul>
 *   <li>a record that cannot be deserialised is reported to {@link RecordHandler#onUnreadable}
 *       with its topic, partition and offset, and skipped (the subscriber seeks past it);</li>
 *   <li>an invalid or missing offset (only with {@code auto.offset.reset=none}) moves to the end;</li>
 *   <li>authentication, authorisation, unsupported-version and invalid-topic errors are fatal and
 *       come out of {@link #run};</li>
 *   <li>other Kafka errors are logged and polling goes on, until {@value #MAX_CONSECUTIVE_ERRORS}
 *       in a row.</li>
 * </ul>
 * {@link #close()} may be called from any thread (a shutdown hook): it sets the closed flag and
 * wakes the consumer; {@code run} then returns, and closes the consumer on its own thread.
 */
public class TopicSubscriber<V> implements AutoCloseable {
    static final int MAX_CONSECUTIVE_ERRORS = 10;
    private static final Logger LOG = LoggerFactory.getLogger(TopicSubscriber.class);
    private static final Duration DEFAULT_POLL_TIMEOUT = Duration.ofMillis(500);
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(10);

    /** What a run did: records handed to the handler, and unreadable records skipped. */
    public record RunResult(long records, long unreadable) {
    }

    private final Consumer<String, V> consumer;
    private final String topic;
    private final Duration pollTimeout;
    private final AtomicBoolean closed = new AtomicBoolean();

    /** Takes ownership of {@code consumer}: {@link #run} closes it when it returns. */
    public TopicSubscriber(Consumer<String, V> consumer, String topic) {
        this(consumer, topic, DEFAULT_POLL_TIMEOUT);
    }

    public TopicSubscriber(Consumer<String, V> consumer, String topic, Duration pollTimeout) {
        this.consumer = consumer;
        this.topic = topic;
        this.pollTimeout = pollTimeout;
    }

    public String topic() {
        return topic;
    }

    /** Subscribes and hands records to {@code handler} until {@link #close()} is called. */
    public RunResult run(RecordHandler<V> handler) {
        return run(handler, 0, null);
    }

    /**
     * Subscribes and hands records to {@code handler} until {@link #close()} is called, or
     * {@code maxRecords} records were handled (0 for no limit), or no record arrived for
     * {@code idleTimeout} (null for no limit). Records polled but not handled because the limit
     * was reached are left for the next consumer of the group. Closes the consumer on return.
     */
    public RunResult run(RecordHandler<V> handler, long maxRecords, Duration idleTimeout) {
        long handled = 0;
        long unreadable = 0;
        int consecutiveErrors = 0;
        long lastActivity = System.nanoTime();
        try {
            consumer.subscribe(List.of(topic));
            while (!closed.get()) {
                ConsumerRecords<String, V> records;
                try {
                    records = consumer.poll(pollTimeout);
                    consecutiveErrors = 0;
                } catch (RecordDeserializationException e) {
                    unreadable++;
                    lastActivity = System.nanoTime();
                    consumer.seek(e.topicPartition(), e.offset() + 1);
                    handler.onUnreadable(new UnreadableRecord(e.topicPartition().topic(), e.topicPartition().partition(),
                            e.offset(), reason(e)));
                    continue;
                } catch (WakeupException e) {
                    if (closed.get()) {
                        break;
                    }
                    continue;
                } catch (InvalidOffsetException e) {
                    LOG.warn("no valid offset for {} ({}); continuing from the end", e.partitions(), e.getMessage());
                    consumer.seekToEnd(e.partitions());
                    continue;
                } catch (KafkaException e) {
                    if (isFatal(e) || ++consecutiveErrors >= MAX_CONSECUTIVE_ERRORS) {
                        throw e;
                    }
                    LOG.warn("poll of {} failed, retrying: {}", topic, e.toString());
                    continue;
                }
                if (records.isEmpty()) {
                    if (idleTimeout != null && System.nanoTime() - lastActivity >= idleTimeout.toNanos()) {
                        break;
                    }
                    continue;
                }
                lastActivity = System.nanoTime();
                Map<TopicPartition, Long> unhandled = new HashMap<>();
                for (ConsumerRecord<String, V> record : records) {
                    TopicPartition tp = new TopicPartition(record.topic(), record.partition());
                    if ((maxRecords > 0 && handled >= maxRecords) || closed.get()) {
                        unhandled.putIfAbsent(tp, record.offset());
                        continue;
                    }
                    handler.onRecord(record);
                    handled++;
                }
                // rewind so that an auto-commit on close does not mark unhandled records as read
                unhandled.forEach(consumer::seek);
                if (maxRecords > 0 && handled >= maxRecords) {
                    break;
                }
            }
        } catch (WakeupException e) {
            if (!closed.get()) {
                throw e;
            }
        } finally {
            closed.set(true);
            try {
                consumer.close(CLOSE_TIMEOUT);
            } catch (RuntimeException e) {
                LOG.warn("closing the consumer of {} failed: {}", topic, e.toString());
            }
        }
        return new RunResult(handled, unreadable);
    }

    /** Stops {@link #run}; safe from any thread, and more than once. */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            consumer.wakeup();
        }
    }

    public boolean isClosed() {
        return closed.get();
    }

    static boolean isFatal(KafkaException e) {
        return e instanceof AuthenticationException
                || e instanceof AuthorizationException
                || e instanceof UnsupportedVersionException
                || e instanceof InvalidTopicException
                || e instanceof FencedInstanceIdException
                || e instanceof InterruptException;
    }

    private static String reason(RecordDeserializationException e) {
        String what = e.origin() == null ? "record" : e.origin().name().toLowerCase(java.util.Locale.ROOT);
        Throwable cause = e.getCause();
        return "cannot deserialize " + what + ": " + (cause != null && cause.getMessage() != null ? cause.getMessage() : e.getMessage());
    }
}
