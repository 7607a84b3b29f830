package io.heatwire.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.heatwire.article.parse.ArticleParser;
import io.heatwire.article.parse.ParseLimits;
import io.heatwire.article.parse.RejectedDocumentException;
import io.heatwire.article.story.Stories;
import io.heatwire.article.story.Story;

/**
 * The corpora other than loadgen's: the system tests' (few related entries, edits,
 * re-publications, a shuffled arrival, bridges across half the clusters) and the parse
 * benchmarks' (front matter of 2–12 KB).
 */
class CorpusOptionsTest {

    private static final int COUNT = 2_000;

    private static CorpusPlan plan;
    private static DocumentRenderer renderer;
    private static List<GeneratedDocument> documents;

    @BeforeAll
    static void generate() {
        plan = CorpusPlan.create(COUNT, 11, CorpusOptions.systemTests());
        renderer = new DocumentRenderer(plan);
        documents = render(plan);
    }

    @Test
    void shouldPublishEveryArticleOnceAndSomeOfThemTwiceLater() {
        final List<List<Integer>> versions = new ArrayList<>();
        for (int article = 0; article < COUNT; article++) {
            versions.add(new ArrayList<>());
        }
        documents.forEach(document -> versions.get(document.article()).add(document.index()));

        int edits = 0;
        int republications = 0;
        for (int article = 0; article < COUNT; article++) {
            final List<Integer> seen = versions.get(article);
            assertThat(seen).as("documents of article %d", article).hasSizeBetween(1, 2);
            if (seen.size() == 2) {
                assertThat(seen.get(0)).isLessThan(seen.get(1));
                final boolean same = Arrays.equals(
                        documents.get(seen.get(0)).bytes(),
                        documents.get(seen.get(1)).bytes());
                republications += same ? 1 : 0;
                edits += same ? 0 : 1;
            }
        }
        assertThat(plan.documentCount()).isEqualTo(COUNT + edits + republications);
        // 5% and 2% of the regular articles, give or take chance.
        assertThat(edits).isBetween(COUNT * 3 / 100, COUNT * 7 / 100);
        assertThat(republications).isBetween(COUNT / 100, COUNT * 4 / 100);
    }

    @Test
    void shouldEditTitleQualityAndRelatedButKeepTheStoryAndItsPublicationTime() throws RejectedDocumentException {
        final ArticleParser parser = new ArticleParser(ParseLimits.defaults());
        final Story[] first = new Story[COUNT];
        int edits = 0;
        int withOneMoreRelated = 0;
        for (final GeneratedDocument document : documents) {
            final Story story = Stories.from(parser.parse(document.bytes())).get(0);
            assertThat(story.id()).isEqualTo(plan.id(document.article()));
            assertThat(story.url()).isEqualTo(document.url());
            assertThat(story.aliases()).isEmpty();
            final Story earlier = first[document.article()];
            if (earlier == null) {
                first[document.article()] = story;
            } else if (!story.title().equals(earlier.title())) {
                edits++;
                assertThat(story.title()).isEqualTo(earlier.title() + " (updated)");
                assertThat(story.url()).isEqualTo(earlier.url());
                assertThat(story.publishedAt()).isEqualTo(earlier.publishedAt());
                assertThat(story.related()).containsAll(earlier.related());
                assertThat(story.related())
                        .hasSizeBetween(
                                earlier.related().size(), earlier.related().size() + 1);
                withOneMoreRelated += story.related().size() > earlier.related().size() ? 1 : 0;
            }
        }
        assertThat(edits).isPositive();
        assertThat(withOneMoreRelated).isPositive();
    }

    @Test
    void shouldShuffleTheArrivalAndPublishTheBridgesLast() {
        final int firstBridge = plan.firstBridgeDocument();
        assertThat(plan.count() - plan.regularCount()).isPositive();
        for (int document = firstBridge; document < plan.documentCount(); document++) {
            assertThat(plan.article(document)).isEqualTo(plan.regularCount() + document - firstBridge);
        }
        int outOfOrder = 0;
        for (int document = 1; document < firstBridge; document++) {
            assertThat(plan.article(document)).isLessThan(plan.regularCount());
            outOfOrder += plan.article(document) < plan.article(document - 1) ? 1 : 0;
        }
        assertThat(outOfOrder).isGreaterThan(firstBridge / 4);
    }

    @Test
    void shouldJoinHalfOfAllClustersIntoTheLargestThroughTheBridges() {
        final ExpectedStructure expected = ExpectedStructure.of(plan, renderer);
        final int clusters = plan.smallClusters() + plan.mediumClusters() + plan.bigClusters();
        // Each bridge joins the cluster the bridges before made (or its first one) and new ones.
        final int joined = 1
                + expected.bridges().stream()
                        .mapToInt(bridge -> bridge.merges().size() - 1)
                        .sum();
        assertThat(joined).isEqualTo(clusters / 2);
        assertThat(expected.bridges())
                .allSatisfy(bridge -> assertThat(bridge.merges()).hasSizeLessThanOrEqualTo(8))
                .allSatisfy(bridge -> assertThat(bridge.clusterId())
                        .isEqualTo(expected.largestClusters().get(0).clusterId()));
        assertThat(expected.bridges().get(0).document())
                .isEqualTo(documents.get(plan.firstBridgeDocument()).name());
    }

    @Test
    void shouldExpectTheClustersOfAUnionFindOverTheParsedDocumentsWithEditsAndBridges()
            throws RejectedDocumentException {
        final ParsedClusters parsed = ParsedClusters.of(documents);

        final ExpectedStructure expected = ExpectedStructure.of(plan, renderer);
        assertThat(expected.documents()).isEqualTo(documents.size());
        assertThat(expected.stories()).isEqualTo(parsed.stories());
        assertThat(expected.clusters()).isEqualTo(parsed.clusters());
        // Now and then a page of an article's own, which only related entries name.
        assertThat(expected.referenceStories()).isBetween((long) COUNT / 20, (long) COUNT / 5);
    }

    @Test
    void shouldNameEveryDocumentApartAndKeepItsArticlesStoryIdInTheName() {
        final Set<String> names = new HashSet<>();
        for (final GeneratedDocument document : documents) {
            assertThat(names.add(document.name())).as(document.name()).isTrue();
            assertThat(document.name())
                    .contains("_" + plan.id(document.article()).substring(0, 16));
        }
    }

    @Test
    void shouldGiveTheParseBenchmarkFrontMatterSpreadOverTwoToTwelveKilobytes() {
        final List<GeneratedDocument> parsed =
                render(CorpusPlan.create(512, 20_240_301L, CorpusOptions.parseBenchmarks()));
        final int[] sizes = parsed.stream()
                .mapToInt(document -> document.bytes().length)
                .sorted()
                .toArray();
        assertThat(sizes[0]).isGreaterThanOrEqualTo(DocumentRenderer.MIN_BYTES);
        assertThat(sizes[sizes.length - 1]).isLessThanOrEqualTo(DocumentRenderer.MAX_BYTES);
        assertThat(sizes[sizes.length / 10]).isLessThan(4 * 1024);
        assertThat(sizes[sizes.length / 2]).isBetween(6 * 1024, 8 * 1024);
        assertThat(sizes[sizes.length * 9 / 10]).isGreaterThan(10 * 1024);
        long body = 0;
        long total = 0;
        for (final GeneratedDocument document : parsed) {
            final String text = new String(document.bytes(), StandardCharsets.UTF_8);
            body += text.length() - (text.indexOf("\n---\n", 4) + 5);
            total += text.length();
        }
        assertThat(body).as("bytes after the front matter").isLessThan(total / 50);
    }

    private static List<GeneratedDocument> render(final CorpusPlan plan) {
        final DocumentRenderer renderer = new DocumentRenderer(plan);
        final List<GeneratedDocument> rendered = new ArrayList<>(plan.documentCount());
        for (int document = 0; document < plan.documentCount(); document++) {
            rendered.add(renderer.render(document));
        }
        return rendered;
    }
}
