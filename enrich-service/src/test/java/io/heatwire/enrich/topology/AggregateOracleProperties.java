package io.heatwire.enrich.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.Random;
import java.util.function.Function;
import java.util.function.Predicate;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;

import io.heatwire.article.parse.ArticleDocument;
import io.heatwire.article.quality.QualitySummary;
import io.heatwire.article.story.Story;
import io.heatwire.article.story.StoryKind;
import io.heatwire.enrich.aggregate.ProviderRecord;
import io.heatwire.enrich.aggregate.TopicRecord;
import io.heatwire.enrich.cluster.ClusterRecord;
import io.heatwire.enrich.metrics.PipelineMetrics;
import io.heatwire.enrich.serde.JsonSerdes;

/**
 * SPEC 9: provider, topic and cluster statistics are exact under updates and merges, whatever the
 * arrival order. Random articles, some edited (quality, provider, topics, date), arrive in a random
 * order; the final provider, topic and cluster records equal what a from-scratch computation over
 * the final stories gives, and every article shows its latest version.
 */
class AggregateOracleProperties {

    private static final Duration HALF_LIFE = Duration.ofHours(24);
    private static final Instant BASE = Instant.parse("2024-05-01T00:00:00Z");
    private static final List<String> PROVIDERS = List.of("alpha.example", "beta.example", "gamma.example");
    private static final List<String> TOPICS = List.of("Politics", "Science", "AI");

    record Version(
            int article,
            int version,
            Integer quality,
            String provider,
            List<String> topics,
            Instant publishedAt,
            List<Integer> related) {}

    @Property(tries = 6)
    void shouldKeepStatisticsEqualToARecomputationOverTheFinalStories(@ForAll long seed) {
        final Random random = new Random(seed);
        final int articles = 3 + random.nextInt(40);
        final List<Version> versions = new ArrayList<>();
        for (int a = 0; a < articles; a++) {
            final int count = 1 + random.nextInt(3);
            for (int v = 0; v < count; v++) {
                final List<Integer> related = new ArrayList<>();
                for (int r = random.nextInt(4); r > 0; r--) {
                    related.add(random.nextInt(articles + 10));
                }
                final List<String> topics = new ArrayList<>(TOPICS.subList(0, random.nextInt(TOPICS.size() + 1)));
                Collections.shuffle(topics, random);
                versions.add(new Version(
                        a,
                        v,
                        random.nextInt(5) == 0 ? null : random.nextInt(101),
                        PROVIDERS.get(random.nextInt(PROVIDERS.size())),
                        topics,
                        BASE.plus(Duration.ofHours(random.nextInt(3) == 0 ? v : 0))
                                .plus(Duration.ofMinutes(a)),
                        related));
            }
        }
        // Ingestion order is fixed (version v after v - 1); the arrival order is random.
        final List<Integer> order = new ArrayList<>();
        for (int i = 0; i < versions.size(); i++) {
            order.add(i);
        }
        Collections.shuffle(order, random);

        try (TopologyTestDriver driver = driver()) {
            final TestInputTopic<byte[], byte[]> raw =
                    driver.createInputTopic("raw", new ByteArraySerializer(), new ByteArraySerializer());
            for (int index : order) {
                final Version version = versions.get(index);
                raw.pipeInput(new TestRecord<>(
                        null,
                        document(version),
                        new RecordHeaders(),
                        BASE.plusSeconds(1000L * version.version() + version.article())));
            }
            // Stories are written when an interval ends; the statistics they feed one interval later.
            EnrichTopologyTest.settle(driver);
            EnrichTopologyTest.settle(driver);

            final Map<String, Story> stories = latest(driver, "stories", Story.class);
            final Map<String, ProviderRecord> providers = latest(driver, "providers", ProviderRecord.class);
            final Map<String, TopicRecord> topicRecords = latest(driver, "topics", TopicRecord.class);
            final Map<String, ClusterRecord> clusters = latest(driver, "clusters", ClusterRecord.class);

            for (int a = 0; a < articles; a++) {
                final int article = a;
                final Version winner = versions.stream()
                        .filter(v -> v.article() == article)
                        .max(Comparator.comparing(Version::publishedAt).thenComparing(Version::version))
                        .orElseThrow();
                final Story story = stories.get(ClusterOracleProperties.id(url(article)));
                assertThat(story.kind()).isEqualTo(StoryKind.ARTICLE);
                assertThat(story.quality()).as("article %d", article).isEqualTo(winner.quality());
                assertThat(story.provider().key()).isEqualTo(winner.provider());
            }
            assertThat(providers).hasSameSizeAs(group(stories, s -> s.provider().key(), s -> true));
            group(stories, s -> s.provider().key(), s -> true).forEach((key, members) -> {
                final ProviderRecord record = providers.get(key);
                expectFigures(
                        key,
                        members,
                        record.stories(),
                        record.articles(),
                        record.quality(),
                        record.heatScore(),
                        record.firstPublished(),
                        record.lastPublished());
            });
            final Map<String, List<Story>> byTopic = new HashMap<>();
            stories.values()
                    .forEach(s -> s.topicSlugs()
                            .forEach(t -> byTopic.computeIfAbsent(t, k -> new ArrayList<>())
                                    .add(s)));
            assertThat(topicRecords.keySet()).isEqualTo(byTopic.keySet());
            byTopic.forEach((slug, members) -> {
                final TopicRecord record = topicRecords.get(slug);
                expectFigures(
                        slug,
                        members,
                        record.stories(),
                        record.articles(),
                        record.quality(),
                        record.heatScore(),
                        record.firstPublished(),
                        record.lastPublished());
            });
            final Map<String, List<Story>> byCluster = group(stories, Story::clusterId, s -> true);
            assertThat(clusters.keySet()).isEqualTo(byCluster.keySet());
            byCluster.forEach((id, members) -> {
                final ClusterRecord record = clusters.get(id);
                expectFigures(
                        id,
                        members,
                        record.size(),
                        record.articles(),
                        record.quality(),
                        record.heatScore(),
                        record.firstPublished(),
                        record.lastPublished());
                expectOrder(id, members, record);
            });
        }
    }

    /**
     * Members newest first (undated last, then by id), at most 100; the headline is the best ARTICLE
     * (highest quality, unrated last), then the earliest, then the smallest id. Small clusters sort
     * their inline roster, large ones read their indexes: both must give this.
     */
    private static void expectOrder(String key, List<Story> members, ClusterRecord record) {
        final Comparator<Instant> newestFirst = Comparator.nullsLast(Comparator.<Instant>reverseOrder());
        assertThat(record.members())
                .as("members of %s", key)
                .containsExactlyElementsOf(members.stream()
                        .sorted(Comparator.comparing(Story::publishedAt, newestFirst)
                                .thenComparing(Story::id))
                        .limit(100)
                        .map(Story::id)
                        .toList());
        final Story headline = members.stream()
                .filter(s -> s.kind() == StoryKind.ARTICLE)
                .min(Comparator.comparing(Story::quality, Comparator.nullsLast(Comparator.<Integer>reverseOrder()))
                        .thenComparing(Story::publishedAt, Comparator.nullsLast(Comparator.<Instant>naturalOrder()))
                        .thenComparing(Story::id))
                .orElse(null);
        assertThat(record.headline() == null ? null : record.headline().id())
                .as("headline of %s", key)
                .isEqualTo(headline == null ? null : headline.id());
    }

    private static void expectFigures(
            String key,
            List<Story> members,
            long stories,
            long articles,
            QualitySummary quality,
            Double heatScore,
            Instant firstPublished,
            Instant lastPublished) {
        final List<Integer> qualities = members.stream()
                .map(Story::quality)
                .filter(Objects::nonNull)
                .sorted()
                .toList();
        assertThat(stories).as("stories of %s", key).isEqualTo(members.size());
        assertThat(articles)
                .as("articles of %s", key)
                .isEqualTo(members.stream()
                        .filter(s -> s.kind() == StoryKind.ARTICLE)
                        .count());
        assertThat(quality.count()).as("quality count of %s", key).isEqualTo(qualities.size());
        if (!qualities.isEmpty()) {
            assertThat(quality.min()).isEqualTo(qualities.get(0));
            assertThat(quality.max()).isEqualTo(qualities.get(qualities.size() - 1));
            assertThat(quality.mean())
                    .isCloseTo(
                            qualities.stream()
                                    .mapToInt(Integer::intValue)
                                    .average()
                                    .orElseThrow(),
                            within(1e-9));
            assertThat(quality.p50()).isEqualTo(qualities.get((int) Math.ceil(0.5 * qualities.size()) - 1));
            assertThat(quality.p90()).isEqualTo(qualities.get((int) Math.ceil(0.9 * qualities.size()) - 1));
        }
        final List<Instant> dates = members.stream()
                .map(Story::publishedAt)
                .filter(Objects::nonNull)
                .sorted()
                .toList();
        assertThat(firstPublished).isEqualTo(dates.isEmpty() ? null : dates.get(0));
        assertThat(lastPublished).isEqualTo(dates.isEmpty() ? null : dates.get(dates.size() - 1));
        if (!dates.isEmpty()) {
            final double latest = dates.get(dates.size() - 1).toEpochMilli() / (double) HALF_LIFE.toMillis();
            double relative = 0;
            for (Story s : members) {
                if (s.publishedAt() != null) {
                    final double weight = 1 + (s.quality() == null ? 0 : s.quality() / 100.0);
                    relative += weight
                            * Math.pow(2, s.publishedAt().toEpochMilli() / (double) HALF_LIFE.toMillis() - latest);
                }
            }
            assertThat(heatScore)
                    .as("heatScore of %s", key)
                    .isCloseTo(latest + Math.log(relative) / Math.log(2), within(1e-6));
        }
    }

    private static Map<String, List<Story>> group(
            Map<String, Story> stories, Function<Story, String> key, Predicate<Story> filter) {
        final Map<String, List<Story>> groups = new HashMap<>();
        stories.values().stream()
                .filter(filter)
                .forEach(s -> groups.computeIfAbsent(key.apply(s), k -> new ArrayList<>())
                        .add(s));
        return groups;
    }

    private static byte[] document(Version version) {
        final ArticleDocument document = ArticleDocument.valid()
                .with("webUrl", "\"" + url(version.article()) + "\"")
                .with("title", "\"Article " + version.article() + " v" + version.version() + "\"")
                .with("publishedDateTime", version.publishedAt().toString())
                .with("provider", "\n  name: " + version.provider() + "\n  domain: " + version.provider());
        if (version.quality() == null) {
            document.without("quality");
        } else {
            document.with("quality", version.quality().toString());
        }
        if (!version.topics().isEmpty()) {
            document.with(
                    "topics",
                    "\n"
                            + String.join(
                                    "\n",
                                    version.topics().stream()
                                            .map(t -> "  - " + t)
                                            .toList()));
        }
        version.related().forEach(r -> document.relatedTo(url(r)));
        return document.bytes();
    }

    private static String url(int article) {
        return "https://news" + (article % 3) + ".example/article/" + article;
    }

    private static <V> Map<String, V> latest(TopologyTestDriver driver, String topic, Class<V> type) {
        final Map<String, V> latest = new HashMap<>();
        driver.createOutputTopic(
                        topic,
                        Serdes.String().deserializer(),
                        JsonSerdes.of(type).deserializer())
                .readRecordsToList()
                .forEach(r -> {
                    if (r.value() == null) {
                        latest.remove(r.key());
                    } else {
                        latest.put(r.key(), r.value());
                    }
                });
        return latest;
    }

    private static TopologyTestDriver driver() {
        final StreamsBuilder builder = new StreamsBuilder();
        final Topics topics = Topics.named("raw", "dlq", "story-events", "stories", "clusters", "providers", "topics");
        EnrichTopology.build(
                builder, topics, EnrichSettings.defaults(1), new PipelineMetrics(new SimpleMeterRegistry()));
        final Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "aggregate-oracle");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        try {
            props.put(
                    StreamsConfig.STATE_DIR_CONFIG,
                    Files.createTempDirectory(
                                    Files.createDirectories(Path.of("target", "streams-state")), "aggregate-oracle")
                            .toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new TopologyTestDriver(builder.build(), props);
    }
}
