package io.newsflow.processor.topology.errors;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.Map;
import io.newsflow.processor.topology.OutputLimits;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What to do when a stream thread dies. Record-level problems never get here (they are
 * dead-lettered), so a dying thread means the infrastructure failed: registry down, a send the
 * broker refused, a fenced producer. Replacing the thread retries from the last committed
 * offset, which under exactly-once loses and duplicates nothing — so REPLACE_THREAD, but only
 * {@code maxReplacements} times within {@code window}: a failure that keeps coming back would
 * otherwise spin forever, so after that the client shuts down (SHUTDOWN_CLIENT; the app exits
 * non-zero and its supervisor can restart it or page someone). A JVM {@link Error} such as
 * OutOfMemoryError shuts the client down at once; a new thread would not fix the JVM.
 *
 * <p>One death is a record's doing and is not counted: under exactly-once, a record whose output
 * Kafka refused as too large kills its thread whatever the production handler answers; the handler
 * marked it ({@link OutputLimits#explains}), the replacement dead-letters it, and the stream goes
 * on — so a series of such records can never stop the client.
 */
public class StreamThreadExceptionHandler implements StreamsUncaughtExceptionHandler {
    private static final Logger log = LoggerFactory.getLogger(StreamThreadExceptionHandler.class);

    public static final int DEFAULT_MAX_REPLACEMENTS = 3;
    public static final Duration DEFAULT_WINDOW = Duration.ofMinutes(10);

    private final int maxReplacements;
    private final Duration window;
    private final Clock clock;
    private final Deque<Instant> replacements = new ArrayDeque<>();
    private final OutputLimits limits;

    public StreamThreadExceptionHandler() {
        this(DEFAULT_MAX_REPLACEMENTS, DEFAULT_WINDOW, Clock.systemUTC(), null);
    }

    /** @param limits whose unsendable marks explain a thread's death (not counted); null for none */
    public StreamThreadExceptionHandler(OutputLimits limits) {
        this(DEFAULT_MAX_REPLACEMENTS, DEFAULT_WINDOW, Clock.systemUTC(), limits);
    }

    public StreamThreadExceptionHandler(int maxReplacements, Duration window, Clock clock) {
        this(maxReplacements, window, clock, null);
    }

    public StreamThreadExceptionHandler(int maxReplacements, Duration window, Clock clock, OutputLimits limits) {
        this.maxReplacements = maxReplacements;
        this.window = window;
        this.clock = clock;
        this.limits = limits;
    }

    @Override
    public synchronized StreamThreadExceptionResponse handle(Throwable exception) {
        Throwable error = jvmError(exception);
        if (error != null) {
            log.error("stream thread died of a JVM error; shutting the client down", exception);
            return StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
        }
        if (limits != null && limits.explains(exception)) {
            log.warn("stream thread died because Kafka refused the output of one record (too large); replacing it,"
                    + " the record is dead-lettered when it is read again (not counted as a failure)");
            return StreamThreadExceptionResponse.REPLACE_THREAD;
        }
        Instant now = clock.instant();
        while (!replacements.isEmpty() && replacements.peekFirst().isBefore(now.minus(window))) {
            replacements.removeFirst();
        }
        if (replacements.size() >= maxReplacements) {
            log.error("stream thread died again ({} replacements within {}); shutting the client down",
                    replacements.size(), window, exception);
            return StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
        }
        replacements.addLast(now);
        log.error("stream thread died; replacing it ({} of {} within {})", replacements.size(), maxReplacements,
                window, exception);
        return StreamThreadExceptionResponse.REPLACE_THREAD;
    }

    private static Throwable jvmError(Throwable exception) {
        Map<Throwable, Boolean> seen = new IdentityHashMap<>();
        for (Throwable t = exception; t != null && seen.put(t, Boolean.TRUE) == null; t = t.getCause()) {
            if (t instanceof VirtualMachineError) {
                return t;
            }
        }
        return null;
    }
}
