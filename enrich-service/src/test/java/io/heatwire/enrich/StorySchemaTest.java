package io.heatwire.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import com.networknt.schema.Error;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import io.heatwire.article.parse.ArticleDocument;
import io.heatwire.article.parse.ArticleParser;
import io.heatwire.article.parse.ParseLimits;
import io.heatwire.article.parse.SeedDocuments;
import io.heatwire.article.story.Stories;
import io.heatwire.article.story.Story;

/**
 * Stories serialized by Jackson 3, as they go to the stories topic, validate against
 * {@code schemas/story.schema.json}. The test checks the actual bytes rather than an in-memory tree.
 */
class StorySchemaTest {

    private final JsonMapper mapper = JsonMapper.builder().build();

    @Test
    void shouldValidateEveryStoryOfTheSeeds() throws Exception {
        final List<Story> stories = new ArrayList<>();
        for (final String name : SeedDocuments.all().keySet()) {
            stories.addAll(Stories.from(SeedDocuments.parsed(name), "0".repeat(64)));
        }
        assertThat(stories).hasSize(26);
        for (final Story story : stories) {
            assertThat(validate(story)).as(story.id()).isEmpty();
        }
    }

    @Test
    void shouldValidateStoriesWithWarningsUnknownFieldsAndClusterId() throws Exception {
        final var article = new ArticleParser(ParseLimits.defaults())
                .parse(ArticleDocument.valid()
                        .with("quality", "150")
                        .with("extra", "{list: [1, 2.5, null]}")
                        .relatedRaw("  - title: no url")
                        .bytes());
        final Story story = Stories.from(article).get(0).withClusterId("0123456789abcdef0123456789abcdef");

        assertThat(validate(story)).isEmpty();
    }

    @Test
    void shouldRejectAStoryThatBreaksTheContract() throws Exception {
        final Story story = Stories.from(SeedDocuments.parsed("002")).get(0);
        final String json = mapper.writeValueAsString(story).replace("\"kind\":\"ARTICLE\"", "\"kind\":\"OTHER\"");

        assertThat(JsonSchemas.violations("story", json.getBytes(StandardCharsets.UTF_8)))
                .isNotEmpty();
    }

    private List<Error> validate(final Story story) {
        return JsonSchemas.violations("story", mapper.writeValueAsBytes(story));
    }
}
