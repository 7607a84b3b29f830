package io.heatwire.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.heatwire.article.parse.ArticleParser;
import io.heatwire.article.parse.ParseLimits;
import io.heatwire.article.parse.ParsedArticle;
import io.heatwire.article.parse.RejectedDocumentException;
import io.heatwire.article.parse.WarningKind;
import io.heatwire.article.story.Stories;
import io.heatwire.article.story.Story;
import io.heatwire.article.story.StoryKind;

/**
 * The generated corpus checked with enrich-service's own parser and story rules, and its expected
 * clusters against a union-find computed here from the parsed documents alone.
 */
class CorpusTest {

    private static final int COUNT = 2_000;
    private static final long SEED = 42;

    private static CorpusPlan plan;
    private static DocumentRenderer renderer;
    private static List<GeneratedDocument> documents;

    @BeforeAll
    static void generate() {
        plan = CorpusPlan.create(COUNT, SEED);
        renderer = new DocumentRenderer(plan);
        documents = new ArrayList<>(COUNT);
        for (int article = 0; article < COUNT; article++) {
            documents.add(renderer.render(article));
        }
    }

    @Test
    void shouldRenderByteIdenticalDocumentsForTheSameSeed() {
        final CorpusPlan again = CorpusPlan.create(COUNT, SEED);
        final DocumentRenderer rendererAgain = new DocumentRenderer(again);
        for (int article = 0; article < COUNT; article++) {
            final GeneratedDocument document = rendererAgain.render(article);
            assertThat(document.name()).isEqualTo(documents.get(article).name());
            assertThat(document.bytes()).isEqualTo(documents.get(article).bytes());
        }
    }

    @Test
    void shouldRenderOtherDocumentsForAnotherSeed() {
        final DocumentRenderer other = new DocumentRenderer(CorpusPlan.create(COUNT, SEED + 1));
        assertThat(other.render(0).bytes()).isNotEqualTo(documents.get(0).bytes());
        assertThat(other.render(0).name()).isNotEqualTo(documents.get(0).name());
    }

    @Test
    void shouldKeepEveryDocumentBetweenTwoAndTwelveKilobytes() {
        assertThat(documents)
                .allSatisfy(document -> assertThat(document.bytes().length)
                        .isBetween(DocumentRenderer.MIN_BYTES, DocumentRenderer.MAX_BYTES));
        final int[] sizes = documents.stream()
                .mapToInt(document -> document.bytes().length)
                .sorted()
                .toArray();
        // Spread over the range, not piled up at one end.
        assertThat(sizes[sizes.length / 10]).isLessThan(5 * 1024);
        assertThat(sizes[sizes.length * 9 / 10]).isGreaterThan(8 * 1024);
    }

    @Test
    void shouldNameDocumentsInPublicationOrderAfterTheirStoryIds() {
        for (int article = 1; article < COUNT; article++) {
            assertThat(documents.get(article).name())
                    .isGreaterThan(documents.get(article - 1).name());
        }
        assertThat(documents.get(7).name()).isEqualTo("000007_" + plan.id(7).substring(0, 16) + ".txt");
        for (int article = 1; article < plan.regularCount(); article++) {
            assertThat(plan.publishedAt(article)).isAfterOrEqualTo(plan.publishedAt(article - 1));
        }
    }

    @Test
    void shouldParseEveryDocumentIntoThePlannedStories() throws RejectedDocumentException {
        final ArticleParser parser = new ArticleParser(ParseLimits.defaults());
        for (final GeneratedDocument document : documents) {
            final ParsedArticle article = parser.parse(document.bytes());
            final List<Story> stories = Stories.from(article);
            final int index = document.index();

            final Set<String> planned = new HashSet<>();
            for (final int target : plan.articleRefs(index)) {
                planned.add(plan.id(target));
            }
            for (int story = plan.refOnlyStart(index); story < plan.refOnlyEnd(index); story++) {
                planned.add(plan.id(story));
            }
            assertThat(stories.get(0).kind()).isEqualTo(StoryKind.ARTICLE);
            assertThat(stories.get(0).id()).isEqualTo(plan.id(index));
            assertThat(stories.get(0).url()).isEqualTo(document.url());
            assertThat(stories.get(0).aliases()).isEmpty();
            assertThat(stories.get(0).title()).isNotBlank();
            assertThat(stories.get(0).related()).containsExactlyInAnyOrderElementsOf(planned);
            assertThat(article.related()).hasSize(planned.size()).hasSizeLessThanOrEqualTo(CorpusPlan.MAX_RELATED);
            assertThat(article.warnings())
                    .allSatisfy(warning -> assertThat(warning.kind()).isEqualTo(WarningKind.MOJIBAKE_REPAIRED));
            assertThat(article.secured()).isNotBlank();
        }
    }

    @Test
    void shouldCiteStoriesByUrlsThatOnlyCanonicalizationJoins() {
        final String corpus = new String(documents.get(COUNT / 2).bytes(), StandardCharsets.UTF_8);
        final StringBuilder all = new StringBuilder();
        documents.forEach(document -> all.append(new String(document.bytes(), StandardCharsets.UTF_8)));
        assertThat(corpus).startsWith("---\ncategory: ");
        assertThat(all)
                .contains(
                        "webUrl: \"https://www.",
                        "?utm_source=",
                        "webUrl: \"http://",
                        ".cdn.ampproject.org/c/s/",
                        "#comments",
                        "webUrl: \"HTTPS://",
                        "/amp/",
                        ".amp.html",
                        "?amp\"",
                        "?outputType=amp",
                        "fbclid=");
    }

    @Test
    void shouldExpectTheClustersOfAUnionFindOverTheParsedDocuments() throws RejectedDocumentException {
        final ParsedClusters parsed = ParsedClusters.of(documents);

        final ExpectedStructure expected = ExpectedStructure.of(plan, renderer);
        assertThat(expected.stories()).isEqualTo(parsed.stories());
        assertThat(expected.referenceStories()).isEqualTo(parsed.stories() - COUNT);
        assertThat(expected.clusterCount()).isEqualTo(parsed.clusters().size());
        assertThat(expected.clusters()).isEqualTo(parsed.clusters());
        assertThat(expected.clusterSizeHistogram().values().stream()
                        .mapToInt(Integer::intValue)
                        .sum())
                .isEqualTo(parsed.clusters().size());
    }

    @Test
    void shouldPlanSmallClustersHundredsAndLateBridgesThatMergeTheBigOnes() {
        final ExpectedStructure expected = ExpectedStructure.of(plan, renderer);
        assertThat(expected.clusterSizeHistogram().firstKey()).isEqualTo(1);
        assertThat(expected.clusterSizeHistogram().headMap(10).values().stream()
                        .mapToInt(Integer::intValue)
                        .sum())
                .isGreaterThan(expected.clusterCount() / 2);
        assertThat(expected.clusterSizeHistogram().lastKey()).isGreaterThan(1_000);

        assertThat(expected.bridges()).hasSize(2);
        final ExpectedStructure.Bridge first = expected.bridges().get(0);
        final ExpectedStructure.Bridge last = expected.bridges().get(1);
        assertThat(first.document()).isEqualTo(documents.get(COUNT - 2).name());
        assertThat(first.merges()).hasSize(3);
        assertThat(first.merges().get(0).size()).isGreaterThan(100);
        assertThat(first.merges().get(1).size()).isGreaterThan(100);
        // The last bridge joins the first pair again: one cluster, nothing changes.
        assertThat(last.merges()).hasSize(1);
        assertThat(first.clusterId())
                .isEqualTo(last.clusterId())
                .isEqualTo(expected.largestClusters().get(0).clusterId());
        assertThat(plan.publishedAt(COUNT - 2)).isAfter(plan.publishedAt(plan.regularCount() - 1));
    }
}
