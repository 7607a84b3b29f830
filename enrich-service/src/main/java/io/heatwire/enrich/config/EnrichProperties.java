package io.heatwire.enrich.config;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import io.heatwire.article.parse.ParseLimits;
import io.heatwire.enrich.deadletter.DeadLetters;
import io.heatwire.enrich.topology.EnrichSettings;
import io.heatwire.enrich.topology.Topics;
import io.heatwire.support.contract.DefaultTopics;

/**
 * heatwire's own settings for enrich-service; Kafka client and Streams settings stay under
 * {@code spring.kafka.*}.
 */
@ConfigurationProperties("heatwire")
public record EnrichProperties(
        @DefaultValue TopicNames topics,
        @DefaultValue Parse parse,
        @DefaultValue DeadLetterSettings deadLetters,
        @DefaultValue Clusters clusters,
        @DefaultValue Heat heat,
        @DefaultValue Instance instance) {

    public EnrichSettings settings() {
        return new EnrichSettings(
                new ParseLimits(
                        parse.maxDocumentBytes(),
                        parse.maxAliases(),
                        parse.maxNestingDepth(),
                        parse.maxRelated(),
                        parse.maxStringLength()),
                deadLetters.maxRecordBytes() - DeadLetters.HEADROOM_BYTES,
                clusters.emitInterval(),
                heat.halfLife(),
                clusters.enabled(),
                topics.partitions());
    }

    /**
     * This instance among those with the same application id (README, "Fail-over").
     *
     * @param name         its {@code group.instance.id} (static membership); unique among the running
     *                     instances, the same across restarts. Empty: the host name and a checksum of
     *                     the state directory ({@link InstanceName})
     * @param closeTimeout how long a stop (SIGTERM) waits for the Streams client to commit and close
     * @param startBackoff how long start-up waits between attempts to reach the broker and create
     *                     the missing topics
     */
    public record Instance(
            @DefaultValue("") String name,
            @DefaultValue("20s") Duration closeTimeout,
            @DefaultValue("2s") Duration startBackoff) {

        public Instance {
            if (closeTimeout.isNegative() || closeTimeout.isZero()) {
                throw new IllegalArgumentException("heatwire.instance.close-timeout must be positive");
            }
            if (startBackoff.isNegative() || startBackoff.isZero()) {
                throw new IllegalArgumentException("heatwire.instance.start-backoff must be positive");
            }
        }
    }

    /** @param halfLife a story's weight in the heat of its cluster, provider and topics halves every half-life */
    public record Heat(@DefaultValue("24h") Duration halfLife) {}

    /**
     * @param emitInterval how often the records of the stories, clusters, providers and topics that
     *                     changed are written: a merge changes a cluster once per member, its record
     *                     is written once per interval. 300 ms keeps p99 latency under a second at
     *                     half load for little more work than 1 s (docs/performance.md, step 4)
     * @param enabled      false runs the pipeline without clustering (every story its own cluster, no
     *                     cluster records): the ceiling that {@code ./benchmark.sh --ceiling} measures,
     *                     not a production mode
     */
    public record Clusters(
            @DefaultValue("300ms") Duration emitInterval,
            @DefaultValue("true") boolean enabled) {}

    /**
     * @param maxRecordBytes the dead-letter topic's {@code max.message.bytes} and the Streams
     *                       producer's {@code max.request.size}: larger than any raw record, so a
     *                       rejected document always fits in its dead letter
     */
    public record DeadLetterSettings(
            @DefaultValue("8388608") int maxRecordBytes) {}

    /**
     * Topic names (SPEC 10) and how missing topics are created at start-up.
     *
     * @param storyEvents the topic story nodes talk through (internal to enrich-service)
     */
    public record TopicNames(
            @DefaultValue(DefaultTopics.RAW) String raw,
            @DefaultValue(DefaultTopics.DEAD_LETTERS) String dlq,
            @DefaultValue(DefaultTopics.STORIES) String stories,
            @DefaultValue(DefaultTopics.CLUSTERS) String clusters,
            @DefaultValue(DefaultTopics.PROVIDERS) String providers,
            @DefaultValue(DefaultTopics.NEWS_TOPICS) String topics,
            @DefaultValue("heatwire-enrich.story-events") String storyEvents,
            @DefaultValue("6") int partitions,
            @DefaultValue("1") short replicationFactor) {

        /** The topology's topics under these names. */
        public Topics topology() {
            return Topics.named(raw, dlq, storyEvents, stories, clusters, providers, topics);
        }
    }

    /** Parser limits (SPEC 4), enforced before anything large is allocated. */
    public record Parse(
            @DefaultValue("1048576") int maxDocumentBytes,
            @DefaultValue("16") int maxAliases,
            @DefaultValue("32") int maxNestingDepth,
            @DefaultValue("1000") int maxRelated,
            @DefaultValue("100000") int maxStringLength) {}
}
