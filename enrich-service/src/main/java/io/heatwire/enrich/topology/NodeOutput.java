package io.heatwire.enrich.topology;

import io.heatwire.enrich.story.Story;

/** What a story node writes: an event for another node, or its story (null: a tombstone). */
sealed interface NodeOutput {

    record ToNode(NodeEvent event) implements NodeOutput {
    }

    record StoryUpdate(Story story) implements NodeOutput {
    }
}
