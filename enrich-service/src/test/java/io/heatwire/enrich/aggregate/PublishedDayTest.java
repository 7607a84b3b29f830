package io.heatwire.enrich.aggregate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import io.heatwire.enrich.serde.InternalSerdes;

class PublishedDayTest {

    @Test
    void keepsEveryTimeOnceInOrderWhateverTheOrderOfAdditionsAndRemovals() {
        final Random random = new Random(7);
        final List<Long> times = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            times.add((long) random.nextInt(50)); // many repeats
        }
        PublishedDay day = null;
        for (long time : times) {
            day = day == null ? PublishedDay.of(time) : day.plus(time);
        }
        assertThat(day.times())
                .containsExactly(
                        times.stream().sorted().mapToLong(Long::longValue).toArray());
        final List<Long> removals = new ArrayList<>(times);
        Collections.shuffle(removals, random);
        final List<Long> left = new ArrayList<>(times);
        for (long time : removals.subList(0, 199)) {
            day = day.minus(time);
            left.remove(time);
            assertThat(day.first()).isEqualTo(Collections.min(left));
            assertThat(day.last()).isEqualTo(Collections.max(left));
        }
        assertThat(day.minus(left.get(0))).isNull();
    }

    @Test
    void refusesToRemoveATimeItNeverCounted() {
        assertThatThrownBy(() -> PublishedDay.of(5).minus(6))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("no story published at 6");
    }

    @Test
    void daysStartAtUtcMidnightAlsoBeforeTheEpoch() {
        final long may1 = Instant.parse("2024-05-01T00:00:00Z").toEpochMilli();
        assertThat(PublishedDay.dayOf(may1 + 86_399_999)).isEqualTo(may1);
        assertThat(PublishedDay.dayOf(-1)).isEqualTo(-86_400_000L);
    }

    @Test
    void roundTripsThroughTheInternalEncoding() {
        final var serde = InternalSerdes.of(PublishedDay.class);
        final PublishedDay day = PublishedDay.of(3).plus(1).plus(3);
        assertThat(serde.deserializer()
                        .deserialize("t", serde.serializer().serialize("t", day))
                        .times())
                .containsExactly(1, 3, 3);
    }
}
