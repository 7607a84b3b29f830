package io.heatwire.enrich.aggregate;

import java.time.Duration;
import java.util.Arrays;

/**
 * The publication times of one provider's (or topic's) stories within one UTC day, ascending, one
 * entry per story: the days of a key, in key order, give its first and last publication exactly, and
 * a story that leaves removes exactly its own time. One record per key and day, so the stories of a
 * key that change within one commit interval write their day once, not one index entry each.
 *
 * @param times epoch milliseconds, ascending, repeated when stories share one
 */
public record PublishedDay(long[] times) {

    private static final long DAY = Duration.ofDays(1).toMillis();

    public static PublishedDay of(long time) {
        return new PublishedDay(new long[] {time});
    }

    /** The first millisecond of the day {@code time} falls in. */
    public static long dayOf(long time) {
        return Math.floorDiv(time, DAY) * DAY;
    }

    PublishedDay plus(long time) {
        final int at = insertionPoint(time);
        final long[] more = new long[times.length + 1];
        System.arraycopy(times, 0, more, 0, at);
        more[at] = time;
        System.arraycopy(times, at, more, at + 1, times.length - at);
        return new PublishedDay(more);
    }

    /** Without one occurrence of {@code time}, or {@code null} when none is left. */
    PublishedDay minus(long time) {
        final int at = Arrays.binarySearch(times, time);
        if (at < 0) {
            throw new IllegalStateException("no story published at " + time + " was counted on this day");
        }
        if (times.length == 1) {
            return null;
        }
        final long[] fewer = new long[times.length - 1];
        System.arraycopy(times, 0, fewer, 0, at);
        System.arraycopy(times, at + 1, fewer, at, times.length - at - 1);
        return new PublishedDay(fewer);
    }

    long first() {
        return times[0];
    }

    long last() {
        return times[times.length - 1];
    }

    private int insertionPoint(long time) {
        final int at = Arrays.binarySearch(times, time);
        return at >= 0 ? at : -at - 1;
    }
}
