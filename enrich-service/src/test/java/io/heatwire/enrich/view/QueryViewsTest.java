package io.heatwire.enrich.view;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.ValueAndTimestamp;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.heatwire.enrich.topology.Topics;

class QueryViewsTest {

    private static final String A = "a".repeat(32);
    private static final String B = "b".repeat(32);
    private static final String C = "c".repeat(32);
    private static final Topics TOPICS =
            Topics.named("raw", "dlq", "story-events", "stories", "clusters", "providers", "topics");

    private TopologyTestDriver driver;
    private TestInputTopic<String, String> stories;
    private TestInputTopic<String, String> clusters;
    private TestInputTopic<String, String> providers;

    @BeforeEach
    void setUp() throws IOException {
        final StreamsBuilder builder = new StreamsBuilder();
        QueryViews.build(builder, TOPICS);
        final Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "query-views-test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        props.put(
                StreamsConfig.STATE_DIR_CONFIG,
                Files.createTempDirectory(
                                Files.createDirectories(Path.of("target", "streams-state")), "query-views-test")
                        .toString());
        props.put(StreamsConfig.TOPOLOGY_OPTIMIZATION_CONFIG, StreamsConfig.REUSE_KTABLE_SOURCE_TOPICS);
        driver = new TopologyTestDriver(builder.build(props), props);
        stories = driver.createInputTopic(
                "stories", Serdes.String().serializer(), Serdes.String().serializer());
        clusters = driver.createInputTopic(
                "clusters", Serdes.String().serializer(), Serdes.String().serializer());
        providers = driver.createInputTopic(
                "providers", Serdes.String().serializer(), Serdes.String().serializer());
    }

    @AfterEach
    void tearDown() {
        driver.close();
    }

    @Test
    void shouldHoldTheBytesOfEachKeysLastRecord() {
        providers.pipeInput("example.com", "{\"key\":\"example.com\",\"stories\":1}");
        providers.pipeInput("example.com", "{\"key\":\"example.com\",\"stories\":2}");
        providers.pipeInput("other.org", "{\"key\":\"other.org\",\"stories\":1}");
        providers.pipeInput("other.org", (String) null);

        final KeyValueStore<String, ValueAndTimestamp<byte[]>> view =
                driver.getTimestampedKeyValueStore(ViewNames.PROVIDERS_VIEW);
        assertThat(new String(view.get("example.com").value(), StandardCharsets.UTF_8))
                .isEqualTo("{\"key\":\"example.com\",\"stories\":2}");
        assertThat(view.get("other.org")).isNull();
    }

    @Test
    void shouldWriteNoChangelogTopicsWhenTheOutputTopicsAreReused() {
        stories.pipeInput(A, story(A, List.of(B), A, "2024-05-01T00:00:00Z"));
        clusters.pipeInput(A, cluster(A, 3.5));
        providers.pipeInput("example.com", "{}");

        assertThat(driver.producedTopicNames()).noneMatch(topic -> topic.endsWith("-changelog"));
    }

    @Test
    void shouldIndexClustersHottestFirstAndForgetTombstonedOnes() {
        clusters.pipeInput(A, cluster(A, 1.5));
        clusters.pipeInput(B, cluster(B, 20.25));
        clusters.pipeInput(C, cluster(C, null));
        clusters.pipeInput(A, cluster(A, 30.0));
        clusters.pipeInput(B, (String) null);

        assertThat(values(ViewNames.CLUSTERS_BY_HEAT)).containsExactly(A, C);
        assertThat(keys(ViewNames.CLUSTERS_BY_HEAT)).containsExactly(IndexKeys.heat(30.0, A), IndexKeys.heat(null, C));
    }

    @Test
    void shouldIndexStoriesByAliasAndByClusterNewestFirst() {
        stories.pipeInput(A, story(A, List.of(C), A, "2024-05-01T00:00:00Z"));
        stories.pipeInput(B, story(B, List.of(), A, "2024-05-02T00:00:00Z"));
        stories.pipeInput(B, story(B, List.of(), B, "2024-05-02T00:00:00Z"));
        stories.pipeInput(B, story(B, List.of(), A, "2024-05-02T00:00:00Z"));

        assertThat(keys(ViewNames.STORY_INDEX))
                .containsExactly(
                        IndexKeys.alias(C, A),
                        IndexKeys.member(A, Instant.parse("2024-05-02T00:00:00Z"), B),
                        IndexKeys.member(A, Instant.parse("2024-05-01T00:00:00Z"), A));

        stories.pipeInput(A, (String) null);
        assertThat(keys(ViewNames.STORY_INDEX))
                .containsExactly(IndexKeys.member(A, Instant.parse("2024-05-02T00:00:00Z"), B));
    }

    @Test
    void shouldOrderHeatKeysByDescendingScoreWhateverTheSign() {
        final List<String> keys = new ArrayList<>(List.of(
                IndexKeys.heat(-2.0, A),
                IndexKeys.heat(null, A),
                IndexKeys.heat(0.5, A),
                IndexKeys.heat(20000.125, A),
                IndexKeys.heat(-0.0, B),
                IndexKeys.heat(0.0, A)));
        keys.sort(null);
        assertThat(keys)
                .containsExactly(
                        IndexKeys.heat(20000.125, A),
                        IndexKeys.heat(0.5, A),
                        IndexKeys.heat(0.0, A),
                        IndexKeys.heat(0.0, B),
                        IndexKeys.heat(-2.0, A),
                        IndexKeys.heat(null, A));
    }

    private List<String> keys(String store) {
        return entries(store).stream().map(entry -> entry.key).toList();
    }

    private List<String> values(String store) {
        return entries(store).stream().map(entry -> entry.value).toList();
    }

    private List<KeyValue<String, String>> entries(String store) {
        final KeyValueStore<String, String> index = driver.getKeyValueStore(store);
        final List<KeyValue<String, String>> entries = new ArrayList<>();
        try (KeyValueIterator<String, String> all = index.all()) {
            all.forEachRemaining(entries::add);
        }
        return entries;
    }

    static String story(String id, List<String> aliases, String clusterId, String publishedAt) {
        return "{\"id\":\"" + id + "\",\"aliases\":["
                + String.join(",", aliases.stream().map(a -> "\"" + a + "\"").toList()) + "],\"publishedAt\":\""
                + publishedAt + "\",\"clusterId\":\"" + clusterId + "\"}";
    }

    static String cluster(String id, Double heatScore) {
        return "{\"id\":\"" + id + "\",\"heatScore\":" + heatScore + "}";
    }
}
