package io.heatwire.article.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;

import org.junit.jupiter.api.Test;

class StoryIdTest {

    @Test
    void shouldBeTheFirstSixteenBytesOfSha256InLowercaseHex() throws Exception {
        final String url = "https://example.com/a";
        final byte[] sha = MessageDigest.getInstance("SHA-256").digest(url.getBytes(StandardCharsets.UTF_8));

        assertThat(StoryId.of(url)).isEqualTo(HexFormat.of().formatHex(sha).substring(0, 32));
        assertThat(StoryId.of(url)).matches("[0-9a-f]{32}");
        assertThat(StoryId.isValid(StoryId.of(url))).isTrue();
    }

    @Test
    void shouldMatchAKnownValue() {
        // printf https://example.com | sha256sum → 100680ad546ce6a577f42f52df33b4cf...
        assertThat(StoryId.of("https://example.com")).isEqualTo("100680ad546ce6a577f42f52df33b4cf");
    }

    @Test
    void shouldRecognizeMalformedIds() {
        assertThat(StoryId.isValid(null)).isFalse();
        assertThat(StoryId.isValid("0F115DB062B7C0DD030B16878C99DEA5")).isFalse();
        assertThat(StoryId.isValid("0f115db0")).isFalse();
    }
}
