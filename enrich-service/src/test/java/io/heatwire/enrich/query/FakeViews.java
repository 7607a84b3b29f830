package io.heatwire.enrich.query;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.state.HostInfo;
import tools.jackson.databind.json.JsonMapper;

/**
 * A scripted instance: who owns which key, what its own views hold, and what its peers answer.
 * Serves as both {@link LocalViews} and {@link Peers}, so a test sees every hop.
 */
public final class FakeViews implements LocalViews, Peers {

    public static final HostInfo SELF = new HostInfo("self", 8082);
    public static final HostInfo PEER = new HostInfo("peer", 8083);
    static final JsonMapper JSON = JsonMapper.builder().build();

    private final Map<String, Deque<KeyQueryMetadata>> owners = new HashMap<>();
    private final Map<HostInfo, Map<String, Lookup>> records = new HashMap<>();
    private final Map<HostInfo, Deque<Slice>> slices = new HashMap<>();
    private final List<HostInfo> hosts = new ArrayList<>(List.of(SELF));
    public final List<String> forwarded = new ArrayList<>();
    int partitions = 2;

    /** The owners the metadata names for the key, one per lookup; the last one stays. */
    public FakeViews owners(String key, KeyQueryMetadata... metadata) {
        owners.put(key, new ArrayDeque<>(List.of(metadata)));
        return this;
    }

    public static KeyQueryMetadata on(HostInfo host, int partition) {
        return new KeyQueryMetadata(host, Set.of(), partition);
    }

    public FakeViews holds(HostInfo host, String store, String key, Lookup lookup) {
        records.computeIfAbsent(host, h -> new HashMap<>()).put(store + "/" + key, lookup);
        return this;
    }

    public FakeViews holds(HostInfo host, String store, String key, String json) {
        return holds(host, store, key, new Lookup.Found(json.getBytes(StandardCharsets.UTF_8)));
    }

    /** What the host answers to range queries, one per query; the last one stays. */
    public FakeViews slices(HostInfo host, Slice... answers) {
        slices.put(host, new ArrayDeque<>(List.of(answers)));
        if (!hosts.contains(host)) {
            hosts.add(host);
        }
        return this;
    }

    public static Slice slice(Set<Integer> partitions, String... keys) {
        return new Slice(
                partitions,
                Arrays.stream(keys)
                        .map(key -> new Slice.Entry(key, JSON.readTree("{\"id\":\"" + key + "\"}")))
                        .toList());
    }

    @Override
    public HostInfo self() {
        return SELF;
    }

    @Override
    public KeyQueryMetadata owner(String store, String key) {
        final Deque<KeyQueryMetadata> metadata = owners.get(key);
        if (metadata == null) {
            return KeyQueryMetadata.NOT_AVAILABLE;
        }
        return metadata.size() > 1 ? metadata.poll() : metadata.peek();
    }

    @Override
    public Collection<HostInfo> hosts(String store) {
        return hosts;
    }

    @Override
    public Lookup get(String store, String key, int partition) {
        return lookup(SELF, store, key);
    }

    @Override
    public Slice range(String store, String from, String to, String after, int limit) {
        return next(SELF);
    }

    @Override
    public int partitions(String store) {
        return partitions;
    }

    @Override
    public Lookup get(HostInfo peer, String store, String key) {
        forwarded.add(peer + " " + store + " " + key);
        return lookup(peer, store, key);
    }

    @Override
    public Slice range(HostInfo peer, String store, String from, String to, String after, int limit) {
        forwarded.add(peer + " " + store + " range");
        return next(peer);
    }

    private Lookup lookup(HostInfo host, String store, String key) {
        return records.getOrDefault(host, Map.of()).getOrDefault(store + "/" + key, new Lookup.NotHere());
    }

    private Slice next(HostInfo host) {
        final Deque<Slice> answers = slices.get(host);
        if (answers == null) {
            throw new UnavailableException(host + " has no answer scripted");
        }
        return answers.size() > 1 ? answers.poll() : answers.peek();
    }
}
