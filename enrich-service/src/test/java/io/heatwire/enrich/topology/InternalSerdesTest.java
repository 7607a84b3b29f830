package io.heatwire.enrich.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serde;
import org.junit.jupiter.api.Test;

import io.heatwire.article.heat.HeatSum;
import io.heatwire.article.parse.ArticleParser;
import io.heatwire.article.parse.ParseLimits;
import io.heatwire.article.parse.SeedDocuments;
import io.heatwire.article.quality.QualityStats;
import io.heatwire.article.story.Stories;
import io.heatwire.article.story.Story;
import io.heatwire.enrich.aggregate.KeyStats;
import io.heatwire.enrich.cluster.ClusterAggregate;

class InternalSerdesTest {

    private static final ArticleParser PARSER = new ArticleParser(ParseLimits.defaults());

    private static <T> T roundTrip(Class<T> type, T value) {
        final Serde<T> serde = InternalSerdes.of(type);
        return serde.deserializer().deserialize("t", serde.serializer().serialize("t", value));
    }

    private static List<Story> seedStories() throws Exception {
        final byte[] seed = SeedDocuments.all().values().iterator().next();
        return Stories.from(PARSER.parse(seed), "abc", Instant.parse("2024-03-01T12:00:00Z"));
    }

    @Test
    void shouldRoundTripStoriesAndNodeEventsOfEveryKind() throws Exception {
        final List<Story> stories = seedStories();
        for (Story story : stories) {
            assertThat(roundTrip(Story.class, story)).isEqualTo(story);
        }
        final List<NodeEvent> events = List.of(new NodeEvent.StoryVersion(stories.get(1), stories.get(0).id()),
                new NodeEvent.AliasClaim("owner"), new NodeEvent.Rewire("a", "b"), new NodeEvent.Label("from", null),
                new NodeEvent.Reset("gone"));
        for (NodeEvent event : events) {
            assertThat(roundTrip(NodeEvent.class, event)).isEqualTo(event);
        }
    }

    @Test
    void shouldRoundTripAggregatesExactly() {
        final Instant t = Instant.parse("2024-03-01T12:00:00Z");
        final KeyStats stats = new KeyStats(2, 1, QualityStats.EMPTY.add(87),
                HeatSum.empty(Duration.ofHours(24)).add(87, t).add(null, t.plusSeconds(3_600)), "Example", true, false);
        assertThat(roundTrip(KeyStats.class, stats)).isEqualTo(stats);
        final ClusterAggregate empty = ClusterAggregate.empty(Duration.ofHours(24));
        assertThat(roundTrip(ClusterAggregate.class, empty)).isEqualTo(empty);
    }

    @Test
    void shouldKeepNullsAsNulls() {
        final Serde<Story> serde = InternalSerdes.of(Story.class);
        assertThat(serde.serializer().serialize("t", null)).isNull();
        assertThat(serde.deserializer().deserialize("t", null)).isNull();
    }

    @Test
    void shouldSayWhatToDoWithStateAnOlderVersionWroteAsJson() {
        final byte[] json = "{\"id\":\"x\"}".getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> InternalSerdes.of(Story.class).deserializer().deserialize("store-changelog", json))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("older heatwire").hasMessageContaining("docs/upgrading.md");
    }

    @Test
    void shouldBeSmallerThanTheJsonOfTheSameStory() throws Exception {
        final Story article = seedStories().get(0);
        final byte[] binary = InternalSerdes.of(Story.class).serializer().serialize("t", article);
        final byte[] json = JsonSerdes.of(Story.class).serializer().serialize("t", article);
        assertThat(binary.length).isLessThan(json.length);
    }
}
