package io.heatwire.enrich.aggregate;

/**
 * A change of one provider's or topic's statistics, keyed by the provider key or topic slug:
 * {@code removed} leaves (null: nothing), {@code added} joins (null: nothing).
 *
 * @param name the display name that comes with {@code added} (a provider's name), or null
 */
public record StatsChange(Contribution removed, Contribution added, String name) {}
