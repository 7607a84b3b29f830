package io.heatwire.benchmarks.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class ReportTest {

    @Test
    void shouldShowEachPipelineFigureWithItsRatioToTheBaselines() {
        final String table = String.join("\n", Report.run(RunResults.tenThousand(), "heatwire.articles.raw"));

        assertThat(table)
                .contains("10,000 articles (seed 1, 60.0 MB), 6 raw partitions, 1 enrich-service instance")
                .contains("structure: OK, 50,000 stories and 300 clusters, as loadgen planned them")
                .contains("structure (latency run, with the warm-up's): OK, 50,000 stories and 300 clusters")
                .containsPattern("end to end, full speed +100 +articles/s +0.020× parse rate, 0.0050× broker rate")
                .containsPattern("raw parse, 1 thread +5,000 +docs/s")
                .containsPattern("raw broker produce\\+consume +20,000 +docs/s")
                .containsPattern(
                        "latency run warm-up +2,000 +articles +other story ids, at full speed on the same "
                                + "broker and enrich-service, processed in 20.0 s before the latency run; in none of its figures")
                .containsPattern("latency p50 at 50.0/s +400 +ms +" + Report.LATENCY_SOURCE)
                .containsPattern("latency p99 +900 +ms")
                .containsPattern("p99 by tenth of the corpus +ms +500, 600, 700, 800, 900, 900, 900, 900, 1,000, 1,200")
                .containsPattern("enrich-service CPU per article +2.00 +ms +10.0× the 1-thread parse cost")
                .containsPattern(
                        "records written per article +40.0 +heatwire-enrich.story-events 30.0, heatwire.stories 10.0");
    }

    @Test
    void shouldListTopicsByRecordsWrittenAndThreadsByCpu() {
        final List<String> lines = Report.run(RunResults.tenThousand(), "heatwire.articles.raw");

        assertThat(lines)
                .anySatisfy(line ->
                        assertThat(line).matches("heatwire-enrich.story-events +internal +6 +300,000 +30.0 +400"));
        assertThat(lines).anySatisfy(line -> assertThat(line).matches("heatwire-enrich +10.0 +50.0%"));
        assertThat(lines)
                .anySatisfy(
                        line -> assertThat(line).matches("end to end ≥ 60% of the 1-thread parse rate +2.00% +misses"));
        assertThat(lines)
                .anySatisfy(
                        line -> assertThat(line)
                                .matches(
                                        "p99 < 1 s at half load after a warm-up +p99 900 ms after 2,000 warm-up articles +meets"));
    }

    @Test
    void shouldShowTheCeilingRunAndEndToEndOverItWhenThereWasOne() {
        assertThat(Report.run(RunResults.tenThousand(), "raw")).noneMatch(line -> line.contains("ceiling"));

        final String table =
                String.join("\n", Report.run(RunResults.withCeiling(RunResults.tenThousand(), true), "raw"));

        assertThat(table)
                .contains("structure (ceiling run): OK, 50,000 stories and 0 clusters")
                .containsPattern(
                        "ceiling, full speed +200 +articles/s +end to end ÷ ceiling 0.500×; 0.040× parse rate; "
                                + "enrich-service without clustering, fresh broker, same documents, 50.0 s, 1.00 ms CPU per "
                                + "article");
    }

    @Test
    void shouldSayFailedAndListTheDifferences() {
        final String table = String.join("\n", Report.run(RunResults.sized(2_000, 2.0, false), "raw"));

        assertThat(table).contains("structure: FAILED").contains("  clusters: expected 300, found 301");
    }

    @Test
    void shouldShowCostPerArticleBySizeAgainstTheSmallest() {
        final List<String> lines =
                Report.scale(List.of(RunResults.sized(10_000, 2.0, true), RunResults.sized(100_000, 3.0, false)));

        assertThat(lines).anySatisfy(line -> assertThat(line).matches(" *10,000 +100 +10.0 +2.00 +1.00× .* OK"));
        assertThat(lines).anySatisfy(line -> assertThat(line).matches(" *100,000 +100 +10.0 +3.00 +1.50× .* FAILED"));
        assertThat(lines.get(lines.size() - 1))
                .isEqualTo(
                        "cost per article flat from 10k to 1M: 1.50× CPU per article from 10,000 to 100,000: misses");
    }
}
