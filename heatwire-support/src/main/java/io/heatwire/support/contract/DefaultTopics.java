package io.heatwire.support.contract;

/**
 * The default Kafka topic names of SPEC 10. Every one is configurable; these constants are the
 * defaults the services, the load generator, the benchmarks and the tests agree on.
 */
public final class DefaultTopics {

    /** Raw article documents, as crawlers and ingest-service write them. */
    public static final String RAW = "heatwire.articles.raw";
    /** Documents that could not be processed: original bytes plus {@link DeadLetterHeaders}. */
    public static final String DEAD_LETTERS = "heatwire.articles.dlq";

    public static final String STORIES = "heatwire.stories";
    public static final String CLUSTERS = "heatwire.clusters";
    public static final String PROVIDERS = "heatwire.providers";
    /** News topics (a story's subjects), not Kafka topics. */
    public static final String NEWS_TOPICS = "heatwire.topics";

    private DefaultTopics() {}
}
