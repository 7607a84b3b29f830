package io.heatwire.enrich.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

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
import io.heatwire.enrich.cluster.ClusterMember;
import io.heatwire.enrich.clustering.ArticleInput;
import io.heatwire.enrich.clustering.ClusteringEvent;
import io.heatwire.enrich.clustering.Hint;
import io.heatwire.enrich.clustering.Kind;
import io.heatwire.enrich.clustering.Message;
import io.heatwire.enrich.clustering.Rank;
import io.heatwire.enrich.clustering.StoryFacts;
import io.heatwire.enrich.clustering.StoryOrder;

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
        final ClusterMember member = ClusterMember.of(stories.get(1));
        final StoryFacts<ClusterMember> facts = new StoryFacts<>(Kind.REFERENCE, 7, 1_000L, member);
        final Hint hint = new Hint(new Rank(2, 5, "k"), new StoryOrder(1_000L, "p"));
        final List<Message<ClusterMember>> messages = List.of(
                new Message.Ingest<>(new ArticleInput<>(
                        stories.get(0).id(),
                        new StoryFacts<>(Kind.ARTICLE, 0, null, ClusterMember.of(stories.get(0))),
                        Map.of(stories.get(1).id(), facts),
                        Set.of("alias"))),
                new Message.RefVersion<>("r", "u", facts, hint),
                new Message.Claim<>("a", "u", hint),
                new Message.Union<>(hint, hint),
                new Message.Link<>("p", "c", Set.of(new StoryOrder(null, "x")), Set.of("x")),
                new Message.Linked<>("c", hint),
                new Message.Retired<>("c", "s"),
                new Message.Batch<>(
                        3,
                        List.of(
                                new Message.Reg<>("c", "s", member, member, new StoryOrder(null, "s"), "p", false),
                                new Message.Adopt<>("s", "c", hint, "g"),
                                new Message.Bounce<>("s", "c", hint),
                                new Message.Rename<>("s", "c", "p"),
                                new Message.Settle<>("s", hint, "g"))));
        for (Message<ClusterMember> message : messages) {
            final ClusteringEvent event = new ClusteringEvent(message, List.of(stories.get(1)));
            assertThat(roundTrip(ClusteringEvent.class, event)).isEqualTo(event);
        }
        final ClusteringEvent document = ClusteringEvent.document(stories);
        assertThat(roundTrip(ClusteringEvent.class, document)).isEqualTo(document);
    }

    @Test
    void shouldRoundTripAggregatesExactly() {
        final Instant t = Instant.parse("2024-03-01T12:00:00Z");
        final KeyStats stats = new KeyStats(
                2,
                1,
                QualityStats.EMPTY.add(87),
                HeatSum.empty(Duration.ofHours(24)).add(87, t).add(null, t.plusSeconds(3_600)),
                "Example",
                true,
                false);
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
                .hasMessageContaining("older heatwire")
                .hasMessageContaining("docs/upgrading.md");
    }

    @Test
    void shouldBeSmallerThanTheJsonOfTheSameStory() throws Exception {
        final Story article = seedStories().get(0);
        final byte[] binary = InternalSerdes.of(Story.class).serializer().serialize("t", article);
        final byte[] json = JsonSerdes.of(Story.class).serializer().serialize("t", article);
        assertThat(binary.length).isLessThan(json.length);
    }
}
