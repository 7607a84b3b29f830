package io.heatwire.enrich.cluster;

import java.time.Duration;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

import io.heatwire.enrich.aggregate.QualityStats;
import io.heatwire.enrich.heat.HeatSum;
import io.heatwire.enrich.story.StoryKind;

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
public record ClusterAggregate(long size, long articles, SortedMap<String, Long> providers,
        SortedMap<String, String> providerNames, SortedMap<String, Long> topics, QualityStats quality,
        HeatSum heat, boolean published, boolean changed) {

    public static ClusterAggregate empty(Duration halfLife) {
        return new ClusterAggregate(0, 0, null, null, null, QualityStats.EMPTY, HeatSum.empty(halfLife), false, false);
    }

    public ClusterAggregate {
        providers = new TreeMap<>(providers == null ? Map.of() : providers);
        providerNames = new TreeMap<>(providerNames == null ? Map.of() : providerNames);
        topics = new TreeMap<>(topics == null ? Map.of() : topics);
    }

    /** This aggregate with {@code member} added (sign 1) or removed (sign -1). */
    ClusterAggregate with(ClusterMember member, int sign) {
        final SortedMap<String, Long> newProviders = new TreeMap<>(providers);
        final SortedMap<String, String> newNames = new TreeMap<>(providerNames);
        final SortedMap<String, Long> newTopics = new TreeMap<>(topics);
        count(newProviders, member.providerKey(), sign);
        if (!newProviders.containsKey(member.providerKey())) {
            newNames.remove(member.providerKey());
        } else if (sign > 0 && member.providerName() != null) {
            newNames.put(member.providerKey(), member.providerName());
        }
        member.topicSlugs().forEach(slug -> count(newTopics, slug, sign));
        return new ClusterAggregate(size + sign, articles + (member.kind() == StoryKind.ARTICLE ? sign : 0),
                newProviders, newNames, newTopics,
                sign > 0 ? quality.add(member.quality()) : quality.remove(member.quality()),
                sign > 0 ? heat.add(member.quality(), member.publishedAt()) : heat.remove(member.quality(), member.publishedAt()),
                published, true);
    }

    /** This aggregate as it is once its record is written. */
    ClusterAggregate asPublished() {
        return published && !changed ? this
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
