package io.heatwire.enrich.aggregate;

import java.util.List;

/**
 * Changes of one provider's or topic's statistics, keyed by the provider key or topic slug, in the
 * order they happened: the stories that changed in one write interval travel together.
 */
public record StatsChanges(List<StatsChange> changes) {

    public StatsChanges {
        changes = List.copyOf(changes);
    }
}
