package io.heatwire.article.story;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.heatwire.article.identity.StoryId;
import io.heatwire.article.parse.ArticleDocument;
import io.heatwire.article.parse.ArticleParser;
import io.heatwire.article.parse.ParseLimits;
import io.heatwire.article.parse.SeedDocuments;
import io.heatwire.article.parse.Warning;
import io.heatwire.article.parse.WarningKind;

class StoriesTest {

    @Test
    void shouldYieldTwentySixDistinctStoriesFromTheSeeds() {
        final Map<String, Story> byId = seedStories();

        assertThat(byId).hasSize(26);
        assertThat(byId.values())
                .filteredOn(story -> story.kind() == StoryKind.ARTICLE)
                .hasSize(5);
        assertThat(byId.values())
                .filteredOn(story -> story.kind() == StoryKind.REFERENCE)
                .hasSize(21);
    }

    @Test
    void shouldFormOneClusterPerSeedArticleOfSizes13And6And3And2And2() {
        final Map<String, Story> byId = seedStories();
        // Union-find over reference and alias edges: the oracle, not the production algorithm.
        final Map<String, String> parent = new HashMap<>();
        for (final Story story : byId.values()) {
            for (final String other : concat(story.related(), story.aliases())) {
                union(parent, story.id(), other);
            }
            union(parent, story.id(), story.id());
        }
        final Map<String, Integer> sizes = new HashMap<>();
        for (final String id : byId.keySet()) {
            sizes.merge(find(parent, id), 1, Integer::sum);
        }
        assertThat(sizes.values()).containsExactlyInAnyOrder(13, 6, 3, 2, 2);
    }

    @Test
    void shouldBuildTheArticleStoryFromSeed000() {
        final List<Story> stories = Stories.from(SeedDocuments.parsed("000"), "ab".repeat(32));
        final Story article = stories.get(0);

        assertThat(article.kind()).isEqualTo(StoryKind.ARTICLE);
        assertThat(article.canonicalUrl())
                .isEqualTo("https://dailymail.co.uk/news/article-10298385/"
                        + "Police-using-hand-held-facial-recognition-cameras-streets-time.html");
        assertThat(article.id()).isEqualTo(StoryId.of(article.canonicalUrl()));
        assertThat(article.aliases()).isEmpty();
        assertThat(article.provider()).isEqualTo(new StoryProvider("Daily Mail", "dailymail.co.uk", "dailymail.co.uk"));
        assertThat(article.topics()).containsExactly("Computer Vision", "AI");
        assertThat(article.topicSlugs()).containsExactly("computer-vision", "ai");
        assertThat(article.quality()).isEqualTo(51);
        assertThat(article.related())
                .hasSize(5)
                .isSorted()
                .containsExactlyInAnyOrderElementsOf(
                        stories.subList(1, 6).stream().map(Story::id).toList());
        assertThat(article.sourceVersion()).isEqualTo(new SourceVersion(article.publishedAt(), null, "ab".repeat(32)));
        assertThat(article.secured()).isNotNull();
        assertThat(article.toString()).doesNotContain(article.secured());
        assertThat(article.clusterId()).isNull();
    }

    @Test
    void shouldBuildReferenceStoriesFromWhatTheEntrySays() {
        final Story windows = Stories.from(SeedDocuments.parsed("000")).get(1);

        assertThat(windows.kind()).isEqualTo(StoryKind.REFERENCE);
        assertThat(windows.canonicalUrl())
                .isEqualTo("https://windowsreport.com/facial-recognition-not-working-windows-11");
        assertThat(windows.title()).isEqualTo("Facial recognition isn’t working for some Windows 11 users");
        assertThat(windows.quality()).isEqualTo(59);
        assertThat(windows.provider().key()).isEqualTo("windowsreport.com");
        assertThat(windows.images()).hasSize(1);
        assertThat(windows.aliases()).isEmpty();
        assertThat(windows.related()).isEmpty();
        assertThat(windows.secured()).isNull();
        assertThat(windows.unknownFields()).isEmpty();
    }

    @Test
    void shouldIgnoreSelfReferencesAndCollapseDuplicateReferences() throws Exception {
        final var article = new ArticleParser(ParseLimits.defaults())
                .parse(ArticleDocument.valid()
                        .with("ampWebUrl", "\"https://example.com/news/amp/a\"")
                        .relatedTo("https://www.example.com/news/amp/a")
                        .relatedTo("https://other.example.org/b")
                        .relatedTo("http://other.example.org/b/?utm_source=feed")
                        .bytes());

        final List<Story> stories = Stories.from(article);

        assertThat(stories).hasSize(2);
        assertThat(stories.get(0).related()).containsExactly(stories.get(1).id());
        assertThat(stories.get(0).related()).doesNotContain(stories.get(0).id());
        assertThat(stories.get(0).warnings())
                .extracting(Warning::kind)
                .containsExactly(WarningKind.RELATED_SELF_REFERENCE);
    }

    @Test
    void shouldListOtherArticleUrlsAsAliases() throws Exception {
        final var article = new ArticleParser(ParseLimits.defaults())
                .parse(ArticleDocument.valid()
                        .with("originalUrl", "\"https://syndication.example.net/a\"")
                        .bytes());

        final Story story = Stories.from(article).get(0);

        assertThat(story.aliases()).containsExactly(StoryId.of("https://syndication.example.net/a"));
    }

    @Test
    void shouldUseTheUrlHostAsProviderKeyWhenTheDomainIsMissing() throws Exception {
        final var article = new ArticleParser(ParseLimits.defaults())
                .parse(ArticleDocument.valid()
                        .without("provider")
                        .with("webUrl", "\"https://www.News.example.co.uk/a\"")
                        .bytes());

        assertThat(Stories.from(article).get(0).provider())
                .isEqualTo(new StoryProvider(null, null, "news.example.co.uk"));
    }

    private static Map<String, Story> seedStories() {
        final Map<String, Story> byId = new HashMap<>();
        for (final String name : SeedDocuments.all().keySet()) {
            for (final Story story : Stories.from(SeedDocuments.parsed(name))) {
                byId.merge(story.id(), story, StoryMerge::merge);
            }
        }
        return byId;
    }

    private static List<String> concat(final List<String> a, final List<String> b) {
        final List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    private static void union(final Map<String, String> parent, final String a, final String b) {
        final String rootA = find(parent, a);
        final String rootB = find(parent, b);
        if (!rootA.equals(rootB)) {
            parent.put(rootA.compareTo(rootB) < 0 ? rootB : rootA, rootA.compareTo(rootB) < 0 ? rootA : rootB);
        }
    }

    private static String find(final Map<String, String> parent, final String id) {
        String root = id;
        while (parent.containsKey(root) && !parent.get(root).equals(root)) {
            root = parent.get(root);
        }
        return root;
    }
}
