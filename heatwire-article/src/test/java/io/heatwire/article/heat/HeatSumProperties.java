package io.heatwire.article.heat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.LongRange;

/** SPEC 8: the heat sum is exact under removal, ranks as heat does and never overflows. */
class HeatSumProperties {

    private static final long MINUTE = 60_000L;
    private static final long DAY = 86_400_000L;
    private static final long FROM_1970 = 0L;
    /** 2100-12-31T23:59:59.999Z. */
    private static final long TO_2100 = 4_133_980_799_999L;

    private static final long NOW = Instant.parse("2024-06-01T00:00:00Z").toEpochMilli();

    /** One story's part of a sum. */
    record Term(Integer quality, Instant publishedAt) {}

    @Property
    void shouldReturnExactlyThePriorValueAfterAddThenRemove(
            @ForAll("halfLives") final long halfLife,
            @ForAll("anyTerms") final List<Term> base,
            @ForAll("anyTerms") final List<Term> extra,
            @ForAll final long seed) {
        final HeatSum before = sum(halfLife, base);
        final Random random = new Random(seed);
        final List<Term> pending = new ArrayList<>(extra);
        final List<Term> added = new ArrayList<>();
        HeatSum sum = before;
        while (!pending.isEmpty() || !added.isEmpty()) {
            if (!pending.isEmpty() && (added.isEmpty() || random.nextBoolean())) {
                final Term term = pending.remove(random.nextInt(pending.size()));
                sum = sum.add(term.quality(), term.publishedAt());
                added.add(term);
            } else {
                final Term term = added.remove(random.nextInt(added.size()));
                sum = sum.remove(term.quality(), term.publishedAt());
            }
        }
        assertThat(sum).isEqualTo(before);
        assertThat(sum.heatScore()).isEqualTo(before.heatScore());
    }

    @Property
    void shouldNotDependOnTheOrderOfAdditions(
            @ForAll("halfLives") final long halfLife,
            @ForAll("anyTerms") final List<Term> terms,
            @ForAll final long seed) {
        final List<Term> shuffled = new ArrayList<>(terms);
        Collections.shuffle(shuffled, new Random(seed));

        final HeatSum sum = sum(halfLife, shuffled);

        assertThat(sum).isEqualTo(sum(halfLife, terms));
        assertThat(HeatSum.of(halfLife, sum.chunks())).isEqualTo(sum);
    }

    @Property
    void shouldStayFiniteAndSmallAcross1970To2100(
            @ForAll("halfLives") final long halfLife,
            @ForAll("anyTerms") final List<Term> terms,
            @ForAll @LongRange(min = FROM_1970, max = TO_2100) final long at) {
        final HeatSum sum = sum(halfLife, terms);
        final double heat = sum.heatAt(Instant.ofEpochMilli(at));

        assertThat(heat).isNotNaN().isFinite().isGreaterThanOrEqualTo(0.0);
        if (terms.isEmpty()) {
            assertThat(sum.heatScore()).isNull();
            return;
        }
        assertThat(sum.heatScore()).isNotNaN().isFinite().isBetween(-1.0, (double) TO_2100 / halfLife + 8);
        final long bits = sum.chunks().stream()
                .mapToLong(chunk -> new BigInteger(chunk.digits(), 16).bitLength())
                .sum();
        assertThat(bits).isLessThanOrEqualTo(terms.size() * (56L + HeatSum.GAP + 8));
    }

    @Property
    void shouldHalveEveryHalfLife(
            @ForAll("halfLives") final long halfLife,
            @ForAll("anyTerms") final List<Term> terms,
            @ForAll @LongRange(min = FROM_1970, max = TO_2100) final long at) {
        final HeatSum sum = sum(halfLife, terms);
        final double now = sum.heatAt(Instant.ofEpochMilli(at));
        final double later = sum.heatAt(Instant.ofEpochMilli(at + halfLife));

        if (now < Double.MAX_VALUE && now / 2 >= Double.MIN_NORMAL) {
            assertThat(later).isEqualTo(now / 2);
        } else {
            assertThat(later).isLessThanOrEqualTo(now);
        }
    }

    @Property
    void shouldRankByScoreAsByHeatAtAnyLaterInstant(
            @ForAll("moderateHalfLives") final long halfLife,
            @ForAll("clusters") final List<List<Term>> clusters,
            @ForAll @LongRange(min = 0, max = 60 * DAY) final long after) {
        final Instant at = Instant.ofEpochMilli(NOW + 120 * DAY + after);
        final List<HeatSum> sums =
                clusters.stream().map(terms -> sum(halfLife, terms)).toList();
        final List<Double> exact =
                clusters.stream().map(terms -> directHeat(halfLife, terms, at)).toList();
        final List<Integer> byScore =
                ranking(sums.size(), Comparator.comparing(i -> sums.get(i).heatScore()));
        final List<Integer> byHeat =
                ranking(sums.size(), Comparator.comparing(i -> sums.get(i).heatAt(at)));

        for (int i = 0; i < sums.size(); i++) {
            for (int j = 0; j < sums.size(); j++) {
                final int byScores =
                        Double.compare(sums.get(i).heatScore(), sums.get(j).heatScore());
                assertThat(Double.compare(sums.get(i).heatAt(at), sums.get(j).heatAt(at)) * byScores)
                        .isGreaterThanOrEqualTo(0);
                // Away from near-ties, the order agrees with heat computed directly from the formula.
                if (Math.abs(exact.get(i) - exact.get(j)) > 1e-9 * Math.max(exact.get(i), exact.get(j))) {
                    assertThat(byScores).isEqualTo(Double.compare(exact.get(i), exact.get(j)));
                }
            }
        }
        assertThat(byScore.stream().map(sums::get).map(sum -> sum.heatAt(at)).toList())
                .isEqualTo(byHeat.stream()
                        .map(sums::get)
                        .map(sum -> sum.heatAt(at))
                        .toList());
    }

    @Property
    void shouldAgreeWithTheFormulaComputedDirectly(
            @ForAll("moderateHalfLives") final long halfLife,
            @ForAll("moderateTerms") final List<Term> terms,
            @ForAll @LongRange(min = -30 * DAY, max = 30 * DAY) final long offset) {
        final HeatSum sum = sum(halfLife, terms);
        final Instant at = Instant.ofEpochMilli(NOW + offset);

        assertThat(sum.heatScore()).isCloseTo(directScore(halfLife, terms), within(1e-9));
        final double direct = directHeat(halfLife, terms, at);
        // Subnormal doubles have fewer significant digits, so compare relatively only above them.
        if (direct > 1e-290) {
            assertThat(sum.heatAt(at)).isCloseTo(direct, within(1e-9 * direct));
        } else {
            assertThat(sum.heatAt(at)).isLessThan(1e-289);
        }
    }

    private static List<Integer> ranking(final int size, final Comparator<Integer> order) {
        final List<Integer> indexes = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            indexes.add(i);
        }
        indexes.sort(order);
        return indexes;
    }

    /** log2 Σ w·2^(t/H), relative to the latest story so that doubles neither overflow nor drift. */
    private static double directScore(final long halfLife, final List<Term> terms) {
        final double latest = terms.stream()
                .mapToDouble(term -> halfLives(term, halfLife))
                .max()
                .orElseThrow();
        double relative = 0;
        for (final Term term : terms) {
            relative += weight(term) * Math.pow(2, halfLives(term, halfLife) - latest);
        }
        return latest + Math.log(relative) / Math.log(2);
    }

    /** Σ w·2^(−(T − t)/H), term by term. */
    private static double directHeat(final long halfLife, final List<Term> terms, final Instant at) {
        double heat = 0;
        for (final Term term : terms) {
            heat += weight(term)
                    * Math.pow(
                            2, -(double) (at.toEpochMilli() - term.publishedAt().toEpochMilli()) / halfLife);
        }
        return heat;
    }

    private static double halfLives(final Term term, final long halfLife) {
        return (double) term.publishedAt().toEpochMilli() / halfLife;
    }

    private static double weight(final Term term) {
        return 1 + (term.quality() == null ? 0 : term.quality()) / 100.0;
    }

    private static HeatSum sum(final long halfLife, final List<Term> terms) {
        HeatSum sum = HeatSum.empty(halfLife);
        for (final Term term : terms) {
            sum = sum.add(term.quality(), term.publishedAt());
        }
        return sum;
    }

    @Provide
    Arbitrary<Long> halfLives() {
        return Arbitraries.oneOf(
                Arbitraries.longs().between(MINUTE, 30 * DAY), Arbitraries.of(MINUTE, 60 * MINUTE, DAY, 30 * DAY));
    }

    @Provide
    Arbitrary<Long> moderateHalfLives() {
        return Arbitraries.oneOf(Arbitraries.longs().between(60 * MINUTE, 30 * DAY), Arbitraries.of(DAY));
    }

    @Provide
    Arbitrary<List<Term>> anyTerms() {
        // Mostly close dates (one cluster), sometimes anywhere in 1970-2100.
        final Arbitrary<Long> millis = Arbitraries.oneOf(
                Arbitraries.longs().between(NOW - 40 * DAY, NOW + DAY),
                Arbitraries.longs().between(FROM_1970, TO_2100),
                Arbitraries.of(FROM_1970, TO_2100, NOW));
        return terms(millis).list().ofMaxSize(12);
    }

    @Provide
    Arbitrary<List<Term>> moderateTerms() {
        return terms(Arbitraries.longs().between(NOW - 90 * DAY, NOW))
                .list()
                .ofMinSize(1)
                .ofMaxSize(12);
    }

    @Provide
    Arbitrary<List<List<Term>>> clusters() {
        return terms(Arbitraries.longs().between(NOW - 60 * DAY, NOW + 60 * DAY))
                .list()
                .ofMinSize(1)
                .ofMaxSize(6)
                .list()
                .ofMinSize(2)
                .ofMaxSize(6);
    }

    private static Arbitrary<Term> terms(final Arbitrary<Long> millis) {
        final Arbitrary<Integer> quality =
                Arbitraries.integers().between(0, 100).injectNull(0.15);
        return Combinators.combine(quality, millis).as((q, ms) -> new Term(q, Instant.ofEpochMilli(ms)));
    }
}
