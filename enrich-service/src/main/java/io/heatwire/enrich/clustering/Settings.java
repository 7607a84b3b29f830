package io.heatwire.enrich.clustering;

/**
 * @param settleDelay     how long (in the caller's time unit) an article waits before telling its new
 *                        references which root to join; long enough for the article to attach, so
 *                        the references register once, short enough for latency. Any value is
 *                        correct.
 * @param inlineMembers   rosters up to this size live in the cluster record, larger ones in the
 *                        member index
 */
public record Settings(long settleDelay, int inlineMembers) {

    public Settings {
        if (settleDelay < 0 || inlineMembers < 0) {
            throw new IllegalArgumentException("settings must not be negative");
        }
    }

    public static Settings defaults() {
        return new Settings(150, 64);
    }
}
