package io.heatwire.enrich.aggregate;

import java.time.Instant;
import java.util.Arrays;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The publication times of a set of stories, to the millisecond, as a sorted multiset: first and
 * last stay exact when any story leaves. One long per dated story; stories without a publication
 * time (or one beyond the millisecond range of a long) are not kept.
 *
 * <p>The state form is {@code {"millis": [1700000000000, 1700000000000, 1700003600000]}}: epoch
 * milliseconds, ascending, repeated when stories share a time.
 */
@JsonAutoDetect(getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE, fieldVisibility = JsonAutoDetect.Visibility.NONE)
public final class PublishedTimes {

    public static final PublishedTimes EMPTY = new PublishedTimes(new long[0]);

    private final long[] millis;

    private PublishedTimes(final long[] millis) {
        this.millis = millis;
    }

    /**
     * Reads the state form written by {@link #millis()}.
     *
     * @throws IllegalArgumentException when the times are not ascending
     */
    @JsonCreator
    public static PublishedTimes of(@JsonProperty("millis") final long[] millis) {
        if (millis == null || millis.length == 0) {
            return EMPTY;
        }
        for (int i = 1; i < millis.length; i++) {
            if (millis[i - 1] > millis[i]) {
                throw new IllegalArgumentException("publication times not ascending at " + i);
            }
        }
        return new PublishedTimes(millis.clone());
    }

    /** These times and {@code publishedAt}; unchanged for null. */
    public PublishedTimes add(final Instant publishedAt) {
        final Long time = millisOf(publishedAt);
        if (time == null) {
            return this;
        }
        final int found = Arrays.binarySearch(millis, time);
        final int at = found >= 0 ? found : -found - 1;
        final long[] next = new long[millis.length + 1];
        System.arraycopy(millis, 0, next, 0, at);
        next[at] = time;
        System.arraycopy(millis, at, next, at + 1, millis.length - at);
        return new PublishedTimes(next);
    }

    /**
     * These times with one {@code publishedAt} less; unchanged for null.
     *
     * @throws IllegalArgumentException when {@code publishedAt} is not among them
     */
    public PublishedTimes remove(final Instant publishedAt) {
        final Long time = millisOf(publishedAt);
        if (time == null) {
            return this;
        }
        final int at = Arrays.binarySearch(millis, time);
        if (at < 0) {
            throw new IllegalArgumentException("no publication time " + publishedAt + " to remove");
        }
        if (millis.length == 1) {
            return EMPTY;
        }
        final long[] next = new long[millis.length - 1];
        System.arraycopy(millis, 0, next, 0, at);
        System.arraycopy(millis, at + 1, next, at, millis.length - at - 1);
        return new PublishedTimes(next);
    }

    /** The earliest time; null when there is none. */
    public Instant first() {
        return millis.length == 0 ? null : Instant.ofEpochMilli(millis[0]);
    }

    /** The latest time; null when there is none. */
    public Instant last() {
        return millis.length == 0 ? null : Instant.ofEpochMilli(millis[millis.length - 1]);
    }

    /** How many times are kept. */
    public int size() {
        return millis.length;
    }

    /** The state form: epoch milliseconds, ascending. */
    @JsonProperty("millis")
    public long[] millis() {
        return millis.clone();
    }

    private static Long millisOf(final Instant instant) {
        if (instant == null) {
            return null;
        }
        try {
            return instant.toEpochMilli();
        } catch (ArithmeticException e) {
            return null;
        }
    }

    @Override
    public boolean equals(final Object other) {
        return this == other || other instanceof PublishedTimes that && Arrays.equals(millis, that.millis);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(millis);
    }

    @Override
    public String toString() {
        return "PublishedTimes[size=" + millis.length + ", first=" + first() + ", last=" + last() + "]";
    }
}
