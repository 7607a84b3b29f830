package io.heatwire.article.story;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class StoryProviderTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "null", textBlock = """
            dailymail.co.uk                 | https://dailymail.co.uk/a | dailymail.co.uk
            WWW.Example.COM.                | https://example.com/a     | example.com
            https://www.example.com/path    | https://example.com/a     | example.com
            null                            | https://news.example.org/a | news.example.org
            '   '                           | https://news.example.org/a | news.example.org
            """)
    void shouldKeyProvidersByDomainOrUrlHost(final String domain, final String canonicalUrl, final String key) {
        assertThat(StoryProvider.of("Name", domain, canonicalUrl).key()).isEqualTo(key);
    }
}
