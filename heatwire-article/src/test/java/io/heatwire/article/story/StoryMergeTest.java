package io.heatwire.article.story;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class StoryMergeTest {

    private static final String ID = "0123456789abcdef0123456789abcdef";
    private static final String A = "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";
    private static final String B = "bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb";

    @Test
    void shouldLetAnArticleBeatANewerReference() {
        final Story article = story(StoryKind.ARTICLE, "Article", "2024-01-01T00:00:00Z", List.of(A), null);
        final Story reference = story(StoryKind.REFERENCE, "Reference", "2024-06-01T00:00:00Z", List.of(), null);

        assertThat(StoryMerge.merge(reference, article).title()).isEqualTo("Article");
        assertThat(StoryMerge.merge(article, reference)).isSameAs(article);
    }

    @Test
    void shouldTakeTheNewerVersionsContentAndKeepEveryReference() {
        final Story old = story(StoryKind.ARTICLE, "Old", "2024-01-01T00:00:00Z", List.of(A), null);
        final Story edited = story(StoryKind.ARTICLE, "Edited", "2024-01-02T00:00:00Z", List.of(B), null);

        final Story merged = StoryMerge.merge(old, edited);

        assertThat(merged.title()).isEqualTo("Edited");
        assertThat(merged.related()).containsExactly(A, B);
    }

    @Test
    void shouldReturnTheCurrentStoryWhenAnOlderVersionAddsNothing() {
        final Story current = story(StoryKind.ARTICLE, "New", "2024-01-02T00:00:00Z", List.of(A, B), null);
        final Story older = story(StoryKind.ARTICLE, "Old", "2024-01-01T00:00:00Z", List.of(A), null);

        assertThat(StoryMerge.merge(current, older)).isSameAs(current);
        assertThat(StoryMerge.isNoOp(current, older)).isTrue();
    }

    @Test
    void shouldKeepTheSmallestClusterId() {
        final Story inB = story(StoryKind.ARTICLE, "T", "2024-01-01T00:00:00Z", List.of(), B);
        final Story inA = story(StoryKind.REFERENCE, "T", "2024-01-01T00:00:00Z", List.of(), A);

        assertThat(StoryMerge.merge(inB, inA).clusterId()).isEqualTo(A);
    }

    @Test
    void shouldRefuseToMergeDifferentStories() {
        final Story story = story(StoryKind.ARTICLE, "T", "2024-01-01T00:00:00Z", List.of(), null);
        final Story other = new Story(
                A,
                StoryKind.ARTICLE,
                "https://example.com/b",
                "https://example.com/b",
                List.of(),
                "T",
                null,
                null,
                null,
                null,
                null,
                new StoryProvider(null, null, "example.com"),
                List.of(),
                List.of(),
                List.of(),
                List.of(),
                List.of(),
                null,
                Map.of(),
                new SourceVersion(null, null, null),
                null);

        assertThatThrownBy(() -> StoryMerge.merge(story, other)).isInstanceOf(IllegalArgumentException.class);
    }

    private static Story story(
            final StoryKind kind,
            final String title,
            final String published,
            final List<String> related,
            final String clusterId) {
        final Instant at = Instant.parse(published);
        return new Story(
                ID,
                kind,
                "https://example.com/a",
                "https://example.com/a",
                List.of(),
                title,
                null,
                null,
                "article",
                at,
                50,
                new StoryProvider("Example", "example.com", "example.com"),
                List.of(),
                List.of(),
                List.of(),
                related,
                List.of(),
                null,
                Map.of(),
                new SourceVersion(at, null, null),
                clusterId);
    }
}
