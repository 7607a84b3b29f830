package io.heatwire.enrich.view;

/**
 * Store and operator names of the query views. The views reuse the output topics as their
 * changelogs, so these names never become topic names; the indexes are RocksDB stores without a
 * changelog, rebuilt from their view when a task starts.
 */
public final class ViewNames {

    public static final String STORIES_VIEW = "stories-view";
    public static final String CLUSTERS_VIEW = "clusters-view";
    public static final String PROVIDERS_VIEW = "providers-view";
    public static final String TOPICS_VIEW = "topics-view";
    /** Clusters hottest first: {@link IndexKeys#heat} → cluster id. */
    public static final String CLUSTERS_BY_HEAT = "clusters-by-heat";
    /** Stories by alias and by cluster: {@link IndexKeys#alias}, {@link IndexKeys#member} → story id. */
    public static final String STORY_INDEX = "story-index";

    /** The keys each record is indexed under now, per index: what a change of the record deletes. */
    static final String CLUSTERS_BY_HEAT_KEYS = "clusters-by-heat-keys";

    static final String STORY_INDEX_KEYS = "story-index-keys";

    static final String STORIES_SOURCE = "stories-view-source";
    static final String CLUSTERS_SOURCE = "clusters-view-source";
    static final String PROVIDERS_SOURCE = "providers-view-source";
    static final String TOPICS_SOURCE = "topics-view-source";
    static final String STORIES_CHANGES = "stories-view-changes";
    static final String CLUSTERS_CHANGES = "clusters-view-changes";
    static final String STORY_INDEXER = "story-indexer";
    static final String HEAT_INDEXER = "clusters-heat-indexer";

    private ViewNames() {}
}
