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
    public static final String CLUSTERING_PROCESSOR = "clustering";
    public static final String STORY_CONTENTS = "story-contents";
    public static final String STORY_NODES = "story-nodes";
    public static final String CLUSTER_STATE = "cluster-state";
    public static final String CLUSTER_ROSTERS = "cluster-rosters";
    public static final String CLUSTER_MEMBERS = "cluster-members";
    public static final String CLUSTER_HEADLINES = "cluster-headlines";
    public static final String STORIES_WRITTEN = "story-contributions";
    public static final String CLUSTERING_BRANCH = "clustering-";
    public static final String TO_EVENTS = "to-events";
    public static final String TO_STORIES = "to-stories";
    public static final String TO_CLUSTERS = "to-clusters";
    public static final String TO_STATISTICS = "to-statistics";
    public static final String EVENT_VALUE = "event-value";
    public static final String STORY_VALUE = "story-value";
    public static final String CLUSTER_VALUE = "cluster-value";
    public static final String STORY_EVENTS_SINK_FROM_CLUSTERING = "story-events-sink-from-clustering";
    public static final String STORIES_SINK = "stories-sink";
    public static final String CLUSTERS_SINK = "clusters-sink";

    public static final String PROVIDER_CHANGES = "provider-changes";
    public static final String PROVIDER_PROCESSOR = "provider-stats";
    public static final String PROVIDER_STATS = "provider-stats";
    public static final String PROVIDER_PUBLISHED = "provider-published-days";
    public static final String PROVIDERS_SINK = "providers-sink";
    public static final String TOPIC_CHANGES = "topic-changes";
    public static final String TOPIC_PROCESSOR = "topic-stats";
    public static final String TOPIC_STATS = "topic-stats";
    public static final String TOPIC_PUBLISHED = "topic-published-days";
    public static final String TOPICS_SINK = "topics-sink";

    private Names() {}
}
