package io.heatwire.benchmarks.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.SortedMap;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

class PercentilesTest {

    @Test
    void shouldTakeTheSmallestValueWithEnoughValuesAtOrBelowIt() {
        final long[] values = {50, 10, 40, 20, 30};

        assertThat(Percentiles.of(values.clone(), 50)).isEqualTo(30);
        assertThat(Percentiles.of(values.clone(), 20)).isEqualTo(10);
        assertThat(Percentiles.of(values.clone(), 21)).isEqualTo(20);
        assertThat(Percentiles.of(values.clone(), 99)).isEqualTo(50);
        assertThat(Percentiles.of(values.clone(), 100)).isEqualTo(50);
    }

    @Test
    void shouldGiveTheHundredthLargestOfTenThousandAsP99() {
        final long[] values = new long[10_000];
        for (int i = 0; i < values.length; i++) {
            values[values.length - 1 - i] = i + 1;
        }

        assertThat(Percentiles.of(values, 99)).isEqualTo(9_900);
        assertThat(Percentiles.of(values, 50)).isEqualTo(5_000);
    }

    @Test
    void shouldReportNoValuesAsMinusOne() {
        assertThat(Percentiles.of(new long[0], 50)).isEqualTo(-1);
    }

    @Test
    void shouldRejectPercentilesOutsideZeroToHundred() {
        assertThatThrownBy(() -> Percentiles.of(new long[] {1}, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Percentiles.of(new long[] {1}, 101)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldReadPercentilesFromCumulativeBucketsAsTheBucketsUpperBound() {
        final SortedMap<Double, Long> buckets = new TreeMap<>();
        buckets.put(0.1, 10L);
        buckets.put(0.5, 60L);
        buckets.put(1.0, 99L);
        buckets.put(Double.POSITIVE_INFINITY, 100L);

        assertThat(Percentiles.ofBuckets(buckets, 10)).isEqualTo(0.1);
        assertThat(Percentiles.ofBuckets(buckets, 50)).isEqualTo(0.5);
        assertThat(Percentiles.ofBuckets(buckets, 99)).isEqualTo(1.0);
        assertThat(Percentiles.ofBuckets(buckets, 100)).isEqualTo(Double.POSITIVE_INFINITY);
    }

    @Test
    void shouldReportAnEmptyHistogramAsNaN() {
        final SortedMap<Double, Long> empty = new TreeMap<>();
        empty.put(Double.POSITIVE_INFINITY, 0L);

        assertThat(Percentiles.ofBuckets(new TreeMap<>(), 50)).isNaN();
        assertThat(Percentiles.ofBuckets(empty, 50)).isNaN();
    }

    @Test
    void shouldTakePercentilesOfConsecutiveSlicesSkippingUnmeasuredValues() {
        final long[] values = {1, 2, 3, 4, -1, 10, 20, 30, 40, 50};

        assertThat(Percentiles.bySlice(values, 2, 100)).containsExactly(4, 50);
        assertThat(Percentiles.bySlice(values, 5, 50)).containsExactly(1, 3, 10, 20, 40);
        assertThat(Percentiles.bySlice(new long[] {-1, -1, 7}, 10, 99)).containsExactly(-1, -1, 7);
    }
}
