package io.newsflow.producer.source;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Publication dates as news sites write them, in English: "December 29, 2023", "Dec. 29, 2023",
 * "29 December 2023", "Friday, December 29, 2023 10:31 AM EST", "Published: 2023-12-29",
 * "2023-12-29T08:00:00+03:00", RFC 1123 ("Fri, 29 Dec 2023 08:00:00 GMT"), "29.12.2023", and a
 * date followed by a dateline place ("25 April 2005, Ethiopia"). A date without a time is the
 * start of that day; a time without a zone is UTC.
 */
public final class PublicationDates {

    /** What a line turned out to be. */
    public enum Kind { DATE, INVALID, NOT_A_DATE }

    /** The outcome of reading one line: a date, a date-shaped line that names no real day, or neither. */
    public record Result(Kind kind, Instant instant, String problem) {
        static final Result NOT_A_DATE = new Result(Kind.NOT_A_DATE, null, null);

        static Result date(Instant instant) {
            return new Result(Kind.DATE, instant, null);
        }

        static Result invalid(String problem) {
            return new Result(Kind.INVALID, null, problem);
        }
    }

    private static final Map<String, Integer> MONTHS = Map.ofEntries(
            Map.entry("january", 1), Map.entry("jan", 1), Map.entry("february", 2), Map.entry("feb", 2),
            Map.entry("march", 3), Map.entry("mar", 3), Map.entry("april", 4), Map.entry("apr", 4),
            Map.entry("may", 5), Map.entry("june", 6), Map.entry("jun", 6), Map.entry("july", 7), Map.entry("jul", 7),
            Map.entry("august", 8), Map.entry("aug", 8), Map.entry("september", 9), Map.entry("sep", 9),
            Map.entry("sept", 9), Map.entry("october", 10), Map.entry("oct", 10), Map.entry("november", 11),
            Map.entry("nov", 11), Map.entry("december", 12), Map.entry("dec", 12));

    /**
     * US/UK/European zone abbreviations common in datelines; ambiguous ones (IST, CST in Asia) follow
     * US/UK use. The generic US names (ET, CT, MT, PT) follow daylight saving time of the date.
     */
    private static final Map<String, ZoneId> ZONES = Map.ofEntries(
            Map.entry("ET", ZoneId.of("America/New_York")), Map.entry("CT", ZoneId.of("America/Chicago")),
            Map.entry("MT", ZoneId.of("America/Denver")), Map.entry("PT", ZoneId.of("America/Los_Angeles")),
            Map.entry("UTC", ZoneOffset.UTC), Map.entry("GMT", ZoneOffset.UTC), Map.entry("Z", ZoneOffset.UTC),
            Map.entry("EST", ZoneOffset.ofHours(-5)), Map.entry("EDT", ZoneOffset.ofHours(-4)),
            Map.entry("CST", ZoneOffset.ofHours(-6)), Map.entry("CDT", ZoneOffset.ofHours(-5)),
            Map.entry("MST", ZoneOffset.ofHours(-7)), Map.entry("MDT", ZoneOffset.ofHours(-6)),
            Map.entry("PST", ZoneOffset.ofHours(-8)), Map.entry("PDT", ZoneOffset.ofHours(-7)),
            Map.entry("BST", ZoneOffset.ofHours(1)), Map.entry("CET", ZoneOffset.ofHours(1)),
            Map.entry("CEST", ZoneOffset.ofHours(2)), Map.entry("EET", ZoneOffset.ofHours(2)),
            Map.entry("EEST", ZoneOffset.ofHours(3)), Map.entry("MSK", ZoneOffset.ofHours(3)),
            Map.entry("IST", ZoneOffset.ofHoursMinutes(5, 30)), Map.entry("JST", ZoneOffset.ofHours(9)),
            Map.entry("KST", ZoneOffset.ofHours(9)), Map.entry("AEST", ZoneOffset.ofHours(10)),
            Map.entry("AEDT", ZoneOffset.ofHours(11)));

    private static final Pattern LABEL = Pattern.compile(
            "^(?:published|updated|last updated|first published|posted|date)(?:\\s+on)?\\s*:?\\s+",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern WEEKDAY = Pattern.compile(
            "^(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)\\.?,?\\s+",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern MDY = Pattern.compile(
            "^(?<month>\\p{L}+)\\.?\\s+(?<day>\\d{1,2})(?:st|nd|rd|th)?,?\\s+(?<year>\\d{4})\\b(?<rest>.*)$");
    private static final Pattern DMY = Pattern.compile(
            "^(?<day>\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?(?<month>\\p{L}+)\\.?,?\\s+(?<year>\\d{4})\\b(?<rest>.*)$");
    private static final Pattern YMD_NUMERIC = Pattern.compile(
            "^(?<year>\\d{4})[-/.](?<month>\\d{1,2})[-/.](?<day>\\d{1,2})(?![\\d:T])(?<rest>.*)$");
    private static final Pattern DMY_NUMERIC = Pattern.compile(
            "^(?<day>\\d{1,2})\\.(?<month>\\d{1,2})\\.(?<year>\\d{4})\\b(?<rest>.*)$");
    private static final Pattern REST_SEPARATOR = Pattern.compile("^[\\s,|·•—–-]*(?:at\\s+)?", Pattern.CASE_INSENSITIVE);
    private static final Pattern TIME = Pattern.compile(
            "^(?<h>\\d{1,2})(?::(?<m>\\d{2}))?(?::(?<s>\\d{2}))?\\s*(?<ampm>(?i:[ap]\\.?\\s?m\\.?)(?![A-Za-z]))?"
                    + "\\s*\\(?(?<zone>Z|[A-Z]{2,5}(?:[+-]\\d{1,2}(?::?\\d{2})?)?|[+-]\\d{2}:?\\d{2}|[A-Za-z]+/[A-Za-z_]+)?\\)?$");
    private static final Pattern DATELINE_PLACE = Pattern.compile(
            "^\\p{Lu}[\\p{L}'’.-]*(?:,?\\s+(?:\\p{Lu}[\\p{L}'’.-]*|of|de|al|el))*?$");
    private static final DateTimeFormatter ISO_SPACE = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm[:ss]", Locale.ROOT);
    /** ISO forms with a compact or spaced offset: "2023-12-29T08:00:00+0300", "2023-12-29 08:00:00 +03:00". */
    private static final DateTimeFormatter ISO_LOOSE_OFFSET = DateTimeFormatter.ofPattern(
            "uuuu-MM-dd['T'][' ']HH:mm[:ss][.SSSSSSSSS][.SSSSSS][.SSS][' ']XXX", Locale.ROOT);
    private static final DateTimeFormatter ISO_LOOSE_OFFSET_COMPACT = DateTimeFormatter.ofPattern(
            "uuuu-MM-dd['T'][' ']HH:mm[:ss][.SSSSSSSSS][.SSSSSS][.SSS][' ']XX", Locale.ROOT);
    /** RFC 822 dates of feeds with a zone name rather than an offset: "Fri, 29 Dec 2023 10:15:00 EST", two-digit years. */
    private static final Pattern RFC_822 = Pattern.compile(
            "^(?:\\p{L}{3},?\\s+)?(?<day>\\d{1,2})\\s+(?<month>\\p{L}{3})\\s+(?<year>\\d{2}|\\d{4})\\s+"
                    + "(?<h>\\d{1,2}):(?<m>\\d{2})(?::(?<s>\\d{2}))?\\s*(?<zone>[A-Za-z]{1,5}|[+-]\\d{4})?$");

    /**
     * Reads one line as a publication date. A line that starts like a date but continues as a
     * sentence is {@link Kind#NOT_A_DATE}; a date-shaped line naming no real day ("February 30,
     * 2023") is {@link Kind#INVALID} with the reason.
     */
    public static Result parseLine(String line) {
        String text = line.strip().replaceAll("\\s+", " ");
        if (text.isEmpty() || text.length() > 80) {
            return Result.NOT_A_DATE;
        }
        text = LABEL.matcher(text).replaceFirst("");
        Optional<Instant> iso = iso(text);
        if (iso.isPresent()) {
            return Result.date(iso.get());
        }
        Optional<Instant> rfc822 = rfc822(text);
        if (rfc822.isPresent()) {
            return Result.date(rfc822.get());
        }
        try {
            return Result.date(ZonedDateTime.parse(text, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
        } catch (DateTimeParseException ignored) {
            // not RFC 1123: try the forms people write
        }
        text = WEEKDAY.matcher(text).replaceFirst("");
        for (Pattern form : new Pattern[] {MDY, DMY, YMD_NUMERIC, DMY_NUMERIC}) {
            Matcher m = form.matcher(text);
            if (m.matches()) {
                Result r = fromParts(m);
                if (r.kind() != Kind.NOT_A_DATE) {
                    return r;
                }
            }
        }
        return Result.NOT_A_DATE;
    }

    /** The date in {@code text} if the whole of it is one (see {@link #parseLine}). */
    public static Optional<Instant> parse(String text) {
        Result r = parseLine(text);
        return r.kind() == Kind.DATE ? Optional.of(r.instant()) : Optional.empty();
    }

    private static Optional<Instant> iso(String text) {
        if (!text.isEmpty() && !Character.isDigit(text.charAt(0))) {
            return Optional.empty();
        }
        try {
            return Optional.of(OffsetDateTime.parse(text).toInstant());
        } catch (DateTimeParseException ignored) {
            // next form
        }
        try {
            return Optional.of(ZonedDateTime.parse(text).toInstant());
        } catch (DateTimeParseException ignored) {
            // next form
        }
        try {
            return Optional.of(LocalDateTime.parse(text).toInstant(ZoneOffset.UTC));
        } catch (DateTimeParseException ignored) {
            // next form
        }
        try {
            return Optional.of(LocalDateTime.parse(text, ISO_SPACE).toInstant(ZoneOffset.UTC));
        } catch (DateTimeParseException ignored) {
            // next form
        }
        for (DateTimeFormatter loose : new DateTimeFormatter[] {ISO_LOOSE_OFFSET, ISO_LOOSE_OFFSET_COMPACT}) {
            try {
                return Optional.of(OffsetDateTime.parse(text, loose).toInstant());
            } catch (DateTimeParseException ignored) {
                // next form
            }
        }
        return Optional.empty();
    }

    private static Optional<Instant> rfc822(String text) {
        Matcher m = RFC_822.matcher(text);
        if (!m.matches()) {
            return Optional.empty();
        }
        Integer month = MONTHS.get(m.group("month").toLowerCase(Locale.ROOT));
        if (month == null) {
            return Optional.empty();
        }
        int year = Integer.parseInt(m.group("year"));
        if (m.group("year").length() == 2) {
            year += year < 70 ? 2000 : 1900;
        }
        try {
            LocalDateTime local = LocalDateTime.of(year, month, Integer.parseInt(m.group("day")),
                    Integer.parseInt(m.group("h")), Integer.parseInt(m.group("m")),
                    m.group("s") == null ? 0 : Integer.parseInt(m.group("s")));
            return Optional.of(local.atZone(zone(m.group("zone"))).toInstant());
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    private static Result fromParts(Matcher m) {
        String monthText = m.group("month");
        Integer month = Character.isDigit(monthText.charAt(0))
                ? Integer.valueOf(monthText)
                : MONTHS.get(monthText.toLowerCase(Locale.ROOT));
        if (month == null) {
            return Result.NOT_A_DATE;
        }
        String rest = REST_SEPARATOR.matcher(m.group("rest")).replaceFirst("").strip();
        LocalTime time = LocalTime.MIDNIGHT;
        ZoneId zone = ZoneOffset.UTC;
        if (!rest.isEmpty()) {
            Matcher t = TIME.matcher(rest);
            if (t.matches() && (t.group("m") != null || t.group("ampm") != null)) {
                int hour = Integer.parseInt(t.group("h"));
                String ampm = t.group("ampm");
                if (ampm != null) {
                    boolean pm = Character.toLowerCase(ampm.charAt(0)) == 'p';
                    if (hour < 1 || hour > 12) {
                        return Result.invalid("hour " + hour + " with " + ampm);
                    }
                    hour = hour % 12 + (pm ? 12 : 0);
                }
                try {
                    time = LocalTime.of(hour, t.group("m") == null ? 0 : Integer.parseInt(t.group("m")),
                            t.group("s") == null ? 0 : Integer.parseInt(t.group("s")));
                } catch (DateTimeException e) {
                    return Result.invalid(e.getMessage());
                }
                zone = zone(t.group("zone"));
            } else if (!DATELINE_PLACE.matcher(rest).matches()) {
                return Result.NOT_A_DATE;
            }
        }
        int year = Integer.parseInt(m.group("year"));
        if (year < 1800 || year > 2200) {
            return Result.invalid("year " + year + " is out of range");
        }
        try {
            LocalDate date = LocalDate.of(year, month, Integer.parseInt(m.group("day")));
            return Result.date(date.atTime(time).atZone(zone).toInstant());
        } catch (DateTimeException e) {
            return Result.invalid(e.getMessage());
        }
    }

    private static ZoneId zone(String zone) {
        if (zone == null) {
            return ZoneOffset.UTC;
        }
        ZoneId known = ZONES.get(zone.toUpperCase(Locale.ROOT));
        if (known != null) {
            return known;
        }
        try {
            String offset = zone.replaceFirst("^(?:UTC|GMT)", "");
            if (offset.matches("[+-]\\d{1,2}")) {
                return ZoneOffset.ofHours(Integer.parseInt(offset));
            }
            if (offset.matches("[+-]\\d{2}:?\\d{2}")) {
                return ZoneOffset.of(offset.length() == 5 ? offset.substring(0, 3) + ":" + offset.substring(3) : offset);
            }
            return ZoneId.of(zone);
        } catch (DateTimeException e) {
            // an abbreviation we do not know: the day is still right to within hours
            return ZoneOffset.UTC;
        }
    }

    private PublicationDates() {
    }
}
