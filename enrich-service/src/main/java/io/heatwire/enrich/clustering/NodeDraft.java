package io.heatwire.enrich.clustering;

import java.util.TreeMap;
import java.util.TreeSet;

/** A node being changed by one handler; only {@link Node} values are stored. */
final class NodeDraft<C> {

    StoryFacts<C> facts;
    final TreeSet<String> claimants;
    final TreeMap<String, Long> related;
    final TreeSet<String> aliases;
    Hint root;
    boolean awaitingSettle;
    Registration<C> sent;
    String clusterId;
    String shown;
    boolean contentChanged;
    boolean retiring;
    final TreeSet<String> toSettle;
    long settleDue;

    NodeDraft(Node<C> node) {
        facts = node.facts();
        claimants = new TreeSet<>(node.claimants());
        related = new TreeMap<>(node.related());
        aliases = new TreeSet<>(node.aliases());
        root = node.root();
        awaitingSettle = node.awaitingSettle();
        sent = node.sent();
        clusterId = node.clusterId();
        shown = node.shown();
        contentChanged = node.contentChanged();
        retiring = node.retiring();
        toSettle = new TreeSet<>(node.toSettle());
        settleDue = node.settleDue();
    }

    Node<C> build() {
        return new Node<>(
                facts,
                claimants,
                related,
                aliases,
                root,
                awaitingSettle,
                sent,
                clusterId,
                shown,
                contentChanged,
                retiring,
                toSettle,
                settleDue);
    }
}
