package io.newsflow.producer.transport;

import io.newsflow.avro.RawArticle;
import io.newsflow.schemas.Topics;
import io.newsflow.schemas.serde.RecordSizes;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.AuthenticationException;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.InterruptException;
import org.apache.kafka.common.errors.OutOfOrderSequenceException;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.UnsupportedVersionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes raw articles. Output: {@code news.articles.raw}, key article id (String) → value
 * {@link RawArticle} (Avro, registry-backed).
 *
 * <p>Sends are asynchronous; each outcome goes to the {@link PublishListener} and the counters.
 * An article larger than the pipeline carries ({@link RecordSizes#MAX_ARTICLE_BYTES} serialized
 * by default) is refused before it is sent, with its size and the limit in the reason: the
 * processor's enriched record repeats it and must fit in a Kafka record too.
 * A send that fails is reported with its reason and the next article is still tried — except
 * after a fatal error (authorisation, fencing, a broker that cannot be reached within
 * {@code max.block.ms}), after which later articles fail at once with that reason rather than
 * each waiting out the same timeout. {@link #close()} flushes, then closes the producer.
 */
public class ArticlePublisher implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ArticlePublisher.class);
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(30);

    private final Producer<String, RawArticle> producer;
    private final String topic;
    private final PublishListener listener;
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final List<PublishFailure> failures = new ArrayList<>();
    private final AtomicReference<String> fatal = new AtomicReference<>();
    private final AtomicBoolean closed = new AtomicBoolean();
    private final long maxArticleBytes;

    public ArticlePublisher(Producer<String, RawArticle> producer) {
        this(producer, Topics.RAW, PublishListener.NONE);
    }

    public ArticlePublisher(Producer<String, RawArticle> producer, PublishListener listener) {
        this(producer, Topics.RAW, listener);
    }

    public ArticlePublisher(Producer<String, RawArticle> producer, String topic, PublishListener listener) {
        this(producer, topic, listener, RecordSizes.MAX_ARTICLE_BYTES);
    }

    /**
     * @param maxArticleBytes the largest article sent, serialized in the wire format; larger ones are
     *                        refused with the limit in the reason ({@link RecordSizes#MAX_ARTICLE_BYTES}
     *                        by default: what the pipeline carries)
     */
    public ArticlePublisher(Producer<String, RawArticle> producer, String topic, PublishListener listener,
                            long maxArticleBytes) {
        if (maxArticleBytes <= 0) {
            throw new IllegalArgumentException("maxArticleBytes must be positive, not " + maxArticleBytes);
        }
        this.producer = producer;
        this.topic = topic;
        this.listener = listener;
        this.maxArticleBytes = maxArticleBytes;
    }

    /**
     * Record header repeating {@link RawArticle#getOutlet()} (UTF-8), when known. Kept for
     * consumers written before the field existed; read the field instead.
     */
    public static final String OUTLET_HEADER = "outlet";

    /**
     * Sends one article keyed by its id, with its outlet also as the {@value #OUTLET_HEADER}
     * header (none when the outlet is unknown); the outcome is reported later, to the listener.
     */
    public void publish(RawArticle article) {
        String stopped = fatal.get();
        if (stopped != null) {
            fail(article, "not tried: the producer stopped after an earlier fatal error: " + stopped, true);
            return;
        }
        if (closed.get()) {
            fail(article, "not tried: the publisher is closed", true);
            return;
        }
        long size = RecordSizes.wireFormatSize(article);
        if (size > maxArticleBytes) {
            fail(article, "refused: the article is " + RecordSizes.bytes(size) + " bytes serialized, over the limit of "
                    + RecordSizes.bytes(maxArticleBytes) + " bytes the pipeline carries (--max-article-bytes; the enriched"
                    + " record repeats the article and must fit in Kafka's max.request.size, "
                    + RecordSizes.bytes(RecordSizes.KAFKA_DEFAULT_MAX_REQUEST_SIZE) + " by default)", false);
            return;
        }
        try {
            ProducerRecord<String, RawArticle> record = new ProducerRecord<>(topic, article.getId(), article);
            String outlet = article.getOutlet();
            if (outlet != null && !outlet.isBlank()) {
                record.headers().add(OUTLET_HEADER, outlet.getBytes(StandardCharsets.UTF_8));
            }
            producer.send(record, (metadata, error) -> {
                if (error == null) {
                    sent.incrementAndGet();
                    listener.onSent(article, metadata);
                } else {
                    failed(article, error, false);
                }
            });
        } catch (RuntimeException e) {
            // thrown before the record left: serialization, registry, metadata timeout, closed producer
            failed(article, e, false);
        }
    }

    /** Blocks until every send so far has completed (and been reported). */
    public void flush() {
        producer.flush();
    }

    public long sent() {
        return sent.get();
    }

    public long failed() {
        return failed.get();
    }

    /** The failed sends so far, in the order they were reported. */
    public List<PublishFailure> failures() {
        synchronized (failures) {
            return List.copyOf(failures);
        }
    }

    /** The reason the producer stopped, after a fatal error; empty while it can still send. */
    public Optional<String> fatalError() {
        return Optional.ofNullable(fatal.get());
    }

    /** Whether {@link #close} has been called. */
    public boolean isClosed() {
        return closed.get();
    }

    /** Flushes outstanding sends, then closes the producer. Safe to call more than once. */
    @Override
    public void close() {
        close(CLOSE_TIMEOUT);
    }

    public void close(Duration timeout) {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        try {
            producer.flush();
        } catch (RuntimeException e) {
            LOG.warn("flush before close failed: {}", reason(e));
        } finally {
            producer.close(timeout);
        }
    }

    /** A one-line reason for a failed send: the innermost Kafka error's class and message. */
    public static String reason(Throwable error) {
        Throwable e = error;
        while ((e instanceof ExecutionException || (e.getClass() == KafkaException.class)) && e.getCause() != null) {
            e = e.getCause();
        }
        String message = e.getMessage();
        return e.getClass().getSimpleName() + (message == null || message.isBlank() ? "" : ": " + message);
    }

    /**
     * Errors after which the producer cannot send anything more — or, for a timeout, after which
     * the broker has already been retried for {@code max.block.ms} / {@code delivery.timeout.ms}
     * (Kafka reports an unreachable broker as "not present in metadata after 60000 ms" through
     * the callback), so each further article would only wait out the same timeout.
     */
    public static boolean isFatal(Throwable error) {
        return error instanceof TimeoutException
                || error instanceof AuthenticationException
                || error instanceof AuthorizationException
                || error instanceof UnsupportedVersionException
                || error instanceof ProducerFencedException
                || error instanceof OutOfOrderSequenceException
                || error instanceof InterruptException
                || error instanceof IllegalStateException;
    }

    private void failed(RawArticle article, Throwable error, boolean stopsProducer) {
        boolean isFatal = stopsProducer || isFatal(error);
        String reason = reason(error);
        if (isFatal) {
            fatal.compareAndSet(null, reason);
        }
        fail(article, reason, isFatal);
    }

    private void fail(RawArticle article, String reason, boolean isFatal) {
        PublishFailure failure = new PublishFailure(article.getId(), article.getSource(), reason, isFatal);
        failed.incrementAndGet();
        synchronized (failures) {
            failures.add(failure);
        }
        listener.onFailed(article, failure);
    }
}
