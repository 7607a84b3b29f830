package io.heatwire.enrich.query;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import tools.jackson.databind.JsonNode;

/**
 * The first entries of a key range, in key order, from the partitions that answered. Keys of
 * different partitions interleave; merging the slices of every partition and keeping the first
 * {@code limit} gives the exact first {@code limit} of the whole store.
 *
 * @param partitions the partitions whose entries are included (their active tasks answered)
 * @param entries    in key order, at most the limit asked for
 */
public record Slice(Set<Integer> partitions, List<Entry> entries) {

    /** Keys compare by their UTF-8 bytes, the order of the stores. */
    static final Comparator<String> KEY_ORDER =
            (a, b) -> Arrays.compareUnsigned(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));

    /** One entry of a view or index; {@code record} is the view's record (for an index, the one it points at). */
    public record Entry(String key, JsonNode record) {}

    public Slice {
        partitions = Set.copyOf(partitions);
        entries = List.copyOf(entries);
    }

    /** The slices merged: the union of their partitions and the first {@code limit} of their entries. */
    static Slice merge(List<Slice> slices, int limit) {
        final Set<Integer> partitions = new TreeSet<>();
        final List<Entry> entries = new ArrayList<>();
        for (Slice slice : slices) {
            partitions.addAll(slice.partitions());
            entries.addAll(slice.entries());
        }
        entries.sort(Comparator.comparing(Entry::key, KEY_ORDER));
        return new Slice(partitions, entries.subList(0, Math.min(limit, entries.size())));
    }
}
