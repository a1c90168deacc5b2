package io.newsflow.ops.app;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * A point in time on the command line: an instant ({@code 2025-06-01T12:00:00Z}), a day in UTC
 * ({@code 2025-06-01}, its start), or a time ago ({@code 90m}, {@code 2h}, {@code 7d}, or ISO-8601
 * {@code PT2H}).
 */
public final class TimeArgument implements ITypeConverter<Instant> {
    private static final Pattern AGO = Pattern.compile("(\\d+)\\s*(s|m|h|d)", Pattern.CASE_INSENSITIVE);
    private final Clock clock;

    public TimeArgument() {
        this(Clock.systemUTC());
    }

    TimeArgument(Clock clock) {
        this.clock = clock;
    }

    @Override
    public Instant convert(String text) {
        String value = text.strip();
        Matcher m = AGO.matcher(value);
        if (m.matches()) {
            long n = Long.parseLong(m.group(1));
            Duration ago = switch (m.group(2).toLowerCase(Locale.ROOT)) {
                case "s" -> Duration.ofSeconds(n);
                case "m" -> Duration.ofMinutes(n);
                case "h" -> Duration.ofHours(n);
                default -> Duration.ofDays(n);
            };
            return clock.instant().minus(ago);
        }
        try {
            if (value.toUpperCase(Locale.ROOT).startsWith("P")) {
                return clock.instant().minus(Duration.parse(value.toUpperCase(Locale.ROOT)));
            }
            if (value.length() == 10) {
                return LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant();
            }
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new TypeConversionException("not a time: '" + text
                    + "' (use 2025-06-01T12:00:00Z, 2025-06-01, or a time ago: 90m, 2h, 7d, PT2H)");
        }
    }
}
