package io.heatwire.enrich.aggregate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Set;

import io.heatwire.article.quality.QualitySummary;
import io.heatwire.enrich.JsonSchemas;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** Provider and topic records, serialized as they go to their topics, validate against their schemas. */
class StatsRecordSchemaTest {

    private static final Instant AS_OF = Instant.parse("2024-06-01T00:00:00Z");
    private static final Instant UPDATED_AT = Instant.parse("2024-06-01T00:00:01.250Z");

    private final JsonMapper mapper = JsonMapper.builder().build();

    @Test
    void shouldWriteAProviderRecordThatMatchesItsSchema() {
        final ProviderRecord provider = ProviderRecord.of("example.com", "Example News", aggregate(), AS_OF, UPDATED_AT);

        final byte[] json = mapper.writeValueAsBytes(provider);

        assertThat(JsonSchemas.violations("provider", json)).isEmpty();
        assertThat(new String(json, StandardCharsets.UTF_8)).isEqualTo("{\"key\":\"example.com\","
                + "\"name\":\"Example News\",\"stories\":3,\"articles\":2,\"quality\":{\"count\":2,\"mean\":65.0,"
                + "\"min\":50,\"max\":80,\"p50\":50,\"p90\":80},\"firstPublished\":\"2024-05-30T08:00:00Z\","
                + "\"lastPublished\":\"2024-05-31T20:00:00Z\",\"heatScore\":" + provider.heatScore()
                + ",\"heat\":" + provider.heat() + ",\"asOf\":\"2024-06-01T00:00:00Z\","
                + "\"updatedAt\":\"2024-06-01T00:00:01.250Z\"}");
        assertThat(provider.heat()).isEqualTo(aggregate().heat().heatAt(AS_OF)).isPositive();
    }

    @Test
    void shouldWriteATopicRecordThatMatchesItsSchema() {
        final byte[] json = mapper.writeValueAsBytes(TopicRecord.of("computer-vision", aggregate(), AS_OF, UPDATED_AT));

        assertThat(JsonSchemas.violations("topic", json)).isEmpty();
        assertThat(JsonSchemas.violations("topic", mapper.writeValueAsBytes(
                TopicRecord.of("künstliche-intelligenz-2", aggregate(), AS_OF, UPDATED_AT)))).isEmpty();
    }

    @Test
    void shouldWriteNullsForStoriesWithoutQualityOrDate() {
        final StatsAggregate undated = StatsAggregate.empty(StatsAggregateProperties.HALF_LIFE)
                .add(new Contribution("11111111111111111111111111111111", false, null, null));

        final ProviderRecord provider = ProviderRecord.of("example.org", null, undated, AS_OF, UPDATED_AT);

        assertThat(provider.quality()).isEqualTo(new QualitySummary(0, null, null, null, null, null));
        assertThat(provider.heatScore()).isNull();
        assertThat(provider.heat()).isZero();
        assertThat(provider.firstPublished()).isNull();
        assertThat(JsonSchemas.violations("provider", mapper.writeValueAsBytes(provider))).isEmpty();
        assertThat(JsonSchemas.violations("topic", mapper.writeValueAsBytes(
                TopicRecord.of("ai", undated, AS_OF, UPDATED_AT)))).isEmpty();
    }

    @Test
    void shouldRejectRecordsThatBreakTheContract() {
        final String provider = mapper.writeValueAsString(ProviderRecord.of("example.com", "Example", aggregate(),
                AS_OF, UPDATED_AT));
        final String topic = mapper.writeValueAsString(TopicRecord.of("ai", aggregate(), AS_OF, UPDATED_AT));

        assertThat(violations("provider", provider.replace("\"stories\":3", "\"stories\":0"))).isNotEmpty();
        assertThat(violations("provider", provider.replace("\"p90\":80", "\"p90\":101"))).isNotEmpty();
        assertThat(violations("provider", provider.replace("{\"key\"", "{\"extra\":1,\"key\""))).isNotEmpty();
        assertThat(violations("topic", topic.replace("\"key\":\"ai\"", "\"key\":\"Not A Slug\""))).isNotEmpty();
        assertThat(violations("topic", topic.replace("\"asOf\":\"2024-06-01T00:00:00Z\"", "\"asOf\":1717200000")))
                .isNotEmpty();
    }

    @Test
    void shouldHaveNoRecordForAnAggregateWithoutStories() {
        final StatsAggregate empty = StatsAggregate.empty(StatsAggregateProperties.HALF_LIFE);

        assertThatThrownBy(() -> ProviderRecord.of("example.com", "Example", empty, AS_OF, UPDATED_AT))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TopicRecord.of("ai", empty, AS_OF, UPDATED_AT))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> empty.remove(new Contribution("11111111111111111111111111111111", true, 50, AS_OF)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldKeepACompactStateForStores() {
        final StatsAggregate aggregate = StatsAggregate.empty(StatsAggregateProperties.HALF_LIFE)
                .add(new Contribution("11111111111111111111111111111111", true, 50, Instant.parse("2024-05-30T08:00:00Z")));

        final String json = mapper.writeValueAsString(aggregate);

        // 1.5·2^(1/3)·2^19873 (08:00 is a third of day 19873): 0x1e3cf476542bd·2^4 / 2^52 ≈ 1.88988.
        assertThat(json).matches("\\{\"stories\":1,\"articles\":1,\"quality\":\\{\"counts\":\\{\"50\":1}},"
                + "\"heat\":\\{\"halfLifeMillis\":86400000,\"chunks\":\\[\\{\"exponent\":19825,\"digits\":\"1e3cf476542bd\"}]},"
                + "\"published\":\\{\"millis\":\\[1717056000000]}}");
        assertThat(mapper.readValue(json, StatsAggregate.class)).isEqualTo(aggregate);
    }

    private static Set<?> violations(final String schema, final String json) {
        return JsonSchemas.violations(schema, json.getBytes(StandardCharsets.UTF_8));
    }

    private static StatsAggregate aggregate() {
        return StatsAggregate.empty(StatsAggregateProperties.HALF_LIFE)
                .add(new Contribution("11111111111111111111111111111111", true, 80, Instant.parse("2024-05-31T20:00:00Z")))
                .add(new Contribution("22222222222222222222222222222222", true, 50, Instant.parse("2024-05-30T08:00:00Z")))
                .add(new Contribution("33333333333333333333333333333333", false, null,
                        Instant.parse("2024-05-31T10:00:00Z")));
    }
}
