package io.heatwire.corpus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.heatwire.article.parse.RejectedDocumentException;

/**
 * The id namespace: the same plan under other URLs, so that two corpora published to one pipeline
 * (a warm-up, then the measured one) never share a story.
 */
class IdNamespaceTest {

    private static final int COUNT = 1_000;
    private static final long SEED = 42;
    private static final String NAMESPACE = "warm-up";

    private static CorpusPlan plain;
    private static CorpusPlan namespaced;
    private static DocumentRenderer plainRenderer;
    private static DocumentRenderer namespacedRenderer;

    @BeforeAll
    static void plan() {
        plain = CorpusPlan.create(COUNT, SEED);
        namespaced = CorpusPlan.create(COUNT, SEED, CorpusOptions.defaults().withIdNamespace(NAMESPACE));
        plainRenderer = new DocumentRenderer(plain);
        namespacedRenderer = new DocumentRenderer(namespaced);
    }

    @Test
    void shouldGiveEveryStoryAnotherIdAndEveryDocumentAnotherName() {
        final CorpusPlan other =
                CorpusPlan.create(COUNT, SEED, CorpusOptions.defaults().withIdNamespace("other"));
        final Set<String> plainIds = ids(plain);
        final Set<String> namespacedIds = ids(namespaced);

        assertThat(plainIds).hasSize(plain.storyCount()).doesNotContainAnyElementsOf(namespacedIds);
        assertThat(namespacedIds).hasSize(plain.storyCount()).doesNotContainAnyElementsOf(ids(other));
        final Set<String> plainNames = new HashSet<>();
        final Set<String> namespacedNames = new HashSet<>();
        for (int document = 0; document < plain.documentCount(); document++) {
            plainNames.add(plainRenderer.name(document));
            namespacedNames.add(namespacedRenderer.name(document));
        }
        assertThat(namespacedNames).hasSize(COUNT).doesNotContainAnyElementsOf(plainNames);
    }

    @Test
    void shouldPutTheNamespaceInFrontOfEveryPath() {
        for (int story = 0; story < plain.storyCount(); story++) {
            final String url = plain.canonicalUrl(story);
            final int pathStart = url.indexOf('/', "https://".length());
            assertThat(namespaced.canonicalUrl(story))
                    .isEqualTo(url.substring(0, pathStart) + "/" + NAMESPACE + url.substring(pathStart));
        }
    }

    @Test
    void shouldKeepThePlanShape() {
        assertThat(namespaced.count()).isEqualTo(plain.count());
        assertThat(namespaced.regularCount()).isEqualTo(plain.regularCount());
        assertThat(namespaced.storyCount()).isEqualTo(plain.storyCount());
        assertThat(namespaced.documentCount()).isEqualTo(plain.documentCount());
        assertThat(namespaced.bigClusters()).isEqualTo(plain.bigClusters());
        assertThat(namespaced.mediumClusters()).isEqualTo(plain.mediumClusters());
        assertThat(namespaced.smallClusters()).isEqualTo(plain.smallClusters());

        final ExpectedStructure before = ExpectedStructure.of(plain, plainRenderer);
        final ExpectedStructure after = ExpectedStructure.of(namespaced, namespacedRenderer);
        assertThat(after.stories()).isEqualTo(before.stories());
        assertThat(after.referenceStories()).isEqualTo(before.referenceStories());
        assertThat(after.clusterCount()).isEqualTo(before.clusterCount());
        assertThat(after.clusterSizeHistogram()).isEqualTo(before.clusterSizeHistogram());
        assertThat(after.largestClusters().stream().map(ExpectedStructure.Cluster::size))
                .containsExactlyElementsOf(before.largestClusters().stream()
                        .map(ExpectedStructure.Cluster::size)
                        .toList());
        assertThat(after.bridges()).hasSameSizeAs(before.bridges());
        assertThat(after.clusters().keySet())
                .doesNotContainAnyElementsOf(before.clusters().keySet());
    }

    @Test
    void shouldExpectWhatTheParsedNamespacedDocumentsMake() throws RejectedDocumentException {
        final List<GeneratedDocument> documents = new ArrayList<>();
        for (int document = 0; document < namespaced.documentCount(); document++) {
            documents.add(namespacedRenderer.render(document));
        }
        final ParsedClusters parsed = ParsedClusters.of(documents);

        final ExpectedStructure expected = ExpectedStructure.of(namespaced, namespacedRenderer);
        assertThat(expected.stories()).isEqualTo(parsed.stories());
        assertThat(expected.clusters()).isEqualTo(parsed.clusters());
        assertThat(documents.get(0).url()).contains("/" + NAMESPACE + "/");
    }

    @Test
    void shouldAcceptOnlyAPathSegmentThatCanonicalizationKeeps() {
        assertThat(CorpusOptions.defaults().idNamespace()).isEmpty();
        assertThat(CorpusOptions.defaults().withIdNamespace("run-2").idNamespace())
                .isEqualTo("run-2");
        for (final String bad : List.of("amp", "Warm", "a/b", "-a", "a-", "a.b", "a b", "x".repeat(33))) {
            assertThatThrownBy(() -> CorpusOptions.defaults().withIdNamespace(bad))
                    .as(bad)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("id namespace");
        }
        assertThatThrownBy(() -> CorpusOptions.defaults().withIdNamespace(null))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static Set<String> ids(final CorpusPlan plan) {
        final Set<String> ids = new HashSet<>();
        for (int story = 0; story < plan.storyCount(); story++) {
            ids.add(plan.id(story));
        }
        return ids;
    }
}
