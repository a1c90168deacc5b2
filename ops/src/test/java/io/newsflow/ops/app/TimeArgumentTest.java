package io.newsflow.ops.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.TypeConversionException;

class TimeArgumentTest {
    private static final Instant NOW = Instant.parse("2025-06-10T08:00:00Z");
    private final TimeArgument time = new TimeArgument(Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void shouldReadInstantsDaysAndTimesAgo() {
        assertThat(time.convert("2025-06-01T12:00:00Z")).isEqualTo(Instant.parse("2025-06-01T12:00:00Z"));
        assertThat(time.convert("2025-06-01")).isEqualTo(Instant.parse("2025-06-01T00:00:00Z"));
        assertThat(time.convert("90m")).isEqualTo(NOW.minusSeconds(90 * 60));
        assertThat(time.convert("2h")).isEqualTo(NOW.minusSeconds(7200));
        assertThat(time.convert("7d")).isEqualTo(NOW.minusSeconds(7 * 86400));
        assertThat(time.convert("PT2H")).isEqualTo(NOW.minusSeconds(7200));
    }

    @Test
    void shouldNameTheAcceptedFormsWhenItCannotReadATime() {
        assertThatThrownBy(() -> time.convert("yesterday")).isInstanceOf(TypeConversionException.class)
                .hasMessageContaining("2025-06-01T12:00:00Z").hasMessageContaining("2h");
    }
}
