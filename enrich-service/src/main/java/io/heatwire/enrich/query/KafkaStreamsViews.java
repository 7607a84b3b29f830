package io.heatwire.enrich.query;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Supplier;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsMetadata;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.errors.StreamsNotStartedException;
import org.apache.kafka.streams.errors.StreamsStoppedException;
import org.apache.kafka.streams.query.KeyQuery;
import org.apache.kafka.streams.query.QueryResult;
import org.apache.kafka.streams.query.RangeQuery;
import org.apache.kafka.streams.query.StateQueryRequest;
import org.apache.kafka.streams.query.StateQueryResult;
import org.apache.kafka.streams.state.HostInfo;
import org.apache.kafka.streams.state.KeyValueIterator;
import tools.jackson.databind.json.JsonMapper;

import io.heatwire.enrich.view.QueryViews;

/**
 * The views of this instance's Kafka Streams client, read with IQv2 from active tasks only. The
 * client is looked up on every call: it is replaced when the factory bean restarts it.
 */
public final class KafkaStreamsViews implements LocalViews {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private final Supplier<KafkaStreams> streams;
    private final Supplier<HostInfo> self;
    private final Function<String, Integer> partitions;

    /**
     * @param partitions the partition count of a store's source topic, by store name
     */
    public KafkaStreamsViews(
            Supplier<KafkaStreams> streams, Supplier<HostInfo> self, Function<String, Integer> partitions) {
        this.streams = streams;
        this.self = self;
        this.partitions = partitions;
    }

    @Override
    public HostInfo self() {
        return self.get();
    }

    @Override
    public KeyQueryMetadata owner(String store, String key) {
        final KafkaStreams client = streams.get();
        if (client == null) {
            return KeyQueryMetadata.NOT_AVAILABLE;
        }
        try {
            return client.queryMetadataForKey(store, key, Serdes.String().serializer());
        } catch (StreamsNotStartedException | StreamsStoppedException | IllegalStateException e) {
            return KeyQueryMetadata.NOT_AVAILABLE;
        }
    }

    @Override
    public Collection<HostInfo> hosts(String store) {
        final KafkaStreams client = streams.get();
        if (client == null) {
            return List.of();
        }
        try {
            return client.streamsMetadataForStore(store).stream()
                    .map(StreamsMetadata::hostInfo)
                    .toList();
        } catch (StreamsNotStartedException | StreamsStoppedException | IllegalStateException e) {
            return List.of();
        }
    }

    @Override
    public Lookup get(String store, String key, int partition) {
        final KafkaStreams client = streams.get();
        if (client == null) {
            return new Lookup.Unavailable("Kafka Streams has not been created yet");
        }
        try {
            final StateQueryResult<byte[]> result = client.query(StateQueryRequest.inStore(store)
                    .withQuery(KeyQuery.<String, byte[]>withKey(key))
                    .withPartitions(Set.of(partition))
                    .requireActive());
            final QueryResult<byte[]> answer = result.getPartitionResults().get(partition);
            if (answer == null) {
                return new Lookup.NotHere();
            }
            if (answer.isSuccess()) {
                return answer.getResult() == null ? new Lookup.Absent() : new Lookup.Found(answer.getResult());
            }
            return switch (answer.getFailureReason()) {
                case NOT_ACTIVE, NOT_PRESENT -> new Lookup.NotHere();
                default -> new Lookup.Unavailable(answer.getFailureReason() + ": " + answer.getFailureMessage());
            };
        } catch (InvalidStateStoreException e) {
            return new Lookup.Unavailable(e.getMessage());
        }
    }

    @Override
    public Slice range(String store, String from, String to, String after, int limit) {
        final KafkaStreams client = streams.get();
        if (client == null) {
            throw new UnavailableException("Kafka Streams has not been created yet");
        }
        final String lower = after != null && (from == null || Slice.KEY_ORDER.compare(after, from) > 0) ? after : from;
        final RangeQuery<String, Object> query = to == null
                ? (lower == null ? RangeQuery.withNoBounds() : RangeQuery.withLowerBound(lower))
                : RangeQuery.withRange(lower, to);
        final String view = QueryViews.viewOf(store);
        final Set<Integer> answered = new TreeSet<>();
        final List<Slice.Entry> entries = new ArrayList<>();
        try {
            final StateQueryResult<KeyValueIterator<String, Object>> result = client.query(
                    StateQueryRequest.inStore(store).withQuery(query).requireActive());
            for (Map.Entry<Integer, QueryResult<KeyValueIterator<String, Object>>> partition :
                    result.getPartitionResults().entrySet()) {
                final QueryResult<KeyValueIterator<String, Object>> answer = partition.getValue();
                if (!answer.isSuccess()) {
                    continue;
                }
                try (KeyValueIterator<String, Object> iterator = answer.getResult()) {
                    if (read(
                            client,
                            iterator,
                            view.equals(store) ? null : view,
                            partition.getKey(),
                            after,
                            limit,
                            entries)) {
                        answered.add(partition.getKey());
                    }
                }
            }
        } catch (InvalidStateStoreException e) {
            throw new UnavailableException(e.getMessage());
        }
        return Slice.merge(List.of(new Slice(answered, entries)), limit);
    }

    /**
     * Reads up to {@code limit} entries after {@code after}; an index entry is replaced by the view
     * record it points at, read from the same partition. False when that partition stopped answering.
     */
    private static boolean read(
            KafkaStreams client,
            KeyValueIterator<String, Object> iterator,
            String view,
            int partition,
            String after,
            int limit,
            List<Slice.Entry> entries) {
        int read = 0;
        while (read < limit && iterator.hasNext()) {
            final KeyValue<String, Object> entry = iterator.next();
            if (entry.key.equals(after)) {
                continue;
            }
            final byte[] record;
            if (view == null) {
                record = (byte[]) entry.value;
            } else {
                final StateQueryResult<byte[]> pointed = client.query(StateQueryRequest.inStore(view)
                        .withQuery(KeyQuery.<String, byte[]>withKey((String) entry.value))
                        .withPartitions(Set.of(partition))
                        .requireActive());
                final QueryResult<byte[]> answer = pointed.getPartitionResults().get(partition);
                if (answer == null || !answer.isSuccess()) {
                    return false;
                }
                record = answer.getResult();
            }
            if (record != null) {
                entries.add(new Slice.Entry(entry.key, MAPPER.readTree(new String(record, StandardCharsets.UTF_8))));
                read++;
            }
        }
        return true;
    }

    @Override
    public int partitions(String store) {
        return partitions.apply(store);
    }
}
