package io.newsflow.processor.topology;

import io.newsflow.schemas.registry.SchemaRegistryClient;
import io.newsflow.schemas.registry.SchemaRegistryException;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.avro.Schema;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.errors.InterruptException;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.StreamsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fetches the writer schema of a record (by the id in its wire-format header) from the schema
 * registry with a bounded number of attempts and a bounded time, so that a registry that is down
 * or slow costs the stream thread at most {@link #timeout()} per record, and the record then
 * becomes a dead letter instead of failing the task.
 *
 * <p>Each attempt is one {@link SchemaRegistryClient#getById} call, which itself retries
 * connection errors and 5xx with backoff (4 tries by default); between attempts the fetcher waits
 * {@code backoff}, doubled each time. Only a retriable {@link SchemaRegistryException} (no
 * response, 5xx, 429) or an attempt that outlives the time left is retried; any other answer
 * (e.g. 40403 unknown id) is the record's problem and is thrown at once. The call runs on a
 * helper thread so that a registry that accepts the connection but never answers cannot hold the
 * stream thread past the deadline; an attempt cut off there is cancelled (interrupted).
 *
 * <p>Settings, read from the Streams configuration ({@code ProcessorContext.appConfigs()}):
 * <pre>
 * newsflow.schema.fetch.attempts     attempts before giving up (default 3)
 * newsflow.schema.fetch.backoff.ms   wait after the first failed attempt, doubled after each (default 500)
 * newsflow.schema.fetch.timeout.ms   all attempts and waits of one record together (default 5000)
 * </pre>
 * Under exactly-once the time is capped at half the producer's {@code transaction.timeout.ms}
 * (10 s by default in Streams): the thread blocks while a transaction may be open, and one that
 * outlives its timeout is aborted by the broker.
 *
 * <p>Ids fetched once are known for the life of the fetcher (the registry client caches them, and
 * an id never changes meaning), so records with those ids make no registry call at all — also
 * while the registry is down. Thread-confined: one fetcher per processor instance (per task).
 */
public final class WriterSchemaFetcher {
    private static final Logger log = LoggerFactory.getLogger(WriterSchemaFetcher.class);

    public static final String ATTEMPTS_CONFIG = "newsflow.schema.fetch.attempts";
    public static final String BACKOFF_MS_CONFIG = "newsflow.schema.fetch.backoff.ms";
    public static final String TIMEOUT_MS_CONFIG = "newsflow.schema.fetch.timeout.ms";

    public static final int DEFAULT_ATTEMPTS = 3;
    public static final Duration DEFAULT_BACKOFF = Duration.ofMillis(500);
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);
    /** Kafka Streams' default {@code transaction.timeout.ms} under exactly-once. */
    static final Duration STREAMS_EOS_TRANSACTION_TIMEOUT = Duration.ofSeconds(10);

    /** Shared by all fetchers of the JVM; threads are made on demand and die after a minute idle. */
    private static final ExecutorService CALLS = Executors.newCachedThreadPool(new java.util.concurrent.ThreadFactory() {
        private final AtomicInteger count = new AtomicInteger();

        @Override
        public Thread newThread(Runnable runnable) {
            Thread thread = new Thread(runnable, "newsflow-registry-call-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        }
    });

    private final SchemaRegistryClient registry;
    private final int attempts;
    private final Duration backoff;
    private final Duration timeout;
    private final Set<Integer> known = ConcurrentHashMap.newKeySet();

    WriterSchemaFetcher(SchemaRegistryClient registry, int attempts, Duration backoff, Duration timeout) {
        if (attempts < 1) {
            throw new IllegalArgumentException(ATTEMPTS_CONFIG + " must be at least 1, got " + attempts);
        }
        if (backoff.isNegative() || timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException(BACKOFF_MS_CONFIG + " must not be negative and " + TIMEOUT_MS_CONFIG
                    + " must be positive, got " + backoff.toMillis() + " and " + timeout.toMillis());
        }
        this.registry = registry;
        this.attempts = attempts;
        this.backoff = backoff;
        this.timeout = timeout;
    }

    /** A fetcher with the settings of the class comment, read from a Streams configuration. */
    static WriterSchemaFetcher fromConfig(SchemaRegistryClient registry, Map<String, ?> configs) {
        int attempts = (int) number(configs, ATTEMPTS_CONFIG, DEFAULT_ATTEMPTS);
        Duration backoff = Duration.ofMillis(number(configs, BACKOFF_MS_CONFIG, DEFAULT_BACKOFF.toMillis()));
        Duration timeout = Duration.ofMillis(number(configs, TIMEOUT_MS_CONFIG, DEFAULT_TIMEOUT.toMillis()));
        Duration cap = transactionTimeout(configs);
        if (cap != null && timeout.compareTo(cap.dividedBy(2)) > 0) {
            log.warn("{}={} ms is more than half of the producer's transaction.timeout.ms ({} ms) under exactly-once;"
                    + " using {} ms", TIMEOUT_MS_CONFIG, timeout.toMillis(), cap.toMillis(), cap.dividedBy(2).toMillis());
            timeout = cap.dividedBy(2);
        }
        return new WriterSchemaFetcher(registry, attempts, backoff, timeout);
    }

    int attempts() {
        return attempts;
    }

    Duration backoff() {
        return backoff;
    }

    Duration timeout() {
        return timeout;
    }

    /**
     * The writer schema with this id.
     *
     * @param topic names the record's topic in the error
     * @throws WriterSchemaUnavailableException when the registry stayed unavailable through every
     *                                          attempt, or the time ran out
     * @throws SchemaRegistryException          (not retriable) when the registry answered, e.g. 40403
     * @throws StreamsException                 when the stream thread is interrupted (shutting down)
     */
    Schema fetch(int id, String topic) {
        if (known.contains(id)) {
            try {
                return registry.getById(id); // cached by the client: no call to the registry
            } catch (SchemaRegistryException e) {
                if (!e.isRetriable()) {
                    throw e;
                }
                // a client without that cache: fetch it as an unknown id
            }
        }
        long start = System.nanoTime();
        long deadline = start + timeout.toNanos();
        long wait = backoff.toMillis();
        RuntimeException last = null;
        for (int attempt = 1; ; attempt++) {
            try {
                Schema schema = call(id, deadline);
                known.add(id);
                if (attempt > 1) {
                    log.info("fetched writer schema id {} on attempt {} of {}", id, attempt, attempts);
                }
                return schema;
            } catch (SchemaRegistryException e) {
                if (!e.isRetriable()) {
                    throw e;
                }
                last = e;
            } catch (TimeoutException e) {
                last = new SchemaRegistryException("the schema registry did not answer for schema id " + id + " within "
                        + millis(deadline - start) + " (" + TIMEOUT_MS_CONFIG + ")", -1, -1, e);
            }
            long left = deadline - System.nanoTime();
            if (attempt >= attempts || left <= 0) {
                throw new WriterSchemaUnavailableException(id, topic, attempt, millis(System.nanoTime() - start), last);
            }
            log.warn("writer schema id {} unavailable (attempt {} of {}), retrying in {} ms: {}", id, attempt, attempts,
                    Math.min(wait, TimeUnit.NANOSECONDS.toMillis(left)), last.getMessage());
            sleep(Math.min(wait, TimeUnit.NANOSECONDS.toMillis(left)), id);
            wait *= 2;
            if (deadline - System.nanoTime() <= 0) {
                throw new WriterSchemaUnavailableException(id, topic, attempt, millis(System.nanoTime() - start), last);
            }
        }
    }

    /**
     * Registers a schema in the background, so that its id is in the client's cache before it is
     * needed — for the DeadLetter schema, which must be writable while the registry is down.
     * Failures are logged only: the sink registers it again when it first writes.
     */
    static void registerInBackground(SchemaRegistryClient registry, String subject, Schema schema) {
        CALLS.execute(() -> {
            try {
                registry.register(subject, schema);
            } catch (RuntimeException e) {
                log.warn("could not register {} under '{}' ahead of time (it is registered on first use): {}",
                        schema.getFullName(), subject, e.getMessage());
            }
        });
    }

    private Schema call(int id, long deadline) throws TimeoutException {
        Future<Schema> call = CALLS.submit(() -> registry.getById(id));
        try {
            return call.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException("fetching schema id " + id + " failed: " + cause, cause);
        } catch (TimeoutException e) {
            call.cancel(true);
            throw e;
        } catch (InterruptedException e) {
            call.cancel(true);
            throw interrupted(id, e);
        }
    }

    private static void sleep(long millis, int id) {
        try {
            Thread.sleep(millis); // backoff between attempts at an unavailable registry, not a readiness wait
        } catch (InterruptedException e) {
            throw interrupted(id, e);
        }
    }

    /** A Streams error, so no layer dead-letters the record: the thread is being stopped. */
    private static StreamsException interrupted(int id, InterruptedException e) {
        return new StreamsException("interrupted while fetching writer schema id " + id, new InterruptException(e));
    }

    private static Duration transactionTimeout(Map<String, ?> configs) {
        Object guarantee = configs.get(StreamsConfig.PROCESSING_GUARANTEE_CONFIG);
        if (guarantee == null || !guarantee.toString().toLowerCase(Locale.ROOT).startsWith("exactly_once")) {
            return null;
        }
        String producerKey = StreamsConfig.producerPrefix(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG);
        long ms = number(configs, producerKey, number(configs, ProducerConfig.TRANSACTION_TIMEOUT_CONFIG,
                STREAMS_EOS_TRANSACTION_TIMEOUT.toMillis()));
        return Duration.ofMillis(ms);
    }

    private static long number(Map<String, ?> configs, String key, long fallback) {
        Object value = configs.get(key);
        if (value == null || value.toString().isBlank()) {
            return fallback;
        }
        if (value instanceof Number n) {
            return n.longValue();
        }
        try {
            return Long.parseLong(value.toString().trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + key + "' must be a whole number, got '" + value + "'", e);
        }
    }

    private static String millis(long nanos) {
        return TimeUnit.NANOSECONDS.toMillis(nanos) + " ms";
    }
}
