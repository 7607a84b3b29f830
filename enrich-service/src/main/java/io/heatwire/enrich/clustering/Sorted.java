package io.heatwire.enrich.clustering;

import java.util.Collection;
import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/** Immutable sorted copies: state values iterate in a fixed order, so a replay sends the same messages. */
final class Sorted {

    private Sorted() {}

    static <T extends Comparable<T>> SortedSet<T> set(Collection<T> values) {
        return Collections.unmodifiableSortedSet(new TreeSet<>(values));
    }

    static <K extends Comparable<K>, V> SortedMap<K, V> map(Map<K, V> values) {
        return Collections.unmodifiableSortedMap(new TreeMap<>(values));
    }
}
