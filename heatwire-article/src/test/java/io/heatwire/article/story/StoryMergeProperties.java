package io.heatwire.article.story;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import io.heatwire.article.parse.Image;

/** SPEC 6: the merged story does not depend on the order, grouping or repetition of versions. */
class StoryMergeProperties {

    private static final String ID = "0123456789abcdef0123456789abcdef";
    private static final List<String> IDS = List.of(
            "11111111111111111111111111111111",
            "22222222222222222222222222222222",
            "33333333333333333333333333333333",
            "44444444444444444444444444444444");

    @Property
    void shouldBeCommutative(@ForAll("versions") final Story a, @ForAll("versions") final Story b) {
        assertThat(StoryMerge.merge(a, b)).isEqualTo(StoryMerge.merge(b, a));
    }

    @Property
    void shouldBeAssociative(
            @ForAll("versions") final Story a, @ForAll("versions") final Story b, @ForAll("versions") final Story c) {
        assertThat(StoryMerge.merge(StoryMerge.merge(a, b), c)).isEqualTo(StoryMerge.merge(a, StoryMerge.merge(b, c)));
    }

    @Property
    void shouldReturnTheSameInstanceWhenAVersionIsSeenAgain(
            @ForAll("versions") final Story a, @ForAll("versions") final Story b) {
        final Story merged = StoryMerge.merge(a, b);
        assertThat(StoryMerge.merge(a, a)).isSameAs(a);
        assertThat(StoryMerge.merge(merged, b)).isSameAs(merged);
        assertThat(StoryMerge.merge(merged, a)).isSameAs(merged);
        assertThat(StoryMerge.isNoOp(merged, b)).isTrue();
    }

    @Property
    void shouldGiveTheSameResultForEveryArrivalOrder(
            @ForAll("sequences") final List<Story> versions, @ForAll final long shuffleSeed) {
        final List<Story> shuffled = new ArrayList<>(versions);
        Collections.shuffle(shuffled, new Random(shuffleSeed));
        assertThat(fold(shuffled)).isEqualTo(fold(versions));
    }

    @Property
    void shouldAccumulateReferencesAndPreferArticles(@ForAll("sequences") final List<Story> versions) {
        final Story merged = fold(versions);
        for (final Story version : versions) {
            assertThat(merged.related()).containsAll(version.related());
            assertThat(merged.aliases()).containsAll(version.aliases());
        }
        if (versions.stream().anyMatch(version -> version.kind() == StoryKind.ARTICLE)) {
            assertThat(merged.kind()).isEqualTo(StoryKind.ARTICLE);
        }
    }

    @Provide
    Arbitrary<List<Story>> sequences() {
        return versions().list().ofMinSize(1).ofMaxSize(8);
    }

    @Provide
    Arbitrary<Story> versions() {
        final Arbitrary<StoryKind> kind = Arbitraries.of(StoryKind.class);
        final Arbitrary<Instant> published = Arbitraries.of(
                Instant.parse("2024-01-01T00:00:00Z"),
                Instant.parse("2024-01-02T00:00:00Z"),
                Instant.parse("2024-01-03T00:00:00Z"));
        final Arbitrary<String> hash =
                Arbitraries.of("a".repeat(64), "b".repeat(64), "c".repeat(64)).injectNull(0.3);
        final Arbitrary<String> title = Arbitraries.of("One", "Two", "Three");
        final Arbitrary<Integer> quality =
                Arbitraries.integers().between(0, 100).injectNull(0.2);
        final Arbitrary<List<String>> related = Arbitraries.subsetOf(IDS).map(List::copyOf);
        final Arbitrary<List<String>> aliases = Arbitraries.subsetOf(IDS).map(List::copyOf);
        final Arbitrary<String> cluster = Arbitraries.of(IDS).injectNull(0.5);
        return Combinators.combine(kind, published, hash, title, quality, related, aliases, cluster)
                .as(StoryMergeProperties::story);
    }

    private static Story story(
            final StoryKind kind,
            final Instant published,
            final String hash,
            final String title,
            final Integer quality,
            final List<String> related,
            final List<String> aliases,
            final String cluster) {
        final boolean article = kind == StoryKind.ARTICLE;
        return new Story(
                ID,
                kind,
                "https://example.com/a",
                "https://www.example.com/a/",
                article ? aliases : List.of(),
                title,
                "excerpt",
                article ? "news" : null,
                "article",
                published,
                quality,
                new StoryProvider("Example", "example.com", "example.com"),
                List.of("AI"),
                List.of("ai"),
                List.of(new Image("https://img.example.com/" + title + ".jpg", 10, 10, null)),
                article ? related : List.of(),
                List.of(),
                article ? "secret-" + title : null,
                article ? Map.of("extra", title) : Map.of(),
                new SourceVersion(published, null, hash),
                cluster);
    }

    private static Story fold(final List<Story> versions) {
        Story merged = null;
        for (final Story version : versions) {
            merged = StoryMerge.merge(merged, version);
        }
        return merged;
    }
}
