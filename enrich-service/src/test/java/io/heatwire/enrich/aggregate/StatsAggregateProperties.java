package io.heatwire.enrich.aggregate;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import tools.jackson.databind.json.JsonMapper;

/**
 * SPEC 9: an aggregate maintained through additions, updates (remove the old version, add the new
 * one) and removals equals the aggregate recomputed from scratch over the stories left.
 */
class StatsAggregateProperties {

    static final Duration HALF_LIFE = Duration.ofHours(24);
    private static final Instant AS_OF = Instant.parse("2024-06-01T00:00:00Z");
    private static final List<String> IDS = List.of("11111111111111111111111111111111",
            "22222222222222222222222222222222", "33333333333333333333333333333333", "44444444444444444444444444444444",
            "55555555555555555555555555555555", "66666666666666666666666666666666");

    private final JsonMapper mapper = JsonMapper.builder().build();

    @Property
    void shouldEqualTheAggregateRecomputedOverTheFinalStories(@ForAll("versions") final List<Contribution> versions,
            @ForAll final long seed) {
        final Random random = new Random(seed);
        final Map<String, Contribution> current = new LinkedHashMap<>();
        StatsAggregate aggregate = StatsAggregate.empty(HALF_LIFE);
        for (final Contribution version : versions) {
            final Contribution old = current.get(version.storyId());
            if (old != null && random.nextInt(4) == 0) {
                aggregate = aggregate.remove(old);
                current.remove(old.storyId());
                continue;
            }
            if (old != null) {
                aggregate = aggregate.remove(old);
            }
            aggregate = aggregate.add(version);
            current.put(version.storyId(), version);
        }
        final List<Contribution> left = new ArrayList<>(current.values());
        Collections.shuffle(left, random);
        StatsAggregate recomputed = StatsAggregate.empty(HALF_LIFE);
        for (final Contribution contribution : left) {
            recomputed = recomputed.add(contribution);
        }

        assertThat(aggregate).isEqualTo(recomputed);
        assertThat(aggregate.stories()).isEqualTo(left.size());
        assertThat(aggregate.articles()).isEqualTo(left.stream().filter(Contribution::article).count());
        assertThat(mapper.readValue(mapper.writeValueAsString(aggregate), StatsAggregate.class)).isEqualTo(aggregate);
        if (!left.isEmpty()) {
            assertThat(ProviderRecord.of("example.com", "Example", aggregate, AS_OF, AS_OF))
                    .isEqualTo(ProviderRecord.of("example.com", "Example", recomputed, AS_OF, AS_OF));
            assertThat(TopicRecord.of("ai", aggregate, AS_OF, AS_OF))
                    .isEqualTo(TopicRecord.of("ai", recomputed, AS_OF, AS_OF));
            assertThat(aggregate.firstPublished()).isEqualTo(left.stream().map(Contribution::publishedAt)
                    .filter(time -> time != null).min(Instant::compareTo).orElse(null));
            assertThat(aggregate.lastPublished()).isEqualTo(left.stream().map(Contribution::publishedAt)
                    .filter(time -> time != null).max(Instant::compareTo).orElse(null));
        }
    }

    @Provide
    Arbitrary<List<Contribution>> versions() {
        final Arbitrary<Instant> publishedAt = Arbitraries.longs().between(-20 * 86_400L, 0)
                .map(seconds -> AS_OF.plusSeconds(seconds)).injectNull(0.15);
        return Combinators.combine(Arbitraries.of(IDS), Arbitraries.of(true, false),
                Arbitraries.integers().between(0, 100).injectNull(0.2), publishedAt)
                .as(Contribution::new).list().ofMaxSize(40);
    }
}
