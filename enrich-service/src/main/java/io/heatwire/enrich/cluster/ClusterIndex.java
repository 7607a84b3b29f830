package io.heatwire.enrich.cluster;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

import io.heatwire.article.story.StoryKind;
import io.heatwire.enrich.aggregate.TimeKeys;

/**
 * The ordered figures of every cluster: members newest first, and ARTICLE members by quality,
 * highest first, then earliest. A large cluster keeps them in two index stores keyed by the
 * cluster's key (the key of its record in the clustering state, which never changes on a rename),
 * and its record is built from bounded range scans whatever its size; a small one has its members
 * in its cluster record, and they are sorted by the same keys when its record is built.
 */
public final class ClusterIndex {

    public static final int MAX_MEMBERS = 100;
    public static final int MAX_PROVIDERS = 10;
    public static final int MAX_TOPICS = 50;

    private static final String SEP = "|";
    private static final String END = "~";

    private final KeyValueStore<String, String> members;
    private final KeyValueStore<String, ClusterMember> headlines;

    public ClusterIndex(KeyValueStore<String, String> members, KeyValueStore<String, ClusterMember> headlines) {
        this.members = members;
        this.headlines = headlines;
    }

    public void added(String cluster, ClusterMember member) {
        members.put(memberKey(cluster, member), member.id());
        if (member.kind() == StoryKind.ARTICLE) {
            headlines.put(headlineKey(cluster, member), member);
        }
    }

    public void removed(String cluster, ClusterMember member) {
        members.delete(memberKey(cluster, member));
        if (member.kind() == StoryKind.ARTICLE) {
            headlines.delete(headlineKey(cluster, member));
        }
    }

    /**
     * The record of the cluster kept under {@code cluster} and published as {@code id}; {@code inline}
     * are its members when they live in its cluster record, {@code null} when the indexes hold them.
     */
    public ClusterRecord record(
            String cluster,
            String id,
            ClusterAggregate aggregate,
            Collection<ClusterMember> inline,
            Instant asOf,
            Instant now) {
        final List<String> newest = new ArrayList<>(MAX_MEMBERS);
        Instant lastPublished = null;
        Instant firstPublished = null;
        ClusterMember best = null;
        if (inline != null) {
            final TreeMap<String, String> byTime = new TreeMap<>();
            final TreeMap<String, ClusterMember> byQuality = new TreeMap<>();
            for (ClusterMember member : inline) {
                byTime.put(memberKey(cluster, member), member.id());
                if (member.kind() == StoryKind.ARTICLE) {
                    byQuality.put(headlineKey(cluster, member), member);
                }
            }
            // as the range scans below: undated members sort last and carry no time
            for (Map.Entry<String, String> entry : byTime.entrySet()) {
                if (newest.size() == MAX_MEMBERS) {
                    break;
                }
                newest.add(entry.getValue());
                if (lastPublished == null) {
                    lastPublished = invertedTime(entry.getKey(), cluster);
                }
            }
            for (String key : byTime.descendingKeySet()) {
                firstPublished = invertedTime(key, cluster);
                if (firstPublished != null) {
                    break;
                }
            }
            best = byQuality.isEmpty() ? null : byQuality.firstEntry().getValue();
        } else {
            try (KeyValueIterator<String, String> range = members.range(cluster + SEP, cluster + SEP + END)) {
                while (range.hasNext() && newest.size() < MAX_MEMBERS) {
                    final KeyValue<String, String> entry = range.next();
                    newest.add(entry.value);
                    if (lastPublished == null) {
                        lastPublished = invertedTime(entry.key, cluster);
                    }
                }
            }
            try (KeyValueIterator<String, String> range = members.reverseRange(cluster + SEP, cluster + SEP + END)) {
                while (range.hasNext() && firstPublished == null) {
                    firstPublished = invertedTime(range.next().key, cluster);
                }
            }
            try (KeyValueIterator<String, ClusterMember> range = headlines.range(cluster + SEP, cluster + SEP + END)) {
                if (range.hasNext()) {
                    best = range.next().value;
                }
            }
        }
        final ClusterRecord.Headline headline = best == null
                ? null
                : new ClusterRecord.Headline(
                        best.id(),
                        best.title(),
                        best.url(),
                        best.providerName() != null ? best.providerName() : best.providerKey());
        final List<ClusterRecord.ProviderCount> topProviders = aggregate.providers().entrySet().stream()
                .sorted(byCountThenKey())
                .limit(MAX_PROVIDERS)
                .map(e -> new ClusterRecord.ProviderCount(
                        e.getKey(), aggregate.providerNames().get(e.getKey()), e.getValue()))
                .toList();
        final Map<String, Long> topTopics = new LinkedHashMap<>();
        aggregate.topics().entrySet().stream()
                .sorted(byCountThenKey())
                .limit(MAX_TOPICS)
                .forEach(e -> topTopics.put(e.getKey(), e.getValue()));
        return new ClusterRecord(
                id,
                aggregate.size(),
                aggregate.articles(),
                headline,
                new ClusterRecord.Providers(aggregate.providers().size(), topProviders),
                topTopics,
                firstPublished,
                lastPublished,
                aggregate.quality().summary(),
                aggregate.heat().heatScore(),
                aggregate.heat().heatAt(asOf),
                asOf,
                newest,
                now);
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
        final String quality =
                member.quality() == null ? "999" : String.format(Locale.ROOT, "%03d", 100 - member.quality());
        return cluster + SEP + quality + SEP + TimeKeys.ascending(member.publishedAt()) + SEP + member.id();
    }

    private static Instant invertedTime(String memberKey, String cluster) {
        return TimeKeys.parseDescending(
                memberKey.substring(cluster.length() + 1, cluster.length() + 1 + TimeKeys.width()));
    }
}
