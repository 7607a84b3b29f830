package io.heatwire.enrich.topology;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

import io.heatwire.article.story.Story;

/**
 * What one story node tells another, on the story-events topic keyed by the receiving story id.
 * The parse step sends the first events of each document; the nodes send the rest.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "event")
@JsonSubTypes({
    @JsonSubTypes.Type(value = NodeEvent.StoryVersion.class, name = "story"),
    @JsonSubTypes.Type(value = NodeEvent.AliasClaim.class, name = "alias"),
    @JsonSubTypes.Type(value = NodeEvent.Rewire.class, name = "rewire"),
    @JsonSubTypes.Type(value = NodeEvent.Label.class, name = "label"),
    @JsonSubTypes.Type(value = NodeEvent.Reset.class, name = "reset")})
public sealed interface NodeEvent {

    /**
     * A version of the receiving story: an ARTICLE from its own document, or a REFERENCE from the
     * related list of {@code referrer}'s document.
     */
    record StoryVersion(Story story, String referrer) implements NodeEvent {
    }

    /** The receiving id is one of the URLs the ARTICLE {@code owner} lists for itself. */
    record AliasClaim(String owner) implements NodeEvent {
    }

    /**
     * The receiving node's neighbour {@code reference} is known as {@code resolvedTo}: it turned out
     * to be an alias (or, when both are equal, stopped being one).
     */
    record Rewire(String reference, String resolvedTo) implements NodeEvent {
    }

    /**
     * {@code from} is a neighbour of the receiving node in the story graph, and the smallest story
     * id it knows in its component is {@code label} (null: none yet). Both builds the undirected
     * graph and spreads the smallest id (label propagation).
     */
    record Label(String from, String label) implements NodeEvent {
    }

    /**
     * The story id {@code label} stopped being a story (it became an alias), so no node may keep it
     * as its label: floods the component once, and labels settle again without it.
     */
    record Reset(String label) implements NodeEvent {
    }
}
