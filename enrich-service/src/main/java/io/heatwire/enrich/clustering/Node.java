package io.heatwire.enrich.clustering;

import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The state of one id (article, referenced id or alias URL), in the task that owns the id.
 *
 * @param facts          merged story facts, {@code null} while only claims are known
 * @param claimants      articles that list this id as one of their own URLs
 * @param related        for an article: every related id it has listed so far, with the highest
 *                       REFERENCE version it has forwarded to it
 * @param aliases        for an article: every alias id it has claimed so far
 * @param root           where the id believes its cluster is (possibly a forwarded cluster: the
 *                       forward pointers lead on); {@code null} until the id is part of the graph
 * @param awaitingSettle a new reference waiting for its referrer to say which root to join
 * @param sent           the registration some cluster was last asked to count, {@code null} if none
 * @param clusterId      the cluster id this story should publish, as far as it knows
 * @param shown          the cluster id of its live story record, {@code null} if none is live
 * @param contentChanged the facts changed since the story record was last written
 * @param retiring       it stopped being a story: the next flush tells whoever may expect it as a pid
 * @param toSettle       new related ids to tell, once {@code settleDue} has come, where to register
 */
public record Node<C>(
        StoryFacts<C> facts,
        Set<String> claimants,
        Map<String, Long> related,
        Set<String> aliases,
        Hint root,
        boolean awaitingSettle,
        Registration<C> sent,
        String clusterId,
        String shown,
        boolean contentChanged,
        boolean retiring,
        Set<String> toSettle,
        long settleDue) {

    public Node {
        claimants = Sorted.set(Objects.requireNonNull(claimants, "claimants"));
        related = Sorted.map(Objects.requireNonNull(related, "related"));
        aliases = Sorted.set(Objects.requireNonNull(aliases, "aliases"));
        toSettle = Sorted.set(Objects.requireNonNull(toSettle, "toSettle"));
    }

    static <C> Node<C> empty() {
        return new Node<>(
                null, Set.of(), Map.of(), Set.of(), null, false, null, null, null, false, false, Set.of(), 0L);
    }

    /** SPEC 5: an id with an ARTICLE version, or with a REFERENCE version and no claimant. */
    public boolean isStory() {
        return facts != null && (facts.kind() == Kind.ARTICLE || claimants.isEmpty());
    }

    /** The registration this story wants counted: its contribution at its root, once it has one. */
    Registration<C> want(String id) {
        if (!isStory() || awaitingSettle || root == null) {
            return null;
        }
        return new Registration<>(root.key(), facts.contribution(), facts.order(id));
    }

    boolean outputStale() {
        if (isStory() && clusterId != null) {
            return contentChanged || !clusterId.equals(shown);
        }
        return !isStory() && shown != null;
    }

    /** Whether the outbox holds anything of this node (rebuilt from this at start-up). */
    boolean needsFlush(String id) {
        return !Objects.equals(want(id), sent) || !toSettle.isEmpty() || outputStale() || retiring;
    }
}
