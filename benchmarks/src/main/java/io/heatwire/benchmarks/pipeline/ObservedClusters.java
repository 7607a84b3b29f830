package io.heatwire.benchmarks.pipeline;

import java.util.Map;

/**
 * What a read_committed consumer sees on the pipeline's outputs once it has read them all.
 *
 * @param articleStories   live ARTICLE stories on {@code heatwire.stories}
 * @param referenceStories live REFERENCE stories
 * @param clusters         every live cluster id on {@code heatwire.clusters} → its {@code size}
 * @param storyClusters    the {@code clusterId} of the stories asked for (the bridges' articles)
 * @param deadLetters      records on the dead-letter topic
 */
record ObservedClusters(
        long articleStories,
        long referenceStories,
        Map<String, Long> clusters,
        Map<String, String> storyClusters,
        long deadLetters) {

    long stories() {
        return articleStories + referenceStories;
    }
}
