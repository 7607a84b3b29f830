package io.heatwire.article.parse;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAccessor;

/** ISO-8601 date-times as articles write them. */
final class DateTimes {

    /** A parsed instant and whether the text named its zone or offset. */
    record Parsed(Instant instant, boolean zoned) {}

    private DateTimes() {}

    /**
     * Parses {@code 2021-12-10T23:40:00Z}, any offset or {@code [Zone/Id]}, a space instead of
     * {@code T}, and the zone-less forms {@code 2021-12-10T23:40:00} and {@code 2021-12-10} (read as
     * UTC, reported as not zoned). Null when the text is none of these.
     */
    static Parsed parse(final String text) {
        String value = text.strip();
        if (value.length() > 10 && value.charAt(10) == ' ') {
            value = value.substring(0, 10) + 'T' + value.substring(11);
        }
        try {
            if (value.length() == 10) {
                return new Parsed(
                        LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant(), false);
            }
            final TemporalAccessor parsed = DateTimeFormatter.ISO_DATE_TIME.parseBest(
                    value, ZonedDateTime::from, OffsetDateTime::from, LocalDateTime::from);
            if (parsed instanceof ZonedDateTime zoned) {
                return new Parsed(zoned.toInstant(), true);
            }
            if (parsed instanceof OffsetDateTime offset) {
                return new Parsed(offset.toInstant(), true);
            }
            return new Parsed(((LocalDateTime) parsed).toInstant(ZoneOffset.UTC), false);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
