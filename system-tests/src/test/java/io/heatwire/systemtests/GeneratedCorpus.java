package io.heatwire.systemtests;

import java.util.ArrayList;
import java.util.List;

import io.heatwire.corpus.CorpusOptions;
import io.heatwire.corpus.CorpusPlan;
import io.heatwire.corpus.DocumentRenderer;
import io.heatwire.corpus.ExpectedStructure;
import io.heatwire.corpus.GeneratedDocument;

/**
 * The system tests' articles, from heatwire-corpus, the generator loadgen and the benchmarks use:
 * clusters of varied sizes (many small, some of tens, two of a hundred or more from 2,000 articles
 * on) whose articles link to each other by every URL form crawlers use (AMP twins, AMP-cache URLs,
 * tracking parameters, {@code www.} or not) and now and then to a page that is never published
 * (a REFERENCE story), in a seeded random publishing order.
 *
 * <p>Besides one version of each article the stream holds edits (5% of the articles: a later
 * version with the same URLs and publication time, a new title, quality and body, and one more
 * related entry within its cluster) and exact re-publications (2%), each after the version it
 * follows, so it is the later ingestion. {@link #bridges()} are articles published afterwards
 * that join half of the clusters into one.
 */
final class GeneratedCorpus {

    private final List<RawDocument> documents;
    private final List<RawDocument> bridges;
    private final ExpectedStructure expected;

    private GeneratedCorpus(List<RawDocument> documents, List<RawDocument> bridges, ExpectedStructure expected) {
        this.documents = List.copyOf(documents);
        this.bridges = List.copyOf(bridges);
        this.expected = expected;
    }

    /** {@code articles} articles, the bridges among them; every version of one is keyed by its story id. */
    static GeneratedCorpus generate(int articles, long seed) {
        final CorpusPlan plan = CorpusPlan.create(articles, seed, CorpusOptions.systemTests());
        final DocumentRenderer renderer = new DocumentRenderer(plan);
        final List<RawDocument> documents = new ArrayList<>();
        final List<RawDocument> bridges = new ArrayList<>();
        for (int index = 0; index < plan.documentCount(); index++) {
            final GeneratedDocument document = renderer.render(index);
            (index < plan.firstBridgeDocument() ? documents : bridges)
                    .add(new RawDocument("crawler/" + plan.id(document.article()), document.bytes(), document.url()));
        }
        return new GeneratedCorpus(documents, bridges, ExpectedStructure.of(plan, renderer));
    }

    /** The articles, their edits and re-publications, in publishing order. */
    List<RawDocument> documents() {
        return documents;
    }

    /** Articles that each refer to members of several clusters: publishing them merges half the clusters. */
    List<RawDocument> bridges() {
        return bridges;
    }

    /** Clusters once the bridges are in. */
    int clusters() {
        return expected.clusterCount();
    }

    /** Stories of the largest cluster once the bridges are in. */
    int largestCluster() {
        return expected.largestClusters().get(0).size();
    }
}
