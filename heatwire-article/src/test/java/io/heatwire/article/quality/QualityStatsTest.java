package io.heatwire.article.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class QualityStatsTest {

    private final JsonMapper mapper = JsonMapper.builder().build();

    @Test
    void shouldHaveOnlyACountWhenEmpty() {
        assertThat(QualityStats.EMPTY.summary()).isEqualTo(new QualitySummary(0, null, null, null, null, null));
    }

    @Test
    void shouldTakePercentilesByNearestRank() {
        assertThat(of(70).summary()).isEqualTo(new QualitySummary(1, 70.0, 70, 70, 70, 70));
        assertThat(of(1, 2).summary()).isEqualTo(new QualitySummary(2, 1.5, 1, 2, 1, 2));
        assertThat(of(10, 9, 8, 7, 6, 5, 4, 3, 2, 1).summary()).isEqualTo(new QualitySummary(10, 5.5, 1, 10, 5, 9));
        assertThat(of(0, 0, 0, 100).p90()).isEqualTo(100);
        assertThat(of(0, 0, 0, 100).p50()).isZero();
    }

    @Test
    void shouldIgnoreUnknownQualities() {
        final QualityStats stats = of(40);

        assertThat(stats.add(null)).isSameAs(stats);
        assertThat(stats.remove(null)).isSameAs(stats);
    }

    @Test
    void shouldRejectAValueItDoesNotCount() {
        assertThatThrownBy(() -> of(40).remove(41)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> QualityStats.EMPTY.add(101)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> QualityStats.of(Map.of(3, 0L))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldKeepOnlyTheNonEmptyBucketsInItsState() {
        final QualityStats stats = of(80, 55, 55);

        final String json = mapper.writeValueAsString(stats);

        assertThat(json).isEqualTo("{\"counts\":{\"55\":2,\"80\":1}}");
        assertThat(mapper.readValue(json, QualityStats.class)).isEqualTo(stats);
        assertThat(mapper.readValue("{}", QualityStats.class)).isEqualTo(QualityStats.EMPTY);
    }

    static QualityStats of(final int... qualities) {
        QualityStats stats = QualityStats.EMPTY;
        for (final int quality : qualities) {
            stats = stats.add(quality);
        }
        return stats;
    }
}
