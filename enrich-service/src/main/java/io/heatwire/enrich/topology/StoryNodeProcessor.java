package io.heatwire.enrich.topology;

import java.util.Objects;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

import io.heatwire.enrich.story.Story;
import io.heatwire.enrich.story.StoryKind;
import io.heatwire.enrich.story.StoryMerge;

/**
 * One story id's node: merges the versions of its story (SPEC 6), resolves aliases (SPEC 5)
 * whichever of the article and the reference arrives first, and publishes the story when — and
 * only when — what it publishes changes, so re-publishing a document writes nothing.
 *
 * <p>An alias id that was first seen as a REFERENCE story is retired when its owner's claim
 * arrives: its story gets a tombstone and every article that referenced it is told the owner's id.
 */
final class StoryNodeProcessor implements Processor<String, NodeEvent, String, NodeOutput> {

    private final String storeName;
    private ProcessorContext<String, NodeOutput> context;
    private KeyValueStore<String, StoryNode> nodes;

    StoryNodeProcessor(String storeName) {
        this.storeName = storeName;
    }

    @Override
    public void init(ProcessorContext<String, NodeOutput> context) {
        this.context = context;
        this.nodes = context.getStateStore(storeName);
    }

    @Override
    public void process(Record<String, NodeEvent> record) {
        final String id = record.key();
        final StoryNode before = Objects.requireNonNullElse(nodes.get(id), StoryNode.EMPTY);
        final NodeEvent event = record.value();
        final StoryNode after;
        if (event instanceof NodeEvent.StoryVersion version) {
            after = onVersion(id, before, version, record.timestamp());
        } else if (event instanceof NodeEvent.AliasClaim claim) {
            after = onClaim(id, before, claim, record.timestamp());
        } else {
            after = onRewire(before, (NodeEvent.Rewire) event);
        }
        if (!after.equals(before)) {
            nodes.put(id, after);
        }
        final Story published = after.published();
        if (!Objects.equals(before.published(), published)) {
            emit(id, new NodeOutput.StoryUpdate(published), record.timestamp());
        }
    }

    private StoryNode onVersion(String id, StoryNode node, NodeEvent.StoryVersion version, long timestamp) {
        final SortedSet<String> referrers = with(node.referrers(), version.referrer());
        final boolean newReferrer = version.referrer() != null && !node.referrers().contains(version.referrer());
        if (node.aliasOf() != null && version.story().kind() == StoryKind.REFERENCE) {
            // A reference to an alias is a reference to its owner; the owner's own ARTICLE version
            // is on its way from the claiming document, so the reference adds nothing there.
            if (newReferrer) {
                send(version.referrer(), new NodeEvent.Rewire(id, node.aliasOf()), timestamp);
            }
            return new StoryNode(null, node.aliasOf(), node.claimants(), referrers, node.resolved());
        }
        final Story merged = StoryMerge.merge(node.story(), version.story());
        String aliasOf = node.aliasOf();
        if (aliasOf != null) {
            // An article's own id is never an alias: its referrers resolve to it again.
            aliasOf = null;
            for (String referrer : node.referrers()) {
                send(referrer, new NodeEvent.Rewire(id, id), timestamp);
            }
        }
        return new StoryNode(merged, aliasOf, node.claimants(), referrers, node.resolved());
    }

    private StoryNode onClaim(String id, StoryNode node, NodeEvent.AliasClaim claim, long timestamp) {
        final SortedSet<String> claimants = with(node.claimants(), claim.owner());
        if (node.isArticle()) {
            return new StoryNode(node.story(), null, claimants, node.referrers(), node.resolved());
        }
        final String owner = claimants.first();
        if (!owner.equals(node.aliasOf())) {
            for (String referrer : node.referrers()) {
                send(referrer, new NodeEvent.Rewire(id, owner), timestamp);
            }
        }
        // The REFERENCE story, if any, is kept so the id can become a story again only as an ARTICLE.
        return new StoryNode(node.story(), owner, claimants, node.referrers(), node.resolved());
    }

    private static StoryNode onRewire(StoryNode node, NodeEvent.Rewire rewire) {
        final SortedMap<String, String> resolved = new TreeMap<>(node.resolved());
        if (rewire.reference().equals(rewire.resolvedTo())) {
            resolved.remove(rewire.reference());
        } else {
            resolved.put(rewire.reference(), rewire.resolvedTo());
        }
        return new StoryNode(node.story(), node.aliasOf(), node.claimants(), node.referrers(), resolved);
    }

    private void send(String to, NodeEvent event, long timestamp) {
        emit(to, new NodeOutput.ToNode(event), timestamp);
    }

    private void emit(String key, NodeOutput output, long timestamp) {
        context.forward(new Record<>(key, output, timestamp, new RecordHeaders()));
    }

    private static SortedSet<String> with(SortedSet<String> set, String element) {
        if (element == null || set.contains(element)) {
            return set;
        }
        final SortedSet<String> copy = new TreeSet<>(set);
        copy.add(element);
        return copy;
    }
}
