package io.newsflow.processor.topology.errors;

import static org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.REPLACE_THREAD;
import static org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.apache.kafka.streams.errors.StreamsException;
import org.junit.jupiter.api.Test;

class StreamThreadExceptionHandlerTest {

    /** A clock the test moves by hand. */
    private static final class ManualClock extends Clock {
        Instant now = Instant.parse("2024-03-01T12:00:00Z");

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private final ManualClock clock = new ManualClock();
    private final StreamThreadExceptionHandler handler = new StreamThreadExceptionHandler(3, Duration.ofMinutes(10), clock);

    @Test
    void shouldReplaceThreadThenShutDownWhenFailuresRepeatWithinTheWindow() {
        StreamsException failure = new StreamsException("send failed");

        assertThat(handler.handle(failure)).isEqualTo(REPLACE_THREAD);
        assertThat(handler.handle(failure)).isEqualTo(REPLACE_THREAD);
        assertThat(handler.handle(failure)).isEqualTo(REPLACE_THREAD);
        assertThat(handler.handle(failure)).isEqualTo(SHUTDOWN_CLIENT);
    }

    @Test
    void shouldReplaceThreadAgainOnceOldFailuresLeaveTheWindow() {
        StreamsException failure = new StreamsException("registry down");
        handler.handle(failure);
        handler.handle(failure);
        handler.handle(failure);

        clock.now = clock.now.plus(Duration.ofMinutes(11));

        assertThat(handler.handle(failure)).isEqualTo(REPLACE_THREAD);
    }

    @Test
    void shouldShutDownAtOnceOnAJvmError() {
        assertThat(handler.handle(new StreamsException(new OutOfMemoryError("Java heap space")))).isEqualTo(SHUTDOWN_CLIENT);
    }
}
