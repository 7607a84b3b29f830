package io.heatwire.enrich.view;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.apache.kafka.streams.state.TimestampedKeyValueStore;
import org.apache.kafka.streams.state.ValueAndTimestamp;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The index after a task (re)start: rebuilt from its view alone, whatever it held before. */
class IndexProcessorTest {

    private static final String A = "a".repeat(32);
    private static final String B = "b".repeat(32);
    private static final String C = "c".repeat(32);

    private final MockProcessorContext<Void, Void> context = new MockProcessorContext<>();
    private TimestampedKeyValueStore<String, byte[]> view;
    private KeyValueStore<String, String> index;
    private KeyValueStore<String, List<String>> indexed;

    @BeforeEach
    void setUp() {
        view = Stores.timestampedKeyValueStoreBuilder(
                        Stores.inMemoryKeyValueStore(ViewNames.CLUSTERS_VIEW), Serdes.String(), Serdes.ByteArray())
                .withLoggingDisabled()
                .build();
        index = Stores.keyValueStoreBuilder(
                        Stores.inMemoryKeyValueStore(ViewNames.CLUSTERS_BY_HEAT), Serdes.String(), Serdes.String())
                .withLoggingDisabled()
                .build();
        indexed = Stores.keyValueStoreBuilder(
                        Stores.inMemoryKeyValueStore(ViewNames.CLUSTERS_BY_HEAT_KEYS),
                        Serdes.String(),
                        QueryViews.keysSerde())
                .withLoggingDisabled()
                .build();
        view.init(context.getStateStoreContext(), view);
        index.init(context.getStateStoreContext(), index);
        indexed.init(context.getStateStoreContext(), indexed);
        context.addStateStore(view);
        context.addStateStore(index);
        context.addStateStore(indexed);
    }

    @Test
    void shouldRebuildTheIndexFromTheViewWhenTheTaskStarts() {
        view.put(A, ValueAndTimestamp.make(bytes(QueryViewsTest.cluster(A, 2.0)), 1L));
        view.put(B, ValueAndTimestamp.make(bytes(QueryViewsTest.cluster(B, 5.0)), 1L));
        index.put("stale|" + A, A);
        indexed.put(A, List.of("stale|" + A));
        indexed.put(C, List.of("stale|" + C));

        processor().init(context);

        assertThat(entries())
                .containsExactly(KeyValue.pair(IndexKeys.heat(5.0, B), B), KeyValue.pair(IndexKeys.heat(2.0, A), A));
        assertThat(indexed.get(A)).containsExactly(IndexKeys.heat(2.0, A));
        assertThat(indexed.get(C)).isNull();
    }

    @Test
    void shouldMoveAnEntryRebuiltAtStartWhenItsRecordChanges() {
        view.put(A, ValueAndTimestamp.make(bytes(QueryViewsTest.cluster(A, 2.0)), 1L));
        final IndexProcessor processor = processor();
        processor.init(context);

        processor.process(new Record<>(A, bytes(QueryViewsTest.cluster(A, 9.0)), 2L));
        processor.process(new Record<>(B, bytes(QueryViewsTest.cluster(B, 1.0)), 2L));
        processor.process(new Record<>(B, null, 3L));

        assertThat(entries()).containsExactly(KeyValue.pair(IndexKeys.heat(9.0, A), A));
        assertThat(indexed.get(A)).containsExactly(IndexKeys.heat(9.0, A));
        assertThat(indexed.get(B)).isNull();
    }

    private IndexProcessor processor() {
        return new IndexProcessor(
                ViewNames.CLUSTERS_VIEW,
                ViewNames.CLUSTERS_BY_HEAT,
                ViewNames.CLUSTERS_BY_HEAT_KEYS,
                IndexKeys::ofCluster);
    }

    private List<KeyValue<String, String>> entries() {
        final List<KeyValue<String, String>> entries = new ArrayList<>();
        try (KeyValueIterator<String, String> all = index.all()) {
            all.forEachRemaining(entries::add);
        }
        return entries;
    }

    private static byte[] bytes(String json) {
        return json.getBytes(StandardCharsets.UTF_8);
    }
}
