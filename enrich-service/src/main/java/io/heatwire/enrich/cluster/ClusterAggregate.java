package io.heatwire.enrich.cluster;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

import io.heatwire.article.heat.HeatSum;
import io.heatwire.article.quality.QualityStats;
import io.heatwire.article.story.StoryKind;

/**
 * The removable counts of one cluster: every figure can be decremented exactly. Ordered figures
 * (members newest first, the headline, first and last published) come from the index stores.
 *
 * @param providers     stories per provider key
 * @param providerNames a display name per provider key (the last one seen)
 * @param topics        stories per topic slug
 * @param quality       the known qualities of the members (SPEC 9)
 * @param heat          the exact heat sum of the dated members (SPEC 8)
 * @param published     whether a record of this cluster was written, so its end needs a tombstone
 * @param changed       whether it changed since its record was last written: the cluster processor
 *                      writes it when the interval ends (and finds it again after a restart)
 */
public record ClusterAggregate(
        long size,
        long articles,
        SortedMap<String, Long> providers,
        SortedMap<String, String> providerNames,
        SortedMap<String, Long> topics,
        QualityStats quality,
        HeatSum heat,
        boolean published,
        boolean changed) {

    public static ClusterAggregate empty(Duration halfLife) {
        return new ClusterAggregate(0, 0, null, null, null, QualityStats.EMPTY, HeatSum.empty(halfLife), false, false);
    }

    public ClusterAggregate {
        providers = new TreeMap<>(providers == null ? Map.of() : providers);
        providerNames = new TreeMap<>(providerNames == null ? Map.of() : providerNames);
        topics = new TreeMap<>(topics == null ? Map.of() : topics);
    }

    /** This aggregate with {@code member} counted. */
    public ClusterAggregate plus(ClusterMember member) {
        return with(List.of(new MemberChange(null, member)));
    }

    /** This aggregate without {@code member}; throws when its quality or heat was never counted. */
    public ClusterAggregate minus(ClusterMember member) {
        return with(List.of(new MemberChange(member, null)));
    }

    /**
     * This aggregate with the changes applied in order, each one's removed member out and its added
     * member in. The maps are copied once per batch, not once per member: a merge moves hundreds of
     * members of a cluster that may count hundreds of providers and topics.
     */
    ClusterAggregate with(List<MemberChange> changes) {
        final Counting counting = new Counting(this);
        for (MemberChange change : changes) {
            if (change.removed() != null) {
                counting.count(change.removed(), -1);
            }
            if (change.added() != null) {
                counting.count(change.added(), 1);
            }
        }
        return new ClusterAggregate(
                counting.size,
                counting.articles,
                counting.providers,
                counting.providerNames,
                counting.topics,
                counting.quality,
                counting.heat,
                published,
                true);
    }

    /** The figures of one aggregate while a batch of changes is counted into them. */
    private static final class Counting {

        private long size;
        private long articles;
        private final SortedMap<String, Long> providers;
        private final SortedMap<String, String> providerNames;
        private final SortedMap<String, Long> topics;
        private QualityStats quality;
        private HeatSum heat;

        Counting(ClusterAggregate from) {
            size = from.size;
            articles = from.articles;
            providers = new TreeMap<>(from.providers);
            providerNames = new TreeMap<>(from.providerNames);
            topics = new TreeMap<>(from.topics);
            quality = from.quality;
            heat = from.heat;
        }

        /** Adds {@code member} (sign 1) or removes it (sign -1). */
        void count(ClusterMember member, int sign) {
            size += sign;
            articles += member.kind() == StoryKind.ARTICLE ? sign : 0;
            ClusterAggregate.count(providers, member.providerKey(), sign);
            if (!providers.containsKey(member.providerKey())) {
                providerNames.remove(member.providerKey());
            } else if (sign > 0 && member.providerName() != null) {
                providerNames.put(member.providerKey(), member.providerName());
            }
            member.topicSlugs().forEach(slug -> ClusterAggregate.count(topics, slug, sign));
            quality = sign > 0 ? quality.add(member.quality()) : quality.remove(member.quality());
            heat = sign > 0
                    ? heat.add(member.quality(), member.publishedAt())
                    : heat.remove(member.quality(), member.publishedAt());
        }
    }

    /** This aggregate as it is once its record is written. */
    ClusterAggregate asPublished() {
        return published && !changed
                ? this
                : new ClusterAggregate(size, articles, providers, providerNames, topics, quality, heat, true, false);
    }

    private static void count(SortedMap<String, Long> counts, String key, int sign) {
        final long next = counts.getOrDefault(key, 0L) + sign;
        if (next == 0) {
            counts.remove(key);
        } else {
            counts.put(key, next);
        }
    }
}
