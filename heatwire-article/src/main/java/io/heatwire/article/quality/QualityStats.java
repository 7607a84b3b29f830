package io.heatwire.article.quality;

import java.util.Arrays;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Count, mean, min, max and percentiles of story qualities (SPEC 9), exact and removable: quality
 * is an integer 0–100, so the state is a 101-bucket histogram. Unknown (null) qualities are not
 * counted.
 *
 * <p>Percentiles are nearest-rank: {@code p50} and {@code p90} are the smallest quality {@code q}
 * such that at least {@code ceil(p·count)} of the values are ≤ {@code q} (p = 0.5 and 0.9); with
 * one value both are that value, with values {1, 2} {@code p50} is 1 and {@code p90} is 2. A
 * percentile is always one of the values.
 *
 * <p>The state form is {@code {"counts": {"55": 2, "80": 1}}}: the non-empty buckets, by quality.
 */
@JsonAutoDetect(
        getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE,
        fieldVisibility = JsonAutoDetect.Visibility.NONE)
public final class QualityStats {

    public static final int MAX_QUALITY = 100;
    public static final QualityStats EMPTY = new QualityStats(new long[MAX_QUALITY + 1], 0, 0);

    /** Values per quality, 0 to 100. */
    private final long[] buckets;

    private final long count;
    private final long sum;

    private QualityStats(final long[] buckets, final long count, final long sum) {
        this.buckets = buckets;
        this.count = count;
        this.sum = sum;
    }

    /**
     * Reads the state form written by {@link #counts()}.
     *
     * @throws IllegalArgumentException for a quality outside 0–100 or a count below 1
     */
    @JsonCreator
    public static QualityStats of(@JsonProperty("counts") final Map<Integer, Long> counts) {
        final long[] buckets = new long[MAX_QUALITY + 1];
        long count = 0;
        long sum = 0;
        if (counts != null) {
            for (final Map.Entry<Integer, Long> entry : counts.entrySet()) {
                final int quality = checked(entry.getKey());
                if (entry.getValue() == null || entry.getValue() < 1) {
                    throw new IllegalArgumentException("count below 1 for quality " + quality);
                }
                buckets[quality] = entry.getValue();
                count += entry.getValue();
                sum += quality * entry.getValue();
            }
        }
        return new QualityStats(buckets, count, sum);
    }

    /** These statistics with one more value; unchanged for a null quality. */
    public QualityStats add(final Integer quality) {
        if (quality == null) {
            return this;
        }
        final int q = checked(quality);
        final long[] next = buckets.clone();
        next[q]++;
        return new QualityStats(next, count + 1, sum + q);
    }

    /**
     * These statistics with one value {@code quality} less; unchanged for a null quality.
     *
     * @throws IllegalArgumentException when no value {@code quality} is counted
     */
    public QualityStats remove(final Integer quality) {
        if (quality == null) {
            return this;
        }
        final int q = checked(quality);
        if (buckets[q] == 0) {
            throw new IllegalArgumentException("no quality " + q + " to remove");
        }
        final long[] next = buckets.clone();
        next[q]--;
        return new QualityStats(next, count - 1, sum - q);
    }

    /** The non-empty buckets, quality → values, by quality: the state form. */
    @JsonProperty("counts")
    public SortedMap<Integer, Long> counts() {
        final SortedMap<Integer, Long> counts = new TreeMap<>();
        for (int q = 0; q <= MAX_QUALITY; q++) {
            if (buckets[q] > 0) {
                counts.put(q, buckets[q]);
            }
        }
        return counts;
    }

    /** How many values (stories with a known quality). */
    public long count() {
        return count;
    }

    /** The exact sum over count, rounded once to a double; null when there is no value. */
    public Double mean() {
        return count == 0 ? null : (double) sum / count;
    }

    /** The smallest value; null when there is none. */
    public Integer min() {
        if (count == 0) {
            return null;
        }
        int q = 0;
        while (buckets[q] == 0) {
            q++;
        }
        return q;
    }

    /** The largest value; null when there is none. */
    public Integer max() {
        if (count == 0) {
            return null;
        }
        int q = MAX_QUALITY;
        while (buckets[q] == 0) {
            q--;
        }
        return q;
    }

    /** The nearest-rank median (see the class comment); null when there is no value. */
    public Integer p50() {
        return percentile(50);
    }

    /** The nearest-rank 90th percentile (see the class comment); null when there is no value. */
    public Integer p90() {
        return percentile(90);
    }

    /** The smallest q with at least ceil(percent·count/100) values ≤ q; null when there is no value. */
    public Integer percentile(final int percent) {
        if (percent < 1 || percent > 100) {
            throw new IllegalArgumentException("percent outside 1-100: " + percent);
        }
        if (count == 0) {
            return null;
        }
        // Integer ceiling, so that no rounding of p·count can move the rank.
        final long rank = (count * percent + 99) / 100;
        long seen = 0;
        int q = 0;
        while (true) {
            seen += buckets[q];
            if (seen >= rank) {
                return q;
            }
            q++;
        }
    }

    /** count, mean, min, max, p50 and p90 as published in the output records. */
    public QualitySummary summary() {
        return new QualitySummary(count, mean(), min(), max(), p50(), p90());
    }

    private static int checked(final Integer quality) {
        if (quality == null || quality < 0 || quality > MAX_QUALITY) {
            throw new IllegalArgumentException("quality outside 0-100: " + quality);
        }
        return quality;
    }

    @Override
    public boolean equals(final Object other) {
        return this == other || other instanceof QualityStats that && Arrays.equals(buckets, that.buckets);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(buckets);
    }

    @Override
    public String toString() {
        return "QualityStats" + counts();
    }
}
