package io.heatwire.enrich.aggregate;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.heatwire.article.heat.HeatSum;
import io.heatwire.article.quality.QualityStats;

/**
 * The removable statistics of a set of stories (SPEC 8 and 9): story and article counts, the
 * quality histogram, the exact heat sum and the publication times. Adding a contribution and then
 * removing it returns an equal aggregate, so updates (remove the old version, add the new one) and
 * merges stay exact in any order. Serialized by Jackson with these component names, as the state
 * of a store.
 *
 * @param stories   how many stories
 * @param articles  how many of them are ARTICLE stories
 * @param quality   the known qualities
 * @param heat      the heat sum of the dated stories
 * @param published the publication times of the dated stories
 */
public record StatsAggregate(long stories, long articles, QualityStats quality, HeatSum heat,
        PublishedTimes published) {

    public StatsAggregate {
        Objects.requireNonNull(quality, "quality");
        Objects.requireNonNull(heat, "heat");
        Objects.requireNonNull(published, "published");
        if (articles < 0 || articles > stories) {
            throw new IllegalArgumentException("articles " + articles + " outside 0-" + stories);
        }
    }

    /** The aggregate of no stories, with heat half-life {@code halfLife}. */
    public static StatsAggregate empty(final Duration halfLife) {
        return new StatsAggregate(0, 0, QualityStats.EMPTY, HeatSum.empty(halfLife), PublishedTimes.EMPTY);
    }

    public StatsAggregate add(final Contribution contribution) {
        return new StatsAggregate(stories + 1, articles + (contribution.article() ? 1 : 0),
                quality.add(contribution.quality()), heat.add(contribution.quality(), contribution.publishedAt()),
                published.add(contribution.publishedAt()));
    }

    /**
     * This aggregate without {@code contribution}, which must have been added before.
     *
     * @throws IllegalArgumentException when a figure shows that it was not (it is not always seen)
     */
    public StatsAggregate remove(final Contribution contribution) {
        if (stories == 0) {
            throw new IllegalArgumentException("no story to remove: " + contribution.storyId());
        }
        return new StatsAggregate(stories - 1, articles - (contribution.article() ? 1 : 0),
                quality.remove(contribution.quality()), heat.remove(contribution.quality(), contribution.publishedAt()),
                published.remove(contribution.publishedAt()));
    }

    /** No story: the record of this aggregate's key is a tombstone. */
    @JsonIgnore
    public boolean isEmpty() {
        return stories == 0;
    }

    /** Checks that a record can be built for {@code key}: a key, at least one story. */
    void requireStories(final String key) {
        Objects.requireNonNull(key, "key");
        if (isEmpty()) {
            throw new IllegalArgumentException("no story for " + key + ": publish a tombstone");
        }
    }

    Instant firstPublished() {
        return published.first();
    }

    Instant lastPublished() {
        return published.last();
    }
}
