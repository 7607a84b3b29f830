package io.heatwire.article.identity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StoryIdentityTest {

    @Test
    void shouldUseTheWebUrlAsPrimaryAndListOtherDistinctUrlsAsAliases() {
        final StoryIdentity identity = StoryIdentity.resolve(
                        "https://www.example.com/a/",
                        "https://example.com/original",
                        "https://example.com/amp/a",
                        "https://example-com.cdn.ampproject.org/c/s/example.com/amp/a")
                .orElseThrow();

        assertThat(identity.canonicalUrl()).isEqualTo("https://example.com/a");
        assertThat(identity.id()).isEqualTo(StoryId.of("https://example.com/a"));
        assertThat(identity.aliasUrls()).containsExactly("https://example.com/original");
        assertThat(identity.aliasIds()).containsExactly(StoryId.of("https://example.com/original"));
        assertThat(identity.allIds()).containsExactly(identity.id(), StoryId.of("https://example.com/original"));
        assertThat(identity.allUrls()).containsExactly("https://example.com/a", "https://example.com/original");
    }

    @Test
    void shouldFallBackToOriginalThenAmpUrl() {
        assertThat(StoryIdentity.resolve(null, "https://example.com/o", "https://example.com/p.amp.html", null))
                .get()
                .extracting(StoryIdentity::canonicalUrl)
                .isEqualTo("https://example.com/o");
        assertThat(StoryIdentity.resolve("garbage", null, "https://example.com/p.amp.html", null))
                .get()
                .extracting(StoryIdentity::canonicalUrl)
                .isEqualTo("https://example.com/p.html");
    }

    @Test
    void shouldNotUseTheAmpCacheUrlAsPrimary() {
        assertThat(StoryIdentity.resolve(null, null, null, "https://example-com.cdn.ampproject.org/c/s/example.com/a"))
                .isEmpty();
    }
}
