package io.heatwire.enrich.cluster;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;

import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

import io.heatwire.enrich.aggregate.TimeKeys;
import io.heatwire.article.story.StoryKind;

/**
 * Keeps one record per cluster (SPEC 7), keyed by cluster id: adds and subtracts member
 * contributions, so every figure is exact under updates and merges, and writes the records of the
 * clusters that changed once per {@code emitInterval} rather than once per member change (a merge
 * moves every member of the larger-id cluster). A cluster that lost its last member gets a
 * tombstone.
 *
 * <p>Ordered figures come from two index stores whose keys sort as needed, so a record is built
 * from a bounded range scan whatever the cluster's size: members newest first, and ARTICLE members
 * by quality (highest first), then earliest.
 */
public final class ClusterProcessor implements Processor<String, MemberChanges, String, ClusterRecord> {

    public static final int MAX_MEMBERS = 100;
    public static final int MAX_PROVIDERS = 10;
    public static final int MAX_TOPICS = 50;

    private static final String SEP = "|";
    private static final String END = "~";

    private final Names names;
    private final Duration emitInterval;
    private final Duration halfLife;
    private final Runnable onMerge;
    private ProcessorContext<String, ClusterRecord> context;
    private KeyValueStore<String, ClusterAggregate> aggregates;
    private KeyValueStore<String, String> members;
    private KeyValueStore<String, ClusterMember> headlines;
    /**
     * The clusters whose aggregate changed since their record was written. The aggregates say so
     * themselves ({@link ClusterAggregate#changed()}), so this index needs no changelog of its own:
     * it is rebuilt from the aggregates store when the task starts.
     */
    private final SortedSet<String> changed = new TreeSet<>();

    /** The names of the three stores this processor uses. */
    public record Names(String aggregates, String members, String headlines) {
    }

    /** @param onMerge called for every cluster id that disappears (its tombstone is written) */
    public ClusterProcessor(Names names, Duration emitInterval, Duration halfLife, Runnable onMerge) {
        this.names = names;
        this.emitInterval = emitInterval;
        this.halfLife = halfLife;
        this.onMerge = onMerge;
    }

    @Override
    public void init(ProcessorContext<String, ClusterRecord> context) {
        this.context = context;
        this.aggregates = context.getStateStore(names.aggregates());
        this.members = context.getStateStore(names.members());
        this.headlines = context.getStateStore(names.headlines());
        changed.clear();
        try (KeyValueIterator<String, ClusterAggregate> all = aggregates.all()) {
            all.forEachRemaining(entry -> {
                if (entry.value.changed()) {
                    changed.add(entry.key);
                }
            });
        }
        context.schedule(emitInterval, PunctuationType.WALL_CLOCK_TIME, this::emitChanged);
    }

    @Override
    public void process(Record<String, MemberChanges> record) {
        final String cluster = record.key();
        ClusterAggregate aggregate = aggregates.get(cluster);
        if (aggregate == null) {
            aggregate = ClusterAggregate.empty(halfLife);
        }
        for (MemberChange change : record.value().changes()) {
            index(cluster, change);
        }
        aggregate = aggregate.with(record.value().changes());
        if (aggregate.size() <= 0 && !aggregate.published()) {
            // A cluster id that lived between two writes (a story's own id before its neighbours
            // told it a smaller one): nothing was written, so nothing needs a tombstone.
            aggregates.delete(cluster);
            changed.remove(cluster);
            return;
        }
        aggregates.put(cluster, aggregate);
        changed.add(cluster);
    }

    /** Moves a member in the index stores: out of its old position, into its new one. */
    private void index(String cluster, MemberChange change) {
        if (change.removed() != null) {
            members.delete(memberKey(cluster, change.removed()));
            if (change.removed().kind() == StoryKind.ARTICLE) {
                headlines.delete(headlineKey(cluster, change.removed()));
            }
        }
        if (change.added() != null) {
            members.put(memberKey(cluster, change.added()), change.added().id());
            if (change.added().kind() == StoryKind.ARTICLE) {
                headlines.put(headlineKey(cluster, change.added()), change.added());
            }
        }
    }

    /** Writes the record (or tombstone) of every cluster that changed since the last time. */
    void emitChanged(long now) {
        final List<String> clusters = new ArrayList<>(changed);
        changed.clear();
        final Instant asOf = Instant.ofEpochMilli(Math.max(0, context.currentStreamTimeMs()));
        for (String cluster : clusters) {
            final ClusterAggregate aggregate = aggregates.get(cluster);
            if (aggregate == null || !aggregate.changed()) {
                continue;
            }
            if (aggregate.size() <= 0) {
                aggregates.delete(cluster);
                context.forward(new Record<>(cluster, null, now, new RecordHeaders()));
                onMerge.run();
            } else {
                aggregates.put(cluster, aggregate.asPublished());
                context.forward(new Record<String, ClusterRecord>(cluster, build(cluster, aggregate, asOf, Instant.ofEpochMilli(now)),
                        now, new RecordHeaders()));
            }
        }
    }

    private ClusterRecord build(String cluster, ClusterAggregate aggregate, Instant asOf, Instant now) {
        final List<String> newest = new ArrayList<>(MAX_MEMBERS);
        Instant lastPublished = null;
        try (KeyValueIterator<String, String> range = members.range(cluster + SEP, cluster + SEP + END)) {
            while (range.hasNext() && newest.size() < MAX_MEMBERS) {
                final KeyValue<String, String> entry = range.next();
                newest.add(entry.value);
                if (lastPublished == null) {
                    lastPublished = invertedTime(entry.key, cluster);
                }
            }
        }
        Instant firstPublished = null;
        try (KeyValueIterator<String, String> range = members.reverseRange(cluster + SEP, cluster + SEP + END)) {
            while (range.hasNext() && firstPublished == null) {
                firstPublished = invertedTime(range.next().key, cluster);
            }
        }
        ClusterRecord.Headline headline = null;
        try (KeyValueIterator<String, ClusterMember> range = headlines.range(cluster + SEP, cluster + SEP + END)) {
            if (range.hasNext()) {
                final ClusterMember best = range.next().value;
                headline = new ClusterRecord.Headline(best.id(), best.title(), best.url(),
                        best.providerName() != null ? best.providerName() : best.providerKey());
            }
        }
        final List<ClusterRecord.ProviderCount> topProviders = aggregate.providers().entrySet().stream()
                .sorted(byCountThenKey())
                .limit(MAX_PROVIDERS)
                .map(e -> new ClusterRecord.ProviderCount(e.getKey(), aggregate.providerNames().get(e.getKey()), e.getValue()))
                .toList();
        final Map<String, Long> topTopics = new LinkedHashMap<>();
        aggregate.topics().entrySet().stream().sorted(byCountThenKey()).limit(MAX_TOPICS)
                .forEach(e -> topTopics.put(e.getKey(), e.getValue()));
        return new ClusterRecord(cluster, aggregate.size(), aggregate.articles(), headline,
                new ClusterRecord.Providers(aggregate.providers().size(), topProviders), topTopics,
                firstPublished, lastPublished, aggregate.quality().summary(), aggregate.heat().heatScore(),
                aggregate.heat().heatAt(asOf), asOf, newest, now);
    }

    private static Comparator<Map.Entry<String, Long>> byCountThenKey() {
        return Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey());
    }

    /** cluster|inverted time|id: a range scan lists members newest first, undated ones last. */
    static String memberKey(String cluster, ClusterMember member) {
        return cluster + SEP + TimeKeys.descending(member.publishedAt()) + SEP + member.id();
    }

    /** cluster|100 - quality|time|id: a range scan lists the best ARTICLE first, the earliest on ties. */
    static String headlineKey(String cluster, ClusterMember member) {
        final String quality = member.quality() == null ? "999" : String.format(Locale.ROOT, "%03d", 100 - member.quality());
        return cluster + SEP + quality + SEP + TimeKeys.ascending(member.publishedAt()) + SEP + member.id();
    }

    private static Instant invertedTime(String memberKey, String cluster) {
        return TimeKeys.parseDescending(memberKey.substring(cluster.length() + 1, cluster.length() + 1 + TimeKeys.width()));
    }
}
