package io.heatwire.enrich.topology;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
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
import java.util.Properties;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.heatwire.article.identity.CanonicalUrl;
import io.heatwire.article.identity.StoryId;
import io.heatwire.article.parse.ArticleDocument;
import io.heatwire.article.parse.ParseLimits;
import io.heatwire.article.parse.SeedDocuments;
import io.heatwire.article.story.Story;
import io.heatwire.article.story.StoryKind;
import io.heatwire.enrich.aggregate.ProviderRecord;
import io.heatwire.enrich.aggregate.TopicRecord;
import io.heatwire.enrich.cluster.ClusterRecord;
import io.heatwire.enrich.deadletter.DeadLetters;
import io.heatwire.enrich.metrics.PipelineMetrics;
import io.heatwire.support.contract.DeadLetterHeaders;

class EnrichTopologyTest {

    private static final Instant T0 = Instant.parse("2024-03-01T12:00:00Z");

    private final Topics topics =
            Topics.named("raw", "dlq", "story-events", "stories", "clusters", "providers", "topics");
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private EnrichSettings settings = EnrichSettings.defaults(1);

    private TopologyTestDriver driver;
    private TestInputTopic<byte[], byte[]> raw;
    private TestOutputTopic<String, Story> stories;
    private TestOutputTopic<byte[], byte[]> deadLetters;
    private TestOutputTopic<String, ClusterRecord> clusters;
    private TestOutputTopic<String, ProviderRecord> providers;
    private TestOutputTopic<String, TopicRecord> topicStats;
    private long offset;

    @BeforeEach
    void setUp() {
        final StreamsBuilder builder = new StreamsBuilder();
        EnrichTopology.build(builder, topics, settings, new PipelineMetrics(meters));
        final Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "enrich-topology-test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        try {
            props.put(
                    StreamsConfig.STATE_DIR_CONFIG,
                    Files.createTempDirectory(
                                    Files.createDirectories(Path.of("target", "streams-state")), "enrich-topology-test")
                            .toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        driver = new TopologyTestDriver(builder.build(), props);
        raw = driver.createInputTopic("raw", new ByteArraySerializer(), new ByteArraySerializer());
        stories = driver.createOutputTopic(
                "stories",
                Serdes.String().deserializer(),
                topics.stories().valueSerde().deserializer());
        deadLetters = driver.createOutputTopic(
                "dlq", Serdes.ByteArray().deserializer(), Serdes.ByteArray().deserializer());
        clusters = driver.createOutputTopic(
                "clusters",
                Serdes.String().deserializer(),
                topics.clusters().valueSerde().deserializer());
        providers = driver.createOutputTopic(
                "providers",
                Serdes.String().deserializer(),
                topics.providers().valueSerde().deserializer());
        topicStats = driver.createOutputTopic(
                "topics",
                Serdes.String().deserializer(),
                topics.topicStats().valueSerde().deserializer());
    }

    /**
     * Lets every punctuation-driven step run: clustering settles references, moves registrations and
     * writes stories and clusters at its punctuations, each step one punctuation after the last.
     */
    static void settle(TopologyTestDriver driver) {
        for (int i = 0; i < 20; i++) {
            driver.advanceWallClockTime(Duration.ofMillis(300));
        }
    }

    @AfterEach
    void tearDown() {
        driver.close();
    }

    @Test
    void shouldTurnTheSeedsIntoTwentySixStoriesAndNoDeadLetter() {
        SeedDocuments.all().values().forEach(this::publish);

        final Map<String, Story> latest = latest(stories.readRecordsToList());
        assertThat(latest).hasSize(26);
        assertThat(latest.values())
                .filteredOn(s -> s.kind() == StoryKind.ARTICLE)
                .hasSize(5);
        assertThat(latest.values())
                .filteredOn(s -> s.kind() == StoryKind.REFERENCE)
                .hasSize(21);
        latest.forEach((id, story) -> assertThat(story.id()).isEqualTo(id));
        assertThat(deadLetters.isEmpty()).isTrue();
    }

    @Test
    void shouldMakeEveryStoryItsOwnClusterAndWriteNoClusterRecordsWithoutClustering() {
        tearDown();
        settings = EnrichSettings.defaults(1).withoutClustering();
        setUp();
        SeedDocuments.all().values().forEach(this::publish);
        settle(driver);

        final Map<String, Story> latest = latest(stories.readRecordsToList());
        assertThat(latest).hasSize(26);
        latest.forEach((id, story) -> assertThat(story.clusterId()).isEqualTo(id));
        assertThat(clusters.isEmpty()).isTrue();
        final Map<String, ProviderRecord> providerRecords = new HashMap<>();
        providers.readRecordsToList().forEach(r -> providerRecords.put(r.key(), r.value()));
        assertThat(providerRecords.values().stream()
                        .mapToLong(ProviderRecord::stories)
                        .sum())
                .isEqualTo(26);
        assertThat(topicStats.isEmpty()).isFalse();
        assertThat(driver.producedTopicNames()).noneMatch(name -> name.contains("cluster"));
    }

    @Test
    void shouldClusterTheSeedsIntoFiveComponentsNamedByTheirEarliestStory() {
        SeedDocuments.all().values().forEach(this::publish);
        settle(driver);

        final Map<String, Story> latest = latest(stories.readRecordsToList());
        final Map<String, List<String>> clusters = new HashMap<>();
        latest.values()
                .forEach(s -> clusters.computeIfAbsent(s.clusterId(), k -> new ArrayList<>())
                        .add(s.id()));
        assertThat(clusters.values().stream().map(List::size).sorted(Comparator.reverseOrder()))
                .containsExactly(13, 6, 3, 2, 2);
        clusters.forEach((clusterId, members) -> assertThat(clusterId)
                .isEqualTo(earliest(members.stream().map(latest::get).toList())));
    }

    @Test
    void shouldEndWithOneRecordPerClusterOfTheSeedsAndOneTombstonePerProvisionalId() {
        SeedDocuments.all().values().forEach(this::publish);
        settle(driver);

        final List<TestRecord<String, ClusterRecord>> written = clusters.readRecordsToList();
        final Map<String, Story> stories = latest(this.stories.readRecordsToList());
        final Map<String, ClusterRecord> live = new HashMap<>(latestClusters(written));
        live.values().removeIf(java.util.Objects::isNull);
        assertThat(live).hasSize(5);
        // An id that named a cluster for a while (an article before its older references joined)
        // ends with exactly one tombstone, after its last record.
        final Map<String, List<ClusterRecord>> byId = new HashMap<>();
        written.forEach(
                r -> byId.computeIfAbsent(r.key(), k -> new ArrayList<>()).add(r.value()));
        byId.forEach((id, history) -> {
            assertThat(history.stream().filter(java.util.Objects::isNull).count())
                    .as(id)
                    .isEqualTo(live.containsKey(id) ? 0 : 1);
            assertThat(history.get(0)).as(id).isNotNull();
        });
        assertThat(meters.timer("heatwire.enrich.end.to.end.latency").count()).isGreaterThanOrEqualTo(26);
        assertThat(live.values().stream().map(ClusterRecord::size).sorted(Comparator.reverseOrder()))
                .containsExactly(13L, 6L, 3L, 2L, 2L);
        for (Map.Entry<String, ClusterRecord> record : live.entrySet()) {
            final ClusterRecord cluster = record.getValue();
            final List<Story> members = stories.values().stream()
                    .filter(s -> s.clusterId().equals(cluster.id()))
                    .toList();
            assertThat(cluster.id()).isEqualTo(record.getKey()).isEqualTo(earliest(members));
            assertThat(cluster.articles()).isEqualTo(1);
            assertThat(cluster.members())
                    .containsExactlyInAnyOrderElementsOf(
                            members.stream().map(Story::id).toList());
            final Story article = members.stream()
                    .filter(s -> s.kind() == StoryKind.ARTICLE)
                    .findFirst()
                    .orElseThrow();
            assertThat(cluster.headline().id()).isEqualTo(article.id());
            assertThat(cluster.lastPublished())
                    .isEqualTo(members.stream()
                            .map(Story::publishedAt)
                            .filter(java.util.Objects::nonNull)
                            .max(Comparator.naturalOrder())
                            .orElseThrow());
            assertThat(cluster.firstPublished())
                    .isEqualTo(members.stream()
                            .map(Story::publishedAt)
                            .filter(java.util.Objects::nonNull)
                            .min(Comparator.naturalOrder())
                            .orElseThrow());
            assertThat(cluster.providers().distinct())
                    .isEqualTo(members.stream()
                            .map(s -> s.provider().key())
                            .distinct()
                            .count());
        }
    }

    @Test
    void shouldKeepExactProviderAndTopicStatisticsOfTheSeeds() {
        SeedDocuments.all().values().forEach(this::publish);
        settle(driver);

        final Map<String, Story> all = latest(stories.readRecordsToList());
        final Map<String, ProviderRecord> byProvider = latestOf(providers.readRecordsToList());
        final Map<String, TopicRecord> byTopic = latestOf(topicStats.readRecordsToList());
        final Map<String, List<Story>> expected = new HashMap<>();
        all.values()
                .forEach(s -> expected.computeIfAbsent(s.provider().key(), k -> new ArrayList<>())
                        .add(s));
        assertThat(byProvider.keySet()).isEqualTo(expected.keySet());
        expected.forEach((key, members) -> {
            final ProviderRecord record = byProvider.get(key);
            final List<Integer> qualities = members.stream()
                    .map(Story::quality)
                    .filter(java.util.Objects::nonNull)
                    .sorted()
                    .toList();
            assertThat(record.stories()).as(key).isEqualTo(members.size());
            assertThat(record.articles())
                    .isEqualTo(members.stream()
                            .filter(s -> s.kind() == StoryKind.ARTICLE)
                            .count());
            assertThat(record.quality().count()).isEqualTo(qualities.size());
            if (!qualities.isEmpty()) {
                assertThat(record.quality().min()).isEqualTo(qualities.get(0));
                assertThat(record.quality().max()).isEqualTo(qualities.get(qualities.size() - 1));
                assertThat(record.quality().mean())
                        .isEqualTo(qualities.stream()
                                .mapToInt(Integer::intValue)
                                .average()
                                .orElseThrow());
            }
        });
        assertThat(byTopic).containsKeys("computer-vision", "ai");
        assertThat(byTopic.get("ai").articles()).isEqualTo(5);
        assertThat(latestClusters(clusters.readRecordsToList()).values().stream()
                        .filter(java.util.Objects::nonNull))
                .hasSize(5)
                .allSatisfy(
                        cluster -> assertThat(cluster.heatScore()).isNotNull().isFinite());
    }

    @Test
    void shouldChangeOnlyTheEditedStorysProviderTopicsAndClusterWhenItsQualityIsEdited() {
        SeedDocuments.all().values().forEach(this::publish);
        settle(driver);
        final Map<String, Story> before = latest(stories.readRecordsToList());
        final Map<String, ProviderRecord> providersBefore = latestOf(providers.readRecordsToList());
        clusters.readRecordsToList();
        topicStats.readRecordsToList();

        final String seed = new String(SeedDocuments.named("002"), StandardCharsets.UTF_8);
        publish(seed.replaceFirst("(?m)^quality: \\d+", "quality: 3").getBytes(StandardCharsets.UTF_8));
        settle(driver);

        final List<TestRecord<String, Story>> storyUpdates = stories.readRecordsToList();
        assertThat(storyUpdates)
                .singleElement()
                .satisfies(r -> assertThat(r.value().quality()).isEqualTo(3));
        final Story edited = storyUpdates.get(0).value();
        final List<TestRecord<String, ProviderRecord>> providerUpdates = providers.readRecordsToList();
        assertThat(providerUpdates).singleElement().satisfies(r -> {
            assertThat(r.key()).isEqualTo(edited.provider().key());
            assertThat(r.value().stories())
                    .isEqualTo(providersBefore.get(r.key()).stories());
            assertThat(r.value().quality().min()).isEqualTo(3);
        });
        assertThat(topicStats.readRecordsToList().stream()
                        .map(TestRecord::key)
                        .sorted()
                        .toList())
                .isEqualTo(edited.topicSlugs().stream().sorted().toList());
        assertThat(clusters.readRecordsToList())
                .singleElement()
                .satisfies(r ->
                        assertThat(r.key()).isEqualTo(before.get(edited.id()).clusterId()));
    }

    @Test
    void shouldMergeClustersWhenABridgeArticleArrivesAndTombstoneTheVanishedId() {
        final byte[] left = ArticleDocument.valid()
                .with("webUrl", "\"https://left.example/a\"")
                .relatedTo("https://left.example/b")
                .bytes();
        final byte[] right = ArticleDocument.valid()
                .with("webUrl", "\"https://right.example/a\"")
                .relatedTo("https://right.example/b")
                .bytes();
        publish(left);
        publish(right);
        settle(driver);
        final Map<String, ClusterRecord> before = latestClusters(clusters.readRecordsToList());
        assertThat(before).hasSize(2);

        publish(ArticleDocument.valid()
                .with("webUrl", "\"https://bridge.example/a\"")
                .relatedTo("https://left.example/b")
                .relatedTo("https://right.example/b")
                .bytes());
        settle(driver);

        final List<TestRecord<String, ClusterRecord>> records = clusters.readRecordsToList();
        final String bridge = idOf("https://bridge.example/a");
        final String expectedId = Collections.min(List.of(Collections.min(before.keySet()), bridge));
        final List<String> vanished = before.keySet().stream()
                .filter(id -> !id.equals(expectedId))
                .sorted()
                .toList();
        // Exactly one tombstone per cluster id that disappeared, and none for the one that lives on.
        assertThat(records.stream()
                        .filter(r -> r.value() == null)
                        .map(TestRecord::key)
                        .sorted())
                .containsExactlyElementsOf(vanished);
        assertThat(meters.counter("heatwire.enrich.cluster.merges").count()).isEqualTo(vanished.size());
        final Map<String, ClusterRecord> after = latestClusters(records);
        assertThat(after.get(expectedId).size()).isEqualTo(5);
        assertThat(after.get(expectedId).articles()).isEqualTo(3);
        assertThat(latest(stories.readRecordsToList()).values())
                .allSatisfy(s -> assertThat(s.clusterId()).isEqualTo(expectedId));
    }

    @Test
    void shouldJoinALateArticleToTheClusterItsReferencesAlreadyFormed() {
        publish(ArticleDocument.valid()
                .with("webUrl", "\"https://first.example/a\"")
                .relatedTo("https://late.example/article")
                .bytes());
        publish(ArticleDocument.valid()
                .with("webUrl", "\"https://late.example/article\"")
                .relatedTo("https://other.example/c")
                .bytes());
        settle(driver);

        final Map<String, ClusterRecord> result = latestClusters(clusters.readRecordsToList());
        final Map<String, Story> all = latest(stories.readRecordsToList());
        assertThat(result.values().stream().filter(java.util.Objects::nonNull))
                .singleElement()
                .satisfies(cluster -> {
                    assertThat(cluster.size()).isEqualTo(3);
                    assertThat(cluster.articles()).isEqualTo(2);
                    assertThat(cluster.id()).isEqualTo(earliest(List.copyOf(all.values())));
                });
    }

    @Test
    void shouldWriteNothingWhenTheSameDocumentIsPublishedAgain() {
        SeedDocuments.all().values().forEach(this::publish);
        settle(driver);
        stories.readRecordsToList();
        assertThat(clusters.readRecordsToList()).isNotEmpty();
        assertThat(providers.readRecordsToList()).isNotEmpty();
        assertThat(topicStats.readRecordsToList()).isNotEmpty();

        SeedDocuments.all().values().forEach(this::publish);
        settle(driver);

        assertThat(stories.isEmpty()).isTrue();
        assertThat(deadLetters.isEmpty()).isTrue();
        assertThat(clusters.isEmpty()).isTrue();
        assertThat(providers.isEmpty()).isTrue();
        assertThat(topicStats.isEmpty()).isTrue();
    }

    @Test
    void shouldUpdateAnEditedArticleExactlyOnceWhateverTheEditChanges() {
        publish(ArticleDocument.valid().with("quality", "40").bytes());
        assertThat(stories.readRecordsToList()).hasSize(1);

        // Both edits keep publishedDateTime: the later ingestion wins, whichever way the content goes.
        publish(ArticleDocument.valid().with("quality", "90").bytes());
        final List<TestRecord<String, Story>> raised = stories.readRecordsToList();
        publish(ArticleDocument.valid().with("quality", "10").bytes());
        final List<TestRecord<String, Story>> lowered = stories.readRecordsToList();

        assertThat(raised)
                .singleElement()
                .satisfies(r -> assertThat(r.value().quality()).isEqualTo(90));
        assertThat(lowered)
                .singleElement()
                .satisfies(r -> assertThat(r.value().quality()).isEqualTo(10));
    }

    @Test
    void shouldWriteAReferenceAsTheMergeOfAllItsVersionsWhicheverReferrerArrivesFirst() {
        final byte[] older = ArticleDocument.valid()
                .with("webUrl", "\"https://a.example/one\"")
                .with("publishedDateTime", "\"2024-03-01T10:00:00Z\"")
                .relatedTo("https://shared.example/ref")
                .bytes();
        final byte[] newer = ArticleDocument.valid()
                .with("webUrl", "\"https://b.example/two\"")
                .with("publishedDateTime", "\"2024-03-05T10:00:00Z\"")
                .relatedTo("https://shared.example/ref")
                .bytes();
        final String reference = idOf("https://shared.example/ref");

        publish(older);
        settle(driver);
        publish(newer);
        settle(driver);
        final Story olderFirst = latest(stories.readRecordsToList()).get(reference);

        final EnrichTopologyTest reversed = fresh();
        reversed.publish(newer);
        settle(reversed.driver);
        reversed.publish(older);
        settle(reversed.driver);
        final Story newerFirst = latest(reversed.stories.readRecordsToList()).get(reference);
        reversed.tearDown();

        // the newer referrer's version wins, even though it changes nothing clustering counts
        assertThat(olderFirst.sourceVersion().publishedAt()).isEqualTo(Instant.parse("2024-03-05T10:00:00Z"));
        assertThat(olderFirst).isEqualTo(newerFirst);
    }

    @Test
    void shouldLetTheArticleWinOverItsReferenceWhicheverArrivesFirst() {
        final byte[] referrer =
                ArticleDocument.valid().relatedTo("https://other.example/story").bytes();
        final byte[] article = ArticleDocument.valid()
                .with("webUrl", "\"https://other.example/story\"")
                .with("title", "\"The article itself\"")
                .bytes();
        final String id = idOf("https://other.example/story");

        publish(referrer);
        publish(article);
        final Story referenceFirst = latest(stories.readRecordsToList()).get(id);

        final EnrichTopologyTest reversed = fresh();
        reversed.publish(article);
        reversed.publish(referrer);
        final Story articleFirst = latest(reversed.stories.readRecordsToList()).get(id);
        reversed.tearDown();

        assertThat(referenceFirst.kind()).isEqualTo(StoryKind.ARTICLE);
        assertThat(referenceFirst.title()).isEqualTo("The article itself");
        assertThat(articleFirst).isEqualTo(referenceFirst);
    }

    @Test
    void shouldResolveAReferenceToAnAliasWhicheverArrivesFirst() {
        // The article lives at its web URL; the referrer only knows the publisher's original URL.
        final byte[] article = ArticleDocument.valid()
                .with("webUrl", "\"https://portal.example/syndicated/123\"")
                .with("originalUrl", "\"https://publisher.example/news/original\"")
                .bytes();
        final byte[] referrer = ArticleDocument.valid()
                .with("webUrl", "\"https://referrer.example/a\"")
                .relatedTo("https://www.publisher.example/news/original?utm_source=x")
                .bytes();
        final String articleId = idOf("https://portal.example/syndicated/123");
        final String aliasId = idOf("https://publisher.example/news/original");
        final String referrerId = idOf("https://referrer.example/a");

        publish(referrer);
        settle(driver);
        publish(article);
        settle(driver);
        final List<TestRecord<String, Story>> referenceFirstRecords = stories.readRecordsToList();
        final Map<String, Story> referenceFirst = latest(referenceFirstRecords);

        final EnrichTopologyTest reversed = fresh();
        reversed.publish(article);
        settle(reversed.driver);
        reversed.publish(referrer);
        settle(reversed.driver);
        final List<TestRecord<String, Story>> articleFirstRecords = reversed.stories.readRecordsToList();
        final Map<String, Story> articleFirst = latest(articleFirstRecords);
        reversed.tearDown();

        // The alias was a story for a while, then its last record is a tombstone.
        assertThat(referenceFirstRecords).anyMatch(r -> r.key().equals(aliasId) && r.value() != null);
        assertThat(referenceFirst).containsEntry(aliasId, null);
        assertThat(articleFirstRecords).noneMatch(r -> r.key().equals(aliasId));
        for (Map<String, Story> result : List.of(referenceFirst, articleFirst)) {
            // the reference reaches the article through its alias: one cluster; related lists ids
            // as the referrer gave them (docs/architecture.md, clustering)
            assertThat(result.get(referrerId).clusterId())
                    .isEqualTo(result.get(articleId).clusterId());
            assertThat(result.get(referrerId).related()).containsExactly(aliasId);
            assertThat(result.get(articleId).kind()).isEqualTo(StoryKind.ARTICLE);
        }
        assertThat(withoutTombstones(referenceFirst)).isEqualTo(withoutTombstones(articleFirst));
    }

    @Test
    void shouldDeadLetterARejectedDocumentWithItsExactBytesAndKeepGoing() {
        final byte[] broken =
                "---\ntitle: [unclosed\nwebUrl: https://x.example/a\n---\n".getBytes(StandardCharsets.UTF_8);
        final RecordHeaders headers = new RecordHeaders();
        headers.add("source", "crawler-7".getBytes(StandardCharsets.UTF_8));
        raw.pipeInput(new TestRecord<>("key-1".getBytes(StandardCharsets.UTF_8), broken, headers, T0));
        publish(ArticleDocument.valid().bytes());

        final TestRecord<byte[], byte[]> letter = deadLetters.readRecord();
        assertThat(letter.value()).isEqualTo(broken);
        assertThat(letter.key()).isEqualTo("key-1".getBytes(StandardCharsets.UTF_8));
        assertThat(DeadLetters.header(letter.headers(), DeadLetterHeaders.CODE)).isEqualTo("YAML_SYNTAX");
        assertThat(DeadLetters.header(letter.headers(), DeadLetterHeaders.MESSAGE))
                .isNotBlank();
        assertThat(DeadLetters.header(letter.headers(), DeadLetterHeaders.LINE)).isNotBlank();
        assertThat(DeadLetters.header(letter.headers(), DeadLetterHeaders.SOURCE_TOPIC))
                .isEqualTo("raw");
        assertThat(DeadLetters.header(letter.headers(), DeadLetterHeaders.SOURCE_OFFSET))
                .isEqualTo("0");
        assertThat(DeadLetters.header(letter.headers(), "source")).isEqualTo("crawler-7");
        assertThat(deadLetters.isEmpty()).isTrue();
        assertThat(stories.readRecordsToList()).hasSize(1);
        assertThat(meters.counter("heatwire.enrich.dead.letters", "code", "YAML_SYNTAX")
                        .count())
                .isEqualTo(1.0);
    }

    @Test
    void shouldPointAtAnOriginalTooLargeForItsDeadLetterInsteadOfFailingTheTransaction() {
        final byte[] tooLargeButFits = ArticleDocument.valid().bytes();
        final byte[] big = ArticleDocument.valid()
                .with("excerpt", "\"" + "x".repeat(300) + "\"")
                .bytes();
        final EnrichTopologyTest small = new EnrichTopologyTest();
        // Documents over 100 bytes are rejected; dead letters carry originals up to the smaller one.
        small.settings = new EnrichSettings(
                ParseLimits.defaults().withMaxDocumentBytes(100),
                tooLargeButFits.length,
                Duration.ofSeconds(1),
                Duration.ofHours(24),
                true,
                1);
        small.setUp();
        small.publish(big);
        small.publish(tooLargeButFits);

        final TestRecord<byte[], byte[]> omitted = small.deadLetters.readRecord();
        final TestRecord<byte[], byte[]> kept = small.deadLetters.readRecord();
        small.tearDown();

        assertThat(DeadLetters.header(omitted.headers(), DeadLetterHeaders.CODE))
                .isEqualTo("TOO_LARGE");
        assertThat(omitted.value()).isEmpty();
        assertThat(DeadLetters.header(omitted.headers(), DeadLetterHeaders.ORIGINAL_OMITTED))
                .startsWith(big.length + " bytes");
        assertThat(DeadLetters.header(omitted.headers(), DeadLetterHeaders.SOURCE_OFFSET))
                .isEqualTo("0");
        assertThat(DeadLetters.header(kept.headers(), DeadLetterHeaders.CODE)).isEqualTo("TOO_LARGE");
        assertThat(kept.value()).isEqualTo(tooLargeButFits);
        assertThat(kept.headers().lastHeader(DeadLetterHeaders.ORIGINAL_OMITTED))
                .isNull();
    }

    private EnrichTopologyTest fresh() {
        final EnrichTopologyTest other = new EnrichTopologyTest();
        other.setUp();
        return other;
    }

    /** Publishes a document and lets the write interval end, so what it changed is written. */
    private void publish(byte[] document) {
        raw.pipeInput(new TestRecord<>(null, document, new RecordHeaders(), T0.plusSeconds(offset++)));
        settle(driver);
    }

    private static String idOf(String url) {
        return StoryId.of(CanonicalUrl.canonicalize(url).orElseThrow());
    }

    private static Map<String, Story> latest(List<TestRecord<String, Story>> records) {
        final Map<String, Story> latest = new HashMap<>();
        records.forEach(record -> latest.put(record.key(), record.value()));
        return latest;
    }

    /** SPEC 7: the earliest story names the cluster (publication time, unknown last, then the smallest id). */
    static String earliest(List<Story> members) {
        return members.stream()
                .min(Comparator.comparing(Story::publishedAt, Comparator.nullsLast(Comparator.naturalOrder()))
                        .thenComparing(Story::id))
                .orElseThrow()
                .id();
    }

    private static Map<String, ClusterRecord> latestClusters(List<TestRecord<String, ClusterRecord>> records) {
        final Map<String, ClusterRecord> latest = new HashMap<>();
        records.forEach(record -> latest.put(record.key(), record.value()));
        return latest;
    }

    private static <V> Map<String, V> latestOf(List<TestRecord<String, V>> records) {
        final Map<String, V> latest = new HashMap<>();
        records.forEach(record -> latest.put(record.key(), record.value()));
        return latest;
    }

    private static Map<String, Story> withoutTombstones(Map<String, Story> stories) {
        final Map<String, Story> live = new HashMap<>(stories);
        live.values().removeIf(java.util.Objects::isNull);
        return live;
    }
}
