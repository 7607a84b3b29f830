package io.heatwire.enrich.topology;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

import io.heatwire.article.parse.ArticleDocument;
import io.heatwire.article.story.Story;

/**
 * What a merge of two big clusters costs, in messages between story nodes (docs/architecture.md
 * quotes these figures). Counted, not timed: the simulation is seeded, so the counts are the same
 * on every run and machine. The suite runs 2 x 1,000 stories; the documented 2 x 10,000 run is
 * {@code -Dheatwire.merge-cost.articles=100}.
 */
class MergeCostTest {

    private static final int ARTICLES = Integer.getInteger("heatwire.merge-cost.articles", 10);
    private static final int REFERENCES = 99;

    @Test
    void shouldMergeTwoBigClustersInMessagesLinearInTheRelabelledSide() {
        final StoryGraphSimulation simulation = new StoryGraphSimulation(8, 42);
        final List<byte[]> documents = new ArrayList<>(cluster("left"));
        documents.addAll(cluster("right"));
        final Map<String, Story> built = new HashMap<>(simulation.run(documents, 50_000_000));
        final long buildMessages = simulation.messages();
        final long buildRecords = simulation.storyRecords();
        final Map<String, Long> buildByKind = new HashMap<>(simulation.messagesByKind());

        final TreeSet<String> clusterIds = new TreeSet<>();
        built.values().forEach(story -> clusterIds.add(story.clusterId()));
        assertThat(clusterIds).hasSize(2);
        assertThat(built).hasSize(2 * ARTICLES * (REFERENCES + 1));

        final byte[] bridge = ArticleDocument.valid().with("webUrl", "\"https://bridge.example/merge\"")
                .relatedTo(url("left", 0, 1)).relatedTo(url("right", 0, 1)).bytes();
        final Map<String, Story> merged = simulation.run(List.of(bridge), 50_000_000);
        final long mergeMessages = simulation.messages() - buildMessages;
        final long mergeRecords = simulation.storyRecords() - buildRecords;

        final String survivor = clusterIds.first();
        final long relabelled = built.values().stream().filter(s -> !s.clusterId().equals(survivor)).count();
        assertThat(merged.values()).allSatisfy(story -> assertThat(story.clusterId()).isEqualTo(
                minId(merged)));
        // Every story of the vanishing cluster changes its label about once and tells each
        // neighbour; each edge carries a label message both ways at most.
        final long edges = (long) ARTICLES * REFERENCES + ARTICLES - 1;
        assertThat(mergeMessages).isLessThanOrEqualTo(2 * edges + 10);
        assertThat(mergeRecords).isBetween(relabelled, relabelled + 5);
        System.out.printf("build of 2 x %d stories: %d node messages %s, %d story records%n",
                ARTICLES * (REFERENCES + 1), buildMessages, buildByKind, buildRecords);
        System.out.printf("merge: %d stories relabelled, %d node messages (%.2f per relabelled story), %d story records%n",
                relabelled, mergeMessages, (double) mergeMessages / relabelled, mergeRecords);
    }

    /** ARTICLES articles in a chain, each with REFERENCES references of its own. */
    private static List<byte[]> cluster(String side) {
        final List<byte[]> documents = new ArrayList<>();
        for (int a = 0; a < ARTICLES; a++) {
            final ArticleDocument document = ArticleDocument.valid()
                    .with("webUrl", "\"" + url(side, a, 0) + "\"")
                    .with("title", "\"" + side + " " + a + "\"");
            for (int r = 1; r <= REFERENCES; r++) {
                document.relatedTo(url(side, a, r));
            }
            if (a + 1 < ARTICLES) {
                document.relatedTo(url(side, a + 1, 0));
            }
            documents.add(document.bytes());
        }
        java.util.Collections.shuffle(documents, new java.util.Random(side.hashCode()));
        return documents;
    }

    private static String url(String side, int article, int reference) {
        return "https://" + side + ".example/a" + article + "/r" + reference;
    }

    private static String minId(Map<String, Story> stories) {
        return new TreeSet<>(stories.keySet()).first();
    }
}
