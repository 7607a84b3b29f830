package io.heatwire.benchmarks.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Set;

import org.junit.jupiter.api.Test;

class SmallPartsTest {

    @Test
    void shouldMapALoadgenDocumentNameToItsStoryIdPrefix() {
        assertThat(LatencyProbe.prefixOfName("0000042_7fe4fe4cfe7667b6.txt")).isEqualTo("7fe4fe4cfe7667b6");
        assertThat(LatencyProbe.prefixOfName("001998_da960a22d9dfe0c2.txt")).isEqualTo("da960a22d9dfe0c2");
    }

    @Test
    void shouldReadOneTopLevelFieldOfAStoryWithoutTheRest() {
        final byte[] story = ("{\"id\":\"ab\",\"kind\":\"ARTICLE\",\"related\":[\"x\",{\"kind\":\"nested\"}],"
                        + "\"quality\":7,\"clusterId\":\"00ab\",\"title\":null}")
                .getBytes(StandardCharsets.UTF_8);

        assertThat(StoryJson.field(story, "kind")).isEqualTo("ARTICLE");
        assertThat(StoryJson.field(story, "clusterId")).isEqualTo("00ab");
        assertThat(StoryJson.field(story, "quality")).isEqualTo("7");
        assertThat(StoryJson.field(story, "title")).isNull();
        assertThat(StoryJson.field(story, "related")).isNull();
        assertThat(StoryJson.field(story, "missing")).isNull();
        assertThat(StoryJson.field("[1]".getBytes(StandardCharsets.UTF_8), "kind"))
                .isNull();
    }

    @Test
    void shouldTellEachTopicsRoleInThePipeline() {
        final Set<String> internal = Set.of("heatwire-enrich.story-events");

        assertThat(role("heatwire.articles.raw", internal)).isEqualTo(RunResult.TopicRow.INPUT);
        assertThat(role("heatwire.stories", internal)).isEqualTo(RunResult.TopicRow.OUTPUT);
        assertThat(role("heatwire.articles.dlq", internal)).isEqualTo(RunResult.TopicRow.OUTPUT);
        assertThat(role("heatwire-enrich.story-events", internal)).isEqualTo(RunResult.TopicRow.INTERNAL);
        assertThat(role("heatwire-enrich-cluster-changes-repartition", internal))
                .isEqualTo(RunResult.TopicRow.REPARTITION);
        assertThat(role("heatwire-enrich-story-nodes-changelog", internal)).isEqualTo(RunResult.TopicRow.CHANGELOG);
        assertThat(role("__consumer_offsets", internal)).isEqualTo(RunResult.TopicRow.BROKER);
        assertThat(role("__transaction_state", internal)).isEqualTo(RunResult.TopicRow.BROKER);
    }

    private static String role(final String topic, final Set<String> internal) {
        return TopicFootprint.role(topic, "heatwire.articles.raw", "heatwire-enrich", internal);
    }
}
