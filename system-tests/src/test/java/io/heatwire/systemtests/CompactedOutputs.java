package io.heatwire.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The compacted outputs of one enrich pipeline as the broker holds them after a run (the latest
 * value of every key of stories, clusters, providers and topics), and the checks the end-to-end
 * runs make on them: the same as another run's, and every story counted once.
 */
final class CompactedOutputs {

    static final List<String> AGGREGATES = List.of("clusters", "providers", "topics");
    /** What depends on when a record was written (wall clock, stream time), not on what was processed. */
    static final List<String> WRITE_TIME_FIELDS = List.of("updatedAt", "asOf", "heat");

    private final String run;
    private final Map<String, Map<String, JsonNode>> byKind;

    private CompactedOutputs(String run, Map<String, Map<String, JsonNode>> byKind) {
        this.run = run;
        this.byKind = Map.copyOf(byKind);
    }

    /** Reads the pipeline's outputs; {@code run} names it in differences and failure messages. */
    static CompactedOutputs read(String run, String bootstrapServers, EnrichPipeline pipeline) {
        final Map<String, Map<String, JsonNode>> byKind = new HashMap<>();
        for (String kind : List.of("stories", "clusters", "providers", "topics")) {
            byKind.put(kind, KafkaTopics.latestValues(bootstrapServers, pipeline.topic(kind)));
        }
        return new CompactedOutputs(run, byKind);
    }

    Map<String, JsonNode> of(String kind) {
        return byKind.get(kind);
    }

    /**
     * Fails unless these outputs of {@code kind} equal the expected ones once both went through
     * {@code comparable}; every difference is written to {@code file}, which the message names.
     */
    void assertSameAs(
            CompactedOutputs expected, String kind, UnaryOperator<JsonNode> comparable, Path file, String context)
            throws IOException {
        final Map<String, JsonNode> wanted = expected.of(kind);
        final Map<String, JsonNode> actual = of(kind);
        final List<String> differences = new ArrayList<>();
        for (String key : new TreeSet<>(wanted.keySet())) {
            if (!actual.containsKey(key)) {
                differences.add("only " + expected.run + ": " + key + " " + wanted.get(key));
            } else if (!comparable.apply(wanted.get(key)).equals(comparable.apply(actual.get(key)))) {
                differences.add("differs: " + key + "\n  " + expected.run + ": " + wanted.get(key) + "\n  " + run + ": "
                        + actual.get(key));
            }
        }
        for (String key : new TreeSet<>(actual.keySet())) {
            if (!wanted.containsKey(key)) {
                differences.add("only " + run + ": " + key + " " + actual.get(key));
            }
        }
        Files.write(file, differences, StandardCharsets.UTF_8);
        assertThat(differences)
                .as(
                        "%s: %d of %d keys differ %s and %s (all in %s; %s)",
                        kind, differences.size(), wanted.size(), expected.run, run, file, context)
                .isEmpty();
    }

    /** The URLs of the ARTICLE stories among {@code stories}: one per document that became a story. */
    static Set<String> articleUrls(Map<String, JsonNode> stories) {
        return stories.values().stream()
                .filter(story -> story.path("kind").asString("").equals("ARTICLE"))
                .map(story -> story.path("url").asString(""))
                .collect(Collectors.toCollection(TreeSet::new));
    }

    /** A copy without the fields that depend on when a record was written. */
    static JsonNode withoutWriteTimes(JsonNode record) {
        return without(record, WRITE_TIME_FIELDS);
    }

    static JsonNode without(JsonNode record, List<String> fields) {
        final ObjectNode copy = ((ObjectNode) record).deepCopy();
        copy.remove(fields);
        return copy;
    }

    /**
     * Exact counting, checked against the final stories: a story counted again after a restart or a
     * rebalance, or a contribution lost, shows as a size or count that is not the number of stories
     * with that key.
     */
    void assertCountsEveryStoryOnce(String context) {
        final Map<String, JsonNode> stories = of("stories");
        final Map<String, Map<String, Counted>> expected = Map.of(
                "clusters",
                        count(stories, story -> List.of(story.path("clusterId").asString(""))),
                "providers",
                        count(
                                stories,
                                story -> List.of(
                                        story.path("provider").path("key").asString(""))),
                "topics",
                        count(stories, story -> {
                            final List<String> slugs = new ArrayList<>();
                            story.path("topicSlugs").forEach(slug -> slugs.add(slug.asString()));
                            return slugs;
                        }));
        for (String kind : AGGREGATES) {
            final Map<String, Counted> counted = new HashMap<>();
            // A cluster calls its stories its size.
            final String storiesField = kind.equals("clusters") ? "size" : "stories";
            of(kind).forEach((key, record) -> counted.put(
                    key,
                    new Counted(
                            record.path(storiesField).asLong(-1),
                            record.path("articles").asLong(-1))));
            assertThat(counted)
                    .as("%s %s: stories and articles per key (%s)", run, kind, context)
                    .isEqualTo(expected.get(kind));
        }
    }

    /** How many stories, and ARTICLE stories, a cluster, provider or topic record holds. */
    private record Counted(long stories, long articles) {}

    private static Map<String, Counted> count(Map<String, JsonNode> stories, Function<JsonNode, List<String>> keys) {
        final Map<String, Counted> counts = new HashMap<>();
        for (JsonNode story : stories.values()) {
            final long article = story.path("kind").asString("").equals("ARTICLE") ? 1 : 0;
            for (String key : keys.apply(story)) {
                counts.merge(
                        key,
                        new Counted(1, article),
                        (a, b) -> new Counted(a.stories() + b.stories(), a.articles() + b.articles()));
            }
        }
        return counts;
    }
}
