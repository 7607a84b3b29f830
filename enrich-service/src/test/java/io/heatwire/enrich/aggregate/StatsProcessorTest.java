package io.heatwire.enrich.aggregate;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.heatwire.enrich.serde.InternalSerdes;
import io.heatwire.enrich.topology.InMemoryStores;

/** The provider/topic statistics processor on its own: what it writes when an interval ends, and after a restart. */
class StatsProcessorTest {

    private static final StatsProcessor.Names NAMES = new StatsProcessor.Names("stats", "published");
    private static final Instant PUBLISHED = Instant.parse("2026-11-01T00:00:00Z");

    private MockProcessorContext<String, Long> context;

    @BeforeEach
    void setUp() {
        context = new MockProcessorContext<>();
        context.setCurrentStreamTimeMs(PUBLISHED.toEpochMilli());
        InMemoryStores.add(context, "stats", InternalSerdes.of(KeyStats.class));
        InMemoryStores.add(context, "published", InternalSerdes.of(PublishedDay.class));
    }

    @Test
    void shouldStillWriteAChangeMadeBeforeARestartWhoseIntervalHadNotEnded() {
        final StatsProcessor<Long> before = started();
        before.process(change("example.com", "s1"));
        before.emitChanged(1_000L);
        before.process(change("example.com", "s2"));
        before.process(change("other.org", "s3"));
        context.resetForwards();

        final StatsProcessor<Long> after = started();
        after.emitChanged(2_000L);

        assertThat(context.forwarded().stream()
                        .map(forward ->
                                forward.record().key() + "=" + forward.record().value())
                        .toList())
                .containsExactly("example.com=2", "other.org=1");
        context.resetForwards();
        started().emitChanged(3_000L);
        assertThat(context.forwarded())
                .as("written once, not again after the next restart")
                .isEmpty();
    }

    private StatsProcessor<Long> started() {
        final StatsProcessor<Long> processor = new StatsProcessor<>(
                NAMES,
                Duration.ofHours(24),
                Duration.ofSeconds(1),
                (key, stats, first, last, asOf, now) -> stats.stories());
        processor.init(context);
        return processor;
    }

    private static Record<String, StatsChanges> change(String key, String storyId) {
        return new Record<>(
                key,
                new StatsChanges(List.of(new StatsChange(null, new Contribution(storyId, true, 50, PUBLISHED), key))),
                0L);
    }
}
