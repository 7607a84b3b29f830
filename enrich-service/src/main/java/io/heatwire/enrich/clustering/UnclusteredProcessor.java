package io.heatwire.enrich.clustering;

import java.util.List;

import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

import io.heatwire.article.story.Story;
import io.heatwire.article.story.StoryMerge;
import io.heatwire.enrich.cluster.ClusterMember;
import io.heatwire.enrich.cluster.StoryChange;

/**
 * The benchmark's ceiling: every story its own cluster. Merges each story version into its
 * content (SPEC 6) and writes the story, with its own id as cluster id, when what it publishes
 * changed, plus the change of its contribution for the provider and topic statistics. It bounds
 * what any clustering design can reach, since it does everything but clustering.
 */
public final class UnclusteredProcessor implements Processor<String, ClusteringEvent, String, ClusteringOutput> {

    private final String contentsStore;
    private final String writtenStore;
    private final ClusteringProcessor.Observer observer;
    private ProcessorContext<String, ClusteringOutput> context;
    private KeyValueStore<String, Story> contents;
    private KeyValueStore<String, ClusterMember> written;

    public UnclusteredProcessor(String contentsStore, String writtenStore, ClusteringProcessor.Observer observer) {
        this.contentsStore = contentsStore;
        this.writtenStore = writtenStore;
        this.observer = observer;
    }

    @Override
    public void init(ProcessorContext<String, ClusteringOutput> context) {
        this.context = context;
        this.contents = context.getStateStore(contentsStore);
        this.written = context.getStateStore(writtenStore);
    }

    @Override
    public void process(Record<String, ClusteringEvent> record) {
        for (Story version : record.value().stories()) {
            final Story current = contents.get(version.id());
            final Story merged = StoryMerge.merge(current, version);
            if (merged == current) {
                continue;
            }
            contents.put(version.id(), merged);
            final Story story = ClusteringProcessor.published(merged, merged.id());
            if (current != null && story.equals(ClusteringProcessor.published(current, current.id()))) {
                continue; // a newer ingestion of the same content
            }
            context.forward(new Record<>(
                    story.id(), new ClusteringOutput.StoryWrite(story), record.timestamp(), new RecordHeaders()));
            observer.storyWritten(story, record.timestamp(), context.currentSystemTimeMs());
            final ClusterMember before = written.get(story.id());
            final ClusterMember after = ClusterMember.contributionOf(story);
            if (!after.equals(before)) {
                written.put(story.id(), after);
                context.forward(new Record<>(
                        story.id(),
                        new ClusteringOutput.StatsChanges(List.of(new StoryChange(before, after))),
                        record.timestamp(),
                        new RecordHeaders()));
            }
        }
    }
}
