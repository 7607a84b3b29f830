package io.heatwire.article.heat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class HeatSumTest {

    private static final Duration DAY = Duration.ofHours(24);
    private static final Instant T0 = Instant.parse("2024-03-01T12:00:00Z");

    private final JsonMapper mapper = JsonMapper.builder().build();

    @Test
    void shouldHaveNoScoreAndNoHeatWhenEmpty() {
        final HeatSum empty = HeatSum.empty(DAY);

        assertThat(empty.isEmpty()).isTrue();
        assertThat(empty.heatScore()).isNull();
        assertThat(empty.heatAt(T0)).isZero();
        assertThat(empty.chunks()).isEmpty();
    }

    @Test
    void shouldScoreInHalfLivesSince1970() {
        final HeatSum atEpoch = HeatSum.empty(DAY).add(null, Instant.EPOCH);
        final HeatSum threeDaysLater = HeatSum.empty(DAY).add(100, Instant.EPOCH.plus(Duration.ofDays(3)));

        assertThat(atEpoch.heatScore()).isEqualTo(0.0);
        assertThat(threeDaysLater.heatScore()).isEqualTo(4.0);
    }

    @Test
    void shouldWeighAStoryByItsQualityAtItsPublicationTime() {
        final HeatSum sum = HeatSum.empty(DAY).add(50, T0);

        assertThat(sum.heatAt(T0)).isCloseTo(1.5, within(1e-12));
        assertThat(sum.heatAt(T0.plus(DAY))).isCloseTo(0.75, within(1e-12));
        assertThat(sum.heatAt(T0.plus(Duration.ofHours(12)))).isCloseTo(1.5 / Math.sqrt(2), within(1e-12));
    }

    @Test
    void shouldIgnoreUndatedStories() {
        final HeatSum sum = HeatSum.empty(DAY).add(70, T0);

        assertThat(sum.add(90, null)).isEqualTo(sum);
        assertThat(sum.remove(90, null)).isEqualTo(sum);
        assertThat(HeatSum.empty(DAY).add(null, null).heatScore()).isNull();
    }

    @Test
    void shouldCompareExactValuesNotHistories() {
        // Two stories one half-life earlier weigh exactly as much as one story now.
        final HeatSum twoEarlier = HeatSum.empty(DAY).add(null, T0).add(null, T0);
        final HeatSum oneLater = HeatSum.empty(DAY).add(null, T0.plus(DAY));

        assertThat(twoEarlier).isEqualTo(oneLater).hasSameHashCodeAs(oneLater);
        assertThat(twoEarlier.chunks()).isEqualTo(oneLater.chunks());
        assertThat(HeatSum.empty(DAY).add(null, T0))
                .isNotEqualTo(HeatSum.empty(Duration.ofHours(12)).add(null, T0));
    }

    @Test
    void shouldReturnExactlyTheEmptySumAfterAMillionOperations() {
        final Random random = new Random(20240301);
        final List<Integer> qualities = new ArrayList<>();
        final List<Instant> times = new ArrayList<>();
        HeatSum sum = HeatSum.empty(Duration.ofHours(6));
        for (int i = 0; i < 1_000_000; i++) {
            if (qualities.isEmpty() || qualities.size() < 40 && random.nextBoolean()) {
                final Integer quality = random.nextInt(10) == 0 ? null : random.nextInt(101);
                final Instant time = T0.plusMillis(random.nextLong(-400L * 86_400_000, 400L * 86_400_000));
                qualities.add(quality);
                times.add(time);
                sum = sum.add(quality, time);
            } else {
                final int at = random.nextInt(qualities.size());
                sum = sum.remove(qualities.remove(at), times.remove(at));
            }
        }
        HeatSum fresh = HeatSum.empty(Duration.ofHours(6));
        for (int i = qualities.size() - 1; i >= 0; i--) {
            fresh = fresh.add(qualities.get(i), times.get(i));
        }
        assertThat(sum).isEqualTo(fresh);
        for (int i = 0; i < qualities.size(); i++) {
            sum = sum.remove(qualities.get(i), times.get(i));
        }
        assertThat(sum).isEqualTo(HeatSum.empty(Duration.ofHours(6)));
    }

    @Test
    void shouldStaySmallWhenDatesAreCenturiesApart() {
        final HeatSum sum = HeatSum.empty(Duration.ofMinutes(1))
                .add(10, Instant.parse("1970-01-01T00:00:00Z"))
                .add(20, Instant.parse("2100-12-31T23:59:59Z"));

        assertThat(sum.chunks()).hasSize(2);
        assertThat(sum.chunks())
                .allSatisfy(chunk -> assertThat(chunk.digits().length()).isLessThanOrEqualTo(14));
        // The 1970 story is worth 2^-68,899,680 of the other one.
        assertThat(sum.heatScore()).isCloseTo(4_133_980_799_000.0 / 60_000 + Math.log(1.2) / Math.log(2), within(1e-6));
    }

    @Test
    void shouldKeepAClusterOfAFewWeeksInOneSmallChunk() {
        HeatSum sum = HeatSum.empty(DAY);
        for (int day = 0; day < 21; day++) {
            sum = sum.add(day * 4, T0.plus(Duration.ofDays(day)).plusSeconds(day * 977L));
        }
        assertThat(sum.chunks()).hasSize(1);
        assertThat(sum.chunks().get(0).digits().length() * 4).isLessThanOrEqualTo(100);
    }

    @Test
    void shouldSaturateInsteadOfOverflowing() {
        final HeatSum future = HeatSum.empty(Duration.ofMinutes(1)).add(100, Instant.parse("2100-01-01T00:00:00Z"));

        assertThat(future.heatAt(Instant.parse("1970-01-01T00:00:00Z"))).isEqualTo(Double.MAX_VALUE);
        assertThat(future.heatAt(Instant.parse("2100-01-02T00:00:00Z"))).isZero();
    }

    @Test
    void shouldIgnoreInstantsBeyondTheMillisecondRange() {
        final HeatSum sum = HeatSum.empty(DAY).add(50, T0);

        assertThat(sum.add(50, Instant.MAX)).isEqualTo(sum);
        assertThat(sum.remove(50, Instant.MIN)).isEqualTo(sum);
    }

    @Test
    void shouldRejectWhatItCannotHold() {
        assertThatThrownBy(() -> HeatSum.empty(DAY).remove(50, T0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> HeatSum.empty(DAY).add(101, T0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> HeatSum.empty(DAY).add(-1, T0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> HeatSum.empty(Duration.ofMillis(999))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldRoundTripThroughJson() {
        final HeatSum sum = HeatSum.empty(DAY)
                .add(80, T0)
                .add(null, T0.minus(Duration.ofDays(900)))
                .add(35, T0.plusSeconds(1));

        final String json = mapper.writeValueAsString(sum);

        assertThat(json).startsWith("{\"halfLifeMillis\":86400000,\"chunks\":[{\"exponent\":");
        assertThat(mapper.readValue(json, HeatSum.class)).isEqualTo(sum);
        assertThat(mapper.readValue(mapper.writeValueAsString(HeatSum.empty(DAY)), HeatSum.class))
                .isEqualTo(HeatSum.empty(DAY));
    }

    @Test
    void shouldRejectAStateThatIsNotInItsUniqueForm() {
        final List<HeatSum.Chunk> even = List.of(new HeatSum.Chunk(0, "2"));
        final List<HeatSum.Chunk> tooClose = List.of(new HeatSum.Chunk(0, "1"), new HeatSum.Chunk(10, "1"));

        assertThatThrownBy(() -> HeatSum.of(86_400_000, even)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> HeatSum.of(86_400_000, tooClose)).isInstanceOf(IllegalArgumentException.class);
        assertThat(HeatSum.of(86_400_000, List.of(new HeatSum.Chunk(0, "1"), new HeatSum.Chunk(65, "3")))
                        .chunks())
                .hasSize(2);
    }
}
