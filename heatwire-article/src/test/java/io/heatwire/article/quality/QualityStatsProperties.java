package io.heatwire.article.quality;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** SPEC 9: every quality figure is exact after any sequence of additions and removals. */
class QualityStatsProperties {

    @Property
    void shouldMatchTheFiguresOfThePlainValues(
            @ForAll("qualities") final List<Integer> added, @ForAll final long seed) {
        final Random random = new Random(seed);
        final List<Integer> values = new ArrayList<>();
        QualityStats stats = QualityStats.EMPTY;
        for (final Integer quality : added) {
            stats = stats.add(quality);
            if (quality != null) {
                values.add(quality);
            }
            if (!values.isEmpty() && random.nextInt(3) == 0) {
                final Integer removed = values.remove(random.nextInt(values.size()));
                stats = stats.remove(removed);
            }
        }
        assertThat(stats.summary()).isEqualTo(oracle(values));
        assertThat(stats)
                .isEqualTo(QualityStatsTest.of(
                        values.stream().mapToInt(Integer::intValue).toArray()));
        assertThat(QualityStats.of(stats.counts())).isEqualTo(stats);
    }

    @Property
    void shouldReturnToTheSameStatsAfterAddThenRemove(
            @ForAll("qualities") final List<Integer> base,
            @ForAll("qualities") final List<Integer> extra,
            @ForAll final long seed) {
        QualityStats stats = QualityStats.EMPTY;
        for (final Integer quality : base) {
            stats = stats.add(quality);
        }
        final QualityStats before = stats;
        for (final Integer quality : extra) {
            stats = stats.add(quality);
        }
        final List<Integer> shuffled = new ArrayList<>(extra);
        Collections.shuffle(shuffled, new Random(seed));
        for (final Integer quality : shuffled) {
            stats = stats.remove(quality);
        }
        assertThat(stats).isEqualTo(before);
        assertThat(stats.summary()).isEqualTo(before.summary());
    }

    /** The figures recomputed from the sorted values, percentiles by their definition. */
    private static QualitySummary oracle(final List<Integer> values) {
        if (values.isEmpty()) {
            return new QualitySummary(0, null, null, null, null, null);
        }
        final List<Integer> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        final long sum = sorted.stream().mapToLong(Integer::longValue).sum();
        return new QualitySummary(
                sorted.size(),
                (double) sum / sorted.size(),
                sorted.get(0),
                sorted.get(sorted.size() - 1),
                nearestRank(sorted, 0.5),
                nearestRank(sorted, 0.9));
    }

    /** The smallest value q such that at least p·n values are ≤ q. */
    private static Integer nearestRank(final List<Integer> sorted, final double p) {
        for (final Integer q : sorted) {
            final long atMost = sorted.stream().filter(value -> value <= q).count();
            if (atMost >= p * sorted.size() - 1e-9) {
                return q;
            }
        }
        throw new AssertionError("no percentile");
    }

    @Provide
    Arbitrary<List<Integer>> qualities() {
        return Arbitraries.oneOf(
                        Arbitraries.integers().between(0, 100),
                        Arbitraries.integers().between(60, 64))
                .injectNull(0.1)
                .list()
                .ofMaxSize(60);
    }
}
