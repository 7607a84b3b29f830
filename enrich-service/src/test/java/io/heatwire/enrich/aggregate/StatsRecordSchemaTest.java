package io.heatwire.enrich.aggregate;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import io.heatwire.article.quality.QualitySummary;
import io.heatwire.enrich.JsonSchemas;
import io.heatwire.enrich.serde.InternalSerdes;
import io.heatwire.enrich.topology.InMemoryStores;

/**
 * Provider and topic records, built by the statistics processor as production builds them and
 * serialized as they go to their topics, validate against their schemas.
 */
class StatsRecordSchemaTest {

    private static final Instant AS_OF = Instant.parse("2024-06-01T00:00:00Z");
    private static final Instant UPDATED_AT = Instant.parse("2024-06-01T00:00:01.250Z");
    private static final List<Contribution> THREE = List.of(
            new Contribution("11111111111111111111111111111111", true, 80, Instant.parse("2024-05-31T20:00:00Z")),
            new Contribution("22222222222222222222222222222222", true, 50, Instant.parse("2024-05-30T08:00:00Z")),
            new Contribution("33333333333333333333333333333333", false, null, Instant.parse("2024-05-31T10:00:00Z")));

    private final JsonMapper mapper = JsonMapper.builder().build();

    /** What the processor writes for {@code key} once it has counted {@code added}, then lost {@code removed}. */
    private static <V> List<V> written(
            StatsProcessor.RecordFactory<V> factory,
            String key,
            String name,
            List<Contribution> added,
            List<Contribution> removed) {
        final MockProcessorContext<String, V> context = new MockProcessorContext<>();
        context.setCurrentStreamTimeMs(AS_OF.toEpochMilli());
        InMemoryStores.add(context, "stats", InternalSerdes.of(KeyStats.class));
        InMemoryStores.add(context, "published", InternalSerdes.of(PublishedDay.class));
        final StatsProcessor<V> processor = new StatsProcessor<>(
                new StatsProcessor.Names("stats", "published"), Duration.ofHours(24), Duration.ofSeconds(1), factory);
        processor.init(context);
        processor.process(new Record<>(
                key,
                new StatsChanges(
                        added.stream().map(c -> new StatsChange(null, c, name)).toList()),
                0L));
        processor.emitChanged(UPDATED_AT.toEpochMilli());
        if (!removed.isEmpty()) {
            processor.process(new Record<>(
                    key,
                    new StatsChanges(removed.stream()
                            .map(c -> new StatsChange(c, null, null))
                            .toList()),
                    0L));
            processor.emitChanged(UPDATED_AT.toEpochMilli());
        }
        final List<V> values = new ArrayList<>();
        context.forwarded().forEach(forward -> values.add(forward.record().value()));
        return values;
    }

    private static ProviderRecord provider(String key, String name, List<Contribution> contributions) {
        return written(ProviderRecord::from, key, name, contributions, List.of())
                .get(0);
    }

    private static TopicRecord topic(String slug, List<Contribution> contributions) {
        return written(TopicRecord::from, slug, null, contributions, List.of()).get(0);
    }

    @Test
    void shouldWriteAProviderRecordThatMatchesItsSchema() {
        final ProviderRecord provider = provider("example.com", "Example News", THREE);

        final byte[] json = mapper.writeValueAsBytes(provider);

        assertThat(JsonSchemas.violations("provider", json)).isEmpty();
        assertThat(new String(json, StandardCharsets.UTF_8))
                .isEqualTo("{\"key\":\"example.com\","
                        + "\"name\":\"Example News\",\"stories\":3,\"articles\":2,\"quality\":{\"count\":2,\"mean\":65.0,"
                        + "\"min\":50,\"max\":80,\"p50\":50,\"p90\":80},\"firstPublished\":\"2024-05-30T08:00:00Z\","
                        + "\"lastPublished\":\"2024-05-31T20:00:00Z\",\"heatScore\":" + provider.heatScore()
                        + ",\"heat\":" + provider.heat() + ",\"asOf\":\"2024-06-01T00:00:00Z\","
                        + "\"updatedAt\":\"2024-06-01T00:00:01.250Z\"}");
        assertThat(provider.heat()).isPositive();
    }

    @Test
    void shouldWriteATopicRecordThatMatchesItsSchema() {
        final byte[] json = mapper.writeValueAsBytes(topic("computer-vision", THREE));

        assertThat(JsonSchemas.violations("topic", json)).isEmpty();
        assertThat(JsonSchemas.violations("topic", mapper.writeValueAsBytes(topic("künstliche-intelligenz-2", THREE))))
                .isEmpty();
    }

    @Test
    void shouldWriteNullsForStoriesWithoutQualityOrDate() {
        final List<Contribution> undated =
                List.of(new Contribution("11111111111111111111111111111111", false, null, null));

        final ProviderRecord provider = provider("example.org", null, undated);

        assertThat(provider.quality()).isEqualTo(new QualitySummary(0, null, null, null, null, null));
        assertThat(provider.heatScore()).isNull();
        assertThat(provider.heat()).isZero();
        assertThat(provider.firstPublished()).isNull();
        assertThat(JsonSchemas.violations("provider", mapper.writeValueAsBytes(provider)))
                .isEmpty();
        assertThat(JsonSchemas.violations("topic", mapper.writeValueAsBytes(topic("ai", undated))))
                .isEmpty();
    }

    @Test
    void shouldRejectRecordsThatBreakTheContract() {
        final String provider = mapper.writeValueAsString(provider("example.com", "Example", THREE));
        final String topic = mapper.writeValueAsString(topic("ai", THREE));

        assertThat(violations("provider", provider.replace("\"stories\":3", "\"stories\":0")))
                .isNotEmpty();
        assertThat(violations("provider", provider.replace("\"p90\":80", "\"p90\":101")))
                .isNotEmpty();
        assertThat(violations("provider", provider.replace("{\"key\"", "{\"extra\":1,\"key\"")))
                .isNotEmpty();
        assertThat(violations("topic", topic.replace("\"key\":\"ai\"", "\"key\":\"Not A Slug\"")))
                .isNotEmpty();
        assertThat(violations("topic", topic.replace("\"asOf\":\"2024-06-01T00:00:00Z\"", "\"asOf\":1717200000")))
                .isNotEmpty();
    }

    @Test
    void shouldWriteATombstoneInsteadOfARecordWithoutStories() {
        final List<ProviderRecord> records = written(ProviderRecord::from, "example.com", "Example", THREE, THREE);

        assertThat(records).hasSize(2);
        assertThat(records.get(0).stories()).isEqualTo(3);
        assertThat(records.get(1)).isNull();
    }

    private static List<?> violations(final String schema, final String json) {
        return JsonSchemas.violations(schema, json.getBytes(StandardCharsets.UTF_8));
    }
}
