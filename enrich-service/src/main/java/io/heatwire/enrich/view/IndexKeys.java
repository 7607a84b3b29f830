package io.heatwire.enrich.view;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import io.heatwire.enrich.aggregate.TimeKeys;

/**
 * Keys of the query indexes. In-memory stores order keys by their bytes, so each key is built to
 * sort the way the API lists: hottest cluster first, a cluster's newest story first.
 */
public final class IndexKeys {

    /** Sorts after every key of the indexes (they hold hex digits, digits and separators only). */
    public static final String END = "~";

    private static final JsonMapper MAPPER = JsonMapper.builder().build();
    private static final String ALIAS = "a|";
    private static final String MEMBER = "c|";
    /** Clusters without a heatScore (no dated member) sort after every hot one. */
    private static final String NO_HEAT = "z".repeat(16);

    private IndexKeys() {}

    /**
     * The heat index key of a cluster: 16 hex digits that sort the highest heatScore first, then
     * the cluster id, so that ties are ordered and every key is unique.
     */
    public static String heat(Double heatScore, String clusterId) {
        if (heatScore == null) {
            return NO_HEAT + "|" + clusterId;
        }
        final long bits = Double.doubleToLongBits(heatScore + 0.0);
        // Flip so that unsigned order is numeric order, then invert for descending.
        final long ascending = bits < 0 ? ~bits : bits ^ Long.MIN_VALUE;
        return String.format(Locale.ROOT, "%016x", ~ascending) + "|" + clusterId;
    }

    /** The first key of the stories that list {@code aliasId} among their aliases. */
    public static String aliasPrefix(String aliasId) {
        return ALIAS + aliasId + "|";
    }

    public static String alias(String aliasId, String storyId) {
        return aliasPrefix(aliasId) + storyId;
    }

    /** The first key of the stories of {@code clusterId}, newest first. */
    public static String memberPrefix(String clusterId) {
        return MEMBER + clusterId + "|";
    }

    public static String member(String clusterId, Instant publishedAt, String storyId) {
        return memberPrefix(clusterId) + TimeKeys.descending(publishedAt) + "|" + storyId;
    }

    /** The heat index entry of a cluster record (JSON bytes of {@code heatwire.clusters}). */
    static List<String> ofCluster(String clusterId, byte[] record) {
        final JsonNode heatScore = MAPPER.readTree(record).get("heatScore");
        return List.of(heat(heatScore == null || heatScore.isNull() ? null : heatScore.asDouble(), clusterId));
    }

    /** The story index entries of a story record (JSON bytes of {@code heatwire.stories}). */
    static List<String> ofStory(String storyId, byte[] record) {
        final JsonNode story = MAPPER.readTree(record);
        final List<String> keys = new ArrayList<>();
        final JsonNode aliases = story.get("aliases");
        if (aliases != null) {
            aliases.forEach(alias -> keys.add(alias(alias.asString(), storyId)));
        }
        final JsonNode clusterId = story.get("clusterId");
        if (clusterId != null && !clusterId.isNull()) {
            final JsonNode published = story.get("publishedAt");
            keys.add(member(
                    clusterId.asString(),
                    published == null || published.isNull() ? null : Instant.parse(published.asString()),
                    storyId));
        }
        return keys;
    }
}
