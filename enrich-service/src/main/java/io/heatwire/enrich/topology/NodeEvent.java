package io.heatwire.enrich.topology;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

import io.heatwire.enrich.story.Story;

/**
 * What one story node tells another, on the story-events topic keyed by the receiving story id.
 * The parse step sends the first events of each document; the nodes send the rest.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "event")
@JsonSubTypes({
    @JsonSubTypes.Type(value = NodeEvent.StoryVersion.class, name = "story"),
    @JsonSubTypes.Type(value = NodeEvent.AliasClaim.class, name = "alias"),
    @JsonSubTypes.Type(value = NodeEvent.Rewire.class, name = "rewire")})
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

    /** The story the receiving ARTICLE referenced as {@code reference} is known as {@code resolvedTo}. */
    record Rewire(String reference, String resolvedTo) implements NodeEvent {
    }
}
