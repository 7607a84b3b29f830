package io.heatwire.enrich.topology;

/**
 * Every operator, store and internal topic name of the topology. Kafka Streams derives
 * changelog topic names from the store names, so renaming code must never rename these.
 */
public final class Names {

    public static final String RAW_SOURCE = "raw-articles-source";
    public static final String PARSE = "parse-articles";
    public static final String PARSE_BRANCH = "parse-";
    public static final String PARSE_ACCEPTED = "accepted";
    public static final String PARSE_REJECTED = "rejected";
    public static final String TO_DEAD_LETTER_BYTES = "dead-letter-original-bytes";
    public static final String DEAD_LETTER_SINK = "dead-letters-sink";
    public static final String STORY_EVENTS_FROM_ARTICLE = "story-events-from-article";
    public static final String STORY_EVENTS_SINK_FROM_PARSE = "story-events-sink-from-parse";

    public static final String STORY_EVENTS_SOURCE = "story-events-source";
    public static final String STORY_GRAPH = "story-graph";
    public static final String STORY_CONTENTS = "story-contents";
    public static final String STORIES_WRITTEN = "story-digests";
    public static final String STORIES_DIRTY = "stories-dirty";
    public static final String STORY_NODE_PROCESSOR = "story-node";
    public static final String NODE_BRANCH = "node-";
    public static final String NODE_TO_NODE = "to-node";
    public static final String NODE_TO_STORIES = "to-stories";
    public static final String NODE_EVENT_VALUE = "node-event-value";
    public static final String STORY_VALUE = "story-value";
    public static final String STORY_EVENTS_SINK_FROM_NODE = "story-events-sink-from-node";
    public static final String STORIES_SINK = "stories-sink";
    public static final String NODE_TO_CLUSTERS = "to-clusters";

    public static final String MEMBER_CHANGES = "member-changes";
    public static final String CLUSTER_CHANGES = "cluster-changes";
    public static final String CLUSTER_PROCESSOR = "cluster";
    public static final String CLUSTER_AGGREGATES = "cluster-aggregates";
    public static final String CLUSTER_MEMBERS = "cluster-members";
    public static final String CLUSTER_HEADLINES = "cluster-headlines";
    public static final String CLUSTERS_SINK = "clusters-sink";

    public static final String PROVIDER_CHANGES = "provider-changes";
    public static final String PROVIDER_PROCESSOR = "provider-stats";
    public static final String PROVIDER_STATS = "provider-stats";
    public static final String PROVIDER_PUBLISHED = "provider-published";
    public static final String PROVIDERS_SINK = "providers-sink";
    public static final String TOPIC_CHANGES = "topic-changes";
    public static final String TOPIC_PROCESSOR = "topic-stats";
    public static final String TOPIC_STATS = "topic-stats";
    public static final String TOPIC_PUBLISHED = "topic-published";
    public static final String TOPICS_SINK = "topics-sink";

    private Names() {
    }
}
