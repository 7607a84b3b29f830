package io.heatwire.enrich.aggregate;

import java.time.Duration;

import io.heatwire.article.heat.HeatSum;
import io.heatwire.article.quality.QualityStats;

/**
 * The removable statistics of one provider or topic, as kept in its store. Publication times are
 * not kept here but in an index store, whose first and last entries give first and last published
 * whatever the number of stories.
 *
 * @param name      the last display name seen (providers), or null
 * @param published whether a record of this key was written, so its end needs a tombstone
 * @param changed   whether it changed since its record was last written (the stats processor
 *                  writes it when the interval ends, and finds it again after a restart)
 */
public record KeyStats(
        long stories,
        long articles,
        QualityStats quality,
        HeatSum heat,
        String name,
        boolean published,
        boolean changed) {

    public static KeyStats empty(Duration halfLife) {
        return new KeyStats(0, 0, QualityStats.EMPTY, HeatSum.empty(halfLife), null, false, false);
    }

    KeyStats add(Contribution contribution, String newName) {
        return new KeyStats(
                stories + 1,
                articles + (contribution.article() ? 1 : 0),
                quality.add(contribution.quality()),
                heat.add(contribution.quality(), contribution.publishedAt()),
                newName != null ? newName : name,
                published,
                true);
    }

    KeyStats remove(Contribution contribution) {
        return new KeyStats(
                stories - 1,
                articles - (contribution.article() ? 1 : 0),
                quality.remove(contribution.quality()),
                heat.remove(contribution.quality(), contribution.publishedAt()),
                name,
                published,
                true);
    }

    KeyStats asPublished() {
        return published && !changed ? this : new KeyStats(stories, articles, quality, heat, name, true, false);
    }
}
