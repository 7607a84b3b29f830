package io.heatwire.enrich.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.heatwire.article.story.StoryKind;
import io.heatwire.enrich.topology.InMemoryStores;
import io.heatwire.enrich.topology.InternalSerdes;

/** The cluster processor on its own: what it writes when an interval ends, and after a restart. */
class ClusterProcessorTest {

    private static final ClusterProcessor.Names NAMES = new ClusterProcessor.Names("aggregates", "members", "headlines");

    private MockProcessorContext<String, ClusterRecord> context;

    @BeforeEach
    void setUp() {
        context = new MockProcessorContext<>();
        context.setCurrentStreamTimeMs(Instant.parse("2026-11-02T00:00:00Z").toEpochMilli());
        InMemoryStores.add(context, "aggregates", InternalSerdes.of(ClusterAggregate.class));
        InMemoryStores.add(context, "members", Serdes.String());
        InMemoryStores.add(context, "headlines", InternalSerdes.of(ClusterMember.class));
    }

    @Test
    void shouldWriteAChangedClusterOnceWhenTheIntervalEnds() {
        final ClusterProcessor processor = started();
        processor.process(changes("c1", join("a1"), join("a2")));
        processor.process(changes("c2", join("b1")));
        assertThat(context.forwarded()).isEmpty();

        processor.emitChanged(1_000L);
        processor.emitChanged(2_000L);

        assertThat(context.forwarded().stream().map(forward -> (String) forward.record().key()).toList())
                .containsExactly("c1", "c2");
        assertThat(context.forwarded().get(0).record().value().size()).isEqualTo(2);
    }

    @Test
    void shouldStillWriteAChangeMadeBeforeARestartWhoseIntervalHadNotEnded() {
        final ClusterProcessor before = started();
        before.process(changes("c1", join("a1")));
        before.emitChanged(1_000L);
        before.process(changes("c1", join("a2")));
        context.resetForwards();

        // A crash: the changes are in the (restored) stores, the processor starts afresh.
        final ClusterProcessor after = started();
        after.emitChanged(2_000L);

        assertThat(context.forwarded()).singleElement()
                .satisfies(forward -> assertThat(forward.record().value().size()).isEqualTo(2));
        context.resetForwards();
        started().emitChanged(3_000L);
        assertThat(context.forwarded()).as("written once, not again after the next restart").isEmpty();
    }

    @Test
    void shouldTombstoneAWrittenClusterThatLostItsLastMemberAndLeaveNoTraceOfAnUnwrittenOne() {
        final ClusterProcessor processor = started();
        processor.process(changes("c1", join("a1")));
        processor.emitChanged(1_000L);
        processor.process(changes("c1", leave("a1")));
        processor.process(changes("c2", join("b1"), leave("b1")));
        context.resetForwards();

        processor.emitChanged(2_000L);

        assertThat(context.forwarded()).singleElement().satisfies(forward -> {
            assertThat(forward.record().key()).isEqualTo("c1");
            assertThat(forward.record().value()).isNull();
        });
        assertThat(context.<KeyValueStore<String, ClusterAggregate>>getStateStore("aggregates").approximateNumEntries()).isZero();
    }

    private ClusterProcessor started() {
        final ClusterProcessor processor = new ClusterProcessor(NAMES, Duration.ofSeconds(1), Duration.ofHours(24), () -> { });
        processor.init(context);
        return processor;
    }

    private static Record<String, MemberChanges> changes(String cluster, MemberChange... changes) {
        return new Record<>(cluster, new MemberChanges(List.of(changes)), 0L);
    }

    private static MemberChange join(String id) {
        return new MemberChange(null, member(id));
    }

    private static MemberChange leave(String id) {
        return new MemberChange(member(id), null);
    }

    private static ClusterMember member(String id) {
        return new ClusterMember(id, StoryKind.ARTICLE, "Title " + id, "https://example.com/" + id, "example.com",
                "Example", List.of("world"), Instant.parse("2026-11-01T00:00:00Z"), 50);
    }
}
