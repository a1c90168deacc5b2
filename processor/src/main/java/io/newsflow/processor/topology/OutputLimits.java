package io.newsflow.processor.topology;

import io.newsflow.schemas.serde.RecordSizes;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.streams.StreamsConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How large an output record may be, and which source records proved unsendable — so that one
 * article too large for Kafka becomes a dead letter instead of stopping the stream.
 *
 * <p><b>The limit</b> is the smallest of the processor's producer {@code max.request.size} (1 MiB
 * by default) and, once the processor has looked at its topics, their {@code max.message.bytes}.
 * The topology measures an article's outputs against it before forwarding any of them
 * ({@link EnrichArticleProcessor}); the dead letter itself is cut to fit ({@link DeadLetters#fit}).
 *
 * <p><b>Why measure first.</b> Under {@code exactly_once_v2} a record the producer refuses
 * ({@code RecordTooLargeException}) puts the open transaction into an abortable error state:
 * whatever the production handler answers, the next send or commit fails, the stream thread dies
 * and the task is read again from its last commit — the same record again. So the only robust
 * place to decide is before the record reaches the producer.
 *
 * <p><b>The safety net.</b> If a record is refused anyway (a topic's limit lowered while running,
 * an estimate that was wrong), the production handler {@link #markUnsendable marks} the refused
 * output and lets the thread fail; the replacement thread reads the record again and the topology
 * dead-letters it ({@link #takeUnsendable}) instead of producing it, and the uncaught-exception
 * handler does not count that replacement against its budget ({@link #explains}). One
 * replacement per such record, never an endless loop and never a stopped client.
 */
public final class OutputLimits {
    private static final Logger log = LoggerFactory.getLogger(OutputLimits.class);

    /** Streams configuration key under which {@code ProcessorApp} hands this object to the handlers. */
    public static final String CONFIG = "newsflow.internal.output-limits";
    /** Room kept for the record's key, headers and Kafka's framing beyond what is measured. */
    static final int MARGIN = 1024;

    private volatile long maxBytes;
    private volatile String source;
    private final Map<OutputKey, Unsendable> unsendable = new ConcurrentHashMap<>();

    private OutputLimits(long maxBytes, String source) {
        this.maxBytes = maxBytes;
        this.source = source;
    }

    /** The limit of the processor's producer ({@code producer.max.request.size}, {@code max.request.size}, or 1 MiB). */
    public static OutputLimits fromStreamsConfig(Map<?, ?> config) {
        Object prefixed = config.get(StreamsConfig.producerPrefix(ProducerConfig.MAX_REQUEST_SIZE_CONFIG));
        Object plain = config.get(ProducerConfig.MAX_REQUEST_SIZE_CONFIG);
        Object value = prefixed != null ? prefixed : plain;
        long bytes = value == null ? RecordSizes.KAFKA_DEFAULT_MAX_REQUEST_SIZE : Long.parseLong(value.toString().trim());
        return new OutputLimits(bytes, "max.request.size of the processor's producer");
    }

    /** A fixed limit, for tests. */
    public static OutputLimits of(long maxBytes, String source) {
        return new OutputLimits(maxBytes, source);
    }

    /** The instance {@code ProcessorApp} put into the Streams configuration, or one from the producer settings there. */
    public static OutputLimits fromConfig(Map<String, ?> configs) {
        Object limits = configs.get(CONFIG);
        return limits instanceof OutputLimits ? (OutputLimits) limits : fromStreamsConfig(configs);
    }

    /** Lowers the limit when a topic accepts less ({@code max.message.bytes}); never raises it. */
    public synchronized void lowerTo(long bytes, String why) {
        if (bytes < maxBytes) {
            log.info("output records limited to {} bytes by {} (was {} by {})", RecordSizes.bytes(bytes), why,
                    RecordSizes.bytes(maxBytes), source);
            maxBytes = bytes;
            source = why;
        }
    }

    public long maxBytes() {
        return maxBytes;
    }

    /** "1,048,576 bytes (max.request.size of the processor's producer)". */
    public String describe() {
        return RecordSizes.bytes(maxBytes) + " bytes (" + source + ")";
    }

    /** Records of at most this many value bytes are sure to fit, with {@link #MARGIN} for key, headers and framing. */
    public long maxValueBytes() {
        return maxBytes - MARGIN;
    }

    /**
     * The production handler's note that Kafka refused an output: the next time the topology builds
     * an output with this topic and key, it dead-letters the source record instead (stage PRODUCE,
     * {@code reason}). Outputs are marked by topic and key, not by the source position, because
     * for an error the broker returns, Streams' handler context already describes a later record;
     * the key of an enriched article or a casualty report is the article id, that of a dead letter
     * the original key, so the mark finds its article.
     *
     * @param error the producer's exception, kept to recognise the thread death it causes
     */
    public void markUnsendable(String outputTopic, byte[] outputKey, String reason, Throwable error) {
        OutputKey key = new OutputKey(outputTopic, outputKey);
        Unsendable earlier = unsendable.get(key);
        // a second refusal of the same output is not excused again: the dead letter did not help
        unsendable.put(key, new Unsendable(reason, error, earlier != null));
    }

    /** Whether any output is marked; a fast path for the topology's per-record check. */
    boolean anyUnsendable() {
        return !unsendable.isEmpty();
    }

    /** The mark of this output, removing it; empty if it was not marked unsendable. */
    Optional<Unsendable> takeUnsendable(String outputTopic, String key) {
        return takeUnsendable(outputTopic, key == null ? null : key.getBytes(StandardCharsets.UTF_8));
    }

    /** As {@link #takeUnsendable(String, String)} for a key in bytes (a dead letter's original key). */
    Optional<Unsendable> takeUnsendable(String outputTopic, byte[] key) {
        if (unsendable.isEmpty()) {
            return Optional.empty();
        }
        return Optional.ofNullable(unsendable.remove(new OutputKey(outputTopic, key)));
    }

    /**
     * True when a stream thread died of the very exception that marked an output unsendable for the
     * first time: the thread's replacement will dead-letter that record, so the death is expected,
     * not a fault.
     */
    public boolean explains(Throwable death) {
        for (Throwable t = death; t != null; t = t.getCause() == t ? null : t.getCause()) {
            for (Unsendable mark : unsendable.values()) {
                if (mark.error == t) {
                    return !mark.again;
                }
            }
        }
        return false;
    }

    private record OutputKey(String topic, ByteBuffer key) {
        OutputKey(String topic, byte[] key) {
            this(Objects.requireNonNull(topic, "topic"), key == null ? ByteBuffer.allocate(0) : ByteBuffer.wrap(key.clone()));
        }
    }

    /** Why an output could not be sent, and the producer's exception that said so. */
    record Unsendable(String reason, Throwable error, boolean again) {
    }

    @Override
    public String toString() {
        return "OutputLimits[" + describe() + "]";
    }
}
