package io.heatwire.benchmarks.pipeline;

import java.util.Arrays;
import java.util.Map;
import java.util.SortedMap;

/**
 * Nearest-rank percentiles, the definition heatwire uses for quality: pP is the smallest value with
 * at least ceil(P·n/100) values at or below it.
 */
final class Percentiles {

    private Percentiles() {}

    /** pP of {@code values} (sorted here, in place); -1 when there are none. */
    static long of(final long[] values, final double percentile) {
        if (values.length == 0) {
            return -1;
        }
        Arrays.sort(values);
        return values[rank(values.length, percentile) - 1];
    }

    /**
     * pP of each of {@code slices} consecutive slices of {@code values} (in their order, e.g. of
     * publication), ignoring negative values (not measured); -1 for a slice without values. Shows
     * whether a tail is spread over a run or comes from one part of it.
     */
    static long[] bySlice(final long[] values, final int slices, final double percentile) {
        final long[] result = new long[Math.min(slices, values.length)];
        for (int slice = 0; slice < result.length; slice++) {
            final int from = (int) ((long) slice * values.length / result.length);
            final int to = (int) ((long) (slice + 1) * values.length / result.length);
            result[slice] = of(
                    Arrays.stream(values, from, to).filter(value -> value >= 0).toArray(), percentile);
        }
        return result;
    }

    /**
     * pP from a cumulative histogram (upper bound → count at or below it, as Prometheus' {@code le}
     * buckets): the upper bound of the first bucket that holds the rank, so at most one bucket's
     * width above the true value. {@link Double#POSITIVE_INFINITY} when the rank falls in the
     * {@code +Inf} bucket, NaN when the histogram is empty.
     */
    static double ofBuckets(final SortedMap<Double, Long> cumulative, final double percentile) {
        if (cumulative.isEmpty()) {
            return Double.NaN;
        }
        final long total = cumulative.get(cumulative.lastKey());
        if (total <= 0) {
            return Double.NaN;
        }
        final long rank = rank(total, percentile);
        for (final Map.Entry<Double, Long> bucket : cumulative.entrySet()) {
            if (bucket.getValue() >= rank) {
                return bucket.getKey();
            }
        }
        return Double.POSITIVE_INFINITY;
    }

    private static int rank(final int count, final double percentile) {
        return (int) rank((long) count, percentile);
    }

    private static long rank(final long count, final double percentile) {
        if (!(percentile > 0 && percentile <= 100)) {
            throw new IllegalArgumentException("percentile must be in (0, 100]: " + percentile);
        }
        return Math.max(1, (long) Math.ceil(percentile * count / 100.0 - 1e-9));
    }
}
