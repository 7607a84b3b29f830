package io.heatwire.enrich.view;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.ValueAndTimestamp;

/**
 * Keeps an in-memory, unlogged index over one view in step with it: each record of the view is
 * indexed under the keys {@code entries} derives from it, the value being the record's key. The
 * index is rebuilt from the view whenever the task (re)starts, which Kafka Streams does after the
 * view is restored, so the index never needs a changelog of its own.
 */
final class IndexProcessor implements Processor<String, byte[], Void, Void> {

    private final String viewName;
    private final String indexName;
    private final BiFunction<String, byte[], List<String>> entries;
    /** What each record of the view is indexed under now: the keys to delete when it changes. */
    private final Map<String, List<String>> indexed = new HashMap<>();

    private KeyValueStore<String, String> index;

    IndexProcessor(String viewName, String indexName, BiFunction<String, byte[], List<String>> entries) {
        this.viewName = viewName;
        this.indexName = indexName;
        this.entries = entries;
    }

    @Override
    public void init(ProcessorContext<Void, Void> context) {
        index = context.getStateStore(indexName);
        indexed.clear();
        try (KeyValueIterator<String, String> stale = index.all()) {
            while (stale.hasNext()) {
                index.delete(stale.next().key);
            }
        }
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
        final List<String> before = indexed.remove(key);
        if (before != null) {
            before.forEach(index::delete);
        }
        if (value != null) {
            final List<String> after = entries.apply(key, value);
            after.forEach(entry -> index.put(entry, key));
            indexed.put(key, after);
        }
    }
}
