package io.heatwire.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.heatwire.article.parse.SeedDocuments;
import io.heatwire.article.parse.ArticleDocument;
import io.heatwire.article.parse.ArticleParser;
import io.heatwire.article.parse.ParseLimits;
import io.heatwire.article.story.Stories;
import io.heatwire.article.story.Story;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * Stories serialized by Jackson 3, as they go to the stories topic, validate against
 * {@code schemas/story.schema.json}. The validator reads JSON text with its own (Jackson 2) mapper,
 * so the test checks the actual bytes rather than an in-memory tree.
 */
class StorySchemaTest {

    private static JsonSchema schema;
    private final JsonMapper mapper = JsonMapper.builder().build();

    @BeforeAll
    static void loadSchema() throws Exception {
        try (InputStream in = StorySchemaTest.class.getResourceAsStream("/schemas/story.schema.json")) {
            schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in);
        }
    }

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
        final var article = new ArticleParser(ParseLimits.defaults()).parse(ArticleDocument.valid()
                .with("quality", "150").with("extra", "{list: [1, 2.5, null]}").relatedRaw("  - title: no url").bytes());
        final Story story = Stories.from(article).get(0).withClusterId("0123456789abcdef0123456789abcdef");

        assertThat(validate(story)).isEmpty();
    }

    @Test
    void shouldRejectAStoryThatBreaksTheContract() throws Exception {
        final Story story = Stories.from(SeedDocuments.parsed("002")).get(0);
        final String json = mapper.writeValueAsString(story).replace("\"kind\":\"ARTICLE\"", "\"kind\":\"OTHER\"");

        assertThat(schema.validate(new ObjectMapper().readTree(json))).isNotEmpty();
    }

    private Set<ValidationMessage> validate(final Story story) throws Exception {
        final String json = mapper.writeValueAsString(story);
        return schema.validate(new ObjectMapper().readTree(json));
    }
}
