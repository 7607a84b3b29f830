package io.heatwire.enrich.aggregate;

import java.time.Instant;

/**
 * Instants as fixed-width digits, so that store keys containing them sort by time (RocksDB and
 * the in-memory stores order keys by their bytes). Covers about ±1,500 years around 1970.
 */
public final class TimeKeys {

    /** The digits of no time: sorts after every real one. */
    public static final String NONE = "999999999999999";

    private static final long OFFSET = 50_000_000_000_000L;

    private TimeKeys() {}

    /** Earlier instants sort first; null sorts last. */
    public static String ascending(Instant instant) {
        return instant == null ? NONE : pad(instant.toEpochMilli() + OFFSET);
    }

    /** Later instants sort first; null sorts last. */
    public static String descending(Instant instant) {
        return instant == null ? NONE : pad(OFFSET - 1 - instant.toEpochMilli());
    }

    public static Instant parseAscending(String digits) {
        return digits.equals(NONE) ? null : Instant.ofEpochMilli(Long.parseLong(digits) - OFFSET);
    }

    public static Instant parseDescending(String digits) {
        return digits.equals(NONE) ? null : Instant.ofEpochMilli(OFFSET - 1 - Long.parseLong(digits));
    }

    public static int width() {
        return NONE.length();
    }

    private static String pad(long value) {
        final String digits = Long.toString(value);
        return "0".repeat(Math.max(0, NONE.length() - digits.length())) + digits;
    }
}
