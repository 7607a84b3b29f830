package io.heatwire.enrich.clustering;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import io.heatwire.article.story.SourceVersion;

class DocumentOrderTest {

    private static long order(String published, String ingested) {
        return ClusteringProcessor.documentOrder(
                new SourceVersion(published == null ? null : Instant.parse(published), Instant.parse(ingested), "hash"),
                0);
    }

    @Test
    void shouldOrderDocumentsByPublicationThenIngestionAsTheirReferencesMerge() {
        // a later publication wins even when it was ingested first
        assertThat(order("2024-03-02T10:00:00Z", "2024-05-01T00:00:01Z"))
                .isGreaterThan(order("2024-03-01T10:00:00Z", "2024-05-01T00:00:59Z"));
        // an edit that keeps its publication time wins by its later ingestion
        assertThat(order("2024-03-01T10:00:00Z", "2024-05-01T00:01:00Z"))
                .isGreaterThan(order("2024-03-01T10:00:00Z", "2024-05-01T00:00:59Z"));
        // an unknown publication time comes first
        assertThat(order(null, "2026-12-01T00:00:00Z"))
                .isLessThan(order("1970-01-02T00:00:00Z", "2024-05-01T00:00:00Z"));
    }
}
