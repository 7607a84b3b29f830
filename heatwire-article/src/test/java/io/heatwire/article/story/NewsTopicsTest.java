package io.heatwire.article.story;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NewsTopicsTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', emptyValue = "", textBlock = """
            Computer Vision          | computer-vision
            AI                       | ai
            '  Machine   Learning  ' | machine-learning
            Künstliche Intelligenz   | kunstliche-intelligenz
            C++ / Rust               | c-rust
            COVID-19                 | covid-19
            人工知能                  | 人工知能
            '!!!'                    | ''
            """)
    void shouldSlugTopicNames(final String topic, final String slug) {
        assertThat(NewsTopics.slug(topic)).isEqualTo(slug);
    }
}
