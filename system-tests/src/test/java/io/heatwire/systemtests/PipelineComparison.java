package io.heatwire.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.function.UnaryOperator;

import tools.jackson.databind.JsonNode;

/**
 * What an enrich pipeline wrote after a run, next to what a reference pipeline wrote from the same
 * raw records: the compacted outputs and the number of dead letters of each.
 */
final class PipelineComparison {

    private final CompactedOutputs expected;
    private final CompactedOutputs actual;
    private final long expectedDeadLetters;
    private final long actualDeadLetters;
    private final Path work;

    private PipelineComparison(
            CompactedOutputs expected,
            CompactedOutputs actual,
            long expectedDeadLetters,
            long actualDeadLetters,
            Path work) {
        this.expected = expected;
        this.actual = actual;
        this.expectedDeadLetters = expectedDeadLetters;
        this.actualDeadLetters = actualDeadLetters;
        this.work = work;
    }

    /**
     * Reads both pipelines' outputs; the run names say how each ran ("in the uninterrupted run",
     * "after kills"). Differences go to {@code differences-<kind>.txt} under {@code work}.
     */
    static PipelineComparison read(
            String bootstrapServers,
            EnrichPipeline reference,
            String referenceRun,
            EnrichPipeline tested,
            String testedRun,
            Path work) {
        return new PipelineComparison(
                CompactedOutputs.read(referenceRun, bootstrapServers, reference),
                CompactedOutputs.read(testedRun, bootstrapServers, tested),
                KafkaTopics.count(bootstrapServers, reference.topic("dlq")),
                KafkaTopics.count(bootstrapServers, tested.topic("dlq")),
                work);
    }

    CompactedOutputs expected() {
        return expected;
    }

    CompactedOutputs actual() {
        return actual;
    }

    /** The same stories, compared as {@code comparable} makes them, and more than {@code moreThan} of them. */
    void assertSameStories(int moreThan, UnaryOperator<JsonNode> comparable, String context) throws IOException {
        assertThat(expected.of("stories")).as(context).hasSizeGreaterThan(moreThan);
        assertSame("stories", comparable, context);
    }

    /** The same clusters, providers and topics, apart from when each was written. */
    void assertSameAggregates(String context) throws IOException {
        for (String kind : CompactedOutputs.AGGREGATES) {
            assertThat(expected.of(kind)).as("%s, %s", kind, context).isNotEmpty();
            assertSame(kind, CompactedOutputs::withoutWriteTimes, context);
        }
    }

    void assertNoDeadLetters(String context) {
        assertThat(expectedDeadLetters)
                .as("dead letters of the reference, %s", context)
                .isZero();
        assertThat(actualDeadLetters)
                .as("dead letters of the pipeline under test, %s", context)
                .isZero();
    }

    private void assertSame(String kind, UnaryOperator<JsonNode> comparable, String context) throws IOException {
        actual.assertSameAs(expected, kind, comparable, work.resolve("differences-" + kind + ".txt"), context);
    }
}
