package io.heatwire.enrich.view;

import java.util.List;
import java.util.function.BiFunction;

import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.ValueAndTimestamp;

/**
 * Keeps an unlogged index over one view in step with it: each record of the view is indexed under
 * the keys {@code entries} derives from it, the value being the record's key; a second store
 * remembers which keys each record is indexed under, so a change deletes exactly those. Both are
 * RocksDB stores, so the heap does not grow with the number of records. The index is rebuilt from
 * the view whenever the task (re)starts, which Kafka Streams does after the view is restored (a
 * restore writes the view without this processor), so the index never needs a changelog of its own.
 */
final class IndexProcessor implements Processor<String, byte[], Void, Void> {

    private final String viewName;
    private final String indexName;
    private final String indexedName;
    private final BiFunction<String, byte[], List<String>> entries;

    private KeyValueStore<String, String> index;
    /** What each record of the view is indexed under now: the keys to delete when it changes. */
    private KeyValueStore<String, List<String>> indexed;

    IndexProcessor(
            String viewName, String indexName, String indexedName, BiFunction<String, byte[], List<String>> entries) {
        this.viewName = viewName;
        this.indexName = indexName;
        this.indexedName = indexedName;
        this.entries = entries;
    }

    @Override
    public void init(ProcessorContext<Void, Void> context) {
        index = context.getStateStore(indexName);
        indexed = context.getStateStore(indexedName);
        clear(index);
        clear(indexed);
        final KeyValueStore<String, ValueAndTimestamp<byte[]>> view = context.getStateStore(viewName);
        try (KeyValueIterator<String, ValueAndTimestamp<byte[]>> records = view.all()) {
            while (records.hasNext()) {
                final KeyValue<String, ValueAndTimestamp<byte[]>> record = records.next();
                update(record.key, record.value == null ? null : record.value.value());
            }
        }
    }

    @Override
    public void process(Record<String, byte[]> record) {
        if (record.key() != null) {
            update(record.key(), record.value());
        }
    }

    private void update(String key, byte[] value) {
        final List<String> before = indexed.get(key);
        final List<String> after = value == null ? List.of() : entries.apply(key, value);
        if (after.equals(before == null ? List.of() : before)) {
            return;
        }
        if (before != null) {
            before.forEach(index::delete);
        }
        after.forEach(entry -> index.put(entry, key));
        if (after.isEmpty()) {
            indexed.delete(key);
        } else {
            indexed.put(key, after);
        }
    }

    private static <V> void clear(KeyValueStore<String, V> store) {
        try (KeyValueIterator<String, V> stale = store.all()) {
            while (stale.hasNext()) {
                store.delete(stale.next().key);
            }
        }
    }
}
