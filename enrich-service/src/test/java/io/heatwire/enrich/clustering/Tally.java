package io.heatwire.enrich.clustering;

import java.util.Collections;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A test aggregate like the production one: story count, heat sum and a quality histogram. It refuses
 * to go negative and to remove a contribution it does not hold, so any protocol step that removes
 * what a cluster never counted fails the test on the spot.
 */
record Tally(int stories, long heat, SortedMap<Integer, Integer> qualities) {

    static final Aggregator<Figures, Tally> AGGREGATOR = new Aggregator<>() {
        @Override
        public Tally empty() {
            return new Tally(0, 0, new TreeMap<>());
        }

        @Override
        public Tally add(Tally tally, Figures figures) {
            return tally.plus(figures);
        }

        @Override
        public Tally remove(Tally tally, Figures figures) {
            return tally.minus(figures);
        }
    };

    Tally {
        if (stories < 0 || heat < 0 || qualities.values().stream().anyMatch(count -> count <= 0)) {
            throw new IllegalStateException("negative aggregate: " + stories + " " + heat + " " + qualities);
        }
        qualities = Collections.unmodifiableSortedMap(new TreeMap<>(qualities));
    }

    Tally plus(Figures figures) {
        final TreeMap<Integer, Integer> histogram = new TreeMap<>(qualities);
        histogram.merge(figures.quality(), 1, Integer::sum);
        return new Tally(stories + 1, heat + figures.heat(), histogram);
    }

    Tally minus(Figures figures) {
        final Integer count = qualities.get(figures.quality());
        if (count == null || stories == 0 || heat < figures.heat()) {
            throw new IllegalStateException("removing " + figures + " that " + this + " never counted");
        }
        final TreeMap<Integer, Integer> histogram = new TreeMap<>(qualities);
        if (count == 1) {
            histogram.remove(figures.quality());
        } else {
            histogram.put(figures.quality(), count - 1);
        }
        return new Tally(stories - 1, heat - figures.heat(), histogram);
    }
}
